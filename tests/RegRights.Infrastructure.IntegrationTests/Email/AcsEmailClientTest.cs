using System.Security.Cryptography;
using System.Text;
using Azure;
using Azure.Core;
using Azure.Core.Pipeline;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using NodaTime;
using NodaTime.Testing;
using RegRights.Application.Email;
using RegRights.Infrastructure.Email;
using RegRights.Infrastructure.Email.Acs;
using RegRights.Testing;

namespace RegRights.Infrastructure.IntegrationTests.Email;

/// <summary>The ACS client against a loopback server that checks every request the way ACS does.</summary>
public sealed class AcsEmailClientTest
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task SendAsync_SignedWithAccessKey_IsAcceptedWithEveryPartOfTheMessage()
    {
        // Arrange
        await using var server = await AcsEmailServer.StartAsync();
        var client = new AcsEmailClient(server.ConnectionString, FastOptions());
        var operationId = Guid.NewGuid();

        // Act
        var result = await client.SendAsync(ReminderEmails.FilingDate().WithFrom(ReminderEmails.Sender), operationId, Cancel);

        // Assert: the server verified the signature (else 401) and parsed the documented schema (else 400).
        Assert.Equal(new AcsEmailSendResult(operationId.ToString(), AcsEmailSendStatus.Succeeded), result.Value);
        var email = Assert.Single(server.Emails);
        Assert.Equal(operationId, email.OperationId);
        Assert.Equal("reminders@regrights.example", email.SenderAddress);
        Assert.Equal(ReminderEmails.FilingDate().Subject, email.Subject);
        Assert.Equal(ReminderEmails.FilingDate().PlainText, email.PlainText);
        Assert.Equal(ReminderEmails.FilingDate().Html, email.Html);
        Assert.Equal([new ReceivedAddress("counsel@neotherapeutics.example", "Company Counsel")], email.To);
        Assert.Equal([new ReceivedAddress("paralegal@neotherapeutics.example", null)], email.Cc);
        var ics = Assert.Single(email.Attachments);
        Assert.Equal("filing-date.ics", ics.Name);
        // The message says text/calendar; method=PUBLISH; charset=utf-8, as SMTP sends it; ACS's allowed types name
        // text/calendar alone.
        Assert.Equal("text/calendar", ics.ContentType);
        // Not set on the message: no Bcc, no Reply-To, no headers, and tracking off by default.
        Assert.Equal((0, 0, 0, true), (email.Options.Bcc.Count, email.Options.ReplyTo.Count, email.Options.Headers.Count, email.Options.UserEngagementTrackingDisabled));
        Assert.Equal(ReminderEmails.FilingDateIcs, ics.Content);
        Assert.All(server.Requests, r => Assert.Equal("HMAC-SHA256", r.AuthorizationScheme));
        Assert.Equal(["POST", "GET"], server.Requests.Select(r => r.Method));
    }

    [Fact]
    public async Task SendAsync_ReplyToBccHeadersAndTracking_AreSentAsTheSdkSendsThem()
    {
        // Arrange: a reminder that replies to company counsel, with a Bcc to the firm's docket and two headers.
        await using var server = await AcsEmailServer.StartAsync();
        var client = new AcsEmailClient(server.ConnectionString, FastOptions());
        var message = new EmailMessage([ReminderEmails.CompanyCounsel], "Filing Date in 5 Business Days", "text", null)
        {
            From = ReminderEmails.Sender,
            Bcc = [new EmailAddress("docket@lw.example", "Docket")],
            ReplyTo = [new EmailAddress("apettis@lw.example", "Alan W. Pettis")],
            Headers = new Dictionary<string, string> { ["X-RegRights-Reminder"] = "filing-date.bd-5", ["X-RegRights-Agreement"] = "a1" },
            UserEngagementTrackingDisabled = false,
        };

        // Act
        await client.SendAsync(message, Guid.NewGuid(), Cancel);

        // Assert: each in the member ACS documents, with its type (the server refuses anything else).
        var options = Assert.Single(server.Emails).Options;
        Assert.Equal([new ReceivedAddress("docket@lw.example", "Docket")], options.Bcc);
        Assert.Equal([new ReceivedAddress("apettis@lw.example", "Alan W. Pettis")], options.ReplyTo);
        Assert.Equal("filing-date.bd-5", options.Headers["X-RegRights-Reminder"]);
        Assert.Equal("a1", options.Headers["X-RegRights-Agreement"]);
        Assert.False(options.UserEngagementTrackingDisabled);
    }

    [Fact]
    public async Task SendAsync_AttachmentTypeAcsDoesNotAllow_IsRefused400AndNothingIsSent()
    {
        // The loopback server checks ACS's allowed list, so the client's bare text/calendar is known to pass it.
        await using var server = await AcsEmailServer.StartAsync();
        var client = new AcsEmailClient(server.ConnectionString, FastOptions());
        var message = new EmailMessage([ReminderEmails.CompanyCounsel], "Program", "text", null)
        {
            From = ReminderEmails.Sender,
            Attachments = [new EmailAttachment("run.exe", "application/x-msdownload", new byte[] { 1 })],
        };

        var ex = await Assert.ThrowsAsync<RequestFailedException>(() => client.SendAsync(message, Guid.NewGuid(), Cancel));

        Assert.Equal(400, ex.Status);
        Assert.Empty(server.Emails);
    }

    [Theory]
    [InlineData("Bad Name", "v")]
    [InlineData("X-Ok", "line\r\nBcc: everyone@example.com")]
    public void Headers_ThatCouldAddAHeaderOfTheirOwn_AreRefused(string name, string value) =>
        Assert.Throws<ArgumentException>(() => new EmailMessage([ReminderEmails.CompanyCounsel], "s", "t", null)
        {
            Headers = new Dictionary<string, string> { [name] = value },
        });

    [Fact]
    public async Task SendAsync_WrongAccessKey_IsRejected401AndNothingIsSent()
    {
        // Arrange: a valid key of the right shape, but not the resource's.
        await using var server = await AcsEmailServer.StartAsync();
        var otherKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(64));
        var client = new AcsEmailClient($"endpoint={server.Endpoint};accesskey={otherKey}", FastOptions());

        // Act
        var ex = await Assert.ThrowsAsync<RequestFailedException>(() =>
            client.SendAsync(ReminderEmails.FilingDate().WithFrom(ReminderEmails.Sender), Guid.NewGuid(), Cancel));

        // Assert
        Assert.Equal(401, ex.Status);
        Assert.Equal("Denied", ex.ErrorCode);
        Assert.Empty(server.Emails);
    }

    [Theory]
    [InlineData(false, "x-ms-content-sha256 does not match")] // the body changed after signing: its SHA-256 no longer matches the header
    [InlineData(true, "signature does not match")] // the attacker also fixes x-ms-content-sha256: the hash is signed, so the signature fails
    public async Task SendAsync_BodyTamperedAfterSigning_IsRejected401(bool rehash, string reason)
    {
        // Arrange
        await using var server = await AcsEmailServer.StartAsync();
        var options = FastOptions();
        options.AddPolicy(new TamperPolicy(rehash), HttpPipelinePosition.BeforeTransport);
        var client = new AcsEmailClient(server.ConnectionString, options);

        // Act
        var ex = await Assert.ThrowsAsync<RequestFailedException>(() =>
            client.SendAsync(ReminderEmails.FilingDate().WithFrom(ReminderEmails.Sender), Guid.NewGuid(), Cancel));

        // Assert
        Assert.Equal(401, ex.Status);
        Assert.Contains(reason, ex.Message, StringComparison.Ordinal);
        Assert.Empty(server.Emails);
    }

    [Fact]
    public async Task SendAsync_DateMoreThan15MinutesOff_IsRejected401()
    {
        // Arrange: the signer's clock is 20 minutes slow; ACS refuses dates more than 15 minutes from its own.
        await using var server = await AcsEmailServer.StartAsync();
        var options = FastOptions();
        options.Clock = new FakeClock(SystemClock.Instance.GetCurrentInstant() - Duration.FromMinutes(20));
        var client = new AcsEmailClient(server.ConnectionString, options);

        // Act
        var ex = await Assert.ThrowsAsync<RequestFailedException>(() =>
            client.SendAsync(ReminderEmails.FilingDate().WithFrom(ReminderEmails.Sender), Guid.NewGuid(), Cancel));

        // Assert
        Assert.Equal(401, ex.Status);
        Assert.Contains("15 minutes", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SendAsync_NonDefaultPort_IsPartOfTheSignedHost()
    {
        // Arrange: the loopback port is never 80, so the signed host must read "127.0.0.1:{port}".
        await using var server = await AcsEmailServer.StartAsync();
        var client = new AcsEmailClient(server.ConnectionString, FastOptions());

        // Act
        await client.SendAsync(ReminderEmails.FilingDate().WithFrom(ReminderEmails.Sender), Guid.NewGuid(), Cancel);

        // Assert: the server verified the signature over the Host header it received, port included.
        var send = server.Requests[0];
        Assert.Equal(202, send.Status);
        var signedHeaderValues = send.SignedString!.Split('\n')[2].Split(';');
        Assert.Equal($"127.0.0.1:{server.Endpoint.Port}", signedHeaderValues[1]);
        Assert.Equal($"/emails:send?api-version={AcsEmailServer.ApiVersion}", send.SignedString.Split('\n')[1]);
    }

    [Theory]
    [InlineData("https://contoso.communication.azure.com/emails:send?api-version=2023-03-31", "contoso.communication.azure.com")] // default port: not written
    [InlineData("https://contoso.communication.azure.com:443/emails:send?api-version=2023-03-31", "contoso.communication.azure.com")] // explicit default port: still not written
    [InlineData("https://contoso.communication.azure.com:8443/emails:send?api-version=2023-03-31", "contoso.communication.azure.com:8443")] // non-default: written
    public void StringToSign_HostCarriesOnlyANonDefaultPort(string uri, string expectedHost)
    {
        var signed = AcsHmacAuthenticationPolicy.StringToSign("POST", new Uri(uri), "Sun, 28 May 2000 17:00:00 GMT", "hash=");

        Assert.Equal($"POST\n/emails:send?api-version=2023-03-31\nSun, 28 May 2000 17:00:00 GMT;{expectedHost};hash=", signed);
    }

    [Fact]
    public async Task SendAsync_Throttled_IsRetriedAfterRetryAfterWithTheSameOperationId()
    {
        // Arrange: the retry policy's own delay is 10 ms, so a wait of a second can only come from Retry-After.
        await using var server = await AcsEmailServer.StartAsync();
        server.ThrottleNextSends(1, retryAfterSeconds: 1);
        var client = new AcsEmailClient(server.ConnectionString, FastOptions());
        var operationId = Guid.NewGuid();

        // Act
        var result = await client.SendAsync(ReminderEmails.FilingDate().WithFrom(ReminderEmails.Sender), operationId, Cancel);

        // Assert
        Assert.Equal(AcsEmailSendStatus.Succeeded, result.Value.Status);
        var sends = server.Requests.Where(r => r.Method == "POST").ToList();
        Assert.Equal([429, 202], sends.Select(r => r.Status));
        Assert.All(sends, r => Assert.Equal(operationId.ToString(), r.OperationId));
        Assert.True(sends[1].ReceivedAt - sends[0].ReceivedAt >= TimeSpan.FromMilliseconds(950),
            $"retried after {(sends[1].ReceivedAt - sends[0].ReceivedAt).TotalMilliseconds} ms, Retry-After was 1 s");
        Assert.Single(server.Emails);
    }

    [Fact]
    public async Task SendAsync_AnswerLostAfterTheServiceTookTheEmail_RetryIsTheSameOperationAndOneEmail()
    {
        // Arrange: the first send is queued but answered 503, as when the 202 is lost on the way back.
        await using var server = await AcsEmailServer.StartAsync();
        server.FailNextSendAfterAccepting();
        var client = new AcsEmailClient(server.ConnectionString, FastOptions());
        var operationId = Guid.NewGuid();

        // Act
        var result = await client.SendAsync(ReminderEmails.FilingDate().WithFrom(ReminderEmails.Sender), operationId, Cancel);

        // Assert
        Assert.Equal(AcsEmailSendStatus.Succeeded, result.Value.Status);
        var sends = server.Requests.Where(r => r.Method == "POST").ToList();
        Assert.Equal([503, 202], sends.Select(r => r.Status));
        Assert.All(sends, r => Assert.Equal(operationId.ToString(), r.OperationId));
        Assert.Single(server.Emails);
    }

    [Fact]
    public async Task SendAsync_SameIdempotencyKeyTwice_IsOneOperationAndOneEmail()
    {
        // Arrange: the dispatcher crashed after sending and before recording; it sends the ledger row again.
        await using var server = await AcsEmailServer.StartAsync();
        var sender = Sender(new AcsEmailClient(server.ConnectionString, FastOptions()));
        const string key = "agreement-2000-04-28|filing-date|T-7";

        // Act
        var first = await sender.SendAsync(ReminderEmails.FilingDate(), key, Cancel);
        var second = await sender.SendAsync(ReminderEmails.FilingDate(), key, Cancel);

        // Assert
        var expectedId = EmailIdempotency.OperationIdFor(key).ToString();
        Assert.Equal(new EmailSendResult("Acs", expectedId, EmailSendStatus.Succeeded, null), first);
        Assert.Equal(first, second);
        Assert.Equal([expectedId, expectedId], server.Requests.Where(r => r.Method == "POST").Select(r => r.OperationId));
        Assert.Single(server.Emails);
    }

    [Fact]
    public async Task SendAsync_DifferentIdempotencyKeys_AreTwoEmails()
    {
        // Arrange: the T-7 and T-1 reminders of the same deadline are different ledger rows.
        await using var server = await AcsEmailServer.StartAsync();
        var sender = Sender(new AcsEmailClient(server.ConnectionString, FastOptions()));

        // Act
        var weekBefore = await sender.SendAsync(ReminderEmails.FilingDate(), "agreement-2000-04-28|filing-date|T-7", Cancel);
        var dayBefore = await sender.SendAsync(ReminderEmails.FilingDate(), "agreement-2000-04-28|filing-date|T-1", Cancel);

        // Assert
        Assert.NotEqual(weekBefore.MessageId, dayBefore.MessageId);
        Assert.Equal(2, server.Emails.Count);
    }

    [Fact]
    public async Task SendAsync_OperationFails_ReturnsFailedWithTheServiceError()
    {
        // Arrange
        await using var server = await AcsEmailServer.StartAsync();
        server.TerminalStatus = AcsEmailSendStatus.Failed.ToString();
        var sender = Sender(new AcsEmailClient(server.ConnectionString, FastOptions()));

        // Act
        var result = await sender.SendAsync(ReminderEmails.FilingDate(), "agreement-2000-04-28|filing-date|T-7", Cancel);

        // Assert
        Assert.Equal(EmailSendStatus.Failed, result.Status);
        Assert.StartsWith("EmailDropped: ", result.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SendAsync_StillRunningWhenPollingTimeRunsOut_ReturnsRunning()
    {
        // Arrange: the operation never finishes within the second the client may poll (counted from the send, so on a
        // loaded machine the first request must not use it all), at most one poll per 100 ms.
        await using var server = await AcsEmailServer.StartAsync();
        server.TerminalOnPoll = int.MaxValue;
        var options = FastOptions();
        options.PollingInterval = TimeSpan.FromMilliseconds(100);
        options.MaxPollingDuration = TimeSpan.FromSeconds(1);
        var sender = Sender(new AcsEmailClient(server.ConnectionString, options));

        // Act
        var result = await sender.SendAsync(ReminderEmails.FilingDate(), "agreement-2000-04-28|filing-date|T-7", Cancel);

        // Assert
        Assert.Equal(EmailSendStatus.Running, result.Status);
        Assert.InRange(server.Requests.Count(r => r.Method == "GET"), 1, 11);
    }

    [Fact]
    public async Task SendAsync_PollsAtTheIntervalTheServiceAsks()
    {
        // Arrange: Running answers carry retry-after: 1, and the operation ends on the first poll.
        await using var server = await AcsEmailServer.StartAsync();
        server.PollRetryAfterSeconds = 1;
        var client = new AcsEmailClient(server.ConnectionString, FastOptions());

        // Act
        var result = await client.SendAsync(ReminderEmails.FilingDate().WithFrom(ReminderEmails.Sender), Guid.NewGuid(), Cancel);

        // Assert: one poll, a second after the send (the client's own interval is 10 ms).
        Assert.Equal(AcsEmailSendStatus.Succeeded, result.Value.Status);
        var requests = server.Requests;
        Assert.Equal(["POST", "GET"], requests.Select(r => r.Method));
        Assert.True(requests[1].ReceivedAt - requests[0].ReceivedAt >= TimeSpan.FromMilliseconds(950));
    }

    [Fact]
    public async Task SendAsync_BearerToken_IsSentForTheCommunicationScopeOverTls()
    {
        // Arrange: https on loopback with a certificate the client trusts by thumbprint; tokens never go over http.
        using var certificate = LoopbackCertificate.Create();
        await using var server = await AcsEmailServer.StartAsync(certificate, bearerToken: "token-for-regrights");
        var credential = new FixedTokenCredential("token-for-regrights");
        var options = FastOptions();
        options.Transport = LoopbackCertificate.TrustOnly(certificate);
        var client = new AcsEmailClient(server.Endpoint, credential, options);

        // Act
        var result = await client.SendAsync(ReminderEmails.FilingDate().WithFrom(ReminderEmails.Sender), Guid.NewGuid(), Cancel);

        // Assert
        Assert.Equal(AcsEmailSendStatus.Succeeded, result.Value.Status);
        Assert.Equal("https", server.Endpoint.Scheme);
        Assert.Contains("https://communication.azure.com//.default", credential.RequestedScopes);
        Assert.All(server.Requests, r => Assert.Equal("Bearer", r.AuthorizationScheme));
        Assert.Single(server.Emails);
    }

    [Fact]
    public async Task SendAsync_WrongBearerToken_IsRejected401()
    {
        // Arrange
        using var certificate = LoopbackCertificate.Create();
        await using var server = await AcsEmailServer.StartAsync(certificate, bearerToken: "token-for-regrights");
        var options = FastOptions();
        options.Transport = LoopbackCertificate.TrustOnly(certificate);
        var client = new AcsEmailClient(server.Endpoint, new FixedTokenCredential("someone-elses-token"), options);

        // Act
        var ex = await Assert.ThrowsAsync<RequestFailedException>(() =>
            client.SendAsync(ReminderEmails.FilingDate().WithFrom(ReminderEmails.Sender), Guid.NewGuid(), Cancel));

        // Assert
        Assert.Equal(401, ex.Status);
        Assert.Empty(server.Emails);
    }

    [Fact]
    public async Task SendAsync_ServiceUnreachable_ThrowsTransientAndReportsNothingSent()
    {
        // Arrange: nothing listens on the port.
        var endpoint = new Uri($"http://127.0.0.1:{LocalServiceProcess.FreeLoopbackPort()}");
        var key = Convert.ToBase64String(RandomNumberGenerator.GetBytes(64));
        var sender = Sender(new AcsEmailClient($"endpoint={endpoint};accesskey={key}", FastOptions()));

        // Act
        var ex = await Assert.ThrowsAsync<EmailTransportException>(() =>
            sender.SendAsync(ReminderEmails.FilingDate(), "agreement-2000-04-28|filing-date|T-7", Cancel));

        // Assert
        Assert.True(ex.IsTransient);
        Assert.Equal("Acs", ex.Transport);
        Assert.Contains(endpoint.Authority, ex.Message, StringComparison.Ordinal);
        Assert.All(Assert.IsType<AggregateException>(ex.InnerException).InnerExceptions, inner => Assert.Equal(0, Assert.IsType<RequestFailedException>(inner).Status));
    }

    [Fact]
    public async Task SendAsync_ServiceTooSlowEveryTry_ThrowsTransient()
    {
        // Arrange: each answer would take 5 s; the client gives each try 200 ms, and retries once.
        await using var server = await AcsEmailServer.StartAsync();
        server.AnswerDelay = TimeSpan.FromSeconds(5);
        var options = FastOptions();
        options.Retry.NetworkTimeout = TimeSpan.FromMilliseconds(200);
        options.Retry.MaxRetries = 1;
        var sender = Sender(new AcsEmailClient(server.ConnectionString, options));

        // Act
        var ex = await Assert.ThrowsAsync<EmailTransportException>(() =>
            sender.SendAsync(ReminderEmails.FilingDate(), "agreement-2000-04-28|filing-date|T-7", Cancel));

        // Assert: a transient failure, not the caller's cancellation, and the server took nothing.
        Assert.True(ex.IsTransient);
        Assert.False(Cancel.IsCancellationRequested);
        Assert.Empty(server.Emails);
    }

    [Fact]
    public async Task StartSendAsync_EmptyOperationId_Throws()
    {
        await using var server = await AcsEmailServer.StartAsync();
        var client = new AcsEmailClient(server.ConnectionString, FastOptions());

        var ex = await Assert.ThrowsAsync<ArgumentException>(() =>
            client.StartSendAsync(ReminderEmails.FilingDate().WithFrom(ReminderEmails.Sender), Guid.Empty, Cancel));

        Assert.Equal("operationId", ex.ParamName);
        Assert.Empty(server.Requests);
    }

    [Fact]
    public async Task StartSendAsync_NoSender_Throws()
    {
        await using var server = await AcsEmailServer.StartAsync();
        var client = new AcsEmailClient(server.ConnectionString, FastOptions());

        var ex = await Assert.ThrowsAsync<ArgumentException>(() => client.StartSendAsync(ReminderEmails.FilingDate(), null, Cancel));

        Assert.Equal("message", ex.ParamName);
        Assert.Empty(server.Requests);
    }

    private static AcsEmailClientOptions FastOptions()
    {
        var options = new AcsEmailClientOptions { PollingInterval = TimeSpan.FromMilliseconds(10), MaxPollingDuration = TimeSpan.FromSeconds(10) };
        options.Retry.Delay = TimeSpan.FromMilliseconds(10);
        options.Retry.MaxDelay = TimeSpan.FromSeconds(5);
        options.Retry.MaxRetries = 2;
        return options;
    }

    private static AcsEmailSender Sender(AcsEmailClient client) =>
        new(client, Options.Create(new EmailOptions { From = ReminderEmails.Sender.Address }), NullLogger<AcsEmailSender>.Instance);

    /// <summary>Changes the body after it was signed, as a man in the middle would.</summary>
    private sealed class TamperPolicy(bool rehash) : HttpPipelineSynchronousPolicy
    {
        public override void OnSendingRequest(HttpMessage message)
        {
            if (message.Request.Method != RequestMethod.Post)
            {
                return;
            }

            using var buffer = new MemoryStream();
            message.Request.Content!.WriteTo(buffer, CancellationToken.None);
            var tampered = Encoding.UTF8.GetBytes(
                Encoding.UTF8.GetString(buffer.ToArray()).Replace("counsel@neotherapeutics.example", "attacker@evil.example", StringComparison.Ordinal));
            message.Request.Content = RequestContent.Create(tampered);
            if (rehash)
            {
                message.Request.Headers.SetValue("x-ms-content-sha256", Convert.ToBase64String(SHA256.HashData(tampered)));
            }
        }
    }
}

using System.Net.Http;
using System.Net.Http.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using RegRights.Application.Email;
using RegRights.Infrastructure.Email;
using RegRights.Infrastructure.Email.Smtp;
using RegRights.Testing;

namespace RegRights.Infrastructure.IntegrationTests.Email;

/// <summary>Starts one maildev for the tests that only read from it.</summary>
public sealed class MaildevFixture : IAsyncLifetime
{
    public LocalServiceProcess Maildev { get; private set; } = null!;

    public async ValueTask InitializeAsync() => Maildev = await LocalServices.StartMaildevAsync();

    public async ValueTask DisposeAsync() => await Maildev.DisposeAsync();
}

/// <summary>The SMTP sender against real maildev: what is sent is read back through maildev's REST API.</summary>
public sealed class SmtpEmailSenderTest(MaildevFixture fixture) : IClassFixture<MaildevFixture>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task SendAsync_Maildev_DeliversRecipientsSubjectBothPartsAndTheIcs()
    {
        // Arrange: a subject of its own, so the test finds its email among the class's.
        var sender = Sender(fixture.Maildev);
        var subject = $"Filing Date (§ 2(a)): on or prior to Sunday, May 28, 2000 [{Guid.NewGuid():N}]";
        const string key = "agreement-2000-04-28|filing-date|T-7";

        // Act
        var result = await sender.SendAsync(ReminderEmails.FilingDate(subject), key, Cancel);

        // Assert
        var expectedId = SmtpEmailSender.MessageIdFor(key, ReminderEmails.Sender);
        Assert.Equal(("Smtp", expectedId, EmailSendStatus.Succeeded), (result.Transport, result.MessageId, result.Status));
        Assert.StartsWith("Message queued as ", result.Detail, StringComparison.Ordinal); // maildev's words after 250

        var email = Assert.Single(await InboxAsync(fixture.Maildev), e => e.Subject == subject);
        Assert.Equal(expectedId, email.MessageId);
        Assert.Equal([("reminders@regrights.example", "RegRights")], email.From.Select(a => (a.Address, a.Name)));
        Assert.Equal([("counsel@neotherapeutics.example", "Company Counsel")], email.To.Select(a => (a.Address, a.Name)));
        Assert.Equal(["paralegal@neotherapeutics.example"], email.Cc.Select(a => a.Address));
        Assert.Equal(ReminderEmails.FilingDate().PlainText, email.Text.TrimEnd('\r', '\n'));
        Assert.Equal(ReminderEmails.FilingDate().Html, email.Html.TrimEnd('\r', '\n'));

        var ics = Assert.Single(email.Attachments);
        Assert.Equal("filing-date.ics", ics.FileName);
        Assert.Equal("text/calendar", ics.ContentType);
        Assert.Equal("attachment", ics.ContentDisposition);
        using var http = new HttpClient { BaseAddress = WebApi(fixture.Maildev) };
        var bytes = await http.GetByteArrayAsync($"/email/{email.Id}/attachment/{ics.GeneratedFileName}", Cancel);
        Assert.Equal(ReminderEmails.FilingDateIcs, bytes);
    }

    [Fact]
    public async Task SendAsync_TextOnly_IsASinglePart()
    {
        // Arrange
        var sender = Sender(fixture.Maildev);
        var subject = $"Text only [{Guid.NewGuid():N}]";
        var message = new EmailMessage([ReminderEmails.CompanyCounsel], subject, "Plain words only.", html: null);

        // Act
        await sender.SendAsync(message, $"text-only|{subject}", Cancel);

        // Assert: no HTML part was invented.
        var email = Assert.Single(await InboxAsync(fixture.Maildev), e => e.Subject == subject);
        Assert.Equal("Plain words only.", email.Text.TrimEnd('\r', '\n'));
        Assert.True(string.IsNullOrEmpty(email.Html));
        Assert.StartsWith("text/plain", email.Headers["content-type"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task SendAsync_SameKeyTwice_BothCopiesCarryTheSameMessageId()
    {
        // Arrange: SMTP cannot refuse the second copy; the shared Message-Id is what makes it recognisable.
        var sender = Sender(fixture.Maildev);
        var subject = $"Resent reminder [{Guid.NewGuid():N}]";
        var key = $"agreement-2000-04-28|filing-date|T-1|{subject}";

        // Act
        var first = await sender.SendAsync(ReminderEmails.FilingDate(subject), key, Cancel);
        var second = await sender.SendAsync(ReminderEmails.FilingDate(subject), key, Cancel);

        // Assert
        Assert.Equal(first.MessageId, second.MessageId);
        var copies = (await InboxAsync(fixture.Maildev)).Where(e => e.Subject == subject).ToList();
        Assert.Equal(2, copies.Count);
        Assert.All(copies, copy => Assert.Equal(first.MessageId, copy.MessageId));
    }

    [Fact]
    public async Task SendAsync_MaildevStopped_ThrowsTransientAndReportsNothingSent()
    {
        // Arrange: a maildev of this test's own, taken away before the send.
        await using var maildev = await LocalServices.StartMaildevAsync(Cancel);
        var sender = Sender(maildev);
        await maildev.StopAsync();

        // Act
        var ex = await Assert.ThrowsAsync<EmailTransportException>(() =>
            sender.SendAsync(ReminderEmails.FilingDate(), "agreement-2000-04-28|filing-date|T-7", Cancel));

        // Assert: a transient failure naming the server; no result, so nothing for the ledger to record as sent.
        Assert.True(ex.IsTransient);
        Assert.Equal("Smtp", ex.Transport);
        Assert.Contains($"127.0.0.1:{maildev.Ports[0]}", ex.Message, StringComparison.Ordinal);
        Assert.Contains("not known to have been sent", ex.Message, StringComparison.Ordinal);

        // And when maildev is back, the same send goes through.
        await maildev.StartAsync(Cancel);
        var result = await sender.SendAsync(ReminderEmails.FilingDate(), "agreement-2000-04-28|filing-date|T-7", Cancel);
        Assert.Equal(EmailSendStatus.Succeeded, result.Status);
        Assert.Single(await InboxAsync(maildev));
    }

    private static SmtpEmailSender Sender(LocalServiceProcess maildev) =>
        new(
            Options.Create(new EmailOptions
            {
                Transport = EmailTransportKind.Smtp,
                From = ReminderEmails.Sender.Address,
                FromDisplayName = ReminderEmails.Sender.DisplayName!,
                Smtp = new SmtpEmailOptions { Host = "127.0.0.1", Port = maildev.Ports[0], UseTls = false, Timeout = TimeSpan.FromSeconds(10) },
            }),
            NullLogger<SmtpEmailSender>.Instance);

    private static Uri WebApi(LocalServiceProcess maildev) => new($"http://127.0.0.1:{maildev.Ports[1]}");

    private static async Task<IReadOnlyList<MaildevEmail>> InboxAsync(LocalServiceProcess maildev)
    {
        using var http = new HttpClient { BaseAddress = WebApi(maildev) };
        return await http.GetFromJsonAsync<List<MaildevEmail>>("/email", Cancel) ?? [];
    }

    private sealed record MaildevAddress(string Address, string Name);

    private sealed record MaildevAttachment(
        string FileName, string GeneratedFileName, string ContentType, [property: JsonPropertyName("contentDisposition")] string ContentDisposition);

    private sealed record MaildevEmail(
        string Id,
        string Subject,
        string MessageId,
        string Text,
        string Html,
        IReadOnlyList<MaildevAddress> From,
        IReadOnlyList<MaildevAddress> To,
        IReadOnlyList<MaildevAddress> Cc,
        IReadOnlyDictionary<string, string> Headers,
        IReadOnlyList<MaildevAttachment> Attachments);
}

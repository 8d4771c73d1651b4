using System.Net.Sockets;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MimeKit;
using RegRights.Application.Email;
using RegRights.Infrastructure.Email.Acs;

namespace RegRights.Infrastructure.Email.Smtp;

/// <summary>
/// <see cref="IEmailSender"/> over SMTP with MailKit: ACS's SMTP relay in Azure, maildev locally. One connection per
/// send.
/// </summary>
/// <remarks>
/// SMTP has no idempotency: if the connection drops after the server accepted DATA but before we read its 250, a retry
/// sends a second copy. So the Message-Id is derived from the idempotency key (<c>{operation-id}@{sender's domain}</c>),
/// which makes the copy recognisable as the same message to the recipient's mail system and to anyone reading headers.
/// A recipient the server refuses at <c>RCPT TO</c> does not stop the message to the others (MailKit's default throws
/// on the first refusal): the refused ones are in <see cref="EmailSendResult.RefusedRecipients"/>, and only a message
/// no recipient was accepted for fails.
/// </remarks>
public sealed class SmtpEmailSender : IEmailSender
{
    private readonly IOptions<EmailOptions> options;
    private readonly ILogger<SmtpEmailSender> logger;

    /// <summary>Creates the sender.</summary>
    /// <param name="options">The <c>Email</c> section: <c>From</c> and <c>Smtp</c>.</param>
    /// <param name="logger">Logs each send's Message-Id and the server's reply.</param>
    public SmtpEmailSender(IOptions<EmailOptions> options, ILogger<SmtpEmailSender> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(logger);
        this.options = options;
        this.logger = logger;
    }

    /// <summary>The Message-Id (without angle brackets) a send with <paramref name="idempotencyKey"/> from <paramref name="from"/> carries.</summary>
    /// <param name="idempotencyKey">The reminder ledger row's key.</param>
    /// <param name="from">The sender; its domain is the id's right-hand side.</param>
    public static string MessageIdFor(string idempotencyKey, EmailAddress from)
    {
        ArgumentNullException.ThrowIfNull(from);
        return $"{EmailIdempotency.OperationIdFor(idempotencyKey):D}@{from.Domain}";
    }

    /// <inheritdoc />
    public async Task<EmailSendResult> SendAsync(EmailMessage message, string idempotencyKey, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        var settings = options.Value.Smtp;
        var from = message.From ?? AcsEmailSender.DefaultSender(options.Value);
        var messageId = MessageIdFor(idempotencyKey, from);
        using var mime = ToMime(message, from, messageId);
        var server = $"{settings.Host}:{settings.Port}";

        using var client = new RecipientTolerantSmtpClient { Timeout = (int)settings.Timeout.TotalMilliseconds };
        string reply;
        try
        {
            var security = !settings.UseTls ? SecureSocketOptions.None
                : settings.Port == 465 ? SecureSocketOptions.SslOnConnect
                : SecureSocketOptions.StartTls;
            await client.ConnectAsync(settings.Host, settings.Port, security, cancellationToken).ConfigureAwait(false);
            if (!string.IsNullOrEmpty(settings.UserName))
            {
                await client.AuthenticateAsync(settings.UserName, settings.Password, cancellationToken).ConfigureAwait(false);
            }

            reply = await client.SendAsync(mime, cancellationToken).ConfigureAwait(false);
        }
        catch (SmtpCommandException ex)
        {
            // RFC 5321 § 4.2.1: 4yz is a transient failure, 5yz a permanent one (for this message, e.g. a bad recipient).
            var code = (int)ex.StatusCode;
            throw new EmailTransportException(
                "Smtp", isTransient: code is >= 400 and < 500, $"SMTP server {server} refused Message-Id <{messageId}>: {code} {ex.Message}", ex);
        }
        catch (Exception ex) when (ex is SocketException or IOException or SmtpProtocolException or ServiceNotConnectedException
                                       or AuthenticationException or SslHandshakeException or TimeoutException
                                   || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            throw new EmailTransportException(
                "Smtp", isTransient: true, $"SMTP server {server} could not be reached or dropped the connection before accepting Message-Id <{messageId}>; it is not known to have been sent: {ex.Message}", ex);
        }

        try
        {
            await client.DisconnectAsync(quit: true, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is SocketException or IOException or SmtpProtocolException or SmtpCommandException or OperationCanceledException)
        {
            // The server already said 250 to DATA: the email is sent whatever happens to QUIT.
            logger.LogWarning(ex, "SMTP QUIT to {Server} failed after Message-Id {MessageId} was accepted", server, messageId);
        }

        var refused = client.Refused;
        if (refused.Count > 0)
        {
            reply += "; refused: " + string.Join("; ", refused.Select(r => $"{r.Address} ({r.Code} {r.Reply})"));
            logger.LogWarning("SMTP {Server} refused {Count} recipient(s) of Message-Id {MessageId} and accepted the others: {Refused}",
                server, refused.Count, messageId, string.Join(", ", refused.Select(r => r.Address)));
        }

        logger.LogInformation("SMTP {Server} accepted Message-Id {MessageId} for {IdempotencyKey}: {Reply}", server, messageId, idempotencyKey, reply);
        return new EmailSendResult("Smtp", messageId, EmailSendStatus.Succeeded, reply) { RefusedRecipients = refused };
    }

    private static MimeMessage ToMime(EmailMessage message, EmailAddress from, string messageId)
    {
        var mime = new MimeMessage { Subject = message.Subject, MessageId = messageId };
        mime.From.Add(Mailbox(from));
        mime.To.AddRange(message.To.Select(Mailbox));
        mime.Cc.AddRange(message.Cc.Select(Mailbox));
        mime.Bcc.AddRange(message.Bcc.Select(Mailbox));
        mime.ReplyTo.AddRange(message.ReplyTo.Select(Mailbox));
        foreach (var (name, value) in message.Headers)
        {
            mime.Headers.Add(name, value);
        }

        // BodyBuilder makes multipart/alternative (text, then HTML, per RFC 2046 § 5.1.4 the preferred last) inside
        // multipart/mixed with the attachments.
        var body = new BodyBuilder { TextBody = message.PlainText, HtmlBody = message.Html };
        foreach (var attachment in message.Attachments)
        {
            body.Attachments.Add(attachment.FileName, attachment.Content.ToArray(), ContentType.Parse(attachment.ContentType));
        }

        mime.Body = body.ToMessageBody();
        return mime;
    }

    private static MailboxAddress Mailbox(EmailAddress address) => new(address.DisplayName ?? "", address.Address);

    /// <summary>
    /// Records a refused <c>RCPT TO</c> instead of throwing, so the others still get the message; throws only when no
    /// recipient was accepted: permanent (5yz) when any refusal was, transient when all were 4yz.
    /// </summary>
    private sealed class RecipientTolerantSmtpClient : SmtpClient
    {
        private readonly List<RefusedRecipient> refused = [];

        internal IReadOnlyList<RefusedRecipient> Refused => refused;

        protected override void OnRecipientNotAccepted(MimeMessage message, MailboxAddress mailbox, SmtpResponse response) =>
            refused.Add(new RefusedRecipient(mailbox.Address, (int)response.StatusCode, response.Response));

        protected override void OnNoRecipientsAccepted(MimeMessage message)
        {
            var status = refused.Any(r => r.Code >= 500) ? SmtpStatusCode.MailboxUnavailable : SmtpStatusCode.MailboxBusy;
            throw new SmtpCommandException(SmtpErrorCode.RecipientNotAccepted, status,
                "no recipient was accepted: " + string.Join("; ", refused.Select(r => $"{r.Address} ({r.Code} {r.Reply})")));
        }
    }
}

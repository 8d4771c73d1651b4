using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using RegRights.Application.Email;
using RegRights.Infrastructure.Email;
using RegRights.Infrastructure.Email.Smtp;

namespace RegRights.Infrastructure.IntegrationTests.Email;

/// <summary>
/// A recipient the SMTP server refuses never stops the others: against a loopback server that answers 550 to one
/// <c>RCPT TO</c>, as a relay does for a mailbox that is gone.
/// </summary>
public sealed class SmtpRefusedRecipientTest
{
    private const string Gone = "gone@neotherapeutics.example";

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task SendAsync_OneRecipientRefused_SendsToTheOthersAndReportsIt()
    {
        // Arrange: company counsel (To), a departed associate (To, refused with 550) and the paralegal (Cc).
        await using var server = new LoopbackSmtpServer(new Dictionary<string, string> { [Gone] = "550 5.1.1 mailbox unavailable" });
        var message = new EmailMessage([ReminderEmails.CompanyCounsel, new EmailAddress(Gone)], "Filing Date in 5 Business Days", "Due Sun 28 May 2000.", null)
        {
            Cc = [ReminderEmails.Paralegal],
        };

        // Act
        var result = await Sender(server.Port).SendAsync(message, "agreement-1|filing-date|bd-5", Cancel);

        // Assert: the message went to the two accepted recipients; the refused one is named with the server's words.
        Assert.Equal(EmailSendStatus.Succeeded, result.Status);
        var sent = Assert.Single(server.Messages);
        Assert.Equal([ReminderEmails.CompanyCounsel.Address, ReminderEmails.Paralegal.Address], sent.Recipients);
        var refused = Assert.Single(result.RefusedRecipients);
        Assert.Equal((Gone, 550, "5.1.1 mailbox unavailable"), (refused.Address, refused.Code, refused.Reply));
        Assert.Contains($"refused: {Gone} (550 5.1.1 mailbox unavailable)", result.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SendAsync_EveryRecipientRefusedPermanently_ThrowsPermanentNamingThem()
    {
        // Arrange
        await using var server = new LoopbackSmtpServer(new Dictionary<string, string> { [Gone] = "550 5.1.1 mailbox unavailable" });
        var message = new EmailMessage([new EmailAddress(Gone)], "Filing Date in 5 Business Days", "Due Sun 28 May 2000.", null);

        // Act
        var ex = await Assert.ThrowsAsync<EmailTransportException>(() => Sender(server.Port).SendAsync(message, "agreement-1|filing-date|bd-5", Cancel));

        // Assert: nothing was sent, and sending again will not help.
        Assert.False(ex.IsTransient);
        Assert.Contains(Gone, ex.Message, StringComparison.Ordinal);
        Assert.Empty(server.Messages);
    }

    [Fact]
    public async Task SendAsync_EveryRecipientRefusedForNow_ThrowsTransient()
    {
        // Arrange: 452, too many recipients for now (RFC 5321 § 4.5.3.1.10): the send may succeed later.
        await using var server = new LoopbackSmtpServer(new Dictionary<string, string> { [Gone] = "452 4.5.3 try again later" });
        var message = new EmailMessage([new EmailAddress(Gone)], "Filing Date in 5 Business Days", "Due Sun 28 May 2000.", null);

        // Act
        var ex = await Assert.ThrowsAsync<EmailTransportException>(() => Sender(server.Port).SendAsync(message, "agreement-1|filing-date|bd-5", Cancel));

        // Assert
        Assert.True(ex.IsTransient);
    }

    private static SmtpEmailSender Sender(int port) =>
        new(
            Options.Create(new EmailOptions
            {
                Transport = EmailTransportKind.Smtp,
                From = ReminderEmails.Sender.Address,
                FromDisplayName = ReminderEmails.Sender.DisplayName!,
                Smtp = new SmtpEmailOptions { Host = "127.0.0.1", Port = port, UseTls = false, Timeout = TimeSpan.FromSeconds(10) },
            }),
            NullLogger<SmtpEmailSender>.Instance);
}

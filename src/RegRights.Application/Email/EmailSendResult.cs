namespace RegRights.Application.Email;

/// <summary>What the provider answered to a send: its id for the send, and how far the send has gone.</summary>
/// <param name="Transport">"Acs" or "Smtp".</param>
/// <param name="MessageId">ACS's operation id, or the SMTP Message-Id (without angle brackets).</param>
/// <param name="Status">How far the send has gone.</param>
/// <param name="Detail">
/// The provider's words: the SMTP server's reply to DATA (and each recipient it refused), or ACS's error code and message.
/// </param>
public sealed record EmailSendResult(string Transport, string MessageId, EmailSendStatus Status, string? Detail)
{
    /// <summary>
    /// The recipients the provider refused while it took the message for the others (an SMTP server's 550 to one
    /// <c>RCPT TO</c>); empty when every recipient was accepted. The others' email went: one refused address never
    /// stops them.
    /// </summary>
    public IReadOnlyList<RefusedRecipient> RefusedRecipients { get; init; } = [];
}

/// <summary>A recipient the provider refused, and its words.</summary>
/// <param name="Address">The address as sent, e.g. <c>gone@neotherapeutics.example</c>.</param>
/// <param name="Code">The SMTP reply code, e.g. 550 (RFC 5321 § 4.2: 4yz may succeed later, 5yz will not).</param>
/// <param name="Reply">The server's reply text, e.g. "5.1.1 mailbox unavailable".</param>
public sealed record RefusedRecipient(string Address, int Code, string Reply);

/// <summary>How far a send has gone at the provider.</summary>
public enum EmailSendStatus
{
    /// <summary>
    /// Accepted but not finished when we stopped asking: ACS still said NotStarted or Running after the polling
    /// bound. Sending again with the same idempotency key is the same operation, not a second email.
    /// </summary>
    Running,

    /// <summary>
    /// The provider has taken the message for delivery: ACS's operation Succeeded, or the SMTP server answered 250
    /// to DATA, which accepts responsibility for delivering it (RFC 5321 § 6.1). Not proof it reached the inbox.
    /// </summary>
    Succeeded,

    /// <summary>The provider finally refused this message (ACS Failed or Canceled); <see cref="EmailSendResult.Detail"/> says why.</summary>
    Failed,
}

namespace RegRights.Infrastructure.Email;

/// <summary>What the provider answered to a send: its id for the send, and how far the send has gone.</summary>
/// <param name="Transport">"Acs" or "Smtp".</param>
/// <param name="MessageId">ACS's operation id, or the SMTP Message-Id (without angle brackets).</param>
/// <param name="Status">How far the send has gone.</param>
/// <param name="Detail">The provider's words: the SMTP server's reply to DATA, or ACS's error code and message.</param>
public sealed record EmailSendResult(string Transport, string MessageId, EmailSendStatus Status, string? Detail);

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

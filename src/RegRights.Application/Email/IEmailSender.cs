namespace RegRights.Application.Email;

/// <summary>Sends one email through the transport chosen by <c>Email:Transport</c> (ACS or SMTP).</summary>
/// <remarks>
/// The idempotency key is the reminder ledger row's key. It is sent so that a retry is recognisable as the same
/// email: over ACS it becomes the <c>Operation-Id</c> (a name-based UUID), so the service treats a second send as
/// the same operation; over SMTP it becomes the Message-Id, so a resend that SMTP cannot prevent is at least
/// recognisable as a duplicate by the recipient's mail system.
/// </remarks>
public interface IEmailSender
{
    /// <summary>Sends <paramref name="message"/> and returns the provider's answer.</summary>
    /// <param name="message">The email.</param>
    /// <param name="idempotencyKey">The key that makes a retry the same send; the reminder ledger row's key.</param>
    /// <param name="cancellationToken">Cancels the send.</param>
    /// <returns>The provider's id for the send and its status. <see cref="EmailSendStatus.Failed"/> is the
    /// provider's final refusal of this message; nothing more will happen to it.</returns>
    /// <exception cref="ArgumentException"><paramref name="idempotencyKey"/> is empty.</exception>
    /// <exception cref="EmailTransportException">The provider could not be reached or refused the request; nothing
    /// is known to have been sent. <see cref="EmailTransportException.IsTransient"/> says whether a retry may work.</exception>
    Task<EmailSendResult> SendAsync(EmailMessage message, string idempotencyKey, CancellationToken cancellationToken = default);
}

namespace RegRights.Application.Email;

/// <summary>A send did not reach the provider, or the provider refused the request. Nothing is known to have been sent.</summary>
/// <remarks>
/// Exists so the reminder dispatcher can tell "try again later" (<see cref="IsTransient"/>: unreachable, timed out,
/// throttled, 5xx, bad credentials that an operator can fix) from "this message will never go" (a 4xx about the
/// message itself, an SMTP 5xx reply to a recipient). The provider's own exception is the inner exception.
/// </remarks>
public sealed class EmailTransportException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="transport">"Acs" or "Smtp".</param>
    /// <param name="isTransient">Whether sending the same message again later may succeed.</param>
    /// <param name="message">What went wrong, naming the provider's endpoint.</param>
    /// <param name="innerException">The provider's exception.</param>
    public EmailTransportException(string transport, bool isTransient, string message, Exception? innerException)
        : base(message, innerException)
    {
        Transport = transport;
        IsTransient = isTransient;
    }

    /// <summary>"Acs" or "Smtp".</summary>
    public string Transport { get; }

    /// <summary>Whether sending the same message again later may succeed.</summary>
    public bool IsTransient { get; }
}

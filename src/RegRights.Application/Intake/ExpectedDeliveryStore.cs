namespace RegRights.Application.Intake;

/// <summary>What an expected notice is registered to receive: a tracking number, an envelope id.</summary>
public enum ExpectedKey
{
    /// <summary>A courier's tracking number (FedEx, UPS).</summary>
    Tracking,

    /// <summary>A DocuSign envelope id.</summary>
    Envelope,
}

/// <summary>The notice a tracking number or envelope id was registered for.</summary>
/// <param name="AgreementId">The agreement.</param>
/// <param name="NoticeId">The expected notice.</param>
public sealed record ExpectedDelivery(string AgreementId, string NoticeId);

/// <summary>
/// The port expected notices register their tracking numbers and envelope ids through, each naming one notice: the
/// add of a number already registered answers the notice it names. <c>RegRights.Infrastructure</c> implements it over
/// Table Storage.
/// </summary>
public abstract class ExpectedDeliveryStore
{
    /// <summary>
    /// A key as stored: a tracking number in letters and digits only, upper case ("1Z 999 AA1" is <c>1Z999AA1</c>); an
    /// envelope id trimmed and lower-cased.
    /// </summary>
    public static string Normalize(ExpectedKey kind, string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return kind == ExpectedKey.Tracking
            ? string.Concat(value.Where(char.IsAsciiLetterOrDigit)).ToUpperInvariant()
            : value.Trim().ToLowerInvariant();
    }

    /// <summary>Registers <paramref name="value"/> for the notice, or returns the notice it was registered for first.</summary>
    public abstract Task<ExpectedDelivery> AddAsync(ExpectedKey kind, string value, ExpectedDelivery delivery, CancellationToken cancellationToken = default);

    /// <summary>The notice <paramref name="value"/> was registered for, or null.</summary>
    public abstract Task<ExpectedDelivery?> GetAsync(ExpectedKey kind, string value, CancellationToken cancellationToken = default);
}

using System.Security.Cryptography;
using System.Text;
using NodaTime;
using RegRights.Contracts.Notices;

namespace RegRights.Application.Intake;

/// <summary>A provider's webhook as received: the source it was posted to, its headers and its body, byte for byte.</summary>
/// <param name="Source">The source named in the route.</param>
/// <param name="Headers">The request's headers, looked up without regard to case.</param>
/// <param name="Body">The body as received; every signature is checked over these bytes, before anything parses them.</param>
public sealed record IntakeRequest(string Source, IReadOnlyDictionary<string, string> Headers, ReadOnlyMemory<byte> Body)
{
    /// <summary>A header's value, or null.</summary>
    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;
}

/// <summary>Whether a webhook is the provider's: verified, or refused with the reason.</summary>
/// <param name="Failure">Why it is refused; null when verified.</param>
/// <param name="Misconfigured">
/// True when it is refused because this server's key for the source is unusable: the request may be genuine, so the
/// fault is the server's (500, the provider retries), not the sender's (401).
/// </param>
public sealed record IntakeVerification(string? Failure, bool Misconfigured = false)
{
    /// <summary>Verified.</summary>
    public static IntakeVerification Verified { get; } = new((string?)null);

    /// <summary>Whether it was verified.</summary>
    public bool IsVerified => Failure is null;

    /// <summary>Refused: the signature, credential or timestamp does not hold (401).</summary>
    public static IntakeVerification Refused(string why) => new(why);

    /// <summary>Refused because the source's key is not usable (500).</summary>
    public static IntakeVerification Unusable(string why) => new(why, Misconfigured: true);
}

/// <summary>How the intake finds the agreement and notice a provider event belongs to.</summary>
public abstract record IntakeRoute
{
    private IntakeRoute()
    {
    }

    /// <summary>A fax: the agreement whose notice fax numbers include <paramref name="To"/>; the sender by <paramref name="From"/>.</summary>
    public sealed record Fax(string To, string From) : IntakeRoute;

    /// <summary>A shipment: the expected notice registered with the tracking number.</summary>
    public sealed record Tracking(string TrackingNumber) : IntakeRoute;

    /// <summary>
    /// An e-signature envelope: the expected notice registered with the envelope id, else the agreement the envelope's
    /// custom field names (<paramref name="AgreementId"/>), with the envelope's sender, recipients and subject.
    /// </summary>
    public sealed record Envelope(string EnvelopeId, string? AgreementId, string? Sender, string? Recipient, string? Subject) : IntakeRoute;
}

/// <summary>One provider event, read from a verified body.</summary>
/// <param name="EventId">The provider's identity of the event, the idempotency key: a retry of the event has the same one.</param>
/// <param name="EventType">The provider's name for it.</param>
/// <param name="Route">How to find its agreement and notice.</param>
/// <param name="Delivery">The delivery it reports a moment of, or null when it reports none (a voided envelope, a failed fax, an in-transit scan).</param>
/// <param name="Summary">What it is, in words, for the receipt's explanation.</param>
public sealed record ProviderEvent(string EventId, string EventType, IntakeRoute Route, ReportedDelivery? Delivery, string Summary);

/// <summary>
/// One provider's scheme: how its webhooks are verified and what its events mean. A thin class over the shared intake
/// (<see cref="ProviderIntake"/>): adding a provider is one subclass and its tests.
/// </summary>
public abstract class IntakeProvider
{
    /// <summary>The provider's name in routes, receipts and configuration: "docusign", "telnyx", "fedex", "ups".</summary>
    public abstract string Name { get; }

    /// <summary>The headers kept with each receipt (its signature, timestamp or credential headers).</summary>
    public abstract IReadOnlyList<string> KeptHeaders { get; }

    /// <summary>
    /// Checks the request over its raw bytes, before anything parses it: a source whose key material cannot verify
    /// anything is refused as this server's fault (<see cref="IntakeVerification.Unusable"/>, 500), whatever the
    /// provider; otherwise the provider's own check decides (<see cref="VerifyWithKey"/>).
    /// </summary>
    /// <param name="source">The source's configured key material.</param>
    /// <param name="request">The request.</param>
    /// <param name="now">This server's clock, for a signed timestamp's tolerance.</param>
    /// <param name="tolerance">How far a signed timestamp may be from <paramref name="now"/>.</param>
    public IntakeVerification Verify(IntakeSourceOptions source, IntakeRequest request, Instant now, Duration tolerance)
    {
        ArgumentNullException.ThrowIfNull(request);
        return Unusable(source) is { } unusable
            ? IntakeVerification.Unusable($"This source's {KeyMaterial} is not usable: {unusable}.")
            : VerifyWithKey(source, request, now, tolerance);
    }

    /// <summary>Reads the verified body: the event, or the reason it cannot be read (400).</summary>
    public abstract ProviderEvent? Parse(IntakeRequest request, out string? problem);

    /// <summary>Whether the source's key material can verify anything; the reason when not. Checked at start and before each verification.</summary>
    public string? Unusable(IntakeSourceOptions source)
    {
        ArgumentNullException.ThrowIfNull(source);
        return KeyProblem(source);
    }

    /// <summary>What the source's key material is called where it is not usable, e.g. "FedEx security token".</summary>
    protected abstract string KeyMaterial { get; }

    /// <summary>Why the source's key material cannot verify anything, or null when it can.</summary>
    protected abstract string? KeyProblem(IntakeSourceOptions source);

    /// <summary>The provider's check of the request (signature, timestamp, credential) under a usable key.</summary>
    protected abstract IntakeVerification VerifyWithKey(IntakeSourceOptions source, IntakeRequest request, Instant now, Duration tolerance);

    /// <summary>
    /// Why a configured secret cannot be used, or null: it is empty, or it is still the text of a Key Vault reference the
    /// platform did not resolve (a wrong name or a missing access policy), which would otherwise be taken as the key.
    /// </summary>
    protected static string? UnusableSecret(string? value, string setting)
    {
        var text = value?.Trim();
        return string.IsNullOrEmpty(text) ? $"{setting} is empty"
            : text.StartsWith("@Microsoft.KeyVault(", StringComparison.OrdinalIgnoreCase) ? "the Key Vault reference did not resolve" : null;
    }

    /// <summary>Base64 text as bytes, or null when it is not base64.</summary>
    protected static byte[]? FromBase64(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var buffer = new byte[text.Length];
        return Convert.TryFromBase64String(text.Trim(), buffer, out var written) ? buffer[..written] : null;
    }

    /// <summary>Whether <paramref name="presented"/> (base64) is the HMAC-SHA256 of the body under <paramref name="key"/>, compared in constant time.</summary>
    protected static bool HmacMatches(byte[] key, ReadOnlySpan<byte> body, string? presented)
    {
        if (FromBase64(presented) is not { } signature)
        {
            return false;
        }

        var expected = HMACSHA256.HashData(key, body);
        return CryptographicOperations.FixedTimeEquals(expected, signature);
    }

    /// <summary>Constant-time comparison of two texts' UTF-8 bytes.</summary>
    protected static bool SameSecret(string expected, string? presented) =>
        presented is not null &&
        CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(expected)), SHA256.HashData(Encoding.UTF8.GetBytes(presented)));
}

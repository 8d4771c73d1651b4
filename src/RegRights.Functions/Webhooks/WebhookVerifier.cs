using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using NodaTime;

namespace RegRights.Functions.Webhooks;

/// <summary>The outcome of checking a webhook: the source whose secret signed it, or why it is refused.</summary>
/// <param name="Source">The configured source name, when verified.</param>
/// <param name="Failure">Why it is refused, when not.</param>
/// <param name="Misconfigured">
/// True when it is refused and some configured source has no usable secret (or none is configured): the request may
/// be genuine, so the fault is the server's (500, the sender retries), not the sender's (401).
/// </param>
public sealed record WebhookVerification(string? Source, string? Failure, bool Misconfigured = false)
{
    public bool IsVerified => Source is not null;
}

/// <summary>
/// Standard Webhooks verification: <c>webhook-signature</c> holds space-separated <c>v1,&lt;base64&gt;</c> values, each an
/// HMAC-SHA256 under the source's secret of <c>"{webhook-id}.{webhook-timestamp}.{body}"</c>, over the body bytes as
/// received. The timestamp (Unix seconds) must lie within the tolerance of this server's clock, so a captured request
/// cannot be replayed later. Signatures are compared in constant time.
/// </summary>
public sealed class WebhookVerifier(IOptions<WebhookOptions> options, IClock clock)
{
    private const string SecretPrefix = "whsec_";

    public WebhookVerification Verify(string? webhookId, string? timestamp, string? signature, ReadOnlySpan<byte> body)
    {
        if (string.IsNullOrEmpty(webhookId) || string.IsNullOrEmpty(timestamp) || string.IsNullOrEmpty(signature))
        {
            return Refused("The webhook-id, webhook-timestamp and webhook-signature headers are required.");
        }

        if (!long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
        {
            return Refused("webhook-timestamp must be Unix seconds.");
        }

        var sent = Instant.FromUnixTimeSeconds(Math.Clamp(seconds, -62135596800L, 253402300799L));
        var skew = clock.GetCurrentInstant() - sent;
        var tolerance = Duration.FromTimeSpan(options.Value.Tolerance);
        if (skew > tolerance || skew < -tolerance)
        {
            return Refused($"webhook-timestamp is {Math.Abs(skew.TotalSeconds):0} seconds from this server's clock; the tolerance is {options.Value.Tolerance.TotalSeconds:0}.");
        }

        var presented = signature.Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Where(s => s.StartsWith("v1,", StringComparison.Ordinal))
            .Select(s => TryBase64(s[3..]))
            .OfType<byte[]>()
            .ToArray();
        if (presented.Length == 0)
        {
            return Refused("webhook-signature holds no v1 signature.");
        }

        var prefix = Encoding.UTF8.GetBytes($"{webhookId}.{timestamp}.");
        var signed = new byte[prefix.Length + body.Length];
        prefix.CopyTo(signed, 0);
        body.CopyTo(signed.AsSpan(prefix.Length));

        foreach (var (name, source) in options.Value.Sources)
        {
            if (Key(source.Secret) is not { } key)
            {
                continue;
            }

            var expected = HMACSHA256.HashData(key, signed);
            if (presented.Any(p => CryptographicOperations.FixedTimeEquals(p, expected)))
            {
                return new WebhookVerification(name, null);
            }
        }

        return UnusableSources(options.Value).Count > 0 || options.Value.Sources.Count == 0
            ? new WebhookVerification(null, "webhook-signature does not match under any usable secret, and " +
                (options.Value.Sources.Count == 0 ? "no webhook source is configured." : "some source's secret is not usable (see the startup log)."), Misconfigured: true)
            : Refused("webhook-signature does not match the body under any configured source's secret.");
    }

    /// <summary>
    /// Each configured source whose secret cannot verify anything, with the reason. In Azure a Key Vault reference that
    /// does not resolve (a missing secret, a missing role) is left in the setting as the literal
    /// <c>@Microsoft.KeyVault(…)</c> text, which is not a <c>whsec_</c> secret.
    /// </summary>
    internal static IReadOnlyList<(string Source, string Reason)> UnusableSources(WebhookOptions options)
    {
        var unusable = new List<(string, string)>();
        foreach (var (name, source) in options.Sources)
        {
            var secret = source.Secret?.Trim();
            if (string.IsNullOrEmpty(secret))
            {
                unusable.Add((name, "the secret is empty"));
            }
            else if (secret.StartsWith("@Microsoft.KeyVault(", StringComparison.OrdinalIgnoreCase))
            {
                unusable.Add((name, "the Key Vault reference did not resolve (is the secret missing, or the app's identity not allowed to read it?)"));
            }
            else if (!secret.StartsWith(SecretPrefix, StringComparison.Ordinal))
            {
                unusable.Add((name, "the secret does not start with whsec_"));
            }
            else if (Key(secret) is not { Length: > 0 })
            {
                unusable.Add((name, "the secret after whsec_ is not base64"));
            }
        }

        return unusable;
    }

    internal static byte[]? Key(string? secret) =>
        secret is not null && secret.StartsWith(SecretPrefix, StringComparison.Ordinal) ? TryBase64(secret[SecretPrefix.Length..]) : null;

    private static byte[]? TryBase64(string value)
    {
        var buffer = new byte[value.Length];
        return Convert.TryFromBase64String(value, buffer, out var written) ? buffer[..written] : null;
    }

    private static WebhookVerification Refused(string why) => new(null, why);
}

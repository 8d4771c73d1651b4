using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using NodaTime;

namespace RegRights.Functions.Webhooks;

/// <summary>The outcome of checking a webhook: the source whose secret signed it, or why it is refused.</summary>
/// <param name="Source">The configured source name, when verified.</param>
/// <param name="Failure">Why it is refused, when not.</param>
internal sealed record WebhookVerification(string? Source, string? Failure)
{
    public bool IsVerified => Source is not null;
}

/// <summary>
/// Standard Webhooks verification: <c>webhook-signature</c> holds space-separated <c>v1,&lt;base64&gt;</c> values, each an
/// HMAC-SHA256 under the source's secret of <c>"{webhook-id}.{webhook-timestamp}.{body}"</c>, over the body bytes as
/// received. The timestamp (Unix seconds) must lie within the tolerance of this server's clock, so a captured request
/// cannot be replayed later. Signatures are compared in constant time.
/// </summary>
internal sealed class WebhookVerifier(IOptions<WebhookOptions> options, IClock clock)
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

        return Refused("webhook-signature does not match the body under any configured source's secret.");
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

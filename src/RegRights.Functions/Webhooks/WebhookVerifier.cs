using System.Buffers;
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

    // Each source's key, decoded from its whsec_ secret once rather than for every notice; an unusable secret has none.
    private readonly Lazy<(string Name, byte[] Key)[]> keys = new(() =>
        [.. from source in options.Value.Sources let key = Key(source.Value.Secret) where key is not null select (source.Key, key)]);

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

        var presented = Presented(signature);
        if (presented.Count == 0)
        {
            return Refused("webhook-signature holds no v1 signature.");
        }

        // "{webhook-id}.{webhook-timestamp}.{body}" in one pooled buffer: the body is a few hundred bytes, and this is
        // every notice's path.
        var prefixLength = Encoding.UTF8.GetByteCount(webhookId) + timestamp.Length + 2;
        var signed = ArrayPool<byte>.Shared.Rent(prefixLength + body.Length);
        try
        {
            var written = Encoding.UTF8.GetBytes(webhookId, signed);
            signed[written++] = (byte)'.';
            written += Encoding.ASCII.GetBytes(timestamp, signed.AsSpan(written));
            signed[written++] = (byte)'.';
            body.CopyTo(signed.AsSpan(written));
            var message = signed.AsSpan(0, written + body.Length);

            Span<byte> expected = stackalloc byte[HMACSHA256.HashSizeInBytes];
            foreach (var (name, key) in keys.Value)
            {
                HMACSHA256.HashData(key, message, expected);
                foreach (var p in presented)
                {
                    if (CryptographicOperations.FixedTimeEquals(p, expected))
                    {
                        return new WebhookVerification(name, null);
                    }
                }
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(signed);
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

    // The v1 values among the space-separated signatures, decoded; one that is not base64 is skipped.
    private static List<byte[]> Presented(string signature)
    {
        var presented = new List<byte[]>(1);
        foreach (var range in signature.AsSpan().Split(' '))
        {
            var value = signature.AsSpan(range);
            if (value.StartsWith("v1,", StringComparison.Ordinal) && TryBase64(value[3..].ToString()) is { } decoded)
            {
                presented.Add(decoded);
            }
        }

        return presented;
    }

    private static byte[]? TryBase64(string value)
    {
        var buffer = new byte[value.Length];
        return Convert.TryFromBase64String(value, buffer, out var written) ? buffer[..written] : null;
    }

    private static WebhookVerification Refused(string why) => new(null, why);
}

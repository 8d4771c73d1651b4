using System.Globalization;
using System.Text;
using System.Text.Json;
using NodaTime;
using NodaTime.Text;
using Org.BouncyCastle.Math.EC.Rfc8032;
using RegRights.Application.Intake;
using RegRights.Core.Notices;

namespace RegRights.Infrastructure.Intake;

/// <summary>
/// Telnyx Programmable Fax: inbound faxes (<c>fax.received</c>, and <c>fax.failed</c> recorded), verified by
/// Telnyx's Ed25519 signature.
/// </summary>
/// <remarks>
/// <para>
/// Verification (Telnyx webhooks v2): <c>telnyx-signature-ed25519</c> is the base64 Ed25519 signature, under the
/// account's public key, of <c>"{telnyx-timestamp}|{raw body}"</c>; <c>telnyx-timestamp</c> (Unix seconds) must lie
/// within the tolerance (5 minutes) of this server's clock, so a captured request cannot be replayed later.
/// Ed25519 comes from BouncyCastle.Cryptography (<see cref="Ed25519.Verify(byte[], int, byte[], int, byte[], int, int)"/>):
/// managed code, already in the app's dependencies through MimeKit, so no native library (NSec's libsodium) is added
/// to the package or to ReadyToRun's linux-x64 publish.
/// </para>
/// <para>
/// The event: <c>data.id</c> is Telnyx's event identity (the same on each retry, whose <c>meta.attempt</c> grows);
/// <c>data.payload.fax_id</c> the fax, <c>from</c> the calling number, <c>to</c> the number it reached.
/// § 6(h)(i)/(ii) counts from the transmission: <c>data.occurred_at</c>, the moment Telnyx reports the fax received,
/// is taken as both the transmission and its receipt (the fax is complete when it is received).
/// </para>
/// </remarks>
public sealed class TelnyxFax : JsonIntakeProvider
{
    /// <summary>The signature header.</summary>
    public const string SignatureHeader = "telnyx-signature-ed25519";

    /// <summary>The signed timestamp header.</summary>
    public const string TimestampHeader = "telnyx-timestamp";

    /// <inheritdoc/>
    public override string Name => "telnyx";

    /// <inheritdoc/>
    public override IReadOnlyList<string> KeptHeaders { get; } = [SignatureHeader, TimestampHeader];

    /// <inheritdoc/>
    protected override string KeyMaterial => "Telnyx public key";

    /// <inheritdoc/>
    protected override string? KeyProblem(IntakeSourceOptions source) =>
        UnusableSecret(source.PublicKey, "PublicKey")
            ?? (FromBase64(source.PublicKey)?.Length != Ed25519.PublicKeySize ? "PublicKey is not the base64 of a 32-byte Ed25519 public key" : null);

    /// <inheritdoc/>
    protected override IntakeVerification VerifyWithKey(IntakeSourceOptions source, IntakeRequest request, Instant now, Duration tolerance)
    {
        var timestamp = request.Header(TimestampHeader);
        var signature = FromBase64(request.Header(SignatureHeader));
        if (timestamp is null || signature is null)
        {
            return IntakeVerification.Refused($"The {SignatureHeader} (base64) and {TimestampHeader} headers are required.");
        }

        if (!long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
        {
            return IntakeVerification.Refused($"{TimestampHeader} must be Unix seconds.");
        }

        var skew = now - Instant.FromUnixTimeSeconds(Math.Clamp(seconds, -62135596800L, 253402300799L));
        if (skew > tolerance || skew < -tolerance)
        {
            return IntakeVerification.Refused(string.Create(CultureInfo.InvariantCulture,
                $"{TimestampHeader} is {Math.Abs(skew.TotalSeconds):0} seconds from this server's clock; the tolerance is {tolerance.TotalSeconds:0}."));
        }

        if (signature.Length != Ed25519.SignatureSize)
        {
            return IntakeVerification.Refused($"{SignatureHeader} is not a 64-byte Ed25519 signature.");
        }

        var prefix = Encoding.ASCII.GetBytes(timestamp + "|");
        var signed = new byte[prefix.Length + request.Body.Length];
        prefix.CopyTo(signed, 0);
        request.Body.Span.CopyTo(signed.AsSpan(prefix.Length));
        var key = FromBase64(source.PublicKey)!;
        return Ed25519.Verify(signature, 0, key, 0, signed, 0, signed.Length)
            ? IntakeVerification.Verified
            : IntakeVerification.Refused($"{SignatureHeader} does not verify \"{{{TimestampHeader}}}|{{body}}\" under this source's public key.");
    }

    /// <inheritdoc/>
    protected override ProviderEvent? Read(JsonElement root, out string? problem)
    {
        problem = null;
        if (!root.TryGetProperty("data", out var data) || data.ValueKind != JsonValueKind.Object)
        {
            problem = "No data object: not a Telnyx webhook.";
            return null;
        }

        var id = Text(data, "id");
        var type = Text(data, "event_type");
        var payload = data.TryGetProperty("payload", out var p) && p.ValueKind == JsonValueKind.Object ? p : default;
        if (id is null || type is null || payload.ValueKind != JsonValueKind.Object)
        {
            problem = "data.id, data.event_type and data.payload are required.";
            return null;
        }

        var faxId = Text(payload, "fax_id");
        var from = Text(payload, "from");
        var to = Text(payload, "to");
        if (!type.StartsWith("fax.", StringComparison.Ordinal) || faxId is null || from is null || to is null)
        {
            problem = $"'{type}' is not a fax event with data.payload.fax_id, from and to.";
            return null;
        }

        var pages = payload.TryGetProperty("page_count", out var pc) && pc.TryGetInt32(out var n) ? n : (int?)null;
        var status = Text(payload, "status");
        var summary = string.Create(CultureInfo.InvariantCulture,
            $"Telnyx {type}: fax {faxId} from {from} to {to}{(pages is { } c ? $", {c} page{(c == 1 ? "" : "s")}" : "")}{(status is null ? "" : $", status {status}")}.");
        var route = new IntakeRoute.Fax(to, from);
        if (type != "fax.received")
        {
            // fax.failed and the rest: kept and matched, stamping nothing.
            return new ProviderEvent(id, type, route, null, summary);
        }

        if (Text(data, "occurred_at") is not { } occurred || OffsetDateTimePattern.ExtendedIso.Parse(occurred) is not { Success: true } moment)
        {
            problem = "data.occurred_at must be an RFC 3339 time with its offset (Telnyx sends UTC).";
            return null;
        }

        var delivery = new ReportedDelivery(DeliveryMethod.Facsimile, faxId, moment.Value, "data.occurred_at", moment.Value, "data.occurred_at", from, to, null);
        return new ProviderEvent(id, type, route, delivery, summary);
    }

}

using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using NodaTime;
using NodaTime.Text;
using RegRights.Application.Intake;
using RegRights.Core.Notices;

namespace RegRights.Infrastructure.Intake;

/// <summary>
/// FedEx tracking webhooks (Advanced Integrated Visibility): a shipment's scans, the Track API's shape, verified by
/// <c>fdx-signature</c>; § 6(h)(iii) counts from the pickup or tender scan.
/// </summary>
/// <remarks>
/// <para>
/// Verification: <c>fdx-signature</c> is <c>Base64(HMAC-SHA256(security token, raw payload))</c>, the security token
/// being the webhook project's, compared in constant time.
/// </para>
/// <para>
/// The moments: <c>output.completeTrackResults[0].trackResults[0].dateAndTimes</c>, each typed and with its offset.
/// <c>ACTUAL_PICKUP</c> (else <c>ACTUAL_TENDER</c>, a drop-off) is the mailing § 6(h)(iii) counts from;
/// <c>ACTUAL_DELIVERY</c> is recorded beside it and changes nothing under (iii). <c>SHIP</c> is the label's ship date,
/// not a scan, and is not used. The event's identity is the SHA-256 of the <c>output</c> object as sent: FedEx pushes a
/// new payload when it has new information, and a retry of one carries the same <c>output</c> (its
/// <c>outputMetaData</c>, the attempt's own time and number, differs).
/// </para>
/// </remarks>
public sealed class FedExTracking : JsonIntakeProvider
{
    /// <summary>The signature header.</summary>
    public const string SignatureHeader = "fdx-signature";

    /// <inheritdoc/>
    public override string Name => "fedex";

    /// <inheritdoc/>
    public override IReadOnlyList<string> KeptHeaders { get; } = [SignatureHeader];

    /// <inheritdoc/>
    protected override string KeyMaterial => "FedEx security token";

    /// <inheritdoc/>
    protected override string? KeyProblem(IntakeSourceOptions source) =>
        UnusableSecret(source.SecurityToken, "SecurityToken");

    /// <inheritdoc/>
    protected override IntakeVerification VerifyWithKey(IntakeSourceOptions source, IntakeRequest request, Instant now, Duration tolerance)
    {
        if (request.Header(SignatureHeader) is not { } signature)
        {
            return IntakeVerification.Refused($"{SignatureHeader} is required.");
        }

        return HmacMatches(Encoding.UTF8.GetBytes(source.SecurityToken!.Trim()), request.Body.Span, signature)
            ? IntakeVerification.Verified
            : IntakeVerification.Refused($"{SignatureHeader} does not match the body under this source's security token.");
    }

    /// <inheritdoc/>
    protected override ProviderEvent? Read(JsonElement root, out string? problem)
    {
        problem = null;
        const string ResultPath = "output.completeTrackResults[0].trackResults[0]";
        if (!root.TryGetProperty("output", out var output) || output.ValueKind != JsonValueKind.Object ||
            First(output, "completeTrackResults") is not { } complete || First(complete, "trackResults") is not { } result)
        {
            problem = $"{ResultPath} is required: not a FedEx tracking payload.";
            return null;
        }

        var tracking = result.TryGetProperty("trackingNumberInfo", out var info) && info.ValueKind == JsonValueKind.Object ? Text(info, "trackingNumber") : null;
        tracking ??= Text(complete, "trackingNumber");
        if (tracking is null)
        {
            problem = $"{ResultPath}.trackingNumberInfo.trackingNumber is required.";
            return null;
        }

        var status = result.TryGetProperty("latestStatusDetail", out var latest) && latest.ValueKind == JsonValueKind.Object
            ? (Code: Text(latest, "code") ?? Text(latest, "derivedCode"), Words: Text(latest, "description"))
            : (null, null);
        var eventId = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(output.GetRawText())));
        var moments = new Dictionary<string, (OffsetDateTime At, string Field)>(StringComparer.Ordinal);
        if (result.TryGetProperty("dateAndTimes", out var dates) && dates.ValueKind == JsonValueKind.Array)
        {
            var i = 0;
            foreach (var entry in dates.EnumerateArray())
            {
                var field = string.Create(CultureInfo.InvariantCulture, $"{ResultPath}.dateAndTimes[{i++}].dateTime");
                if (entry.ValueKind != JsonValueKind.Object || Text(entry, "type") is not { } type || Text(entry, "dateTime") is not { } text)
                {
                    continue;
                }

                var parsed = OffsetDateTimePattern.ExtendedIso.Parse(text);
                if (!parsed.Success)
                {
                    problem = $"{field} '{text}' is not an ISO-8601 time with its offset.";
                    return null;
                }

                moments.TryAdd(type, (parsed.Value, field));
            }
        }

        var summary = $"FedEx tracking update for {tracking}{(status.Code is null ? "" : $": {status.Code}{(status.Words is null ? "" : $" ({status.Words})")}")}.";
        var route = new IntakeRoute.Tracking(tracking);
        var mailed = moments.TryGetValue("ACTUAL_PICKUP", out var pickup) ? pickup : moments.TryGetValue("ACTUAL_TENDER", out var tender) ? tender : ((OffsetDateTime, string)?)null;
        var delivered = moments.TryGetValue("ACTUAL_DELIVERY", out var d) ? d : ((OffsetDateTime, string)?)null;
        var delivery = mailed is null && delivered is null
            ? null
            : new ReportedDelivery(DeliveryMethod.Courier, Normalize(tracking), mailed?.Item1, mailed?.Item2, delivered?.Item1, delivered?.Item2, null, null, null);
        return new ProviderEvent(eventId, status.Code ?? "update", route, delivery, summary);
    }

    private static string Normalize(string tracking) => ExpectedDeliveryStore.Normalize(ExpectedKey.Tracking, tracking);

    private static JsonElement? First(JsonElement element, string name) =>
        element.TryGetProperty(name, out var list) && list.ValueKind == JsonValueKind.Array && list.GetArrayLength() > 0 && list[0].ValueKind == JsonValueKind.Object
            ? list[0]
            : null;
}

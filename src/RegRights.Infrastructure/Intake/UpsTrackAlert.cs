using System.Globalization;
using System.Text.Json;
using NodaTime;
using NodaTime.Text;
using RegRights.Application.Intake;
using RegRights.Core.Notices;

namespace RegRights.Infrastructure.Intake;

/// <summary>
/// UPS Track Alert: one webhook per activity on a subscribed tracking number; § 6(h)(iii) counts from the pickup scan.
/// </summary>
/// <remarks>
/// <para>
/// UPS signs nothing: authenticity is the <c>credential</c> header, equal to the opaque value given at subscription,
/// compared in constant time. Anyone who learns it can post, so it belongs in Key Vault like a secret, and the
/// endpoint should be reached over TLS only (it is, on Azure).
/// </para>
/// <para>
/// The moment is <c>gmtActivityDate</c> (<c>yyyyMMdd</c>) and <c>gmtActivityTime</c> (<c>HHmmss</c>), in UTC. The local
/// fields carry no offset and are never used alone: an activity without its GMT moment is kept and stamps nothing.
/// <c>activityStatus.type</c> <c>P</c> (pickup) is the mailing; <c>D</c> (delivered) is recorded beside it; every other
/// activity (in transit, manifest, exception) is kept and stamps nothing. The event's identity is the tracking number,
/// the GMT moment and the status, which a retry repeats.
/// </para>
/// </remarks>
public sealed class UpsTrackAlert : JsonIntakeProvider
{
    /// <summary>The credential header.</summary>
    public const string CredentialHeader = "credential";

    private static readonly LocalDateTimePattern GmtPattern = LocalDateTimePattern.CreateWithInvariantCulture("uuuuMMddHHmmss");

    /// <inheritdoc/>
    public override string Name => "ups";

    // The credential is a secret: it is compared, never kept with the receipt.
    /// <inheritdoc/>
    public override IReadOnlyList<string> KeptHeaders { get; } = [];

    /// <inheritdoc/>
    protected override string KeyMaterial => "UPS credential";

    /// <inheritdoc/>
    protected override string? KeyProblem(IntakeSourceOptions source) =>
        UnusableSecret(source.Credential, "Credential");

    /// <inheritdoc/>
    protected override IntakeVerification VerifyWithKey(IntakeSourceOptions source, IntakeRequest request, Instant now, Duration tolerance)
    {
        return request.Header(CredentialHeader) is not { } presented
            ? IntakeVerification.Refused($"The {CredentialHeader} header is required (the value given at subscription).")
            : SameSecret(source.Credential!.Trim(), presented.Trim())
                ? IntakeVerification.Verified
                : IntakeVerification.Refused($"The {CredentialHeader} header is not this source's.");
    }

    /// <inheritdoc/>
    protected override ProviderEvent? Read(JsonElement root, out string? problem)
    {
        problem = null;
        if (root.ValueKind != JsonValueKind.Object || Text(root, "trackingNumber") is not { } tracking)
        {
            problem = "trackingNumber is required: not a UPS Track Alert event.";
            return null;
        }

        var status = root.TryGetProperty("activityStatus", out var s) && s.ValueKind == JsonValueKind.Object
            ? (Type: Text(s, "type"), Code: Text(s, "code"), Words: Text(s, "description"))
            : (null, null, null);
        var (date, time) = (Text(root, "gmtActivityDate"), Text(root, "gmtActivityTime"));
        var eventId = string.Join("|", tracking, date, time, status.Type, status.Code);
        var summary = $"UPS Track Alert for {tracking}: {status.Type ?? "?"}{(status.Words is null ? "" : $" ({status.Words})")}.";
        var route = new IntakeRoute.Tracking(tracking);
        if (date is null || time is null)
        {
            return new ProviderEvent(eventId, status.Type ?? "activity", route, null,
                summary + " It gives no gmtActivityDate/gmtActivityTime; its local time has no offset and is not used.");
        }

        var parsed = GmtPattern.Parse(date + time);
        if (!parsed.Success)
        {
            problem = $"gmtActivityDate '{date}' and gmtActivityTime '{time}' are not yyyyMMdd and HHmmss.";
            return null;
        }

        var moment = parsed.Value.InUtc().ToOffsetDateTime();
        const string Field = "gmtActivityDate + gmtActivityTime (UTC)";
        var delivery = status.Type switch
        {
            "P" => new ReportedDelivery(DeliveryMethod.Courier, Normalize(tracking), moment, Field, null, null, null, null, null),
            "D" => new ReportedDelivery(DeliveryMethod.Courier, Normalize(tracking), null, null, moment, Field, null, null, null),
            _ => null,
        };
        return new ProviderEvent(eventId, status.Type ?? "activity", route, delivery,
            summary + string.Create(CultureInfo.InvariantCulture, $" At {OffsetDateTimePattern.Rfc3339.Format(moment)}."));
    }

    private static string Normalize(string tracking) => ExpectedDeliveryStore.Normalize(ExpectedKey.Tracking, tracking);
}

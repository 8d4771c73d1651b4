using NodaTime;
using NodaTime.Text;
using RegRights.Core.Agreements;
using RegRights.Core.Notices;

namespace RegRights.Core.UnitTests.Notices;

/// <summary>
/// § 6(h) notice stamps a lawyer can check with a 2000 calendar. California was on PDT (-07:00) from Sunday
/// 2000-04-02 to Sunday 2000-10-29 and on PST (-08:00) otherwise; Monday 2000-05-29 was Memorial Day.
/// </summary>
public partial class NoticeStamperTest
{
    private static readonly AgreementTerms Terms = AgreementTerms.NeoTherapeutics2000;

    // For tests that pass no deliveries to compare with: any moment will do.
    private static readonly Instant RecordedAt = Instant.FromUtc(2000, 12, 31, 0, 0);

    private static OffsetDateTime At(string iso) => OffsetDateTimePattern.ExtendedIso.Parse(iso).GetValueOrThrow();

    private static Delivery Fax(string sentAt, string? receivedAt = null) =>
        new(DeliveryMethod.Facsimile, At(sentAt)) { ReceivedAt = receivedAt is null ? null : At(receivedAt) };

    // The system records a notice a minute after the last time its deliveries claim, as a prompt webhook would,
    // so that only the examples about warnings meet any.
    private static NoticeStamp Stamp(params Delivery[] deliveries) =>
        Stamp(deliveries.SelectMany(d => new[] { d.SentAt, d.ReceivedAt ?? d.SentAt }).Max(t => t.ToInstant()) + Duration.FromMinutes(1), deliveries);

    private static NoticeStamp Stamp(Instant recordedAt, params Delivery[] deliveries) =>
        NoticeStamper.Default.Stamp(Terms, deliveries, recordedAt);

    private static Instant Utc(string iso) => InstantPattern.ExtendedIso.Parse(iso).GetValueOrThrow();
}

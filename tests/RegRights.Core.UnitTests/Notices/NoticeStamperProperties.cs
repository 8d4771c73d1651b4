using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;
using RegRights.Core.Agreements;
using RegRights.Core.Notices;

namespace RegRights.Core.UnitTests.Notices;

/// <summary>What § 6(h) guarantees for every delivery, checked over random times from 1990 to 2030.</summary>
public class NoticeStamperProperties
{
    private static readonly AgreementTerms Terms = AgreementTerms.NeoTherapeutics2000;
    private static readonly DateTimeZone California = Terms.TimeZone;
    private static readonly Instant From = Instant.FromUtc(1990, 1, 1, 0, 0);
    private static readonly Instant RecordedAt = Instant.FromUtc(2031, 1, 1, 0, 0);

    // Minutes over 40 years, with seconds that hit the cut-offs exactly; offsets from -12:00 to +14:00 so the
    // sender's offset never matters, only the instant.
    private static Gen<Delivery> DeliveryGen => Deliveries(From, 40 * 366 * 24 * 60);

    // The week of Memorial Day 2000, so that several deliveries of one notice often tie on the same Business Day.
    private static Gen<Delivery> SameWeekGen => Deliveries(Instant.FromUtc(2000, 5, 24, 7, 0), 7 * 24 * 60);

    private static Gen<Delivery> Deliveries(Instant start, int minutes) =>
        from minute in Gen.Choose(0, minutes)
        from second in Gen.Elements(0, 0, 30, 59)
        from method in Gen.Elements(Enum.GetValues<DeliveryMethod>())
        from offsetHours in Gen.Choose(-12, 14)
        from receiptMinutes in Gen.Choose(-1, 5 * 24 * 60)
        let sent = start + Duration.FromMinutes(minute) + Duration.FromSeconds(second)
        let offset = Offset.FromHours(offsetHours)
        select new Delivery(method, sent.WithOffset(offset))
        {
            ReceivedAt = receiptMinutes < 0 ? null : (sent + Duration.FromMinutes(receiptMinutes)).WithOffset(offset),
        };

    [Property(MaxTest = 500)]
    public Property EffectiveDate_NeverBeforeTransmissionDate() =>
        Prop.ForAll(DeliveryGen.ToArbitrary(), delivery =>
        {
            var stamp = NoticeStamper.Default.Stamp(Terms, [delivery], RecordedAt);
            var sentDate = delivery.SentAt.ToInstant().InZone(California).Date;
            return stamp.EffectiveDate is not { } date || date >= sentDate;
        });

    [Property(MaxTest = 500)]
    public Property NextBusinessDayRules_GiveBusinessDayStrictlyAfterSending() =>
        Prop.ForAll(DeliveryGen.ToArbitrary(), delivery =>
        {
            var stamp = NoticeStamper.Default.Stamp(Terms, [delivery], RecordedAt);
            var sentDate = delivery.SentAt.ToInstant().InZone(California).Date;
            var isNextDayRule = stamp.Rule is NoticeRule.FacsimileAfterCutoff or NoticeRule.OvernightCourier;
            return (!isNextDayRule ||
                    (stamp.EffectiveDate is { } date && date > sentDate && Terms.Calendar.IsBusinessDay(date) &&
                     stamp.CountsFrom == California.AtStartOfDay(date).ToInstant()))
                .Label($"{stamp.Rule} sent {sentDate} effective {stamp.EffectiveDate}");
        });

    [Property(MaxTest = 200)]
    public Property Earliest_DoesNotDependOnOrder() =>
        Prop.ForAll(
            Gen.NonEmptyListOf(SameWeekGen).SelectMany(list => Gen.Shuffle(list.ToArray()), (list, shuffled) => (list, shuffled)).ToArbitrary(),
            pair =>
            {
                var (list, shuffled) = pair;
                var a = NoticeStamper.Default.Stamp(Terms, [.. list], RecordedAt);
                var b = NoticeStamper.Default.Stamp(Terms, [.. shuffled], RecordedAt);
                // The winning delivery is compared by value: two equal deliveries may swap places.
                return a.EffectiveDate == b.EffectiveDate && a.CountsFrom == b.CountsFrom && a.Rule == b.Rule &&
                    a.Gap == b.Gap && a.Alternative?.EffectiveDate == b.Alternative?.EffectiveDate &&
                    a.Alternative?.Rule == b.Alternative?.Rule &&
                    Equals(a.Winner is { } i ? a.Deliveries[i].Delivery : null, b.Winner is { } j ? b.Deliveries[j].Delivery : null);
            });

    [Property(MaxTest = 200)]
    public Property Earliest_IsNoLaterThanAnyKnownDelivery() =>
        Prop.ForAll(Gen.NonEmptyListOf(DeliveryGen).ToArbitrary(), list =>
        {
            var stamp = NoticeStamper.Default.Stamp(Terms, [.. list], RecordedAt);
            return stamp.Deliveries.All(d => d.CountsFrom is null || stamp.CountsFrom <= d.CountsFrom) &&
                (stamp.CountsFrom is null) == stamp.Deliveries.All(d => d.CountsFrom is null);
        });
}

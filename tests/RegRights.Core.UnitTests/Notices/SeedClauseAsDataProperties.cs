using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;
using RegRights.Core.Agreements;
using RegRights.Core.Calendars;
using RegRights.Core.Notices;

namespace RegRights.Core.UnitTests.Notices;

/// <summary>
/// The seed's § 6(h) as data (<see cref="NoticeClause.NeoTherapeutics2000"/>) stamps exactly as the hard-coded stamper
/// did (<see cref="HardCodedSection6h"/>), word for word, over generated notices and terms; and no clause ever makes a
/// notice effective before it was sent.
/// </summary>
public class SeedClauseAsDataProperties
{
    private static readonly Instant From = Instant.FromUtc(1990, 1, 1, 0, 0);

    // Minutes over 40 years with seconds that hit the cut-offs; any method, offset, receipt, fax and tracking number.
    private static Gen<Delivery> DeliveryGen =>
        from minute in Gen.Choose(0, 40 * 366 * 24 * 60)
        from second in Gen.Elements(0, 0, 30, 59)
        from method in Gen.Elements(Enum.GetValues<DeliveryMethod>())
        from offsetHours in Gen.Choose(-12, 14)
        from receiptMinutes in Gen.Choose(-1, 10 * 24 * 60)
        from numbered in Gen.Elements(false, true)
        let sent = From + Duration.FromMinutes(minute) + Duration.FromSeconds(second)
        let offset = Offset.FromHours(offsetHours)
        select new Delivery(method, sent.WithOffset(offset))
        {
            ReceivedAt = receiptMinutes < 0 ? null : (sent + Duration.FromMinutes(receiptMinutes)).WithOffset(offset),
            FaxNumber = numbered && method == DeliveryMethod.Facsimile ? "(949) 788-6706" : null,
            TrackingNumber = numbered && method == DeliveryMethod.Courier ? "794612345678" : null,
        };

    // The seed's terms, in its zone or New York's, with its fax times or others, reading contested days either way.
    private static Gen<AgreementTerms> TermsGen =>
        from zone in Gen.Elements("America/Los_Angeles", "America/New_York")
        from times in Gen.Elements((new LocalTime(14, 0), new LocalTime(23, 59)), (new LocalTime(9, 30), new LocalTime(17, 0)))
        from reading in Gen.Elements(ContestedDayReading.Open, ContestedDayReading.Closed)
        select AgreementTerms.NeoTherapeutics2000 with
        {
            TimeZone = DateTimeZoneProviders.Tzdb[zone],
            FaxCutoff = times.Item1,
            FaxLateBound = times.Item2,
            ContestedDays = reading,
        };

    private static Gen<(AgreementTerms Terms, Delivery[] Deliveries, Instant RecordedAt)> NoticeGen =>
        from terms in TermsGen
        from count in Gen.Choose(1, 3)
        from deliveries in Gen.ArrayOf(DeliveryGen, count)
        from lateMinutes in Gen.Choose(-60, 10 * 24 * 60)
        select (terms, deliveries, deliveries.Max(d => d.SentAt.ToInstant()) + Duration.FromMinutes(lateMinutes));

    [Property(MaxTest = 1000)]
    public Property SeedClauseAsData_StampsAsTheHardCodedClauseDid() =>
        Prop.ForAll(NoticeGen.ToArbitrary(), notice =>
        {
            var (terms, deliveries, recordedAt) = notice;
            var expected = HardCodedSection6h.Default.Stamp(terms, deliveries, recordedAt);
            var actual = NoticeStamper.Default.Stamp(terms, deliveries, recordedAt);
            return (expected.Literal == actual.Literal && expected.Alternative == actual.Alternative &&
                    expected.Explanation == actual.Explanation && expected.Winner == actual.Winner &&
                    expected.Deliveries.SequenceEqual(actual.Deliveries) && expected.Warnings.SequenceEqual(actual.Warnings))
                .Label($"expected {expected.Section} {expected.EffectiveDate}: {expected.Explanation}\nactual {actual.Section} {actual.EffectiveDate}: {actual.Explanation}");
        });

    [Property(MaxTest = 500)]
    public Property EffectiveTime_NeverBeforeTheSending_UnderEitherClause() =>
        Prop.ForAll(NoticeGen.ToArbitrary(), Gen.Elements(NoticeClause.Names.ToArray()).ToArbitrary(), (notice, name) =>
        {
            var (terms, deliveries, recordedAt) = notice;
            NoticeClause.TryGet(name, out var clause);
            var stamp = NoticeStamper.Default.Stamp(terms with { NoticeClause = clause! }, deliveries, recordedAt);
            // A receipt is generated at or after its sending, so every known moment is too.
            return stamp.Deliveries.All(d => d.CountsFrom is not { } from || from >= d.Delivery.SentAt.ToInstant())
                .Label($"{name}: {stamp.Explanation}");
        });

    [Property(MaxTest = 500)]
    public Property ModernClause_NextDayAndCourierRules_GiveATradingDayAfterSending() =>
        Prop.ForAll(NoticeGen.ToArbitrary(), notice =>
        {
            var (terms, deliveries, recordedAt) = notice;
            var modern = terms with { NoticeClause = NoticeClause.ModernEmail };
            var stamp = NoticeStamper.Default.Stamp(modern, deliveries, recordedAt);
            var newYork = DateTimeZoneProviders.Tzdb["America/New_York"];
            return stamp.Deliveries
                .Where(d => d.Rule is NoticeRule.FacsimileAfterCutoff or NoticeRule.OvernightCourier)
                .All(d => d.EffectiveDate is { } date && date > d.Delivery.SentAt.ToInstant().InZone(newYork).Date &&
                          BusinessDayCalendar.Nyse.WithReading(terms.ContestedDays).IsBusinessDay(date) &&
                          d.CountsFrom == newYork.AtStartOfDay(date).ToInstant())
                .Label(stamp.Explanation);
        });
}

using NodaTime;
using RegRights.Core.Agreements;
using RegRights.Core.Notices;

namespace RegRights.Core.UnitTests.Notices;

/// <summary>
/// An agreement whose notice clause is in another zone: its stamps name that zone, never the seed agreement's
/// "California time". New York was on EDT (-04:00) on Friday 2000-05-26.
/// </summary>
public partial class NoticeStamperTest
{
    private static readonly AgreementTerms NewYork = Terms with { TimeZone = DateTimeZoneProviders.Tzdb["America/New_York"] };

    [Fact]
    public void Stamp_NewYorkAgreementFaxBeforeCutoff_NamesNewYorkTime()
    {
        // Arrange: 1:59 p.m. EDT on Friday 2000-05-26, a Business Day: § 6(h)(i) in New York's terms.
        var fax = Fax("2000-05-26T13:59:00-04:00");

        // Act
        var stamp = NoticeStamper.Default.Stamp(NewYork, [fax], Utc("2000-05-26T18:00:00Z"));

        // Assert
        Assert.Equal(NoticeRule.FacsimileBeforeCutoff, stamp.Rule);
        Assert.Equal(new LocalDate(2000, 5, 26), stamp.EffectiveDate);
        Assert.Contains("2000-05-26 13:59:00 -04:00 (EDT), New York time", stamp.Explanation, StringComparison.Ordinal);
        Assert.DoesNotContain("California", stamp.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void Stamp_NewYorkAgreementCourier_TakesTheMailingDateInNewYorkTime()
    {
        // Arrange: mailed at 11:30 p.m. EDT on Thursday 2000-05-25 (8:30 p.m. in California, the same date).
        var courier = new Delivery(DeliveryMethod.Courier, At("2000-05-25T23:30:00-04:00"));

        // Act
        var stamp = NoticeStamper.Default.Stamp(NewYork, [courier], Utc("2000-05-26T12:00:00Z"));

        // Assert: § 6(h)(iii), the Business Day after Thursday 2000-05-25 is Friday 2000-05-26.
        Assert.Equal(new LocalDate(2000, 5, 26), stamp.EffectiveDate);
        Assert.Contains("taken in New York time, Thursday 2000-05-25", stamp.Explanation, StringComparison.Ordinal);
        Assert.DoesNotContain("California", stamp.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void Stamp_NewYorkAgreementOutsideRange_NamesNewYorkTime()
    {
        // Arrange: 1970-12-31 in New York, before the calendar's 1971-01-01.
        var fax = Fax("1970-12-31T12:00:00-05:00");

        // Act
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => NoticeStamper.Default.Stamp(NewYork, [fax], RecordedAt));

        // Assert
        Assert.StartsWith("deliveries[0] was sent on 1970-12-31 (New York time), outside the supported range", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Stamp_SeedAgreement_KeepsCaliforniaTime()
    {
        // Arrange: the seed agreement's own words, § 6(h) "(California time)": 1:59 p.m. PDT on Friday 2000-05-26.
        var fax = Fax("2000-05-26T13:59:00-07:00");

        // Act
        var stamp = Stamp(fax);

        // Assert
        Assert.Contains("2000-05-26 13:59:00 -07:00 (PDT), California time", stamp.Explanation, StringComparison.Ordinal);
    }
}

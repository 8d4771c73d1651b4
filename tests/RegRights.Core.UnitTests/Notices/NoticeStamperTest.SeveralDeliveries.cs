using NodaTime;
using RegRights.Core.Notices;

namespace RegRights.Core.UnitTests.Notices;

/// <summary>One notice sent several ways is effective at "the earliest of" them (§ 6(h)).</summary>
public partial class NoticeStamperTest
{
    [Fact]
    public void Stamp_FaxAndCourier_EarliestWins()
    {
        // The courier mailed Wednesday 2000-05-24 is effective Thursday 2000-05-25 (§ 6(h)(iii)); the fax at
        // 2:01 p.m. that Thursday only on Friday 2000-05-26 (§ 6(h)(ii)). The courier wins, whatever the order.
        var fax = Fax("2000-05-25T14:01:00-07:00");
        var courier = new Delivery(DeliveryMethod.Courier, At("2000-05-24T16:00:00-07:00"));

        var stamp = Stamp(fax, courier);
        var reversed = Stamp(courier, fax);

        Assert.Equal(new LocalDate(2000, 5, 25), stamp.EffectiveDate);
        Assert.Equal(NoticeRule.OvernightCourier, stamp.Rule);
        Assert.Equal(1, stamp.Winner);
        Assert.Equal(0, reversed.Winner);
        Assert.Equal(stamp.CountsFrom, reversed.CountsFrom);
        Assert.Equal(new LocalDate(2000, 5, 26), stamp.Deliveries[0].EffectiveDate);
        Assert.Contains("earliest of them, delivery 2 of 2 (overnight courier)", stamp.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void Stamp_FaxAndCourierSameDay_TieGoesToLowerClause()
    {
        // A 3:00 p.m. fax and a courier both on Friday 2000-05-26 are both effective from the start of Tuesday
        // 2000-05-30; the stamp cites § 6(h)(ii) in either order.
        var fax = Fax("2000-05-26T15:00:00-07:00");
        var courier = new Delivery(DeliveryMethod.Courier, At("2000-05-26T12:00:00-07:00"));

        Assert.Equal(NoticeRule.FacsimileAfterCutoff, Stamp(courier, fax).Rule);
        Assert.Equal(NoticeRule.FacsimileAfterCutoff, Stamp(fax, courier).Rule);
    }

    [Fact]
    public void Stamp_EmailWithoutReceiptAndCourier_CourierWinsAndEmailIsFlagged()
    {
        // The e-mail's receipt is unknown, so it cannot win; but it may have arrived before Tuesday, so the stamp
        // says that it would then be effective earlier.
        var email = new Delivery(DeliveryMethod.Email, At("2000-05-26T15:00:00-07:00"));
        var courier = new Delivery(DeliveryMethod.Courier, At("2000-05-26T15:00:00-07:00"));

        var stamp = Stamp(email, courier);

        Assert.Equal(1, stamp.Winner);
        Assert.Equal(new LocalDate(2000, 5, 30), stamp.EffectiveDate);
        Assert.Contains(stamp.Warnings, w => w.Kind == NoticeWarningKind.ReceiptUnknown && w.Delivery == 0);
        Assert.Contains("had it been received before 2000-05-30 00:00:00 -07:00 (PDT)", stamp.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void Stamp_TwoEmailsWithoutReceipt_NoEffectiveDate()
    {
        var stamp = Stamp(
            new Delivery(DeliveryMethod.Email, At("2000-05-26T15:00:00-07:00")),
            new Delivery(DeliveryMethod.Hand, At("2000-05-26T15:30:00-07:00")));

        Assert.Null(stamp.EffectiveDate);
        Assert.Null(stamp.Winner);
        Assert.Equal(NoticeRule.ActualReceipt, stamp.Rule);
        Assert.Equal(2, stamp.Warnings.Count(w => w.Kind == NoticeWarningKind.ReceiptUnknown));
    }

    [Fact]
    public void Stamp_GapFaxBeatenOnlyUnderOtherReading_AlternativeNamesTheOtherWinner()
    {
        // A fax at exactly 2:00 p.m. Thursday 2000-05-25, received 2:00:10 p.m., is literally effective that Thursday
        // (§ 6(h)(iv)). Under the other reading it is Friday 2000-05-26, and the courier mailed Wednesday
        // 2000-05-24 (effective Thursday 2000-05-25 from its start) is then the earliest.
        var fax = Fax("2000-05-25T14:00:00-07:00", receivedAt: "2000-05-25T14:00:10-07:00");
        var courier = new Delivery(DeliveryMethod.Courier, At("2000-05-24T16:00:00-07:00"));

        var stamp = Stamp(fax, courier);

        Assert.Equal(1, stamp.Winner);
        Assert.Equal(NoticeRule.OvernightCourier, stamp.Rule);
        Assert.True(stamp.Gap);
        Assert.Equal(1, stamp.Alternative?.Delivery);
        Assert.Equal(new LocalDate(2000, 5, 25), stamp.Alternative?.EffectiveDate);
        Assert.Contains("gives the same result", stamp.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void Stamp_NoDeliveries_Throws()
    {
        var exception = Assert.Throws<ArgumentException>(() => NoticeStamper.Default.Stamp(Terms, [], RecordedAt));

        Assert.Equal("deliveries", exception.ParamName);
    }

    [Fact]
    public void Stamp_SentBeforeCalendarRange_Throws()
    {
        // The Business Day calendar starts 1971-01-01; a stamp is never built on a date it cannot check.
        var exception = Assert.Throws<ArgumentOutOfRangeException>(() => Stamp(Fax("1970-12-31T10:00:00-08:00")));

        Assert.Equal("deliveries", exception.ParamName);
    }
}

using NodaTime;
using RegRights.Core.Notices;

namespace RegRights.Core.UnitTests.Notices;

/// <summary>§ 6(h)(iii) overnight courier and § 6(h)(iv) actual receipt.</summary>
public partial class NoticeStamperTest
{
    [Fact]
    public void Stamp_CourierMailedFridayBeforeMemorialDay_IsTuesday()
    {
        // § 6(h)(iii): mailed Friday 2000-05-26; the Business Day following is Tuesday 2000-05-30.
        var stamp = Stamp(new Delivery(DeliveryMethod.Courier, At("2000-05-26T17:30:00-07:00")) { TrackingNumber = "7901 2345 6789" });

        Assert.Equal(NoticeRule.OvernightCourier, stamp.Rule);
        Assert.Equal(new LocalDate(2000, 5, 30), stamp.EffectiveDate);
        Assert.Equal(Utc("2000-05-30T07:00:00Z"), stamp.CountsFrom);
        Assert.Contains("7901 2345 6789", stamp.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void Stamp_CourierMailedThursdayEveningCalifornia_UsesCaliforniaMailingDate()
    {
        // Mailed 6:00 p.m. PDT Thursday 2000-05-25, which is already Friday in UTC. The mailing date is taken in
        // California time, Thursday, so the notice is effective Friday 2000-05-26, not Tuesday 2000-05-30.
        var stamp = Stamp(new Delivery(DeliveryMethod.Courier, At("2000-05-26T01:00:00Z")));

        Assert.Equal(new LocalDate(2000, 5, 26), stamp.EffectiveDate);
        Assert.Contains("taken in California time, Thursday 2000-05-25", stamp.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void Stamp_EmailWithReceipt_IsEffectiveOnReceipt()
    {
        // E-mail is not a method (i)-(iii) sets forth: § 6(h)(iv), effective at the recorded receipt.
        var email = new Delivery(DeliveryMethod.Email, At("2000-05-26T16:00:00-07:00")) { ReceivedAt = At("2000-05-26T16:02:00-07:00") };

        var stamp = Stamp(email);

        Assert.Equal(NoticeRule.ActualReceipt, stamp.Rule);
        Assert.Equal(new LocalDate(2000, 5, 26), stamp.EffectiveDate);
        Assert.Equal(Utc("2000-05-26T23:02:00Z"), stamp.CountsFrom);
        Assert.False(stamp.Gap);
        Assert.Contains("E-mail is not a method", stamp.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void Stamp_EmailWithoutReceipt_HasNoEffectiveDate()
    {
        // § 6(h)(iv) needs the actual receipt; without it there is nothing to stamp, and the stamp says so.
        var stamp = Stamp(new Delivery(DeliveryMethod.Email, At("2000-05-26T16:00:00-07:00")));

        Assert.Null(stamp.EffectiveDate);
        Assert.Null(stamp.CountsFrom);
        Assert.Null(stamp.Winner);
        Assert.Equal(NoticeRule.ActualReceipt, stamp.Rule);
        Assert.False(stamp.Gap);
        Assert.Contains("No receipt is recorded", stamp.Explanation, StringComparison.Ordinal);
        Assert.Contains(stamp.Warnings, w => w.Kind == NoticeWarningKind.ReceiptUnknown);
    }

    [Theory]
    [InlineData(DeliveryMethod.Mail)] // first-class mail is not overnight courier
    [InlineData(DeliveryMethod.Hand)] // hand delivery has no clause of its own
    public void Stamp_MailAndHand_AreActualReceipt(DeliveryMethod method)
    {
        var delivery = new Delivery(method, At("2000-05-22T09:00:00-07:00")) { ReceivedAt = At("2000-05-24T11:00:00-07:00") };

        var stamp = Stamp(delivery);

        Assert.Equal(NoticeRule.ActualReceipt, stamp.Rule);
        Assert.Equal(new LocalDate(2000, 5, 24), stamp.EffectiveDate);
    }
}

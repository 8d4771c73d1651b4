using NodaTime;
using RegRights.Core.Notices;

namespace RegRights.Core.UnitTests.Notices;

/// <summary>§ 6(h)(i) and (ii) and the gaps between them.</summary>
public partial class NoticeStamperTest
{
    [Fact]
    public void Stamp_FaxAt159pmOnBusinessDay_IsEffectiveThatDayFromTransmission()
    {
        // § 6(h)(i): Thursday 2000-05-25 is a Business Day and 1:59 p.m. PDT is prior to 2:00 p.m.
        var stamp = Stamp(Fax("2000-05-25T13:59:00-07:00"));

        Assert.Equal(NoticeRule.FacsimileBeforeCutoff, stamp.Rule);
        Assert.Equal(new LocalDate(2000, 5, 25), stamp.EffectiveDate);
        Assert.Equal(Utc("2000-05-25T20:59:00Z"), stamp.CountsFrom);
        Assert.False(stamp.Gap);
        Assert.Null(stamp.Alternative);
        Assert.Equal(0, stamp.Winner);
        Assert.Contains("2000-05-25 13:59:00 -07:00 (PDT)", stamp.Explanation, StringComparison.Ordinal);
        Assert.Contains("§ 6(h)(i)", stamp.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void Stamp_FaxAtExactly2pm_IsActualReceiptWithGapAndNextBusinessDayAlternative()
    {
        // Exactly 2:00:00 p.m. is neither "prior to" (i) nor "later than" (ii) 2:00 p.m.: literally (iv), actual
        // receipt, here 2:00:05 p.m. the same Thursday. The other reading is Friday 2000-05-26, the next Business Day.
        var stamp = Stamp(Fax("2000-05-25T14:00:00-07:00", receivedAt: "2000-05-25T14:00:05-07:00"));

        Assert.Equal(NoticeRule.ActualReceipt, stamp.Rule);
        Assert.Equal(new LocalDate(2000, 5, 25), stamp.EffectiveDate);
        Assert.Equal(Utc("2000-05-25T21:00:05Z"), stamp.CountsFrom);
        Assert.True(stamp.Gap);
        Assert.Equal(NoticeGap.FacsimileAtCutoff, stamp.Deliveries[0].Gap);
        Assert.NotNull(stamp.Alternative);
        Assert.Equal(NoticeRule.FacsimileAfterCutoff, stamp.Alternative.Rule);
        Assert.Equal(new LocalDate(2000, 5, 26), stamp.Alternative.EffectiveDate);
        Assert.Contains("gap", stamp.Explanation, StringComparison.Ordinal);
        Assert.Contains("Friday 2000-05-26", stamp.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void Stamp_FaxAtExactly2pmWithoutReceipt_HasNoEffectiveDateButStatesTheOtherReading()
    {
        // The literal reading needs the actual receipt, which nobody recorded; the other reading still has a date.
        var stamp = Stamp(Fax("2000-05-25T14:00:00-07:00"));

        Assert.Null(stamp.EffectiveDate);
        Assert.Null(stamp.CountsFrom);
        Assert.Null(stamp.Winner);
        Assert.Equal(NoticeRule.ActualReceipt, stamp.Rule);
        Assert.Equal(new LocalDate(2000, 5, 26), stamp.Alternative?.EffectiveDate);
        Assert.Contains(stamp.Warnings, w => w.Kind == NoticeWarningKind.ReceiptUnknown && w.Delivery == 0);
    }

    [Fact]
    public void Stamp_FaxHalfASecondAfter2pm_IsLaterThan2pm()
    {
        // "later than 2:00 p.m." is any time after 14:00:00, so 2:00:00.5 p.m. is § 6(h)(ii), and the explanation
        // shows the half second that decides it.
        var stamp = Stamp(Fax("2000-05-25T14:00:00.5-07:00"));

        Assert.Equal(NoticeRule.FacsimileAfterCutoff, stamp.Rule);
        Assert.Contains("14:00:00.5 -07:00 (PDT)", stamp.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void Stamp_FaxAt201pm_IsNextBusinessDayFromItsStart()
    {
        // § 6(h)(ii): 2:01 p.m. Thursday is later than 2:00 p.m.; the next Business Day is Friday 2000-05-26, which
        // begins at 00:00 PDT, 07:00 UTC.
        var stamp = Stamp(Fax("2000-05-25T14:01:00-07:00"));

        Assert.Equal(NoticeRule.FacsimileAfterCutoff, stamp.Rule);
        Assert.Equal(new LocalDate(2000, 5, 26), stamp.EffectiveDate);
        Assert.Equal(Utc("2000-05-26T07:00:00Z"), stamp.CountsFrom);
        Assert.False(stamp.Gap);
    }

    [Fact]
    public void Stamp_FaxAt115930pm_IsGapAfterLateBound()
    {
        // 11:59:30 p.m. is not "earlier than 11:59 p.m.": no clause for a fax fits, so literally (iv); the other
        // reading is the next Business Day, Friday 2000-05-26.
        var stamp = Stamp(Fax("2000-05-25T23:59:30-07:00", receivedAt: "2000-05-25T23:59:40-07:00"));

        Assert.Equal(NoticeRule.ActualReceipt, stamp.Rule);
        Assert.Equal(new LocalDate(2000, 5, 25), stamp.EffectiveDate);
        Assert.True(stamp.Gap);
        Assert.Equal(NoticeGap.FacsimileAfterLateBound, stamp.Deliveries[0].Gap);
        Assert.Equal(new LocalDate(2000, 5, 26), stamp.Alternative?.EffectiveDate);
    }

    [Fact]
    public void Stamp_FaxAtExactly1159pm_IsGap()
    {
        // "earlier than 11:59 p.m." is before 23:59:00, so 23:59:00 itself is outside (ii).
        var stamp = Stamp(Fax("2000-05-25T23:59:00-07:00"));

        Assert.Equal(NoticeGap.FacsimileAfterLateBound, stamp.Deliveries[0].Gap);
    }

    [Fact]
    public void Stamp_Fax3pmFridayBeforeMemorialDay_IsTuesday()
    {
        // § 6(h)(ii): Friday 2000-05-26 at 3:00 p.m. PDT; Saturday, Sunday and Memorial Day (Monday 2000-05-29) are
        // not Business Days, so the notice is effective Tuesday 2000-05-30, from 00:00 PDT (07:00 UTC).
        var stamp = Stamp(Fax("2000-05-26T15:00:00-07:00"));

        Assert.Equal(NoticeRule.FacsimileAfterCutoff, stamp.Rule);
        Assert.Equal(new LocalDate(2000, 5, 30), stamp.EffectiveDate);
        Assert.Equal(Utc("2000-05-30T07:00:00Z"), stamp.CountsFrom);
        Assert.Contains("Memorial Day", stamp.Explanation, StringComparison.Ordinal);
        Assert.Contains("2000-05-30 00:00:00 -07:00 (PDT)", stamp.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void Stamp_FaxSaturdayMorning_IsGapOnNonBusinessDay()
    {
        // § 6(h)(i) needs a Business Day; Saturday 2000-05-27 at 10:00 a.m. is not later than 2:00 p.m. either.
        // Literally (iv); the other reading is Tuesday 2000-05-30 (Sunday, then Memorial Day).
        var stamp = Stamp(Fax("2000-05-27T10:00:00-07:00", receivedAt: "2000-05-27T10:00:30-07:00"));

        Assert.Equal(NoticeRule.ActualReceipt, stamp.Rule);
        Assert.Equal(new LocalDate(2000, 5, 27), stamp.EffectiveDate);
        Assert.Equal(NoticeGap.FacsimileBeforeCutoffOnNonBusinessDay, stamp.Deliveries[0].Gap);
        Assert.Equal(new LocalDate(2000, 5, 30), stamp.Alternative?.EffectiveDate);
        Assert.Contains("Saturday 2000-05-27, which is not a Business Day", stamp.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void Stamp_FaxSaturdayAfternoon_IsNextBusinessDay()
    {
        // § 6(h)(ii) applies "on any date": Saturday 2000-05-27 at 3:00 p.m. is effective Tuesday 2000-05-30.
        var stamp = Stamp(Fax("2000-05-27T15:00:00-07:00"));

        Assert.Equal(NoticeRule.FacsimileAfterCutoff, stamp.Rule);
        Assert.Equal(new LocalDate(2000, 5, 30), stamp.EffectiveDate);
    }

    [Fact]
    public void Stamp_FaxNumber_IsRecordedNotJudged()
    {
        // § 6(h)(i) and (ii) name different numbers; the stamp records the number used and leaves it to the lawyer.
        var fax = Fax("2000-05-25T13:00:00-07:00") with { FaxNumber = "(949) 788-6706" };

        var stamp = Stamp(fax);

        Assert.Equal(NoticeRule.FacsimileBeforeCutoff, stamp.Rule);
        Assert.Contains("(949) 788-6706 (recorded; not checked", stamp.Explanation, StringComparison.Ordinal);
    }
}

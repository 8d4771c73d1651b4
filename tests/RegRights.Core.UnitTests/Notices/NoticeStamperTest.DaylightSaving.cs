using NodaTime;
using RegRights.Core.Notices;

namespace RegRights.Core.UnitTests.Notices;

/// <summary>California time is PST or PDT as in force on the day; the cut-off moves against UTC.</summary>
public partial class NoticeStamperTest
{
    [Fact]
    public void Stamp_SameUtcClockTimeInJuly_IsAfterCutoff()
    {
        // 21:59 UTC on Wednesday 2000-07-12 is 2:59 p.m. PDT: § 6(h)(ii), Thursday 2000-07-13.
        var stamp = Stamp(Fax("2000-07-12T21:59:00Z"));

        Assert.Equal(NoticeRule.FacsimileAfterCutoff, stamp.Rule);
        Assert.Equal(new LocalDate(2000, 7, 13), stamp.EffectiveDate);
        Assert.Contains("2000-07-12 14:59:00 -07:00 (PDT)", stamp.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void Stamp_SameUtcClockTimeInJanuary_IsBeforeCutoff()
    {
        // 21:59 UTC on Wednesday 2000-01-12 is 1:59 p.m. PST: § 6(h)(i), the same day.
        var stamp = Stamp(Fax("2000-01-12T21:59:00Z"));

        Assert.Equal(NoticeRule.FacsimileBeforeCutoff, stamp.Rule);
        Assert.Equal(new LocalDate(2000, 1, 12), stamp.EffectiveDate);
        Assert.Contains("2000-01-12 13:59:00 -08:00 (PST)", stamp.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void Stamp_FaxSaturdayBeforeFallBack_CountsFromMondayMidnightPst()
    {
        // § 6(h)(ii) on Saturday 2000-10-28 at 3:00 p.m. PDT; clocks fell back on Sunday 2000-10-29, so Monday
        // 2000-10-30 begins at 00:00 PST, 08:00 UTC, not 07:00 UTC.
        var stamp = Stamp(Fax("2000-10-28T15:00:00-07:00"));

        Assert.Equal(new LocalDate(2000, 10, 30), stamp.EffectiveDate);
        Assert.Equal(Utc("2000-10-30T08:00:00Z"), stamp.CountsFrom);
        Assert.Contains("2000-10-30 00:00:00 -08:00 (PST)", stamp.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void Stamp_FaxSaturdayBeforeSpringForward_CountsFromMondayMidnightPdt()
    {
        // § 6(h)(ii) on Saturday 2000-04-01 at 3:00 p.m. PST; clocks sprang forward on Sunday 2000-04-02, so Monday
        // 2000-04-03 begins at 00:00 PDT, 07:00 UTC.
        var stamp = Stamp(Fax("2000-04-01T15:00:00-08:00"));

        Assert.Equal(new LocalDate(2000, 4, 3), stamp.EffectiveDate);
        Assert.Equal(Utc("2000-04-03T07:00:00Z"), stamp.CountsFrom);
    }

    [Fact]
    public void Stamp_FaxJustAfterSpringForward_IsSundayMorningGap()
    {
        // 10:30 UTC on Sunday 2000-04-02 is 3:30 a.m. PDT (2:00-3:00 a.m. did not exist that day): before 2:00 p.m.
        // on a Sunday, a gap; the other reading is Monday 2000-04-03.
        var stamp = Stamp(Fax("2000-04-02T10:30:00Z"));

        Assert.Equal(NoticeGap.FacsimileBeforeCutoffOnNonBusinessDay, stamp.Deliveries[0].Gap);
        Assert.Equal(new LocalDate(2000, 4, 3), stamp.Alternative?.EffectiveDate);
        Assert.Contains("2000-04-02 03:30:00 -07:00 (PDT)", stamp.Explanation, StringComparison.Ordinal);
    }
}

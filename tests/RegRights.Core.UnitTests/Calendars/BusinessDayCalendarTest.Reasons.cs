using NodaTime;
using RegRights.Core.Calendars;

namespace RegRights.Core.UnitTests.Calendars;

/// <summary>"Why not?" answers, the in-lieu edge cases, and the exact exceptions for dates the calendar cannot answer.</summary>
public partial class BusinessDayCalendarTest
{
    [Fact]
    public void GetDay_SaturdayNewYear_ClosesFridayOfTheYearBefore()
    {
        // January 1, 2011 was a Saturday: § 6103(b)(1) makes Friday, December 31, 2010 the federal holiday.
        // California's § 7.1 has no Friday-before rule for January 1, so only the federal reason applies.
        var day = Calendar.GetDay(new LocalDate(2010, 12, 31));

        Assert.False(day.IsBusinessDay);
        var reason = Assert.Single(day.Reasons);
        Assert.StartsWith("New Year's Day (observed", reason.Name, StringComparison.Ordinal);
        Assert.Equal("5 U.S.C. § 6103(b)(1)", reason.Source);
        Assert.Equal(DayReasonKind.FederalLegalHoliday, reason.Kind);
    }

    [Fact]
    public void GetDay_LastSupportedDate_IsInLieuOfNewYear2101()
    {
        // January 1, 2101 is a Saturday, so Friday 2100-12-31, the last supported date, is a federal holiday.
        var day = Calendar.GetDay(BusinessDayCalendar.MaxDate);

        Assert.False(day.IsBusinessDay);
        Assert.Contains(day.Reasons, r => r.Source == "5 U.S.C. § 6103(b)(1)" && r.Name.StartsWith("New Year's Day", StringComparison.Ordinal));
    }

    [Fact]
    public void GetDay_LincolnDay_NamesCaliforniaStatute()
    {
        // Monday 2001-02-12 is a federal workday, but § 7.1 lets California banks close: not a § 1 Business Day.
        var date = new LocalDate(2001, 2, 12);

        var day = Calendar.GetDay(date);

        Assert.Equal(new DayReason("Lincoln Day", "Cal. Civ. Code § 7.1", DayReasonKind.CaliforniaBankHoliday, DayEffect.Closed),
            Assert.Single(day.Reasons));
        Assert.Equal("Lincoln Day (Cal. Civ. Code § 7.1)", day.Reasons[0].ToString());
        Assert.True(Edgar.IsBusinessDay(date));
    }

    [Fact]
    public void GetDay_AdmissionDayOnSunday_ClosesMondayForCaliforniaOnly()
    {
        // September 9, 2001 was a Sunday: § 7.1 moves Admission Day to Monday September 10; EDGAR is open.
        var monday = new LocalDate(2001, 9, 10);

        Assert.False(Calendar.IsBusinessDay(monday));
        Assert.StartsWith("Admission Day", Assert.Single(Calendar.GetDay(monday).Reasons).Name, StringComparison.Ordinal);
        Assert.True(Edgar.IsBusinessDay(monday));
    }

    [Fact]
    public void GetDay_LincolnDayOnSaturday_DoesNotCloseFriday()
    {
        // February 12, 2000 was a Saturday; § 7.1's Friday-before rule covers only July 4, September 9 and December 25.
        Assert.True(Calendar.IsBusinessDay(new LocalDate(2000, 2, 11)));
    }

    [Fact]
    public void GetDay_Weekend_NamesSection1()
    {
        var day = Calendar.GetDay(new LocalDate(2000, 4, 29));

        var reason = Assert.Single(day.Reasons);
        Assert.Equal("Saturday", reason.Name);
        Assert.Equal(DayReasonKind.Weekend, reason.Kind);
        Assert.Contains("§ 1", reason.Source, StringComparison.Ordinal);
    }

    [Fact]
    public void GetDay_OrdinaryBusinessDay_HasNoReasons()
    {
        var day = Calendar.GetDay(new LocalDate(2000, 4, 28));

        Assert.True(day.IsBusinessDay);
        Assert.False(day.IsContested);
        Assert.Empty(day.Reasons);
    }

    [Fact]
    public void GetDay_InaugurationDayOnMartinLutherKingDay_HasBothReasons()
    {
        // January 20, 1997 was both the third Monday of January and Inauguration Day.
        var day = Calendar.GetDay(new LocalDate(1997, 1, 20));

        Assert.False(day.IsBusinessDay);
        Assert.Contains(day.Reasons, r => r.Name == "Birthday of Martin Luther King, Jr." && r.Effect == DayEffect.Closed);
        Assert.Contains(day.Reasons, r => r.Name == "Inauguration Day" && r.Effect == DayEffect.Note);
    }

    [Fact]
    public void IsBusinessDay_InaugurationDayOnSunday_MovesToMonday()
    {
        // January 20, 1985 was a Sunday; the public inauguration, and the § 6103(c) holiday, were on Monday the 21st.
        var monday = new LocalDate(1985, 1, 21);

        Assert.False(Edgar.IsBusinessDay(monday));
        Assert.True(Edgar.IsBusinessDay(new LocalDate(1985, 1, 22)));
        Assert.Contains(Calendar.GetDay(monday).Reasons, r => r.Name == "Inauguration Day" && r.Effect == DayEffect.Note);
    }

    public static TheoryData<string, Func<BusinessDayCalendar, LocalDate, object>> DateMembers { get; } = new()
    {
        { "date", (c, d) => c.IsBusinessDay(d) },
        { "date", (c, d) => c.GetDay(d) },
        { "date", (c, d) => c.PlusBusinessDays(d, 1) },
        { "date", (c, d) => c.PlusBusinessDays(d, 0) },
        { "date", (c, d) => c.NextBusinessDay(d) },
        { "date", (c, d) => c.NextBusinessDayOrSame(d) },
        { "date", (c, d) => c.PreviousBusinessDay(d) },
        { "date", (c, d) => c.PreviousBusinessDayOrSame(d) },
        { "interval", (c, d) => c.GetNotableDays(new DateInterval(d, d)) },
        { "closures", (c, d) => c.WithClosures([new Closure(d, "Bank holiday", "Cal. Fin. Code § 3601", DayEffect.Closed)]) },
    };

    [Theory]
    [MemberData(nameof(DateMembers))]
    public void Members_DateOutsideRange_ThrowArgumentOutOfRange(string paramName, Func<BusinessDayCalendar, LocalDate, object> member)
    {
        // One day either side of the supported range 1971-01-01 to 2100-12-31.
        foreach (var date in new[] { new LocalDate(1970, 12, 31), new LocalDate(2101, 1, 1) })
        {
            var exception = Assert.Throws<ArgumentOutOfRangeException>(() => member(Calendar, date));

            Assert.Equal(paramName, exception.ParamName);
            Assert.Equal(date, exception.ActualValue);
        }
    }

    [Theory]
    [MemberData(nameof(DateMembers))]
    public void Members_NonIsoDate_ThrowArgumentException(string paramName, Func<BusinessDayCalendar, LocalDate, object> member)
    {
        // The same day in other calendars: Julian 2000-04-15 is ISO 2000-04-28; NodaTime's Gregorian calendar is
        // a different CalendarSystem from ISO; a Hebrew year lies far outside the numeric range.
        var dates = new[]
        {
            new LocalDate(2000, 4, 15, CalendarSystem.Julian),
            new LocalDate(2000, 4, 28, CalendarSystem.Gregorian),
            new LocalDate(5760, 8, 23, CalendarSystem.HebrewCivil),
        };
        foreach (var date in dates)
        {
            var exception = Assert.Throws<ArgumentException>(() => member(Calendar, date));

            Assert.Equal(paramName, exception.ParamName);
        }
    }

    [Fact]
    public void PlusBusinessDays_ResultOutsideRange_ThrowsForCount()
    {
        // Friday 1971-01-01, the first supported date, was New Year's Day; the first Business Day is Monday 1971-01-04,
        // and there is none before it to count back to.
        var first = BusinessDayCalendar.MinDate;

        Assert.Equal("count", Assert.Throws<ArgumentOutOfRangeException>(() => Calendar.PlusBusinessDays(first, -1)).ParamName);
        Assert.Equal("count", Assert.Throws<ArgumentOutOfRangeException>(() => Calendar.PlusBusinessDays(first, int.MaxValue)).ParamName);
        Assert.Equal("count", Assert.Throws<ArgumentOutOfRangeException>(() => Calendar.PlusBusinessDays(first, int.MinValue)).ParamName);
        Assert.Equal(new LocalDate(1971, 1, 4), Calendar.PlusBusinessDays(first, 1));
    }
}

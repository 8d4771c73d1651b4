using NodaTime;
using RegRights.Core.Calendars;

namespace RegRights.Core.UnitTests.Calendars;

/// <summary>
/// The NYSE Trading Day calendar: the Exchange's published holiday lists for sample years, every year 1971-2100 against
/// <see cref="ExchangeReference"/>, and the rules a lawyer checks by hand (no Trading Day on Christmas; a Saturday New
/// Year's Day not kept on Friday December 31).
/// </summary>
public class TradingDayCalendarTest
{
    private static readonly BusinessDayCalendar Nyse = BusinessDayCalendar.Nyse;

    public static TheoryData<int> SupportedYears { get; } = [.. Enumerable.Range(1971, 2100 - 1971 + 1)];

    /// <summary>
    /// The NYSE's own holiday announcements, as published: 2011-2013 and 2014-2016 (NYSE holiday schedules), 2022-2024
    /// (NYSE Group, December 27, 2021), 2025-2027 (November 8, 2024) and 2026-2028 (December 23, 2025); 2001 and 2012 with
    /// their special closings; 1971-1980 from the History of NYSE Holidays (Election Day in 1972, 1976 and 1980).
    /// </summary>
    public static TheoryData<int, string[]> PublishedLists { get; } = new()
    {
        { 1972, ["02-21", "03-31", "05-29", "07-04", "09-04", "11-07", "11-23", "12-25", "12-28"] },
        { 1976, ["01-01", "02-16", "04-16", "05-31", "07-05", "09-06", "11-02", "11-25", "12-24"] },
        { 2001, ["01-01", "01-15", "02-19", "04-13", "05-28", "07-04", "09-03", "09-11", "09-12", "09-13", "09-14", "11-22", "12-25"] },
        { 2011, ["01-17", "02-21", "04-22", "05-30", "07-04", "09-05", "11-24", "12-26"] },
        { 2012, ["01-02", "01-16", "02-20", "04-06", "05-28", "07-04", "09-03", "10-29", "10-30", "11-22", "12-25"] },
        { 2013, ["01-01", "01-21", "02-18", "03-29", "05-27", "07-04", "09-02", "11-28", "12-25"] },
        { 2014, ["01-01", "01-20", "02-17", "04-18", "05-26", "07-04", "09-01", "11-27", "12-25"] },
        { 2015, ["01-01", "01-19", "02-16", "04-03", "05-25", "07-03", "09-07", "11-26", "12-25"] },
        { 2016, ["01-01", "01-18", "02-15", "03-25", "05-30", "07-04", "09-05", "11-24", "12-26"] },
        { 2022, ["01-17", "02-21", "04-15", "05-30", "06-20", "07-04", "09-05", "11-24", "12-26"] },
        { 2023, ["01-02", "01-16", "02-20", "04-07", "05-29", "06-19", "07-04", "09-04", "11-23", "12-25"] },
        { 2024, ["01-01", "01-15", "02-19", "03-29", "05-27", "06-19", "07-04", "09-02", "11-28", "12-25"] },
        { 2025, ["01-01", "01-09", "01-20", "02-17", "04-18", "05-26", "06-19", "07-04", "09-01", "11-27", "12-25"] },
        { 2026, ["01-01", "01-19", "02-16", "04-03", "05-25", "06-19", "07-03", "09-07", "11-26", "12-25"] },
        { 2027, ["01-01", "01-18", "02-15", "03-26", "05-31", "06-18", "07-05", "09-06", "11-25", "12-24"] },
        { 2028, ["01-17", "02-21", "04-14", "05-29", "06-19", "07-04", "09-04", "11-23", "12-25"] },
    };

    [Theory]
    [MemberData(nameof(PublishedLists))]
    public void GetNotableDays_WeekdayClosings_MatchTheExchangesPublishedList(int year, string[] published)
    {
        var closed = Nyse.GetNotableDays(new DateInterval(new LocalDate(year, 1, 1), new LocalDate(year, 12, 31)))
            .Where(d => !d.IsBusinessDay && d.Date.DayOfWeek is not (IsoDayOfWeek.Saturday or IsoDayOfWeek.Sunday))
            .Select(d => d.Date.ToString("MM-dd", null));

        Assert.Equal(published, closed);
    }

    [Theory]
    [MemberData(nameof(SupportedYears))]
    public void IsBusinessDay_EveryWeekday_MatchesTheExchangesHistoryAndRule72(int year)
    {
        var holidays = ExchangeReference.HolidayClosingsOf(year).ToLookup(h => h.Date);
        var special = ExchangeReference.SpecialClosings.ToHashSet();
        var problems = new List<string>();

        for (var date = new LocalDate(year, 1, 1); date.Year == year; date = date.PlusDays(1))
        {
            var day = Nyse.GetDay(date);
            var weekend = date.DayOfWeek is IsoDayOfWeek.Saturday or IsoDayOfWeek.Sunday;
            var expectedClosed = weekend || holidays[date].Any() || special.Contains(date);
            if (day.IsBusinessDay == expectedClosed || day.IsContested)
            {
                problems.Add($"{date:uuuu-MM-dd ddd}: expected closed={expectedClosed}; found {string.Join("; ", day.Reasons)}");
            }

            // Each holiday closing is named after the holiday and cites Rule 7.2 (Election Day, the History).
            foreach (var (_, name) in holidays[date])
            {
                if (!day.Reasons.Any(r => r.Effect == DayEffect.Closed && r.Kind == DayReasonKind.ExchangeHoliday
                    && r.Name.StartsWith(name, StringComparison.Ordinal) && r.Source.StartsWith("NYSE", StringComparison.Ordinal)))
                {
                    problems.Add($"{date:uuuu-MM-dd ddd}: no reason naming {name}: {string.Join("; ", day.Reasons)}");
                }
            }
        }

        Assert.Empty(problems);
    }

    [Theory]
    [MemberData(nameof(SupportedYears))]
    public void IsBusinessDay_Christmas_NeverATradingDay(int year)
    {
        Assert.False(Nyse.IsBusinessDay(new LocalDate(year, 12, 25)));
    }

    [Theory]
    [InlineData(1977)] // Saturday January 1, 1977: Friday 1976-12-31 open (History of NYSE Holidays)
    [InlineData(1983)]
    [InlineData(1994)]
    [InlineData(2000)]
    [InlineData(2005)]
    [InlineData(2011)] // "Friday, December 31, 2010 is the end of both a monthly and yearly accounting period" (NYSE, 2010)
    [InlineData(2022)] // "No holiday observed, pursuant to NYSE Rule 7.2" (NYSE Group, 2021)
    [InlineData(2028)] // "Because the holiday falls on Saturday, January 1, 2028, no New Year's Day holiday is observed"
    [InlineData(2033)]
    [InlineData(2039)]
    public void IsBusinessDay_SaturdayNewYearsDay_NotKeptOnFridayDecember31(int year)
    {
        var newYear = new LocalDate(year, 1, 1);
        var friday = newYear.PlusDays(-1);
        Assert.Equal(IsoDayOfWeek.Saturday, newYear.DayOfWeek);

        var day = Nyse.GetDay(friday);

        // A Trading Day, and "why" says why the holiday is not kept then.
        Assert.True(day.IsBusinessDay);
        var note = Assert.Single(day.Reasons);
        Assert.Equal(DayEffect.Note, note.Effect);
        Assert.Contains("accounting period", note.Name, StringComparison.Ordinal);
        Assert.StartsWith("NYSE Rule 7.2", note.Source, StringComparison.Ordinal);

        // Against the federal calendar: EDGAR is closed that Friday (5 U.S.C. § 6103(b)(1)).
        Assert.False(BusinessDayCalendar.Edgar.IsBusinessDay(friday));
    }

    [Theory]
    [InlineData("1997-01-20", true)] // Martin Luther King, Jr. Day before 1998: a Trading Day (a minute of silence only)
    [InlineData("1998-01-19", false)] // closed all day from 1998
    [InlineData("2021-06-18", true)] // Juneteenth in-lieu Friday of 2021: the markets opened (kept from 2022)
    [InlineData("2022-06-20", false)] // June 19, 2022 a Sunday: closed the Monday after
    [InlineData("2024-10-14", true)] // Columbus Day: a Trading Day (last kept in 1953)
    [InlineData("2024-11-11", true)] // Veterans Day: a Trading Day
    [InlineData("1980-11-04", false)] // Election Day in a presidential year, 1972-1980
    [InlineData("1984-11-06", true)] // Election Day from 1984: a Trading Day
    [InlineData("1978-11-07", true)] // Election Day in a non-presidential year
    [InlineData("2024-03-29", false)] // Good Friday: closed (not a federal holiday)
    [InlineData("2020-07-03", false)] // July 4, 2020 a Saturday: closed the Friday before
    [InlineData("2021-12-24", false)] // December 25, 2021 a Saturday: closed the Friday before (not a month end)
    [InlineData("2024-11-29", true)] // the day after Thanksgiving: an early close (1:00 p.m.), still a Trading Day
    [InlineData("2012-10-31", true)] // the markets reopened after Hurricane Sandy
    public void IsBusinessDay_RuleChecks(string isoDate, bool tradingDay)
    {
        Assert.Equal(tradingDay, Nyse.IsBusinessDay(Parse(isoDate)));
    }

    [Fact]
    public void GetDay_SpecialClosing_NamesItAndItsSource()
    {
        var day = Nyse.GetDay(new LocalDate(1977, 7, 14));

        var reason = Assert.Single(day.Reasons);
        Assert.Equal(new DayReason("Blackout in New York City",
            "NYSE, New York Stock Exchange Special Closings, 1885–date (rev. January 2011)", DayReasonKind.Closure, DayEffect.Closed), reason);
    }

    [Fact]
    public void ExchangeClosures_ShipEveryClosingTheBriefNames()
    {
        Assert.Equal(ExchangeReference.SpecialClosings, ExchangeClosures.Nyse.Select(c => c.Date));
        Assert.All(ExchangeClosures.Nyse, c => Assert.Equal(DayEffect.Closed, c.Effect));
    }

    [Fact]
    public void PlusBusinessDays_FiveTradingDaysAcrossHurricaneSandy()
    {
        // From Thursday 2012-10-25: Fri 26, (closed Mon 29, Tue 30), Wed 31, Thu Nov 1, Fri 2, Mon 5.
        Assert.Equal(new LocalDate(2012, 11, 5), Nyse.PlusBusinessDays(new LocalDate(2012, 10, 25), 5));
        Assert.Equal(new LocalDate(2012, 10, 25), Nyse.PlusBusinessDays(new LocalDate(2012, 11, 5), -5));
    }

    [Fact]
    public void PlusBusinessDays_ThreeTradingDaysAcrossNewYear2022()
    {
        // Thursday 2021-12-30 + 3 Trading Days: Fri 31 (Rule 7.2, no holiday), Mon Jan 3, Tue Jan 4.
        Assert.Equal(new LocalDate(2022, 1, 4), Nyse.PlusBusinessDays(new LocalDate(2021, 12, 30), 3));
    }

    [Fact]
    public void CountBusinessDays_TradingDaysIn2024()
    {
        // 366 days, 104 weekend days, 10 holidays on weekdays: 252 Trading Days.
        Assert.Equal(252, Nyse.CountBusinessDays(new DateInterval(new LocalDate(2024, 1, 1), new LocalDate(2024, 12, 31))));
    }

    [Fact]
    public void DayName_IsTradingDay()
    {
        Assert.Equal("Trading Day", Nyse.DayName);
        Assert.Equal("nyse", Nyse.Key);
    }

    private static LocalDate Parse(string isoDate) => NodaTime.Text.LocalDatePattern.Iso.Parse(isoDate).Value;
}

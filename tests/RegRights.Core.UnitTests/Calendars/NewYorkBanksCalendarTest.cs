using NodaTime;
using RegRights.Core.Calendars;

namespace RegRights.Core.UnitTests.Calendars;

/// <summary>
/// The New York Business Day ("a day other than Saturday, Sunday or a day on which commercial banks in The City of New
/// York are authorized or required by law to remain closed"): worked examples a lawyer can check by hand, and every
/// year against the federal holidays restated in <see cref="StatuteReference"/> with New York's own Sunday-only rule.
/// </summary>
public class NewYorkBanksCalendarTest
{
    private static readonly BusinessDayCalendar NewYork = BusinessDayCalendar.NewYorkBanks;
    private static readonly BusinessDayCalendar Nyse = BusinessDayCalendar.Nyse;
    private static readonly BusinessDayCalendar Edgar = BusinessDayCalendar.Edgar;

    public static TheoryData<int> SupportedYears { get; } = [.. Enumerable.Range(1971, 2100 - 1971 + 1)];

    [Fact]
    public void PlusBusinessDays_AcrossHurricaneSandy_DependsOnTheReading()
    {
        // A deal's "the first Business Day after Friday 2012-10-26". The NYSE and Nasdaq closed Monday 29 and Tuesday 30.
        // No bank holiday was declared; banks could close offices under N.Y. Gen. Constr. Law § 24-a(3) (the NYDFS
        // reminder of October 29, 2012), and the Federal Reserve Bank of New York was open: a contested day.
        var friday = new LocalDate(2012, 10, 26);

        // Default reading: Monday 29 is a Business Day (flagged); the other: Wednesday 31. Trading Days: Wednesday 31.
        Assert.Equal(new LocalDate(2012, 10, 29), NewYork.PlusBusinessDays(friday, 1));
        Assert.Equal(new LocalDate(2012, 10, 31), NewYork.WithReading(ContestedDayReading.Closed).PlusBusinessDays(friday, 1));
        Assert.Equal(new LocalDate(2012, 10, 31), Nyse.PlusBusinessDays(friday, 1));

        var monday = NewYork.GetDay(new LocalDate(2012, 10, 29));
        Assert.True(monday.IsContested);
        var reason = Assert.Single(monday.Reasons);
        Assert.Equal(DayReasonKind.Closure, reason.Kind);
        Assert.StartsWith("N.Y. Gen. Constr. Law § 24-a(3)", reason.Source, StringComparison.Ordinal);
        Assert.Contains("no bank holiday declared by the Governor", reason.Source, StringComparison.Ordinal);
    }

    [Fact]
    public void PlusBusinessDays_AcrossHurricaneSandy_StayAtHomeCarveOut_PlainBusinessDays()
    {
        // Under the carve-out the closures of physical offices do not count while the funds-transfer systems ran.
        var carveOut = NewYork.WithStayAtHomeCarveOut();

        var monday = carveOut.GetDay(new LocalDate(2012, 10, 29));

        Assert.True(monday.IsBusinessDay);
        Assert.False(monday.IsContested);
        Assert.Equal(DayEffect.Note, Assert.Single(monday.Reasons).Effect);
        Assert.Contains("stay-at-home carve-out", monday.Reasons[0].Source, StringComparison.Ordinal);
        Assert.True(carveOut.WithReading(ContestedDayReading.Closed).IsBusinessDay(new LocalDate(2012, 10, 30)));
        Assert.Same(carveOut, carveOut.WithStayAtHomeCarveOut());
        Assert.Same(NewYork, NewYork.WithStayAtHomeCarveOut(false));
    }

    [Fact]
    public void Roll_NationalDayOfMourning2025_BanksOpenMarketsAndEdgarClosed()
    {
        // Thursday 2025-01-09, National Day of Mourning for President Carter (Executive Order 14133): the NYSE, Nasdaq
        // and EDGAR closed; banks stayed open ("banks will or should remain open", ABA Banking Journal).
        var thursday = new LocalDate(2025, 1, 9);

        Assert.True(NewYork.IsBusinessDay(thursday));
        Assert.False(Nyse.IsBusinessDay(thursday));
        Assert.False(Edgar.IsBusinessDay(thursday));

        // Contested: the proclamation's call to places of worship may make it a § 24 "day of … general religious observances".
        var day = NewYork.GetDay(thursday);
        Assert.True(day.IsContested);
        Assert.Contains(day.Reasons, r => r.Source.StartsWith("Executive Order 14133", StringComparison.Ordinal)
            && r.Source.Contains("banks open", StringComparison.Ordinal));

        // A deadline due that Thursday: following keeps it; "the next Business Day on which the Commission is open" is Friday.
        Assert.Equal(thursday, NewYork.Roll(thursday, RollRule.Following));
        Assert.Equal(thursday, NewYork.Roll(thursday, RollRule.None));
        Assert.Equal(new LocalDate(2025, 1, 10), NewYork.Roll(thursday, RollRule.FollowingCommissionOpen));
        Assert.Equal(new LocalDate(2025, 1, 10), Nyse.Roll(thursday, RollRule.Following));
        Assert.Equal(new LocalDate(2025, 1, 8), Nyse.Roll(thursday, RollRule.Preceding));

        // Counting: Wednesday 8 + 2 Business Days = Friday 10; + 2 Trading Days = Monday 13.
        Assert.Equal(new LocalDate(2025, 1, 10), NewYork.PlusBusinessDays(new LocalDate(2025, 1, 8), 2));
        Assert.Equal(new LocalDate(2025, 1, 13), Nyse.PlusBusinessDays(new LocalDate(2025, 1, 8), 2));
    }

    [Theory]
    [InlineData("2021-12-31", true)] // New Year's Day 2022 a Saturday: federal offices closed Friday, banks open (Fed: "open the preceding Friday")
    [InlineData("2020-07-03", true)] // Independence Day 2020 a Saturday: the same
    [InlineData("2022-06-20", false)] // Juneteenth 2022 a Sunday: kept on Monday (§ 24: "the next day thereafter")
    [InlineData("2024-10-14", false)] // Columbus Day: banks closed, the NYSE open
    [InlineData("2024-11-11", false)] // Veterans Day: the same
    [InlineData("2024-03-29", true)] // Good Friday: banks open, the NYSE closed
    [InlineData("2001-02-12", true)] // Lincoln's Birthday: a § 24 public holiday, contested, a Business Day by default
    [InlineData("2000-09-08", true)] // Admission Day observed: a California bank holiday only
    [InlineData("2018-12-05", true)] // National Day of Mourning for President George H. W. Bush: banks open
    [InlineData("2018-12-24", true)] // Christmas Eve 2018, federal offices closed by order: banks open
    [InlineData("2021-01-20", true)] // Inauguration Day: banks open
    public void IsBusinessDay_DaysThatDifferFromTheOtherCalendars(string isoDate, bool businessDay)
    {
        Assert.Equal(businessDay, NewYork.IsBusinessDay(Parse(isoDate)));
    }

    [Fact]
    public void GetDay_SaturdayHoliday_FridayNamedAsNoteWithBothSources()
    {
        var day = NewYork.GetDay(new LocalDate(2021, 12, 31));

        var note = Assert.Single(day.Reasons);
        Assert.Equal(DayEffect.Note, note.Effect);
        Assert.StartsWith("New Year's Day (federal in-lieu Friday", note.Name, StringComparison.Ordinal);
        Assert.Contains("5 U.S.C. § 6103(b)(1)", note.Source, StringComparison.Ordinal);
        Assert.Contains("N.Y. Gen. Constr. Law § 24", note.Source, StringComparison.Ordinal);
    }

    [Fact]
    public void GetDay_ElectionDay_ContestedAndClosedUnderOtherReading()
    {
        var election = new LocalDate(2024, 11, 5);

        Assert.True(NewYork.GetDay(election).IsContested);
        Assert.False(NewYork.WithReading(ContestedDayReading.Closed).IsBusinessDay(election));
        Assert.StartsWith("General election day", NewYork.GetDay(election).Reasons[0].Name, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(SupportedYears))]
    public void IsBusinessDay_EveryWeekday_FederalHolidaysWithNewYorksSundayRule(int year)
    {
        // StatuteReference gives § 6103(a)'s holidays and § 6103(b)'s in-lieu days; New York keeps the holidays and the
        // Monday after a Sunday one, not the Friday before a Saturday one.
        var closed = StatuteReference.FederalHolidaysOf(year).Concat(StatuteReference.FederalHolidaysOf(year + 1))
            .Where(d => d.Date.Year == year)
            .Where(d => d.Source.StartsWith("5 U.S.C. § 6103(a)", StringComparison.Ordinal) || d.Date.DayOfWeek == IsoDayOfWeek.Monday)
            .Select(d => d.Date)
            .ToHashSet();
        var problems = new List<string>();

        for (var date = new LocalDate(year, 1, 1); date.Year == year; date = date.PlusDays(1))
        {
            var weekend = date.DayOfWeek is IsoDayOfWeek.Saturday or IsoDayOfWeek.Sunday;
            var expected = !weekend && !closed.Contains(date);
            if (NewYork.IsBusinessDay(date) != expected)
            {
                problems.Add($"{date:uuuu-MM-dd ddd}: expected a Business Day: {expected}; found {string.Join("; ", NewYork.GetDay(date).Reasons)}");
            }
        }

        Assert.Empty(problems);
    }

    [Fact]
    public void Definition_SharesTheFederalPieceWithNoOtherCopy()
    {
        // California banks and EDGAR read the one federal piece; New York reads the same holiday list through its own rule.
        Assert.Same(HolidayRuleSet.FederalLegalHolidays, BusinessDayCalendar.Section1.Definition.Rules[0]);
        Assert.Same(HolidayRuleSet.FederalLegalHolidays, Edgar.Definition.Rules[0]);
        Assert.Contains(HolidayRuleSet.NewYorkBankHolidays, NewYork.Definition.Rules);
        Assert.Equal("new-york-banks", NewYork.Key);
        Assert.Equal("Business Day", NewYork.DayName);
    }

    private static LocalDate Parse(string isoDate) => NodaTime.Text.LocalDatePattern.Iso.Parse(isoDate).Value;
}

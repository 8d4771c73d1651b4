using NodaTime;
using RegRights.Core.Calendars;

namespace RegRights.Core.UnitTests.Calendars;

/// <summary>
/// Every supported year, 1971-2100, compared day by day with <see cref="StatuteReference"/>: the statutes restated
/// independently of the calendar's own rules. Each test lists every mismatching date, so a failure reads as a
/// list a lawyer can check against a printed calendar.
/// </summary>
public partial class BusinessDayCalendarTest
{
    private static readonly BusinessDayCalendar Edgar = BusinessDayCalendar.Edgar;

    public static TheoryData<int> SupportedYears { get; } = [.. Enumerable.Range(1971, 2100 - 1971 + 1)];

    private static IEnumerable<LocalDate> DaysOf(int year)
    {
        for (var date = new LocalDate(year, 1, 1); date.Year == year; date = date.PlusDays(1))
        {
            yield return date;
        }
    }

    // A holiday of the next year can fall on December 31 (a Saturday January 1 is observed on the Friday before).
    private static ILookup<LocalDate, ExpectedDay> ExpectedIn(int year, Func<int, IEnumerable<ExpectedDay>> rule) =>
        rule(year).Concat(rule(year + 1)).Where(d => d.Date.Year == year).ToLookup(d => d.Date);

    private static bool IsWeekend(LocalDate date) => date.DayOfWeek is IsoDayOfWeek.Saturday or IsoDayOfWeek.Sunday;

    private static void CompareReasons(
        List<string> problems, CalendarDay day, IEnumerable<ExpectedDay> expected, DayReasonKind kind, DayEffect effect)
    {
        var actual = day.Reasons.Where(r => r.Kind == kind && r.Effect == effect).ToList();
        var wanted = expected.ToList();
        var matched = actual.Count == wanted.Count && wanted.All(e => actual.Exists(a =>
            !string.IsNullOrWhiteSpace(a.Name)
            && (e.Name is null || a.Name.StartsWith(e.Name, StringComparison.Ordinal))
            && a.Source.StartsWith(e.Source, StringComparison.Ordinal)));
        if (!matched)
        {
            problems.Add($"{day.Date:uuuu-MM-dd ddd}: expected [{string.Join("; ", wanted.Select(e => $"{e.Name} ({e.Source})"))}]"
                + $" but found [{string.Join("; ", actual)}]");
        }
    }

    [Theory]
    [MemberData(nameof(SupportedYears))]
    public void GetDay_FederalLegalHolidays_MatchSection6103EveryYear(int year)
    {
        var expected = ExpectedIn(year, StatuteReference.FederalHolidaysOf);
        var inauguration = ExpectedIn(year, StatuteReference.InaugurationDayOf);
        var problems = new List<string>();

        foreach (var date in DaysOf(year))
        {
            // Federal legal holidays close both calendars, with the same names and sources; EDGAR adds Inauguration Day.
            CompareReasons(problems, Calendar.GetDay(date), expected[date], DayReasonKind.FederalLegalHoliday, DayEffect.Closed);
            CompareReasons(problems, Edgar.GetDay(date), expected[date].Concat(inauguration[date]), DayReasonKind.FederalLegalHoliday, DayEffect.Closed);
        }

        Assert.Empty(problems);
    }

    [Theory]
    [MemberData(nameof(SupportedYears))]
    public void GetDay_CaliforniaBankHolidays_MatchCivilCode71EveryYear(int year)
    {
        var expected = ExpectedIn(year, StatuteReference.CaliforniaBankHolidaysOf);
        var goodFriday = StatuteReference.GoodFriday(year);
        var problems = new List<string>();

        foreach (var date in DaysOf(year))
        {
            CompareReasons(problems, Calendar.GetDay(date), expected[date], DayReasonKind.CaliforniaBankHoliday, DayEffect.Closed);

            // § 7.1 closes banks on Good Friday only from 12 noon: contested, never closed outright.
            var goodFridayReason = date == goodFriday ? [new ExpectedDay(date, "Good Friday", "Cal. Civ. Code § 7.1")] : Array.Empty<ExpectedDay>();
            CompareReasons(problems, Calendar.GetDay(date), goodFridayReason, DayReasonKind.CaliforniaBankHoliday, DayEffect.Contested);

            // EDGAR follows the federal calendar: Lincoln Day, Admission Day and Good Friday are filing days.
            if (Edgar.GetDay(date).Reasons.Any(r => r.Kind == DayReasonKind.CaliforniaBankHoliday))
            {
                problems.Add($"{date:uuuu-MM-dd}: EDGAR shows a California bank holiday");
            }
        }

        Assert.Empty(problems);
    }

    [Theory]
    [MemberData(nameof(SupportedYears))]
    public void GetDay_InaugurationDay_NoteForSection1ClosedForEdgar(int year)
    {
        var expected = ExpectedIn(year, StatuteReference.InaugurationDayOf);
        var problems = new List<string>();

        foreach (var date in DaysOf(year))
        {
            // § 6103(c) covers only federal employees in the Washington, D.C. area: named when asked, never counted.
            CompareReasons(problems, Calendar.GetDay(date), expected[date], DayReasonKind.FederalLegalHoliday, DayEffect.Note);
            CompareReasons(problems, Edgar.GetDay(date), [], DayReasonKind.FederalLegalHoliday, DayEffect.Note);
        }

        foreach (var day in expected.SelectMany(d => d))
        {
            // The SEC is in Washington, so EDGAR is closed.
            Assert.False(Edgar.IsBusinessDay(day.Date));
            Assert.Contains(Edgar.GetDay(day.Date).Reasons, r => r.Effect == DayEffect.Closed && r.Name == "Inauguration Day");
        }

        Assert.Empty(problems);
    }

    [Theory]
    [MemberData(nameof(SupportedYears))]
    public void IsBusinessDay_Section1_MatchesStatutesEveryYear(int year)
    {
        var federal = ExpectedIn(year, StatuteReference.FederalHolidaysOf);
        var california = ExpectedIn(year, StatuteReference.CaliforniaBankHolidaysOf);
        var contested = new HashSet<LocalDate>(ExecutiveOrderDates) { StatuteReference.GoodFriday(year) };
        var closedReading = Calendar.WithReading(ContestedDayReading.Closed);
        var problems = new List<string>();

        foreach (var date in DaysOf(year))
        {
            // § 1: not Saturday, Sunday, a federal legal holiday, or a day California banks may close.
            var closed = IsWeekend(date) || federal.Contains(date) || california.Contains(date);
            var isContested = !closed && contested.Contains(date);
            if (Calendar.IsBusinessDay(date) != !closed
                || closedReading.IsBusinessDay(date) != (!closed && !isContested)
                || Calendar.GetDay(date).IsContested != isContested)
            {
                problems.Add($"{date:uuuu-MM-dd ddd}: expected closed={closed}, contested={isContested}; found {Calendar.GetDay(date)}");
            }
        }

        Assert.Empty(problems);
    }

    [Theory]
    [MemberData(nameof(SupportedYears))]
    public void IsBusinessDay_Edgar_MatchesStatutesEveryYear(int year)
    {
        var federal = ExpectedIn(year, StatuteReference.FederalHolidaysOf);
        var inauguration = ExpectedIn(year, StatuteReference.InaugurationDayOf);
        var orders = new HashSet<LocalDate>(ExecutiveOrderDates);
        var problems = new List<string>();

        foreach (var date in DaysOf(year))
        {
            // Reg. S-T Rule 12(c), 17 CFR 232.12(c): no filings on weekends, federal holidays, or days the SEC is closed.
            var closed = IsWeekend(date) || federal.Contains(date) || inauguration.Contains(date) || orders.Contains(date);
            if (Edgar.IsBusinessDay(date) == closed || Edgar.GetDay(date).IsContested)
            {
                problems.Add($"{date:uuuu-MM-dd ddd}: expected closed={closed}; found {Edgar.GetDay(date)}");
            }
        }

        Assert.Empty(problems);
    }

    [Theory]
    [MemberData(nameof(SupportedYears))]
    public void GetNotableDays_Year_ListsEveryDayWithAReason(int year)
    {
        var named = new HashSet<LocalDate>(ExecutiveOrderDates.Where(d => d.Year == year)) { StatuteReference.GoodFriday(year) };
        named.UnionWith(ExpectedIn(year, StatuteReference.FederalHolidaysOf).Select(g => g.Key));
        named.UnionWith(ExpectedIn(year, StatuteReference.CaliforniaBankHolidaysOf).Select(g => g.Key));
        named.UnionWith(ExpectedIn(year, StatuteReference.InaugurationDayOf).Select(g => g.Key));
        named.UnionWith(DaysOf(year).Where(IsWeekend));

        var notable = Calendar.GetNotableDays(new DateInterval(new LocalDate(year, 1, 1), new LocalDate(year, 12, 31))).ToList();

        Assert.Equal(named.Order(), notable.Select(d => d.Date));
        Assert.All(notable, d => Assert.Equal(Calendar.GetDay(d.Date), d, CalendarDayComparer.Instance));
    }

    private sealed class CalendarDayComparer : IEqualityComparer<CalendarDay>
    {
        internal static readonly CalendarDayComparer Instance = new();

        public bool Equals(CalendarDay? x, CalendarDay? y) =>
            x is not null && y is not null && x.Date == y.Date && x.IsBusinessDay == y.IsBusinessDay && x.Reasons.SequenceEqual(y.Reasons);

        public int GetHashCode(CalendarDay obj) => obj.Date.GetHashCode();
    }
}

using System.Diagnostics.Contracts;
using NodaTime;
using RegRights.Core.Utility;

namespace RegRights.Core.Calendars;

/// <summary>
/// A calendar of Business Days: which dates count, why the others do not, and counting in Business Days
/// exactly as DOMAIN.md "Counting" defines it. Immutable and thread-safe; share the named instances.
/// </summary>
/// <remarks>
/// <para>
/// Every answer comes from tables computed once per calendar for the supported range
/// <see cref="MinDate"/> to <see cref="MaxDate"/>; a date outside it is an error, never a guess.
/// </para>
/// <para>
/// Counting never counts the starting date: <c>PlusBusinessDays(d, 1)</c> is the first Business Day strictly after
/// <c>d</c>, even when <c>d</c> is itself a Business Day. For example, under <see cref="Section1"/>,
/// one Business Day after Friday 2000-09-08 is Monday 2000-09-11, because Saturday and Sunday are weekend days
/// and Admission Day (September 9, Cal. Civ. Code § 7.1) fell on the Saturday.
/// </para>
/// </remarks>
public sealed class BusinessDayCalendar
{
    private static readonly Lazy<BusinessDayCalendar> LazySection1 = new(() => new BusinessDayCalendar(
        "§ 1 Business Day (federal legal holidays and California bank holidays)",
        "§ 1 (\"Business Day\" excludes Saturday and Sunday)",
        Section1Rules, FederalClosures.ExecutiveOrders, ContestedDayReading.Open));

    private static readonly Lazy<BusinessDayCalendar> LazyEdgar = new(() => new BusinessDayCalendar(
        "EDGAR filing days",
        "Reg. S-T Rule 12(c), 17 CFR 232.12(c) (EDGAR takes filings 6 a.m. to 10 p.m. Eastern, not on Saturdays, Sundays or federal holidays)",
        EdgarRules, [.. FederalClosures.ExecutiveOrders.Select(c => new Closure(c.Date, c.Name, c.Source, DayEffect.Closed))],
        ContestedDayReading.Open));

    private readonly Lazy<BusinessDayCalendar> otherReading;
    private readonly string weekendSource;
    private readonly Func<int, IEnumerable<(LocalDate Date, DayReason Reason)>> rules;
    private readonly DayReason saturday;
    private readonly DayReason sunday;

    // Indexed by day number from MinDate.
    private readonly bool[] isBusinessDay;
    private readonly DayReason[]?[] reasons;
    private readonly int[] businessDaysThrough;

    // The n-th Business Day of the range, so a count is one array read.
    private readonly LocalDate[] businessDays;

    private BusinessDayCalendar(
        string name,
        string weekendSource,
        Func<int, IEnumerable<(LocalDate Date, DayReason Reason)>> rules,
        IReadOnlyList<Closure> closures,
        ContestedDayReading reading,
        BusinessDayCalendar? otherReadingCalendar = null)
    {
        Name = name;
        Reading = reading;
        Closures = closures;
        this.weekendSource = weekendSource;
        this.rules = rules;

        // The two readings point at each other, so switching back and forth never rebuilds the tables.
        otherReading = otherReadingCalendar is null
            ? new(() => new BusinessDayCalendar(name, weekendSource, rules, closures,
                reading == ContestedDayReading.Open ? ContestedDayReading.Closed : ContestedDayReading.Open, this))
            : new(otherReadingCalendar);
        saturday = new DayReason("Saturday", weekendSource, DayReasonKind.Weekend, DayEffect.Closed);
        sunday = new DayReason("Sunday", weekendSource, DayReasonKind.Weekend, DayEffect.Closed);

        var days = DayIndex.DayCount;
        var lists = new List<DayReason>?[days];
        for (var year = MinDate.Year - 1; year <= MaxDate.Year + 1; year++)
        {
            foreach (var (ruleDate, reason) in rules(year))
            {
                Add(lists, ruleDate, reason);
            }
        }

        foreach (var closure in closures)
        {
            Add(lists, closure.Date, closure.ToReason());
        }

        isBusinessDay = new bool[days];
        reasons = new DayReason[]?[days];
        businessDaysThrough = new int[days];
        var found = new List<LocalDate>(days * 5 / 7);
        var date = MinDate;
        for (var i = 0; i < days; i++, date = date.PlusDays(1))
        {
            var list = lists[i];
            if (date.DayOfWeek is IsoDayOfWeek.Saturday or IsoDayOfWeek.Sunday)
            {
                (list ??= []).Insert(0, date.DayOfWeek == IsoDayOfWeek.Saturday ? saturday : sunday);
            }

            reasons[i] = list?.ToArray();
            isBusinessDay[i] = list is null || !list.Exists(r =>
                r.Effect == DayEffect.Closed || (r.Effect == DayEffect.Contested && reading == ContestedDayReading.Closed));
            if (isBusinessDay[i])
            {
                found.Add(date);
            }

            businessDaysThrough[i] = found.Count;
        }

        businessDays = [.. found];
    }

    /// <summary>The first date any calendar here answers for: 1971-01-01, when the Monday holiday rules took effect.</summary>
    public static LocalDate MinDate => DayIndex.MinDate;

    /// <summary>The last date any calendar here answers for: 2100-12-31.</summary>
    public static LocalDate MaxDate => DayIndex.MaxDate;

    /// <summary>
    /// The Agreement's § 1 Business Day: any day except Saturday, Sunday, a federal legal holiday
    /// (5 U.S.C. § 6103, with its in-lieu days) and a day California banks may close (Cal. Civ. Code § 7.1).
    /// Good Friday afternoon and federal executive-order closures are contested days, open by default.
    /// </summary>
    public static BusinessDayCalendar Section1 => LazySection1.Value;

    /// <summary>
    /// The days EDGAR accepts filings (Reg. S-T Rule 12(c), 17 CFR 232.12(c)): not Saturdays, Sundays, federal holidays, Inauguration Day or
    /// days federal agencies are closed by executive order. California bank holidays are EDGAR days.
    /// </summary>
    public static BusinessDayCalendar Edgar => LazyEdgar.Value;

    /// <summary>What the calendar is, in words.</summary>
    public string Name { get; }

    /// <summary>How contested days are read.</summary>
    public ContestedDayReading Reading { get; }

    /// <summary>The closures supplied as data (shipped executive orders plus any added).</summary>
    public IReadOnlyList<Closure> Closures { get; }

    /// <summary>Returns a calendar equal to this one with further closures, e.g. a Governor's bank closure.</summary>
    /// <param name="closures">The closures to add; each date must lie in the supported range.</param>
    /// <returns>A new calendar; this one is unchanged.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A closure's date is outside the supported range.</exception>
    /// <exception cref="ArgumentException">A closure's date is not in the ISO calendar.</exception>
    [Pure]
    public BusinessDayCalendar WithClosures(IEnumerable<Closure> closures)
    {
        Preconditions.CheckNotNull(closures);
        var added = closures.ToList();
        foreach (var closure in added)
        {
            DayIndex.Of(closure.Date, nameof(closures));
        }

        return added.Count == 0 ? this : new BusinessDayCalendar(Name, weekendSource, rules, [.. Closures, .. added], Reading);
    }

    /// <summary>Returns this calendar under the given reading of contested days.</summary>
    [Pure]
    public BusinessDayCalendar WithReading(ContestedDayReading reading) =>
        reading == Reading ? this : otherReading.Value;

    /// <summary>Whether <paramref name="date"/> is a Business Day. Allocation-free.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="date"/> is outside the supported range.</exception>
    /// <exception cref="ArgumentException"><paramref name="date"/> is not in the ISO calendar.</exception>
    [Pure]
    public bool IsBusinessDay(LocalDate date) => isBusinessDay[DayIndex.Of(date, nameof(date))];

    /// <summary>The date with every reason that applies to it: why it is not a Business Day, or why it is contested.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="date"/> is outside the supported range.</exception>
    /// <exception cref="ArgumentException"><paramref name="date"/> is not in the ISO calendar.</exception>
    [Pure]
    public CalendarDay GetDay(LocalDate date)
    {
        var i = DayIndex.Of(date, nameof(date));
        return new CalendarDay(date, isBusinessDay[i], reasons[i] ?? []);
    }

    /// <summary>
    /// Every date in <paramref name="interval"/> (both ends included) that is not an ordinary Business Day:
    /// non-Business Days, contested days and noted days, in date order.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The interval leaves the supported range.</exception>
    /// <exception cref="ArgumentException">The interval is not in the ISO calendar.</exception>
    [Pure]
    public IEnumerable<CalendarDay> GetNotableDays(DateInterval interval)
    {
        Preconditions.CheckNotNull(interval);
        var first = DayIndex.Of(interval.Start, nameof(interval));
        var last = DayIndex.Of(interval.End, nameof(interval));
        return Iterate(first, last);

        IEnumerable<CalendarDay> Iterate(int from, int to)
        {
            var date = interval.Start;
            for (var i = from; i <= to; i++, date = date.PlusDays(1))
            {
                if (reasons[i] is { } list)
                {
                    yield return new CalendarDay(date, isBusinessDay[i], list);
                }
            }
        }
    }

    /// <summary>
    /// Steps <paramref name="count"/> Business Days from <paramref name="date"/>, forward when positive and back when
    /// negative, never counting <paramref name="date"/> itself ("within N Business Days of", "N Business Days prior
    /// to", "the Nth Business Day following"). Zero returns <paramref name="date"/> unchanged. Allocation-free.
    /// </summary>
    /// <remarks>
    /// From Saturday 2000-05-27, one Business Day forward is Tuesday 2000-05-30: Sunday, then Memorial Day on
    /// Monday 2000-05-29, are skipped. A non-Business Day start is allowed; the first step lands on a Business Day.
    /// </remarks>
    /// <exception cref="ArgumentOutOfRangeException">The date (<c>date</c>), or the result (<c>count</c>), is outside the
    /// supported range.</exception>
    /// <exception cref="ArgumentException"><paramref name="date"/> is not in the ISO calendar.</exception>
    [Pure]
    public LocalDate PlusBusinessDays(LocalDate date, int count)
    {
        var i = DayIndex.Of(date, nameof(date));
        if (count == 0)
        {
            return date;
        }

        // businessDaysThrough[i] counts Business Days on or before i; the start itself is never counted.
        var target = count > 0
            ? businessDaysThrough[i] + count - 1
            : businessDaysThrough[i] - (isBusinessDay[i] ? 1 : 0) + count;
        if ((uint)target >= (uint)businessDays.Length)
        {
            throw new ArgumentOutOfRangeException(nameof(count), count,
                $"Counting {count} Business Days from {date:uuuu-MM-dd} leaves the supported range {MinDate:uuuu-MM-dd} to {MaxDate:uuuu-MM-dd}.");
        }

        return businessDays[target];
    }

    /// <summary>The first Business Day strictly after <paramref name="date"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="date"/>, or the Business Day sought, is outside the supported range.</exception>
    /// <exception cref="ArgumentException"><paramref name="date"/> is not in the ISO calendar.</exception>
    [Pure]
    public LocalDate NextBusinessDay(LocalDate date) => PlusBusinessDays(date, 1);

    /// <summary><paramref name="date"/> when it is a Business Day; otherwise the next one.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="date"/>, or the Business Day sought, is outside the supported range.</exception>
    /// <exception cref="ArgumentException"><paramref name="date"/> is not in the ISO calendar.</exception>
    [Pure]
    public LocalDate NextBusinessDayOrSame(LocalDate date) => IsBusinessDay(date) ? date : PlusBusinessDays(date, 1);

    /// <summary>The last Business Day strictly before <paramref name="date"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="date"/>, or the Business Day sought, is outside the supported range.</exception>
    /// <exception cref="ArgumentException"><paramref name="date"/> is not in the ISO calendar.</exception>
    [Pure]
    public LocalDate PreviousBusinessDay(LocalDate date) => PlusBusinessDays(date, -1);

    /// <summary><paramref name="date"/> when it is a Business Day; otherwise the one before it.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="date"/>, or the Business Day sought, is outside the supported range.</exception>
    /// <exception cref="ArgumentException"><paramref name="date"/> is not in the ISO calendar.</exception>
    [Pure]
    public LocalDate PreviousBusinessDayOrSame(LocalDate date) => IsBusinessDay(date) ? date : PlusBusinessDays(date, -1);

    /// <inheritdoc />
    public override string ToString() => Name;

    private static IEnumerable<(LocalDate, DayReason)> Section1Rules(int year) =>
        HolidayRules.Federal(year)
            .Concat(HolidayRules.InaugurationDay(year, DayEffect.Note))
            .Concat(HolidayRules.CaliforniaBank(year));

    private static IEnumerable<(LocalDate, DayReason)> EdgarRules(int year) =>
        HolidayRules.Federal(year).Concat(HolidayRules.InaugurationDay(year, DayEffect.Closed));

    private static void Add(List<DayReason>?[] lists, LocalDate date, DayReason reason)
    {
        if (DayIndex.TryOf(date, out var i))
        {
            (lists[i] ??= []).Add(reason);
        }
    }
}

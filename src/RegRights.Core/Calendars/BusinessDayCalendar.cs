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
/// The same type serves every calendar of the catalog (<see cref="CalendarCatalog"/>): a calendar's "Business Days" are
/// the days it counts (<see cref="DayName"/>), Trading Days on <see cref="Nyse"/>, filing days on <see cref="Edgar"/>.
/// Each is built from data (<see cref="Definition"/>): shared holiday pieces, closures and contested days.
/// </para>
/// <para>
/// Every answer comes from tables over the supported range <see cref="MinDate"/> to <see cref="MaxDate"/>, each built
/// once, a block of days at a time, when a date in it is first asked about; a date outside the range is an error, never a guess.
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
    private const string BankWeekend = "the Business Day definition (\"a day other than Saturday, Sunday or …\")";

    private static readonly Lazy<BusinessDayCalendar> LazySection1 = new(() => From(new CalendarDefinition(
        "california-banks",
        "§ 1 Business Day (federal legal holidays and California bank holidays)",
        "Business Day",
        "§ 1 (\"Business Day\" excludes Saturday and Sunday)",
        [HolidayRuleSet.FederalLegalHolidays, HolidayRuleSet.InaugurationDayNoted, HolidayRuleSet.CaliforniaBankHolidays],
        FederalClosures.ExecutiveOrders)));

    private static readonly Lazy<BusinessDayCalendar> LazyEdgar = new(() => From(new CalendarDefinition(
        "edgar",
        "EDGAR filing days",
        "EDGAR filing day",
        "Reg. S-T Rule 12(c), 17 CFR 232.12(c) (EDGAR takes filings 6 a.m. to 10 p.m. Eastern, not on Saturdays, Sundays or federal holidays)",
        [HolidayRuleSet.FederalLegalHolidays, HolidayRuleSet.InaugurationDayClosed, HolidayRuleSet.EdgarOperatingNotes],
        [.. FederalClosures.ExecutiveOrders.Select(c => new Closure(c.Date, c.Name, c.Source, DayEffect.Closed))])));

    private static readonly Lazy<BusinessDayCalendar> LazyNewYorkBanks = new(() => From(new CalendarDefinition(
        "new-york-banks",
        "Business Day (New York: not a Saturday, Sunday or day commercial banks in The City of New York are authorized or required by law to remain closed)",
        "Business Day",
        BankWeekend,
        [HolidayRuleSet.NewYorkBankHolidays, HolidayRuleSet.FederalClosuresForNewYorkBanks],
        NewYorkBankClosures.Emergencies)));

    private static readonly Lazy<BusinessDayCalendar> LazyNyse = new(() => From(new CalendarDefinition(
        "nyse",
        "Trading Day (New York Stock Exchange)",
        "Trading Day",
        "NYSE Rule 7.2 (the Exchange is not open for business on Saturdays or Sundays)",
        [HolidayRuleSet.NyseHolidays],
        ExchangeClosures.Nyse)));

    // Built a block of days at a time, on first use: a deal's schedule touches a few of the 130 years, and the CLI
    // builds its calendars anew on every call. A block's day is one shift and one mask of the day number.
    private const int BlockShift = 9;
    private const int BlockMask = (1 << BlockShift) - 1;
    private static readonly int BlockCount = ((DayIndex.DayCount - 1) >> BlockShift) + 1;

    private readonly Lazy<BusinessDayCalendar> otherReading;
    private readonly Lazy<BusinessDayCalendar> commissionOpen;

    // The two readings part only on which days count, so the second shares the first's reasons.
    private readonly ReasonTable reasons;
    private readonly CountBlock?[] blocks = new CountBlock?[BlockCount];

    private BusinessDayCalendar(CalendarDefinition definition, ContestedDayReading reading, BusinessDayCalendar? otherReadingCalendar = null)
    {
        Definition = definition;
        Reading = reading;

        // The two readings point at each other, so switching back and forth never rebuilds the tables.
        otherReading = otherReadingCalendar is null
            ? new(() => new BusinessDayCalendar(definition,
                reading == ContestedDayReading.Open ? ContestedDayReading.Closed : ContestedDayReading.Open, this))
            : new(otherReadingCalendar);
        commissionOpen = new(() => definition.Key == LazyEdgar.Value.Key
            ? this
            : new BusinessDayCalendar(definition.And(LazyEdgar.Value.Definition), reading));
        reasons = otherReadingCalendar?.reasons ?? new ReasonTable(definition);
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

    /// <summary>The same calendar as <see cref="Section1"/>, by the name a deal's terms use: <c>california-banks</c>.</summary>
    public static BusinessDayCalendar CaliforniaBanks => LazySection1.Value;

    /// <summary>
    /// The days EDGAR accepts filings (Reg. S-T Rule 12(c), 17 CFR 232.12(c)): not Saturdays, Sundays, federal holidays, Inauguration Day or
    /// days federal agencies are closed by executive order. California bank holidays are EDGAR days.
    /// </summary>
    /// <remarks>
    /// Rule 13(a) (17 CFR 232.13(a)) dates a submission made after 5:30 p.m. Eastern on the next business day, and Rule 11
    /// (17 CFR 232.11) defines business day as any day but a Saturday, Sunday or federal holiday; the SEC treats a day
    /// federal offices close by executive order "as a federal holiday for filing purposes" (EDGAR notice for December 5,
    /// 2018). A weather closure of federal offices in Washington did not close EDGAR (Hurricane Sandy, 2012-10-29 and
    /// 30), so such days are notes (<see cref="HolidayRuleSet.EdgarOperatingNotes"/>); any other SEC closure is added as
    /// data with <see cref="WithClosures"/>.
    /// </remarks>
    public static BusinessDayCalendar Edgar => LazyEdgar.Value;

    /// <summary>
    /// The New York Business Day: "a day other than Saturday, Sunday or a day on which commercial banks in The City of
    /// New York are authorized or required by law to remain closed" (<c>new-york-banks</c>). Closed on the federal
    /// holidays the Federal Reserve Banks keep (N.Y. Gen. Constr. Law § 24, a Sunday holiday on the Monday after, a
    /// Saturday one not moved); Lincoln's Birthday, general election day, national days of mourning and the Hurricane
    /// Sandy closures of 2012-10-29 and 30 are contested days, Business Days by default.
    /// </summary>
    /// <remarks>
    /// From Friday 2012-10-26, one New York Business Day forward is Monday 2012-10-29 under the default reading, though
    /// the markets were closed; under the other reading it is Wednesday 2012-10-31. Under the stay-at-home carve-out
    /// (<see cref="WithStayAtHomeCarveOut"/>) the Sandy days are plainly Business Days (the electronic funds transfer
    /// systems ran). See <see cref="HolidayRules.NewYorkBank"/> and <see cref="NewYorkBankClosures"/> for the sources.
    /// </remarks>
    public static BusinessDayCalendar NewYorkBanks => LazyNewYorkBanks.Value;

    /// <summary>
    /// The Trading Day of the New York Stock Exchange (<c>nyse</c>): a day the Exchange is open, under NYSE Rule 7.2 as
    /// in force each year and the special closures of <see cref="ExchangeClosures.Nyse"/>. Its "Business Days" are
    /// Trading Days: <see cref="PlusBusinessDays"/> counts Trading Days.
    /// </summary>
    /// <remarks>
    /// A Saturday New Year's Day is not kept on Friday December 31, which ends a monthly and yearly accounting period
    /// (Rule 7.2): Friday 2021-12-31 is a Trading Day. Early closes (1:00 p.m. on the day after Thanksgiving) are
    /// Trading Days.
    /// </remarks>
    public static BusinessDayCalendar Nyse => LazyNyse.Value;

    /// <summary>The calendar as data: its catalog name, pieces and closures.</summary>
    public CalendarDefinition Definition { get; }

    /// <summary>The catalog name (<see cref="CalendarCatalog"/>), e.g. <c>california-banks</c>, <c>nyse</c>.</summary>
    public string Key => Definition.Key;

    /// <summary>What the calendar is, in words.</summary>
    public string Name => Definition.Name;

    /// <summary>What the days it counts are called: "Business Day", "Trading Day", "EDGAR filing day".</summary>
    public string DayName => Definition.DayName;

    /// <summary>How contested days are read.</summary>
    public ContestedDayReading Reading { get; }

    /// <summary>The closures supplied as data (shipped closures plus any added).</summary>
    public IReadOnlyList<Closure> Closures => Definition.Closures;

    /// <summary>Whether the stay-at-home carve-out applies (<see cref="Closure.ElectronicTransfersOpen"/>).</summary>
    public bool StayAtHomeCarveOut => Definition.StayAtHomeCarveOut;

    /// <summary>
    /// This calendar's days on which the Commission is also open for business (an EDGAR filing day): the calendar of
    /// <see cref="RollRule.FollowingCommissionOpen"/>. Built once, on first use; <see cref="Edgar"/> itself for EDGAR.
    /// </summary>
    public BusinessDayCalendar CommissionOpen => commissionOpen.Value;

    /// <summary>Builds a calendar from its definition. Its tables are built as dates are asked about (milliseconds for the whole range): share it.</summary>
    /// <param name="definition">The calendar as data.</param>
    /// <param name="reading">How contested days are read; open by default.</param>
    /// <returns>An immutable calendar.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="definition"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A closure's date is outside the supported range.</exception>
    public static BusinessDayCalendar From(CalendarDefinition definition, ContestedDayReading reading = ContestedDayReading.Open)
    {
        Preconditions.CheckNotNull(definition);
        foreach (var closure in definition.Closures)
        {
            DayIndex.Of(closure.Date, nameof(definition));
        }

        return new BusinessDayCalendar(definition, reading);
    }

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

        return added.Count == 0 ? this : new BusinessDayCalendar(Definition with { Closures = [.. Closures, .. added] }, Reading);
    }

    /// <summary>
    /// Returns this calendar with or without the stay-at-home carve-out: with it, a closure of physical offices while
    /// electronic funds transfer systems stayed open (<see cref="Closure.ElectronicTransfersOpen"/>) is a note, not a
    /// closure. It changes only such closures (the New York calendar's Hurricane Sandy days, or any added as data).
    /// </summary>
    /// <param name="carveOut">Whether the carve-out applies.</param>
    /// <returns>This calendar when nothing changes; otherwise a new one.</returns>
    [Pure]
    public BusinessDayCalendar WithStayAtHomeCarveOut(bool carveOut = true) =>
        carveOut == StayAtHomeCarveOut ? this : new BusinessDayCalendar(Definition with { StayAtHomeCarveOut = carveOut }, Reading);

    /// <summary>
    /// Applies a roll rule to <paramref name="date"/>: none leaves it, following and preceding move it to the nearest day
    /// this calendar counts, on or after or on or before it, and <see cref="RollRule.FollowingCommissionOpen"/> to the
    /// first day on or after it that this calendar counts and EDGAR is open. Each is idempotent and never moves a date
    /// already allowed.
    /// </summary>
    /// <remarks>
    /// On the New York Business Day calendar, Wednesday 2025-01-08 + 1 day = Thursday 2025-01-09 is a Business Day (banks
    /// open on the National Day of Mourning for President Carter), so it stays under following; EDGAR was closed, so
    /// "the next Business Day on which the Commission is open" is Friday 2025-01-10.
    /// </remarks>
    /// <exception cref="ArgumentOutOfRangeException">The date, or the day sought, is outside the supported range; or an unknown rule.</exception>
    /// <exception cref="ArgumentException"><paramref name="date"/> is not in the ISO calendar.</exception>
    [Pure]
    public LocalDate Roll(LocalDate date, RollRule rule) => rule switch
    {
        RollRule.None => InRange(date),
        RollRule.Following => NextBusinessDayOrSame(date),
        RollRule.Preceding => PreviousBusinessDayOrSame(date),
        RollRule.FollowingCommissionOpen => CommissionOpen.NextBusinessDayOrSame(date),
        _ => throw new ArgumentOutOfRangeException(nameof(rule), rule, "Not a roll rule."),
    };

    /// <summary>How many days of <paramref name="interval"/> (both ends included) this calendar counts. Allocation-free.</summary>
    /// <remarks>September 2000 under <see cref="Section1"/>: 30 days, 9 weekend days, Labor Day and Admission Day observed: 19.</remarks>
    /// <exception cref="ArgumentNullException"><paramref name="interval"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The interval leaves the supported range.</exception>
    [Pure]
    public int CountBusinessDays(DateInterval interval)
    {
        Preconditions.CheckNotNull(interval);
        var first = DayIndex.Of(interval.Start, nameof(interval));
        var last = DayIndex.Of(interval.End, nameof(interval));
        var block = Block(first >> BlockShift);
        var before = (first & BlockMask) == 0 ? 0 : block.Through[(first & BlockMask) - 1];
        if (first >> BlockShift == last >> BlockShift)
        {
            return block.Through[last & BlockMask] - before;
        }

        var count = block.Count - before;
        for (var b = (first >> BlockShift) + 1; b < last >> BlockShift; b++)
        {
            count += Block(b).Count;
        }

        return count + Block(last >> BlockShift).Through[last & BlockMask];
    }

    /// <summary>Returns this calendar under the given reading of contested days.</summary>
    [Pure]
    public BusinessDayCalendar WithReading(ContestedDayReading reading) =>
        reading == Reading ? this : otherReading.Value;

    /// <summary>Whether <paramref name="date"/> is a Business Day. Allocation-free.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="date"/> is outside the supported range.</exception>
    /// <exception cref="ArgumentException"><paramref name="date"/> is not in the ISO calendar.</exception>
    [Pure]
    public bool IsBusinessDay(LocalDate date)
    {
        var i = DayIndex.Of(date, nameof(date));
        return Block(i >> BlockShift).IsBusinessDay[i & BlockMask];
    }

    /// <summary>The date with every reason that applies to it: why it is not a Business Day, or why it is contested.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="date"/> is outside the supported range.</exception>
    /// <exception cref="ArgumentException"><paramref name="date"/> is not in the ISO calendar.</exception>
    [Pure]
    public CalendarDay GetDay(LocalDate date)
    {
        var i = DayIndex.Of(date, nameof(date));
        return new CalendarDay(date, Block(i >> BlockShift).IsBusinessDay[i & BlockMask], reasons.Of(i) ?? []);
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
                if (reasons.Of(i) is { } list)
                {
                    yield return new CalendarDay(date, Block(i >> BlockShift).IsBusinessDay[i & BlockMask], list);
                }
            }
        }
    }

    /// <summary>
    /// Whether a date of <paramref name="interval"/> (both ends included) is contested: a Business Day under one reading
    /// of contested days and not under the other. When none is, every answer within the interval is the same under both.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The interval leaves the supported range.</exception>
    [Pure]
    public bool AnyContested(DateInterval interval)
    {
        Preconditions.CheckNotNull(interval);
        var first = DayIndex.Of(interval.Start, nameof(interval));
        var last = DayIndex.Of(interval.End, nameof(interval));
        for (var i = first; i <= last; i++)
        {
            if (reasons.Of(i) is { } list && CalendarDay.Contested(list))
            {
                return true;
            }
        }

        return false;
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

        // The day sought is the n-th Business Day of the start's block, counting on into the blocks after it (n past
        // the block's count) or back into those before it (n below 1); the start itself is never counted.
        if (count > DayIndex.DayCount || count < -DayIndex.DayCount)
        {
            throw OutOfRange(date, count);
        }

        var b = i >> BlockShift;
        var block = Block(b);
        var through = block.Through[i & BlockMask];
        var n = count > 0 ? through + count : through - (block.IsBusinessDay[i & BlockMask] ? 1 : 0) + count + 1;

        while (n > block.Count)
        {
            n -= block.Count;
            block = ++b < BlockCount ? Block(b) : throw OutOfRange(date, count);
        }

        while (n < 1)
        {
            block = --b >= 0 ? Block(b) : throw OutOfRange(date, count);
            n += block.Count;
        }

        return block.Days[n - 1];
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

    private static LocalDate InRange(LocalDate date)
    {
        DayIndex.Of(date, nameof(date));
        return date;
    }

    private ArgumentOutOfRangeException OutOfRange(LocalDate date, int count) => new(nameof(count), count,
        $"Counting {count} {DayName}s from {date:uuuu-MM-dd} leaves the supported range {MinDate:uuuu-MM-dd} to {MaxDate:uuuu-MM-dd}.");

    // A block is built by whichever thread asks first; two that race build equal blocks and one is kept.
    private CountBlock Block(int b) =>
        blocks[b] ?? Interlocked.CompareExchange(ref blocks[b], new CountBlock(reasons.Block(b), Reading, b), null) ?? blocks[b]!;

    // Which days of one block count, how many through each day, and the block's n-th counted day.
    private sealed class CountBlock
    {
        public CountBlock(DayReason[]?[] reasons, ContestedDayReading reading, int block)
        {
            IsBusinessDay = new bool[reasons.Length];
            Through = new int[reasons.Length];
            var count = 0;
            for (var j = 0; j < reasons.Length; j++)
            {
                IsBusinessDay[j] = Counts(reasons[j], reading);
                count += IsBusinessDay[j] ? 1 : 0;
                Through[j] = count;
            }

            Days = new LocalDate[count];
            var first = MinDate.PlusDays(block << BlockShift);
            for (int j = 0, n = 0; j < reasons.Length; j++)
            {
                if (IsBusinessDay[j])
                {
                    Days[n++] = first.PlusDays(j);
                }
            }
        }

        public bool[] IsBusinessDay { get; }

        public int[] Through { get; }

        public LocalDate[] Days { get; }

        public int Count => Days.Length;
    }

    // Why each day of the range is not an ordinary Business Day, a block at a time.
    private sealed class ReasonTable
    {
        private readonly CalendarDefinition definition;
        private readonly DayReason[]?[]?[] blocks = new DayReason[]?[]?[BlockCount];

        // Every plain weekend day shares one array: a third of the range, and never changed.
        private readonly DayReason[] saturdays;
        private readonly DayReason[] sundays;

        public ReasonTable(CalendarDefinition definition)
        {
            this.definition = definition;
            saturdays = [new DayReason("Saturday", definition.WeekendSource, DayReasonKind.Weekend, DayEffect.Closed)];
            sundays = [new DayReason("Sunday", definition.WeekendSource, DayReasonKind.Weekend, DayEffect.Closed)];
        }

        public DayReason[]? Of(int day) => Block(day >> BlockShift)[day & BlockMask];

        public DayReason[]?[] Block(int b) =>
            blocks[b] ?? Interlocked.CompareExchange(ref blocks[b], Build(b), null) ?? blocks[b]!;

        private DayReason[]?[] Build(int b)
        {
            var offset = b << BlockShift;
            var reasons = new DayReason[]?[Math.Min(BlockMask + 1, DayIndex.DayCount - offset)];
            var first = MinDate.PlusDays(offset);
            var last = first.PlusDays(reasons.Length - 1);

            // A holiday kept in lieu may fall in the year before or after its own: read the neighbours too.
            var named = new Dictionary<int, List<DayReason>>();
            for (var year = first.Year - 1; year <= last.Year + 1; year++)
            {
                foreach (var rule in definition.Rules)
                {
                    foreach (var (ruleDate, reason) in rule.DaysOf(year))
                    {
                        Add(named, ruleDate, reason, first, last);
                    }
                }
            }

            foreach (var closure in definition.Closures)
            {
                Add(named, closure.Date, closure.ToReason(definition.StayAtHomeCarveOut), first, last);
            }

            var weekday = first.DayOfWeek;
            for (var j = 0; j < reasons.Length; j++, weekday = weekday == IsoDayOfWeek.Sunday ? IsoDayOfWeek.Monday : weekday + 1)
            {
                reasons[j] = weekday switch
                {
                    IsoDayOfWeek.Saturday => saturdays,
                    IsoDayOfWeek.Sunday => sundays,
                    _ => null,
                };
            }

            foreach (var (j, list) in named)
            {
                reasons[j] = reasons[j] is [var weekend] ? [weekend, .. list] : [.. list];
            }

            return reasons;
        }

        private static void Add(Dictionary<int, List<DayReason>> named, LocalDate date, DayReason reason, LocalDate first, LocalDate last)
        {
            // A piece two combined calendars share is read once; an equal reason from two pieces is named once.
            if (date < first || date > last || date.Calendar != CalendarSystem.Iso)
            {
                return;
            }

            var j = Period.DaysBetween(first, date);
            if (!named.TryGetValue(j, out var list))
            {
                named[j] = [reason];
            }
            else if (!list.Contains(reason))
            {
                list.Add(reason);
            }
        }
    }

    private static bool Counts(DayReason[]? dayReasons, ContestedDayReading reading)
    {
        foreach (var reason in dayReasons ?? [])
        {
            if (reason.Effect == DayEffect.Closed || (reason.Effect == DayEffect.Contested && reading == ContestedDayReading.Closed))
            {
                return false;
            }
        }

        return true;
    }

}

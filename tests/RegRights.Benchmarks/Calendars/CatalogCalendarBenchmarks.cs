using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using NodaTime;
using RegRights.Core.Calendars;

namespace RegRights.Benchmarks.Calendars;

/// <summary>
/// The catalog's other calendars against the § 1 calendar's targets (README "Benchmarks"): IsBusinessDay at most 10 ns
/// and PlusBusinessDays(date, 120) at most 200 ns, allocating nothing, for the NYSE Trading Day and the New York
/// Business Day; a roll to the next day the Commission is open; and what building a calendar's tables costs once.
/// </summary>
[MemoryDiagnoser]
[CategoriesColumn]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
public class CatalogCalendarBenchmarks
{
    private readonly BusinessDayCalendar nyse = BusinessDayCalendar.Nyse;
    private readonly BusinessDayCalendar newYork = BusinessDayCalendar.NewYorkBanks;
    private readonly BusinessDayCalendar section1 = BusinessDayCalendar.Section1;

    // Friday 2012-10-26, before Hurricane Sandy; Thursday 2025-01-09, the National Day of Mourning for President Carter.
    private readonly LocalDate beforeSandy = new(2012, 10, 26);
    private readonly LocalDate dayOfMourning = new(2025, 1, 9);
    private readonly DateInterval year2024 = new(new LocalDate(2024, 1, 1), new LocalDate(2024, 12, 31));
    private readonly DateInterval wholeRange = new(BusinessDayCalendar.MinDate, BusinessDayCalendar.MaxDate);

    /// <summary>Refuses to measure calendars that give other answers than the worked examples.</summary>
    [GlobalSetup]
    public void CheckWorkedExamples()
    {
        _ = newYork.CommissionOpen;
        if (nyse.PlusBusinessDays(new LocalDate(2012, 10, 25), 5) != new LocalDate(2012, 11, 5)
            || newYork.Roll(dayOfMourning, RollRule.FollowingCommissionOpen) != new LocalDate(2025, 1, 10)
            || nyse.CountBusinessDays(year2024) != 252)
        {
            throw new InvalidOperationException("The catalog calendars disagree with the worked examples.");
        }
    }

    /// <summary>One table read (NYSE).</summary>
    [Benchmark]
    [BenchmarkCategory("IsBusinessDay")]
    public bool IsTradingDayNyse() => nyse.IsBusinessDay(beforeSandy);

    /// <summary>One table read (New York banks).</summary>
    [Benchmark]
    [BenchmarkCategory("IsBusinessDay")]
    public bool IsBusinessDayNewYork() => newYork.IsBusinessDay(beforeSandy);

    /// <summary>Two table reads (NYSE): 120 Trading Days.</summary>
    [Benchmark]
    [BenchmarkCategory("PlusBusinessDays(120)")]
    public LocalDate PlusTradingDays120Nyse() => nyse.PlusBusinessDays(beforeSandy, 120);

    /// <summary>Two table reads (New York banks).</summary>
    [Benchmark]
    [BenchmarkCategory("PlusBusinessDays(120)")]
    public LocalDate PlusBusinessDays120NewYork() => newYork.PlusBusinessDays(beforeSandy, 120);

    /// <summary>A roll to the next New York Business Day on which the Commission is open (the combined calendar, built once).</summary>
    [Benchmark]
    [BenchmarkCategory("Roll")]
    public LocalDate RollCommissionOpenNewYork() => newYork.Roll(dayOfMourning, RollRule.FollowingCommissionOpen);

    /// <summary>Two running-count reads: the Trading Days of 2024.</summary>
    [Benchmark]
    [BenchmarkCategory("CountBusinessDays")]
    public int CountTradingDays2024() => nyse.CountBusinessDays(year2024);

    /// <summary>Building the NYSE tables for 1971-2100 (every block), as a process that asks about every year does.</summary>
    [Benchmark]
    [BenchmarkCategory("Build")]
    public int BuildNyseWholeRange() => BusinessDayCalendar.From(nyse.Definition).CountBusinessDays(wholeRange);

    /// <summary>Building only what one year's count reaches (one or two blocks of 512 days), as a CLI call does.</summary>
    [Benchmark]
    [BenchmarkCategory("Build")]
    public int BuildNyseForOneYear() => BusinessDayCalendar.From(nyse.Definition).CountBusinessDays(year2024);

    /// <summary>Building the § 1 tables for 1971-2100 (every block).</summary>
    [Benchmark]
    [BenchmarkCategory("Build")]
    public int BuildSection1WholeRange() => BusinessDayCalendar.From(section1.Definition).CountBusinessDays(wholeRange);
}

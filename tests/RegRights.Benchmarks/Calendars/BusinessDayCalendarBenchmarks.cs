using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using NodaTime;
using RegRights.Core.Calendars;

namespace RegRights.Benchmarks.Calendars;

/// <summary>
/// The § 1 Business Day calendar against a naive day-by-day implementation. Targets (README "Benchmarks"):
/// IsBusinessDay at most 10 ns and PlusBusinessDays(date, 120) at most 200 ns, both allocating nothing.
/// </summary>
[MemoryDiagnoser]
[CategoriesColumn]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
public class BusinessDayCalendarBenchmarks
{
    private readonly BusinessDayCalendar calendar = BusinessDayCalendar.Section1;

    // The Closing Date of the Agreement; 120 Business Days on is the § 6(b) standstill.
    private readonly LocalDate closingDate = new(2000, 4, 28);

    /// <summary>Refuses to measure a yardstick that gives a different answer.</summary>
    [GlobalSetup]
    public void CheckNaiveAgrees()
    {
        if (NaiveBusinessDays.PlusBusinessDays(closingDate, 120) != calendar.PlusBusinessDays(closingDate, 120)
            || NaiveBusinessDays.IsBusinessDay(closingDate) != calendar.IsBusinessDay(closingDate))
        {
            throw new InvalidOperationException("The naive calendar disagrees with BusinessDayCalendar.Section1.");
        }
    }

    /// <summary>One table read.</summary>
    [Benchmark(Baseline = true)]
    [BenchmarkCategory("IsBusinessDay")]
    public bool IsBusinessDay() => calendar.IsBusinessDay(closingDate);

    /// <summary>Re-derives the year's holidays.</summary>
    [Benchmark]
    [BenchmarkCategory("IsBusinessDay")]
    public bool IsBusinessDayNaive() => NaiveBusinessDays.IsBusinessDay(closingDate);

    /// <summary>Two table reads.</summary>
    [Benchmark(Baseline = true)]
    [BenchmarkCategory("PlusBusinessDays(120)")]
    public LocalDate PlusBusinessDays120() => calendar.PlusBusinessDays(closingDate, 120);

    /// <summary>About 170 days, each re-deriving the year's holidays.</summary>
    [Benchmark]
    [BenchmarkCategory("PlusBusinessDays(120)")]
    public LocalDate PlusBusinessDays120Naive() => NaiveBusinessDays.PlusBusinessDays(closingDate, 120);
}

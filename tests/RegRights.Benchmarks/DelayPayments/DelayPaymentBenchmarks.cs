using BenchmarkDotNet.Attributes;
using NodaTime;
using RegRights.Core.Calendars;
using RegRights.Core.DelayPayments;
using RegRights.Core.Suspensions;

namespace RegRights.Benchmarks.DelayPayments;

/// <summary>
/// A modern PIPE deal's money and grace periods: a Filing Failure's delay payments for two Holders with a late payment,
/// and a suspension over 30 days with the Maintenance Failure it starts. Target (README "Registration Delay Payments
/// and grace periods (Core)"): a small part of the ≤ 20 µs schedule.
/// The machine is shared, so the minimum is shown beside the mean: it is the figure least moved by others' builds.
/// </summary>
[MemoryDiagnoser]
[MinColumn]
public class DelayPaymentBenchmarks
{
    private static readonly Func<LocalDate, bool> Section1 = BusinessDayCalendar.Section1.IsBusinessDay;

    private static readonly HolderSubscription[] Holders =
    [
        new("alpha", Money.Usd(1_000_000m)),
        new("beta", Money.Usd(2_500_000m)),
    ];

    private readonly DelayPaymentClause clause = DelayPaymentClause.Of(
        new DelayPaymentTerms("§ 2(e)", FailureKind.FilingFailure | FailureKind.EffectivenessFailure | FailureKind.MaintenanceFailure,
            1.0m, AccrualPeriodLength.ThirtyDays, new PaymentDueRule(5, businessDays: true))
        {
            CapPercent = 6m,
            LateInterest = LateInterestTerms.PerMonth(1.5m),
        });

    // The worked example: Event Date 2024-02-02, filed 2024-03-20 (day 47), alpha's first payment 10 days late.
    private readonly DelayPaymentFacts filingFailure = new(FailureKind.FilingFailure, new LocalDate(2024, 2, 2), Holders)
    {
        CuredOn = new LocalDate(2024, 3, 20),
        Payments =
        [
            new("alpha", 1, new LocalDate(2024, 3, 18), Money.Usd(10_000m)),
            new("beta", 1, new LocalDate(2024, 3, 8), Money.Usd(25_000m)),
        ],
    };

    private readonly SuspensionTerms grace = new("§ 3(n)")
    {
        MaxConsecutiveDays = 30,
        MaxDaysIn365 = 60,
        MaxOccasionsIn365 = 2,
        MinBusinessDaysBetween = 10,
    };

    private readonly Suspension[] suspensions =
    [
        new(new LocalDate(2024, 5, 1), new LocalDate(2024, 5, 11)),
        new(new LocalDate(2024, 8, 1), new LocalDate(2024, 9, 5)),
    ];

    private readonly LocalDate asOf = new(2024, 9, 30);

    /// <summary>Refuses to measure results that are not the worked examples'.</summary>
    [GlobalSetup]
    public void CheckResults()
    {
        var payments = FilingFailure();
        var maintenance = SuspensionAndMaintenanceFailure();
        if (payments.Total != Money.Usd(54_833.34m) || payments.Periods[0].Holders[0].LateInterest != Money.Usd(50m)
            || maintenance.EventDate != new LocalDate(2024, 8, 31) || maintenance.Total != Money.Usd(5_833.34m))
        {
            throw new InvalidOperationException("The delay payments are not the ones the worked examples check.");
        }
    }

    /// <summary>The Filing Failure cured on day 47: two periods, two Holders, late interest.</summary>
    [Benchmark(Baseline = true)]
    public DelayPaymentSchedule FilingFailure() => DelayPaymentCalculator.Compute(clause, filingFailure, asOf, Section1);

    /// <summary>Two suspensions, the second over 30 days, and the delay payments of the Maintenance Failure it starts.</summary>
    [Benchmark]
    public DelayPaymentSchedule SuspensionAndMaintenanceFailure()
    {
        var breach = SuspensionTracker.Evaluate(grace, suspensions, asOf, Section1).FirstBreach!;
        var facts = new DelayPaymentFacts(FailureKind.MaintenanceFailure, breach.ExceededOn, Holders) { CuredOn = breach.CuredOn };
        return DelayPaymentCalculator.Compute(clause, facts, asOf, Section1);
    }
}

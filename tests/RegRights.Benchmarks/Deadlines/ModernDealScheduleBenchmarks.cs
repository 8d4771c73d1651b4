using BenchmarkDotNet.Attributes;
using NodaTime;
using RegRights.Core.Agreements;
using RegRights.Core.Deadlines;
using RegRights.Core.DelayPayments;

namespace RegRights.Benchmarks.Deadlines;

/// <summary>
/// The whole schedule of a modern PIPE deal (template <c>modern-pipe</c>): two closings, a late filing with its Filing
/// Failure's payments, the review path, a suspension over 30 days with its Maintenance Failure, two Holders. Target
/// (issue 13): at most 20 µs.
/// </summary>
[MemoryDiagnoser]
public class ModernDealScheduleBenchmarks
{
    private readonly AgreementTerms terms = AgreementTemplates.ModernPipe.Terms;

    private readonly HolderSubscription[] holders =
    [
        new("Alpha Fund LP", Money.Usd(1_000_000m)),
        new("Beta Partners LP", Money.Usd(2_500_000m)),
    ];

    private readonly AgreementEvent[] events =
    [
        new("closing", AgreementEventKind.Closing, new LocalDate(2024, 1, 2)),
        new("second", AgreementEventKind.Closing, new LocalDate(2024, 2, 15)) { Tranche = "second closing" },
        new("filed", AgreementEventKind.Filed, new LocalDate(2024, 3, 20)),
        new("no-review", AgreementEventKind.NoReviewNotice, new LocalDate(2024, 3, 28)),
        new("effective", AgreementEventKind.DeclaredEffective, new LocalDate(2024, 4, 3)),
        new("suspension", AgreementEventKind.SuspensionStarted, new LocalDate(2024, 5, 1)),
        new("advice", AgreementEventKind.SuspensionEnded, new LocalDate(2024, 6, 5)) { RefersTo = "suspension" },
        new("paid", AgreementEventKind.DelayPaymentMade, new LocalDate(2024, 3, 18))
        {
            DeadlineKey = "filing-failure-payment#1", Holder = "Alpha Fund LP", Amount = Money.Usd(10_000m),
        },
    ];

    private readonly LocalDate asOf = new(2024, 7, 1);

    /// <summary>Refuses to measure a schedule that is not the one the worked examples check.</summary>
    [GlobalSetup]
    public void CheckSchedule()
    {
        var schedule = DeadlineEngine.Compute(terms, events, asOf, holders);
        if (schedule.Find("filing-failure-payment#2")?.DueDate != new LocalDate(2024, 3, 26)
            || schedule.Find("maintenance-failure-payment#1")?.DueDate != new LocalDate(2024, 6, 11)
            || schedule.Find("filing-date#2") is null || schedule.Find("suspension-advice#1") is null)
        {
            throw new InvalidOperationException("The modern deal's schedule is not the one the worked examples check.");
        }
    }

    /// <summary>The whole modern deal: deadlines, both failures' payments, the suspension.</summary>
    [Benchmark]
    public DeadlineSchedule ModernDeal() => DeadlineEngine.Compute(terms, events, asOf, holders);
}

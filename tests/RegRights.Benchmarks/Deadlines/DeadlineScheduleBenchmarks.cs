using BenchmarkDotNet.Attributes;
using NodaTime;
using RegRights.Core.Agreements;
using RegRights.Core.Deadlines;

namespace RegRights.Benchmarks.Deadlines;

/// <summary>
/// The full deadline schedule of the seed agreement (every obligation in DOMAIN.md's table, both readings of contested
/// days). Target (README "Benchmarks"): at most 20 µs.
/// </summary>
[MemoryDiagnoser]
public class DeadlineScheduleBenchmarks
{
    private readonly AgreementTerms terms = AgreementTerms.NeoTherapeutics2000;

    private readonly AgreementEvent[] closingOnly = [new("closing", AgreementEventKind.Closing, new LocalDate(2000, 4, 28))];

    // The Agreement's own Closing Date with a season of events: a planned and an actual filing (§ 2(a), § 3(a)), two
    // SEC comment letters with the first answered (§ 3(b)(iii)), and ten days of excused delay (§ 2(a)).
    private readonly AgreementEvent[] seasonOfEvents =
    [
        new("closing", AgreementEventKind.Closing, new LocalDate(2000, 4, 28)),
        new("planned", AgreementEventKind.FilingPlanned, new LocalDate(2000, 5, 22)),
        new("filed", AgreementEventKind.Filed, new LocalDate(2000, 5, 26)),
        new("letter-1", AgreementEventKind.SecCommentReceived, new LocalDate(2000, 6, 5)),
        new("response-1", AgreementEventKind.CommentResponseFiled, new LocalDate(2000, 6, 14)) { RefersTo = "letter-1" },
        new("letter-2", AgreementEventKind.SecCommentReceived, new LocalDate(2000, 7, 10)),
        new("delay", AgreementEventKind.ExcusedDelay, new LocalDate(2000, 6, 5)) { Days = 10 },
    ];

    private readonly LocalDate asOf = new(2000, 7, 20);

    /// <summary>Refuses to measure a schedule that is not the one the worked examples check.</summary>
    [GlobalSetup]
    public void CheckSchedule()
    {
        var schedule = DeadlineEngine.Compute(terms, seasonOfEvents, asOf);
        var filing = schedule.Deadlines.Single(d => d.Key == "filing-date");
        var effectiveness = schedule.Deadlines.Single(d => d.Key == "effectiveness-date");
        if (filing.DueDate != new LocalDate(2000, 5, 28) || filing.Status != DeadlineStatus.Met
            || effectiveness.DueDate != new LocalDate(2000, 9, 5)
            || schedule.Deadlines.Count(d => d.Key.StartsWith("sec-comment-response#", StringComparison.Ordinal)) != 2)
        {
            throw new InvalidOperationException("The seed schedule is not the one the worked examples check.");
        }
    }

    /// <summary>The Closing Date alone: every clock it starts.</summary>
    [Benchmark(Baseline = true)]
    public DeadlineSchedule ClosingOnly() => DeadlineEngine.Compute(terms, closingOnly, asOf);

    /// <summary>Seven events: filings, two comment letters, a response, excused delay.</summary>
    [Benchmark]
    public DeadlineSchedule SeasonOfEvents() => DeadlineEngine.Compute(terms, seasonOfEvents, asOf);
}

using NodaTime;
using RegRights.Core.Agreements;
using RegRights.Core.Deadlines;

namespace RegRights.Core.UnitTests.Deadlines;

/// <summary>The deadline engine on the seed agreement (Closing Date Friday 2000-04-28) and its variations.</summary>
public partial class DeadlineEngineTest
{
    private static readonly AgreementTerms Seed = AgreementTerms.NeoTherapeutics2000;
    private static readonly AgreementEvent Closing = new("closing", AgreementEventKind.Closing, D(2000, 4, 28));

    private static LocalDate D(int year, int month, int day) => new(year, month, day);

    private static DeadlineSchedule Schedule(LocalDate asOf, params AgreementEvent[] events) =>
        DeadlineEngine.Compute(Seed, [Closing, .. events], asOf);

    private static Deadline Get(DeadlineSchedule schedule, string key) =>
        schedule.Find(key) ?? throw new Xunit.Sdk.XunitException($"No deadline {key} in [{string.Join(", ", schedule.Deadlines.Select(d => d.Key))}]");

    private static AgreementEvent Event(string id, AgreementEventKind kind, LocalDate date, string? refersTo = null) =>
        new(id, kind, date) { RefersTo = refersTo };
}

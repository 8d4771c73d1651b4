using FsCheck.Xunit;
using NodaTime;
using RegRights.Core.Agreements;
using RegRights.Core.Calendars;
using RegRights.Core.Deadlines;

namespace RegRights.Core.UnitTests.Deadlines;

/// <summary>The counting rules of DOMAIN.md "Counting", checked over closings from 1971 to 2098.</summary>
public partial class DeadlineEngineTest
{
    private static readonly BusinessDayCalendar Edgar = BusinessDayCalendar.Edgar;

    // A closing date in [1971-01-01, 2098-12-31], leaving room for the counts after it.
    private static LocalDate ClosingFrom(int seed) =>
        new LocalDate(1971, 1, 1).PlusDays((int)(((long)seed % 46_500 + 46_500) % 46_500));

    // A full set of clocks started the day after the closing, so every obligation has an instance.
    private static AgreementEvent[] EventsFrom(int seed, LocalDate closing)
    {
        var day = closing.PlusDays(1 + (((seed % 90) + 90) % 90));
        return
        [
            new("closing", AgreementEventKind.Closing, closing),
            new("plan", AgreementEventKind.FilingPlanned, day.PlusDays(20)),
            new("amendment", AgreementEventKind.AmendmentPlanned, day.PlusDays(40)),
            new("letter", AgreementEventKind.SecCommentReceived, day),
            new("sale", AgreementEventKind.HolderSold50Percent, day),
            new("notice", AgreementEventKind.FilingNoticeGiven, day) { RefersTo = "sale" },
            new("request", AgreementEventKind.ConfirmationRequested, day) { RefersTo = "notice" },
            new("indemnity", AgreementEventKind.IndemnificationNotice, day),
            new("piggyback", AgreementEventKind.PiggybackNotice, day),
        ];
    }

    [Property]
    public bool Compute_StandstillIsAlwaysABusinessDayAfterClosing(int seed)
    {
        var closing = ClosingFrom(seed);

        var standstill = DeadlineEngine.Compute(Seed, EventsFrom(seed, closing), closing).Find("registration-rights-standstill")!;

        return Seed.Calendar.IsBusinessDay(standstill.DueDate) && standstill.DueDate > closing;
    }

    [Property]
    public bool Compute_WithoutRoll_InclusiveLastDayIsDueDateAndExclusiveIsDayBefore(int seed)
    {
        var closing = ClosingFrom(seed);

        var schedule = DeadlineEngine.Compute(Seed, EventsFrom(seed, closing), closing);

        return ObligationCatalog.All.All(o => schedule.Deadlines.Any(d => d.Obligation == o)) && schedule.Deadlines.All(d =>
            d.LastPermittedDay == (d.Inclusive ? d.DueDate : d.DueDate.PlusDays(-1)));
    }

    [Property]
    public bool Compute_EdgarCutoffIsAnEdgarDayAt1730EasternOnOrBeforeLastDay(int seed)
    {
        var closing = ClosingFrom(seed);

        var schedule = DeadlineEngine.Compute(Seed, EventsFrom(seed, closing), closing);

        return schedule.Deadlines.Where(d => d.Obligation.Cutoff == CutoffKind.EdgarFiling).All(d =>
            d.PracticalCutoff is { Eastern: { } eastern } cutoff &&
            cutoff.Date <= d.LastPermittedDay &&
            Edgar.IsBusinessDay(cutoff.Date) &&
            (cutoff.Date == d.LastPermittedDay || !Edgar.IsBusinessDay(d.LastPermittedDay)) &&
            eastern.TimeOfDay == new LocalTime(17, 30) && eastern.Date == cutoff.Date);
    }

    [Property]
    public bool Compute_BusinessDayCountsLandOnBusinessDaysOnTheRightSide(int seed)
    {
        var closing = ClosingFrom(seed);

        var schedule = DeadlineEngine.Compute(Seed, EventsFrom(seed, closing), closing);

        return schedule.Deadlines.Where(d => d.Obligation.Count != DayCount.CalendarDaysAfter).All(d =>
            Seed.Calendar.IsBusinessDay(d.DueDate) &&
            (d.Obligation.Count == DayCount.BusinessDaysBefore
                ? d.DueDate < d.StartedBy!.Date.PlusDays(120)
                : d.DueDate > d.StartedBy!.Date));
    }

    [Property]
    public bool Compute_FollowingRollLandsOnTheFirstBusinessDayOnOrAfterTheDueDate(int seed)
    {
        var closing = ClosingFrom(seed);
        var terms = Seed with { Roll = RollRule.Following };

        var filing = DeadlineEngine.Compute(terms, EventsFrom(seed, closing), closing).Find("filing-date")!;

        return filing.DueDate == closing.PlusDays(30) &&
            filing.LastPermittedDay == terms.Calendar.NextBusinessDayOrSame(filing.DueDate) &&
            (filing.LastPermittedDay == filing.DueDate) == terms.Calendar.IsBusinessDay(filing.DueDate);
    }
}

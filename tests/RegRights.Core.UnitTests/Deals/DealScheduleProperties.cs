using FsCheck.Xunit;
using NodaTime;
using RegRights.Core.Agreements;
using RegRights.Core.Calendars;
using RegRights.Core.Deadlines;

namespace RegRights.Core.UnitTests.Deals;

/// <summary>The new counting of the modern form's clauses, against a day-by-day restatement, on closings 1971-2098.</summary>
public class DealScheduleProperties
{
    private static readonly AgreementTerms Modern = AgreementTemplates.ModernPipe.Terms;

    // From 1971-02-01, leaving room for the § 3(a) review counted back from the filing.
    private static LocalDate DayFrom(int seed) => new LocalDate(1971, 2, 1).PlusDays((int)(((long)seed % 46_400 + 46_400) % 46_400));

    // Trading Days stepped one at a time, the start not counted.
    private static LocalDate PlusTradingDays(LocalDate date, int n)
    {
        for (var i = 0; i < n; i++)
        {
            do
            {
                date = date.PlusDays(1);
            }
            while (!BusinessDayCalendar.Nyse.IsBusinessDay(date));
        }

        return date;
    }

    [Property]
    public bool FilingDeadline_RollsToTheFirstDayBanksAndTheCommissionAreBothOpen(int seed)
    {
        var closing = DayFrom(seed);

        var filing = DeadlineEngine.Compute(Modern, [new("closing", AgreementEventKind.Closing, closing)], closing).Find("filing-date")!;

        var due = closing.PlusDays(30);
        var first = due;
        while (!Modern.Calendar.IsBusinessDay(first) || !BusinessDayCalendar.Edgar.IsBusinessDay(first))
        {
            first = first.PlusDays(1);
        }

        return filing.DueDate == due && filing.LastPermittedDay == first;
    }

    [Property]
    public bool EffectivenessDeadline_NoReview_IsTheEarlierOfSixtyDaysAndFiveTradingDays(int seed, byte lag)
    {
        var closing = DayFrom(seed);
        var notice = closing.PlusDays(1 + lag % 90);
        var events = new AgreementEvent[]
        {
            new("closing", AgreementEventKind.Closing, closing),
            new("filed", AgreementEventKind.Filed, closing.PlusDays(1)),
            new("no-review", AgreementEventKind.NoReviewNotice, notice),
        };

        var effectiveness = DeadlineEngine.Compute(Modern, events, closing).Find("effectiveness-date")!;

        var quick = PlusTradingDays(notice, 5);
        var standard = closing.PlusDays(60);
        return effectiveness.DueDate == (quick < standard ? quick : standard)
            && effectiveness.LastPermittedDay >= effectiveness.DueDate
            && BusinessDayCalendar.Edgar.IsBusinessDay(effectiveness.LastPermittedDay);
    }
}

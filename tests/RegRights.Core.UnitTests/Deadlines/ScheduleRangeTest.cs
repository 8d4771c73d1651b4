using FsCheck.Xunit;
using NodaTime;
using RegRights.Core.Agreements;
using RegRights.Core.Calendars;
using RegRights.Core.Deadlines;
using RegRights.Core.Reminders;
using RegRights.Core.UnitTests.Calendars;

namespace RegRights.Core.UnitTests.Deadlines;

/// <summary>A record is refused at the write when the engine cannot compute all of it inside 1971-01-01 to 2100-12-31.</summary>
public class ScheduleRangeTest
{
    private static readonly AgreementTerms Seed = AgreementTerms.NeoTherapeutics2000;

    private static string? Check(AgreementTerms terms, params AgreementEvent[] events) =>
        ScheduleRange.FindOutOfRange(terms, events, ReminderLadder.Default);

    private static AgreementEvent Closing(int year, int month, int day) => new("closing", AgreementEventKind.Closing, new LocalDate(year, month, day));

    [Fact]
    public void FindOutOfRange_SeedClosing_None()
    {
        // Closing Friday 2000-04-28: every clock lies well inside the calendar.
        Assert.Null(Check(Seed, Closing(2000, 4, 28)));
    }

    [Theory]
    // The dates of issue 12's defect 1: each was stored, then broke every read of its agreement and the rebuild.
    [InlineData(9999, 12, 31)]
    [InlineData(1970, 12, 31)]
    [InlineData(1, 1, 1)]
    public void FindOutOfRange_ClosingOutsideTheCalendar_NamesTheDateAndTheRange(int year, int month, int day)
    {
        var reason = Check(Seed, Closing(year, month, day));

        Assert.Equal(
            $"{new LocalDate(year, month, day):uuuu-MM-dd} (Closing 'closing') is outside the dates the § 1 Business Day calendar covers, 1971-01-01 to 2100-12-31.",
            reason);
    }

    [Fact]
    public void FindOutOfRange_Closing20990101_RefusedSinceItsClocksRunPast2100()
    {
        // A closing on Thursday 2099-01-01 is inside the calendar, but the Effectiveness Period runs two years from the
        // Closing Date (Rule 144(k)) to 2101-01-01, and the § 6(b) bar 120 Business Days on: the schedule cannot be
        // computed in full, so the closing is refused rather than stored.
        var reason = Check(Seed, Closing(2099, 1, 1));

        Assert.NotNull(reason);
        Assert.Contains("2100-12-31", reason, StringComparison.Ordinal);
    }

    [Fact]
    public void FindOutOfRange_ZeroDayFilingDateOnTheFirstMonday_RefusedSinceTheDraftsFallIn1970()
    {
        // Filing Date = Closing + 0 days = Monday 1971-01-04; the § 3(a) drafts are due 5 Business Days before it,
        // in December 1970, before the calendar starts; and the 10-Business-Day reminder before them too.
        var terms = Seed with { FilingDays = 0 };

        var reason = Check(terms, Closing(1971, 1, 4), new AgreementEvent("plan", AgreementEventKind.FilingPlanned, new LocalDate(1971, 1, 4)));

        Assert.NotNull(reason);
        Assert.Contains("1971-01-01", reason, StringComparison.Ordinal);
    }

    [Fact]
    public void FindOutOfRange_LastClosingWhoseClocksFit_None()
    {
        // Closing Tuesday 2098-12-30: its two-year Effectiveness Period ends Thursday 2100-12-30, and the Business Day
        // after it, 2100-12-31, is still in the calendar.
        Assert.Null(Check(Seed, Closing(2098, 12, 30)));
    }

    [Fact]
    public void FindOutOfRange_ClosingADayLater_Refused()
    {
        // Closing Wednesday 2098-12-31: the Effectiveness Period ends Friday 2100-12-31, and the engine counts the
        // Business Day after it, which the calendar does not have.
        var reason = Check(Seed, Closing(2098, 12, 31));

        Assert.Equal(
            "A deadline counted from these dates leaves the dates the § 1 Business Day calendar covers, 1971-01-01 to 2100-12-31: Counting 1 Business Days from 2100-12-31 leaves the supported range 1971-01-01 to 2100-12-31.",
            reason);
    }

    [Property(Arbitrary = [typeof(CalendarArbitraries)])]
    public bool FindOutOfRange_None_MeansEveryDeadlineAndReminderComputes(InRangeDate closing)
    {
        // Whatever the closing, a record the check lets through computes on any day and gives every reminder of every
        // reminded deadline, from ten Business Days before its last day to its overdue weeks, without an exception.
        var events = new[] { new AgreementEvent("closing", AgreementEventKind.Closing, closing.Value) };
        if (Check(Seed, events) is not null)
        {
            return true;
        }

        var schedule = DeadlineEngine.Compute(Seed, events, BusinessDayCalendar.MaxDate);
        var zone = Seed.TimeZone;
        var everything = new Interval(
            BusinessDayCalendar.MinDate.AtStartOfDayInZone(zone).ToInstant(), BusinessDayCalendar.MaxDate.PlusDays(1).AtStartOfDayInZone(zone).ToInstant());
        foreach (var deadline in schedule.Deadlines.Where(d => d.Reminded))
        {
            _ = ReminderLadder.Default.DueIn(deadline.LastPermittedDay, Seed.Calendar, zone, everything).Count();
        }

        return true;
    }
}

using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;
using RegRights.Core.Calendars;
using RegRights.Core.Reminders;
using Interval = NodaTime.Interval;

namespace RegRights.Core.UnitTests.Reminders;

public class ReminderLadderTest
{
    private static readonly DateTimeZone California = DateTimeZoneProviders.Tzdb["America/Los_Angeles"];
    private static readonly BusinessDayCalendar Calendar = BusinessDayCalendar.Section1;
    private static readonly Interval Year2000 = new(Instant.FromUtc(2000, 1, 1, 0, 0), Instant.FromUtc(2001, 1, 1, 0, 0));

    [Fact]
    public void DueIn_FilingDate_DefaultLadder()
    {
        // Arrange: the seed agreement's Filing Date, Sunday 2000-05-28, "on or prior to" it, so it is the last permitted day.
        var lastPermittedDay = new LocalDate(2000, 5, 28);

        // Act: every reminder of the year, but only the first two overdue weeks.
        var reminders = ReminderLadder.Default.DueIn(lastPermittedDay, Calendar, California, Year2000).Take(7).ToList();

        // Assert: counted back by hand over the weekend of 20-21 May; overdue skips Memorial Day, Monday 2000-05-29.
        Assert.Equal(
        [
            ("bd-10", new LocalDate(2000, 5, 15)),
            ("bd-5", new LocalDate(2000, 5, 22)),
            ("bd-2", new LocalDate(2000, 5, 25)),
            ("bd-1", new LocalDate(2000, 5, 26)),
            ("last-day", new LocalDate(2000, 5, 28)),
            ("overdue-0", new LocalDate(2000, 5, 30)),
            ("overdue-1", new LocalDate(2000, 6, 6)),
        ], reminders.Select(r => (r.Step.Key, r.SendDate)));

        // 08:00 PDT (UTC-7) is 15:00 UTC.
        Assert.All(reminders, r => Assert.Equal(new LocalTime(15, 0), r.SendAt.InUtc().TimeOfDay));
    }

    [Fact]
    public void DueIn_AcrossFallBack_SendsAtEightLocal()
    {
        // Last permitted day Wednesday 2000-11-01; clocks fell back on Sunday 2000-10-29.
        var reminders = ReminderLadder.Default.DueIn(new LocalDate(2000, 11, 1), Calendar, California, Year2000)
            .Where(r => r.Step.Kind == ReminderStepKind.BusinessDaysBefore)
            .ToDictionary(r => r.Step.Key);

        // Five Business Days before is Wednesday 2000-10-25, still PDT: 08:00 -07:00 is 15:00 UTC.
        Assert.Equal(Instant.FromUtc(2000, 10, 25, 15, 0), reminders["bd-5"].SendAt);

        // Two Business Days before is Monday 2000-10-30, now PST: 08:00 -08:00 is 16:00 UTC.
        Assert.Equal(Instant.FromUtc(2000, 10, 30, 16, 0), reminders["bd-2"].SendAt);
    }

    [Fact]
    public void DueIn_AcrossSpringForward_SendsAtEightLocal()
    {
        // Last permitted day Tuesday 2000-04-04; clocks sprang forward on Sunday 2000-04-02.
        var reminders = ReminderLadder.Default.DueIn(new LocalDate(2000, 4, 4), Calendar, California, Year2000)
            .ToDictionary(r => r.Step.Key);

        Assert.Equal(Instant.FromUtc(2000, 3, 31, 16, 0), reminders["bd-2"].SendAt); // Friday, PST
        Assert.Equal(Instant.FromUtc(2000, 4, 3, 15, 0), reminders["bd-1"].SendAt); // Monday, PDT
    }

    [Fact]
    public void DueIn_WindowIsHalfOpen()
    {
        // bd-1 for the Filing Date goes out at 2000-05-26T15:00Z.
        var sendAt = Instant.FromUtc(2000, 5, 26, 15, 0);
        var endingThere = new Interval(sendAt - Duration.FromHours(1), sendAt);
        var startingThere = new Interval(sendAt, sendAt + Duration.FromHours(1));

        Assert.Empty(ReminderLadder.Default.DueIn(new LocalDate(2000, 5, 28), Calendar, California, endingThere));
        Assert.Equal("bd-1", Assert.Single(ReminderLadder.Default.DueIn(new LocalDate(2000, 5, 28), Calendar, California, startingThere)).Step.Key);
    }

    [Fact]
    public void DueIn_OverdueWeekOnHoliday_MovesToNextBusinessDay()
    {
        // Last permitted day Monday 2000-06-26: first overdue Tuesday 06-27; a week later is Independence Day.
        var reminders = ReminderLadder.Default.DueIn(new LocalDate(2000, 6, 26), Calendar, California, Year2000)
            .Where(r => r.Step.Kind == ReminderStepKind.Overdue).Take(2).ToList();

        Assert.Equal(new LocalDate(2000, 6, 27), reminders[0].SendDate); // Tuesday after Monday 06-26
        Assert.Equal(new LocalDate(2000, 7, 5), reminders[1].SendDate); // Tuesday 07-04 is Independence Day
    }

    [Fact]
    public void DueIn_CustomLadder_OnlyItsSteps()
    {
        var ladder = ReminderLadder.Default with { BusinessDaysBefore = [3], OnLastDay = false, Overdue = false };

        var reminders = ladder.DueIn(new LocalDate(2000, 5, 28), Calendar, California, Year2000).ToList();

        Assert.Equal(("bd-3", new LocalDate(2000, 5, 24)), (Assert.Single(reminders).Step.Key, reminders[0].SendDate));
    }

    [Fact]
    public void BusinessDaysBefore_OutOfRange_Throws()
    {
        var exception = Assert.Throws<ArgumentOutOfRangeException>(() => ReminderLadder.Default with { BusinessDaysBefore = [0] });

        Assert.Equal("BusinessDaysBefore", exception.ParamName);
    }

    // Consecutive scan windows must neither miss nor repeat a reminder: that is what lets a late scan catch up exactly once.
    [Property(MaxTest = 200)]
    public Property DueIn_SplitWindows_EqualOneWindow()
    {
        var days = Gen.Choose(0, 20 * 365);
        var hours = Gen.Choose(1, 24 * 120);
        var cases = from deadlineDay in days
                    from splitAfter in hours
                    from length in hours
                    select (deadlineDay, splitAfter, length);
        return Prop.ForAll(cases.ToArbitrary(), c =>
        {
            var lastPermittedDay = new LocalDate(2000, 1, 1).PlusDays(c.deadlineDay);
            var start = lastPermittedDay.PlusDays(-30).AtStartOfDayInZone(California).ToInstant();
            var split = start + Duration.FromHours(c.splitAfter);
            var end = split + Duration.FromHours(c.length);
            var ladder = ReminderLadder.Default;

            var whole = ladder.DueIn(lastPermittedDay, Calendar, California, new Interval(start, end)).ToList();
            var parts = ladder.DueIn(lastPermittedDay, Calendar, California, new Interval(start, split))
                .Concat(ladder.DueIn(lastPermittedDay, Calendar, California, new Interval(split, end))).ToList();

            return whole.SequenceEqual(parts) && whole.Select(r => r.Step.Key).Distinct().Count() == whole.Count;
        });
    }

    // Every reminder but the last-day one goes out on a Business Day, at the configured local time.
    [Property(MaxTest = 200)]
    public Property DueIn_SendsOnBusinessDaysAtLocalTime()
    {
        return Prop.ForAll(Gen.Choose(0, 20 * 365).ToArbitrary(), day =>
        {
            var lastPermittedDay = new LocalDate(2001, 1, 1).PlusDays(day);
            var window = new Interval(lastPermittedDay.PlusDays(-60).AtStartOfDayInZone(California).ToInstant(),
                lastPermittedDay.PlusDays(60).AtStartOfDayInZone(California).ToInstant());
            return ReminderLadder.Default.DueIn(lastPermittedDay, Calendar, California, window).All(r =>
                r.SendAt.InZone(California).TimeOfDay == new LocalTime(8, 0) &&
                (r.Step.Kind == ReminderStepKind.LastDay || Calendar.IsBusinessDay(r.SendDate)));
        });
    }

    [Fact]
    public void DueIn_MissedFilingDate_StopsAfterFourOverdueReminders()
    {
        // Arrange: the seed's Filing Date, last permitted day Sunday 2000-05-28, never met; the whole of 2000 scanned.
        var reminders = ReminderLadder.Default.DueIn(new LocalDate(2000, 5, 28), Calendar, California, Year2000)
            .Where(r => r.Step.Kind == ReminderStepKind.Overdue)
            .ToList();

        // Assert: Tuesday 05-30 (after Memorial Day), then weekly, four in all; nothing in the seven months after.
        Assert.Equal(
        [
            ("overdue-0", new LocalDate(2000, 5, 30)),
            ("overdue-1", new LocalDate(2000, 6, 6)),
            ("overdue-2", new LocalDate(2000, 6, 13)),
            ("overdue-3", new LocalDate(2000, 6, 20)),
        ], reminders.Select(r => (r.Step.Key, r.SendDate)));
    }

    [Fact]
    public void DueIn_MaxOverdueRemindersTwo_SendsTwo()
    {
        var ladder = ReminderLadder.Default with { MaxOverdueReminders = 2 };

        var overdue = ladder.DueIn(new LocalDate(2000, 5, 28), Calendar, California, Year2000).Where(r => r.Step.Kind == ReminderStepKind.Overdue);

        Assert.Equal(["overdue-0", "overdue-1"], overdue.Select(r => r.Step.Key));
    }

    [Fact]
    public void DueIn_DeadlinePastAtRegistration_OverdueCountsFromTheRegistrationDay()
    {
        // Arrange: the Filing Date of 2000-05-28, in an agreement registered on Saturday 2026-03-07 that asks to be
        // reminded of deadlines already past; the first half of 2026 scanned.
        var half2026 = new Interval(Instant.FromUtc(2026, 1, 1, 0, 0), Instant.FromUtc(2026, 7, 1, 0, 0));

        // Act
        var reminders = ReminderLadder.Default.DueIn(new LocalDate(2000, 5, 28), Calendar, California, half2026, overdueFrom: new LocalDate(2026, 3, 7)).ToList();

        // Assert: Monday 03-09, the first Business Day on or after the registration, then weekly, four in all.
        Assert.Equal(
        [
            ("overdue-0", new LocalDate(2026, 3, 9)),
            ("overdue-1", new LocalDate(2026, 3, 16)),
            ("overdue-2", new LocalDate(2026, 3, 23)),
            ("overdue-3", new LocalDate(2026, 3, 30)),
        ], reminders.Select(r => (r.Step.Key, r.SendDate)));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(53)]
    public void MaxOverdueReminders_OutOfRange_Throws(int count) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => ReminderLadder.Default with { MaxOverdueReminders = count });
}

using NodaTime;
using NodaTime.TimeZones;
using RegRights.Core.Calendars;
using RegRights.Core.Utility;

namespace RegRights.Core.Reminders;

/// <summary>
/// When an agreement's deadline reminders go out: N Business Days before the last permitted day, the morning of that
/// day, then overdue on the next Business Day and weekly after, at most <see cref="MaxOverdueReminders"/> times (or
/// until the deadline is met or waived, when its reminders stop), each at <see cref="SendTime"/> in the agreement's zone.
/// </summary>
/// <remarks>
/// The ladder counts from the <em>last permitted day</em>, not the due date the agreement names, because that is
/// the day the act must happen by: the Effectiveness Date is "prior to" Saturday 2000-08-26, so its last permitted day
/// is Friday 2000-08-25 and the one-Business-Day reminder goes out Thursday 2000-08-24. For the Filing Date (Sunday
/// 2000-05-28, "on or prior to"), the one-Business-Day reminder falls on Friday 2000-05-26, the practical cutoff.
/// </remarks>
public sealed record ReminderLadder
{
    // Sending hours are whole hours in the morning, never in a DST gap; should a configured time fall in one,
    // the lenient resolver moves it forward rather than dropping a reminder.
    private static readonly ZoneLocalMappingResolver SendTimeResolver = Resolvers.LenientResolver;

    /// <summary>10, 5, 2 and 1 Business Days before, the morning of the last day, overdue weekly; at 08:00.</summary>
    public static ReminderLadder Default { get; } = new();

    /// <summary>The Business Days before the last permitted day on which a reminder goes out (each 1 to 260).</summary>
    /// <exception cref="ArgumentOutOfRangeException">A count is outside [1, 260].</exception>
    public IReadOnlyList<int> BusinessDaysBefore
    {
        get;
        init
        {
            Preconditions.CheckNotNull(value);
            foreach (var count in value)
            {
                Preconditions.CheckArgumentRange(nameof(BusinessDaysBefore), count, 1, 260);
            }

            field = [.. value.Distinct().OrderDescending()];
        }
    } = [10, 5, 2, 1];

    /// <summary>Whether a reminder goes out on the morning of the last permitted day.</summary>
    public bool OnLastDay { get; init; } = true;

    /// <summary>Whether overdue reminders go out (the first Business Day after the last permitted day, then weekly).</summary>
    public bool Overdue { get; init; } = true;

    /// <summary>
    /// How many overdue reminders a deadline gets at most: the first, then weekly, <c>overdue-0</c> to
    /// <c>overdue-(N-1)</c> (default 4: the first Business Day after the last permitted day and three weeks after).
    /// A deadline missed for good is not mailed about every week forever; it stays on the deadlines document.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The count is outside [1, 52].</exception>
    public int MaxOverdueReminders
    {
        get;
        init
        {
            Preconditions.CheckArgumentRange(nameof(MaxOverdueReminders), value, 1, 52);
            field = value;
        }
    } = 4;

    /// <summary>The local time of day reminders go out, in the agreement's zone (default 08:00).</summary>
    public LocalTime SendTime { get; init; } = new(8, 0);

    /// <summary>
    /// The reminders whose sending moment lies in <paramref name="window"/> (start included, end excluded, so that
    /// consecutive scan windows neither miss nor repeat a reminder).
    /// </summary>
    /// <param name="lastPermittedDay">The last day the act may happen, in the agreement's zone.</param>
    /// <param name="calendar">The agreement's Business Day calendar.</param>
    /// <param name="zone">The agreement's zone.</param>
    /// <param name="window">The scan window.</param>
    /// <param name="overdueFrom">
    /// For a deadline already past when the agreement was registered and reminded at the user's request, the day it was
    /// registered: its overdue reminders start on the first Business Day on or after that day instead of the day after
    /// its last permitted day, whose weeks are long gone. Null for every other deadline.
    /// </param>
    /// <returns>The due reminders, in sending order.</returns>
    public IEnumerable<ScheduledReminder> DueIn(
        LocalDate lastPermittedDay, BusinessDayCalendar calendar, DateTimeZone zone, Interval window, LocalDate? overdueFrom = null)
    {
        Preconditions.CheckNotNull(calendar);
        Preconditions.CheckNotNull(zone);
        return Iterate();

        IEnumerable<ScheduledReminder> Iterate()
        {
            foreach (var count in BusinessDaysBefore)
            {
                var reminder = At(new ReminderStep(ReminderStepKind.BusinessDaysBefore, count), calendar.PlusBusinessDays(lastPermittedDay, -count), zone);
                if (window.Contains(reminder.SendAt))
                {
                    yield return reminder;
                }
            }

            if (OnLastDay && At(new ReminderStep(ReminderStepKind.LastDay, 0), lastPermittedDay, zone) is var lastDay && window.Contains(lastDay.SendAt))
            {
                yield return lastDay;
            }

            if (!Overdue)
            {
                yield break;
            }

            // Week k goes out on the first Business Day on or after (first overdue day + 7k days). Skip straight to the
            // weeks that can reach the window instead of walking every week since the deadline passed.
            var firstOverdue = calendar.NextBusinessDay(lastPermittedDay);
            if (overdueFrom is { } from && from > firstOverdue)
            {
                firstOverdue = calendar.NextBusinessDayOrSame(from);
            }

            var windowStart = window.HasStart ? window.Start.InZone(zone).Date : firstOverdue;
            var week = Math.Max(0, (Period.DaysBetween(firstOverdue, windowStart) / 7) - 1);
            // The weeks end where the calendar's Business Days do: a later week has no Business Day to go out on.
            var lastBusinessDay = calendar.PreviousBusinessDayOrSame(BusinessDayCalendar.MaxDate);
            while (week < MaxOverdueReminders)
            {
                var weekDate = firstOverdue.PlusDays(7 * week);
                if (weekDate > lastBusinessDay)
                {
                    yield break;
                }

                var reminder = At(new ReminderStep(ReminderStepKind.Overdue, week), calendar.NextBusinessDayOrSame(weekDate), zone);
                if (window.HasEnd && reminder.SendAt >= window.End)
                {
                    yield break;
                }

                if (window.Contains(reminder.SendAt))
                {
                    yield return reminder;
                }

                week++;
            }
        }
    }

    private ScheduledReminder At(ReminderStep step, LocalDate date, DateTimeZone zone) =>
        new(step, date, (date + SendTime).InZone(zone, SendTimeResolver).ToInstant());
}

using NodaTime;
using RegRights.Core.Agreements;
using RegRights.Core.Calendars;
using RegRights.Core.Reminders;
using RegRights.Core.Utility;

namespace RegRights.Core.Deadlines;

/// <summary>
/// Whether the engine can compute an agreement's whole schedule, and every reminder of it, within the § 1 calendar's
/// range (<see cref="BusinessDayCalendar.MinDate"/> 1971-01-01 to <see cref="BusinessDayCalendar.MaxDate"/>
/// 2100-12-31): the check a write makes, so that a record the engine cannot compute is refused when it is written,
/// never stored to fail every later read.
/// </summary>
/// <remarks>
/// A date inside the range can still start a clock that leaves it: a closing on 2099-01-01 under a 1,000-day
/// Effectiveness Date puts that date on 2101-09-28, past the calendar, and the § 3(a) drafts five Business Days
/// before a Filing Date of 1971-01-04 (a zero-day Filing Date) would fall in 1970. Both are refused here.
/// </remarks>
public static class ScheduleRange
{
    /// <summary>
    /// Why <paramref name="events"/> under <paramref name="terms"/> cannot be computed in full, in words a lawyer can
    /// check, or null when every deadline and every reminder <paramref name="ladder"/> sends for it lies in the range.
    /// </summary>
    /// <param name="terms">The agreement's terms.</param>
    /// <param name="events">The events, in the order recorded (the one being recorded last).</param>
    /// <param name="ladder">The reminder ladder whose steps must be computable too.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static string? FindOutOfRange(AgreementTerms terms, IReadOnlyList<AgreementEvent> events, ReminderLadder ladder)
    {
        Preconditions.CheckNotNull(terms);
        Preconditions.CheckNotNull(events);
        Preconditions.CheckNotNull(ladder);
        foreach (var e in events)
        {
            if (!InRange(e.Date))
            {
                return $"{e.Date:uuuu-MM-dd} ({e.Kind} '{e.Id}') is outside the dates the § 1 Business Day calendar covers, {Range}.";
            }
        }

        DeadlineSchedule schedule;
        try
        {
            schedule = DeadlineEngine.Compute(terms, events, BusinessDayCalendar.MinDate);
        }
        catch (ArgumentOutOfRangeException ex)
        {
            return $"A deadline counted from these dates leaves the dates the § 1 Business Day calendar covers, {Range}: {FirstLine(ex.Message)}";
        }

        var calendar = terms.Calendar;
        foreach (var deadline in schedule.Deadlines)
        {
            foreach (var date in new[] { deadline.DueDate, deadline.LastPermittedDay })
            {
                if (!InRange(date))
                {
                    return $"{deadline.Title} ({deadline.Section}) falls on {date:uuuu-MM-dd}, outside the dates the § 1 Business Day calendar covers, {Range}.";
                }
            }

            if (deadline.Reminded && FindUnreachableReminder(deadline, calendar, ladder) is { } reason)
            {
                return reason;
            }
        }

        return null;
    }

    private static string? FindUnreachableReminder(Deadline deadline, BusinessDayCalendar calendar, ReminderLadder ladder)
    {
        try
        {
            foreach (var count in ladder.BusinessDaysBefore)
            {
                _ = calendar.PlusBusinessDays(deadline.LastPermittedDay, -count);
            }

            if (ladder.Overdue)
            {
                _ = calendar.NextBusinessDay(deadline.LastPermittedDay);
            }

            return null;
        }
        catch (ArgumentOutOfRangeException ex)
        {
            return $"A reminder of {deadline.Title} ({deadline.Section}, last permitted day {deadline.LastPermittedDay:uuuu-MM-dd}) falls outside the dates the § 1 Business Day calendar covers, {Range}: {FirstLine(ex.Message)}";
        }
    }

    private static bool InRange(LocalDate date) => date >= BusinessDayCalendar.MinDate && date <= BusinessDayCalendar.MaxDate;

    private static string Range => $"{BusinessDayCalendar.MinDate:uuuu-MM-dd} to {BusinessDayCalendar.MaxDate:uuuu-MM-dd}";

    private static string FirstLine(string message)
    {
        var cut = message.IndexOf(" (Parameter", StringComparison.Ordinal);
        return (cut > 0 ? message[..cut] : message.Split('\n')[0]).Trim();
    }
}

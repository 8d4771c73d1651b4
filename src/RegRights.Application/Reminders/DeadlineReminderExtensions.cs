using System.Diagnostics.CodeAnalysis;
using NodaTime;
using RegRights.Core.Deadlines;

namespace RegRights.Application.Reminders;

/// <summary>The one test the scan and the dispatcher both put a reminder to before it is written or sent.</summary>
internal static class DeadlineReminderExtensions
{
    /// <summary>
    /// Whether the deadline instance a reminder was made for still stands: the schedule has it (not null), with the
    /// same last permitted day the reminder counted from, neither met nor waived. A recorded filing that meets the
    /// Filing Date (§ 2(a)), or moves the § 3(a) review's day, makes the reminders of the old day stale.
    /// </summary>
    public static bool StandsFor([NotNullWhen(true)] this Deadline? deadline, LocalDate lastPermittedDay) =>
        deadline is not null && deadline.LastPermittedDay == lastPermittedDay &&
        deadline.Status is not (DeadlineStatus.Met or DeadlineStatus.Waived);
}

using System.Globalization;

namespace RegRights.Core.Reminders;

/// <summary>What a reminder step is anchored to.</summary>
public enum ReminderStepKind
{
    /// <summary>N Business Days before the last permitted day.</summary>
    BusinessDaysBefore,

    /// <summary>The morning of the last permitted day.</summary>
    LastDay,

    /// <summary>Overdue: the first Business Day after the last permitted day (N = 0), then every week after (N = 1, 2, …).</summary>
    Overdue,
}

/// <summary>
/// One rung of a reminder ladder. Its <see cref="Key"/> is stable and names the rung in the reminder ledger,
/// so the same rung of the same deadline is never sent twice.
/// </summary>
/// <param name="Kind">What the step is anchored to.</param>
/// <param name="Count">Business Days before (for <see cref="ReminderStepKind.BusinessDaysBefore"/>), or the overdue week (0 for the first).</param>
public readonly record struct ReminderStep(ReminderStepKind Kind, int Count)
{
    /// <summary>The ledger key: <c>bd-5</c>, <c>last-day</c>, <c>overdue-0</c>, <c>overdue-3</c>.</summary>
    public string Key => Kind switch
    {
        ReminderStepKind.BusinessDaysBefore => "bd-" + Count.ToString(CultureInfo.InvariantCulture),
        ReminderStepKind.LastDay => "last-day",
        _ => "overdue-" + Count.ToString(CultureInfo.InvariantCulture),
    };

    /// <summary>The step in words, for an email's subject: "in 5 Business Days", "today", "overdue".</summary>
    public string Describe() => Kind switch
    {
        ReminderStepKind.BusinessDaysBefore when Count == 1 => "in 1 Business Day",
        ReminderStepKind.BusinessDaysBefore => $"in {Count} Business Days",
        ReminderStepKind.LastDay => "today",
        _ when Count == 0 => "overdue",
        _ => $"overdue ({Count} week{(Count == 1 ? "" : "s")} after the first notice)",
    };
}

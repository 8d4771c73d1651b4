namespace RegRights.Core.DelayPayments;

/// <summary>The length of one accrual period, counted from the Event Date.</summary>
public enum AccrualPeriodLength
{
    /// <summary>Each 30 days: the Event Date and the 29 days after it, then the next 30.</summary>
    ThirtyDays,

    /// <summary>
    /// Each calendar month from the Event Date: from the Event Date to the day before its monthly anniversary. The
    /// anniversaries are counted from the Event Date, not from each other, so an Event Date of 2024-01-31 gives periods
    /// starting 2024-02-29, 2024-03-31, 2024-04-30, … (each of its own 29, 31, 30 days).
    /// </summary>
    CalendarMonth,
}

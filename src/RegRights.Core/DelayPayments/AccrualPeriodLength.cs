namespace RegRights.Core.DelayPayments;

/// <summary>The length of one accrual period, counted from the Event Date.</summary>
public enum AccrualPeriodLength
{
    /// <summary>Each 30 days: the Event Date and the 29 days after it, then the next 30.</summary>
    ThirtyDays,

    /// <summary>
    /// Each calendar month from the Event Date: from the Event Date to the day before its monthly anniversary. The
    /// anniversaries are counted from the Event Date, not from each other, so an Event Date of January 31 gives
    /// periods ending February 28 (29), March 30, April 30, …
    /// </summary>
    CalendarMonth,
}

namespace RegRights.Core.Calendars;

/// <summary>
/// What a deadline that lands on a day the calendar does not count becomes (<see cref="BusinessDayCalendar.Roll"/>).
/// </summary>
public enum RollRule
{
    /// <summary>No roll: the date stands, whatever day it is (the seed agreement's calendar-day deadlines).</summary>
    None,

    /// <summary>The date if the calendar counts it, else the next day it counts.</summary>
    Following,

    /// <summary>The date if the calendar counts it, else the last day before it that it counts.</summary>
    Preceding,

    /// <summary>
    /// "The next Business Day on which the Commission is open for business": the date if it is both a day of the calendar
    /// and an EDGAR filing day (<see cref="BusinessDayCalendar.Edgar"/>), else the next such day.
    /// </summary>
    FollowingCommissionOpen,
}

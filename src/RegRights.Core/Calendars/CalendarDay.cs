using NodaTime;

namespace RegRights.Core.Calendars;

/// <summary>One date as a <see cref="BusinessDayCalendar"/> sees it: whether it is a Business Day, and why (not).</summary>
/// <param name="Date">The date.</param>
/// <param name="IsBusinessDay">Whether the date is a Business Day under the calendar's reading.</param>
/// <param name="Reasons">
/// Every reason that applies to the date, in the order the calendar found them: those that close it, those that
/// contest it, and notes. Empty for an ordinary Business Day.
/// </param>
public sealed record CalendarDay(LocalDate Date, bool IsBusinessDay, IReadOnlyList<DayReason> Reasons)
{
    /// <summary>
    /// True when no reason closes the date but one contests it, so that the other reading of the agreement would
    /// make it a non-Business Day (Good Friday, an executive-order closure).
    /// </summary>
    public bool IsContested => Contested(Reasons);

    // The two readings of contested days part on exactly these dates.
    internal static bool Contested(IReadOnlyList<DayReason> reasons) =>
        reasons.Any(r => r.Effect == DayEffect.Contested) && !reasons.Any(r => r.Effect == DayEffect.Closed);
}

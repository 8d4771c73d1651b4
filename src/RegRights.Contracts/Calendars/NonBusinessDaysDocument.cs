using NodaTime;
using RegRights.Core.Calendars;

namespace RegRights.Contracts.Calendars;

/// <summary>
/// The days in a range that are not ordinary Business Days, as the HTTP API and <c>regrights business-days --json</c>
/// return them: <c>{"nonBusinessDays":[…]}</c>. Contested days (Business Days under the default reading, such as Good
/// Friday) are included and flagged.
/// </summary>
/// <param name="NonBusinessDays">The days, in date order.</param>
public sealed record NonBusinessDaysDocument(IReadOnlyList<NonBusinessDayDocument> NonBusinessDays)
{
    /// <summary>
    /// Maps a calendar's notable days (<see cref="BusinessDayCalendar.GetNotableDays"/>) to the document, keeping the
    /// non-Business Days and the contested days and leaving out days that only carry a note (Inauguration Day).
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="days"/> is null.</exception>
    public static NonBusinessDaysDocument From(IEnumerable<CalendarDay> days)
    {
        ArgumentNullException.ThrowIfNull(days);
        return new([.. days
            .Where(d => !d.IsBusinessDay || d.IsContested)
            .Select(d => new NonBusinessDayDocument(
                d.Date,
                d.Date.DayOfWeek,
                d.IsBusinessDay,
                d.IsContested,
                [.. d.Reasons.Select(r => new ReasonDocument(r.Name, r.Source, r.Kind, r.Effect))]))]);
    }
}

/// <summary>One day.</summary>
/// <param name="Date">The date.</param>
/// <param name="DayOfWeek">Its weekday.</param>
/// <param name="BusinessDay">Whether it is a Business Day under the reading applied (true only for a contested day).</param>
/// <param name="Contested">Whether a reason contests it and none closes it, so the two readings differ on it.</param>
/// <param name="Reasons">Why: each reason's name, legal source, kind and effect.</param>
public sealed record NonBusinessDayDocument(
    LocalDate Date, IsoDayOfWeek DayOfWeek, bool BusinessDay, bool Contested, IReadOnlyList<ReasonDocument> Reasons);

/// <summary>One reason a day is not, or may not be, a Business Day.</summary>
/// <param name="Name">The day's name, e.g. "Admission Day".</param>
/// <param name="Source">Its legal source, e.g. "Cal. Civ. Code § 7.1".</param>
/// <param name="Kind">weekend, federalLegalHoliday, californiaBankHoliday or closure.</param>
/// <param name="Effect">closed, contested or note.</param>
public sealed record ReasonDocument(string Name, string Source, DayReasonKind Kind, DayEffect Effect);

using NodaTime;
using RegRights.Core.Calendars;

namespace RegRights.Contracts.Calendars;

/// <summary>
/// The days in a range that are not ordinary Business Days, as <c>regrights business-days --json</c> returns them:
/// <c>{"nonBusinessDays":[…],"contestedDays":[…]}</c>. Each list holds what its name says: a client reading
/// <c>nonBusinessDays</c> by its name gets the calendar right.
/// </summary>
/// <remarks>
/// Good Friday 2001-04-13 (banks close at noon, Cal. Civ. Code § 7.1) is a Business Day under the default reading, so
/// it is in <see cref="ContestedDays"/> only, with both readings; under the other reading (terms with
/// <see cref="ContestedDayReading.Closed"/>) it is not a Business Day, and is in both lists.
/// </remarks>
/// <param name="NonBusinessDays">The days that are not Business Days under the reading applied, in date order.</param>
/// <param name="ContestedDays">
/// The days the two readings of contested days part on (Good Friday afternoon, executive-order closures), in date
/// order, each with both readings.
/// </param>
public sealed record NonBusinessDaysDocument(
    IReadOnlyList<NonBusinessDayDocument> NonBusinessDays, IReadOnlyList<ContestedDayDocument> ContestedDays)
{
    /// <summary>
    /// Maps a calendar's notable days (<see cref="BusinessDayCalendar.GetNotableDays"/>) to the document, leaving out
    /// days that only carry a note (Inauguration Day).
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="days"/> is null.</exception>
    public static NonBusinessDaysDocument From(IEnumerable<CalendarDay> days)
    {
        ArgumentNullException.ThrowIfNull(days);
        var list = days.ToList();
        return new(
            [.. list.Where(d => !d.IsBusinessDay).Select(d => new NonBusinessDayDocument(d.Date, d.Date.DayOfWeek, false, d.IsContested, Reasons(d)))],
            [.. list.Where(d => d.IsContested).Select(d => new ContestedDayDocument(
                d.Date,
                d.Date.DayOfWeek,
                d.IsBusinessDay,
                [
                    new ContestedReadingDocument(ContestedDayReading.Open, BusinessDay: true, Default: true),
                    new ContestedReadingDocument(ContestedDayReading.Closed, BusinessDay: false, Default: false),
                ],
                Reasons(d)))]);
    }

    private static List<ReasonDocument> Reasons(CalendarDay day) =>
        [.. day.Reasons.Select(r => new ReasonDocument(r.Name, r.Source, r.Kind, r.Effect))];
}

/// <summary>One day that is not a Business Day.</summary>
/// <param name="Date">The date.</param>
/// <param name="DayOfWeek">Its weekday.</param>
/// <param name="BusinessDay">Always false: kept so a reader can check each entry as well as the list's name.</param>
/// <param name="Contested">Whether it is closed only by the reading of a contested day (then also in <c>contestedDays</c>).</param>
/// <param name="Reasons">Why: each reason's name, legal source, kind and effect.</param>
public sealed record NonBusinessDayDocument(
    LocalDate Date, IsoDayOfWeek DayOfWeek, bool BusinessDay, bool Contested, IReadOnlyList<ReasonDocument> Reasons);

/// <summary>One contested day, with what each reading makes of it.</summary>
/// <param name="Date">The date.</param>
/// <param name="DayOfWeek">Its weekday.</param>
/// <param name="BusinessDay">Whether it is a Business Day under the reading applied (true under the default).</param>
/// <param name="Readings">Both readings: <c>open</c> (the default, a Business Day) and <c>closed</c> (not one).</param>
/// <param name="Reasons">Why it is contested: each reason's name, legal source, kind and effect.</param>
public sealed record ContestedDayDocument(
    LocalDate Date, IsoDayOfWeek DayOfWeek, bool BusinessDay, IReadOnlyList<ContestedReadingDocument> Readings, IReadOnlyList<ReasonDocument> Reasons);

/// <summary>What one reading of contested days makes of a day.</summary>
/// <param name="Reading">open or closed.</param>
/// <param name="BusinessDay">Whether the day is a Business Day under that reading.</param>
/// <param name="Default">Whether it is the default reading (open; see the README's "Readings to know").</param>
public sealed record ContestedReadingDocument(ContestedDayReading Reading, bool BusinessDay, bool Default);

/// <summary>One reason a day is not, or may not be, a Business Day.</summary>
/// <param name="Name">The day's name, e.g. "Admission Day".</param>
/// <param name="Source">Its legal source, e.g. "Cal. Civ. Code § 7.1".</param>
/// <param name="Kind">What kind of reason: weekend, federalLegalHoliday, californiaBankHoliday, newYorkBankHoliday, exchangeHoliday or closure (<see cref="DayReasonKind"/>).</param>
/// <param name="Effect">closed, contested or note.</param>
public sealed record ReasonDocument(string Name, string Source, DayReasonKind Kind, DayEffect Effect);

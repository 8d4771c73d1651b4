using NodaTime;

namespace RegRights.Contracts.Calendars;

/// <summary>
/// <c>regrights business-days|trading-days --from D --count N --json</c>: the day N counted days from <c>from</c>
/// (never counting <c>from</c> itself), the other reading's day where contested days change it, and the days stepped
/// over (and the day reached) that the calendar does not count or that are contested, each with its reasons.
/// </summary>
/// <param name="Calendar">The catalog name, e.g. <c>nyse</c>.</param>
/// <param name="DayName">What the calendar counts: "Business Day", "Trading Day", "EDGAR filing day".</param>
/// <param name="From">The date counted from.</param>
/// <param name="Count">How many days, negative for back.</param>
/// <param name="Date">The day reached.</param>
/// <param name="DayOfWeek">Its weekday.</param>
/// <param name="OtherReadingDate">The day reached under the other reading of contested days; null when the same.</param>
/// <param name="Skipped">The days from the one after <c>from</c> to <c>date</c> (back: from <c>date</c> to the one before
/// <c>from</c>) that are not counted, or contested, as in the range document.</param>
public sealed record CalendarCountDocument(
    string Calendar, string DayName, LocalDate From, int Count, LocalDate Date, IsoDayOfWeek DayOfWeek, LocalDate? OtherReadingDate,
    NonBusinessDaysDocument Skipped);

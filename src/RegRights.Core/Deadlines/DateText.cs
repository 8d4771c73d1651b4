using NodaTime;

namespace RegRights.Core.Deadlines;

/// <summary>
/// Dates as a schedule's words show them, "2000-05-28" and "Sunday 2000-05-28", written by hand: a schedule formats
/// dozens of dates, and a pattern-based format costs ten times as much (the engine's budget is 20 µs a schedule).
/// </summary>
internal static class DateText
{
    private static readonly string[] DayNames =
        ["", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];

    /// <summary>ISO yyyy-MM-dd for a year in [0, 9999], as <c>LocalDatePattern.Iso</c> writes it.</summary>
    internal static string Iso(LocalDate date) =>
        string.Create(10, date, static (span, d) =>
        {
            var year = d.Year;
            span[0] = (char)('0' + (year / 1000 % 10));
            span[1] = (char)('0' + (year / 100 % 10));
            span[2] = (char)('0' + (year / 10 % 10));
            span[3] = (char)('0' + (year % 10));
            span[4] = '-';
            span[5] = (char)('0' + (d.Month / 10));
            span[6] = (char)('0' + (d.Month % 10));
            span[7] = '-';
            span[8] = (char)('0' + (d.Day / 10));
            span[9] = (char)('0' + (d.Day % 10));
        });

    /// <summary>The weekday in full and the ISO date: "Sunday 2000-05-28".</summary>
    internal static string WithWeekday(LocalDate date) => string.Concat(DayNames[(int)date.DayOfWeek], " ", Iso(date));
}

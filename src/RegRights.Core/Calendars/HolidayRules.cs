using NodaTime;

namespace RegRights.Core.Calendars;

/// <summary>
/// The statutory holiday rules behind § 1's definition of Business Day, as in force each year.
/// Each method yields the dated reasons of one year; an in-lieu day may fall in the year before
/// (a Saturday January 1 is observed on the Friday before).
/// </summary>
internal static class HolidayRules
{
    private const string FederalStatute = "5 U.S.C. § 6103(a)";
    private const string CaliforniaStatute = "Cal. Civ. Code § 7.1";

    /// <summary>Federal legal holidays under 5 U.S.C. § 6103(a), with the § 6103(b) in-lieu days.</summary>
    /// <remarks>
    /// The Uniform Monday Holiday Act (Pub. L. 90-363) moved Washington's Birthday, Memorial Day, Columbus Day and
    /// Veterans Day to Mondays from 1971; Veterans Day went back to November 11 from 1978 (Pub. L. 94-97).
    /// Martin Luther King, Jr.'s Birthday counts from 1986 (Pub. L. 98-144), Juneteenth from 2021 (Pub. L. 117-17).
    /// </remarks>
    internal static IEnumerable<(LocalDate Date, DayReason Reason)> Federal(int year)
    {
        foreach (var day in FederalFixed(year, 1, 1, "New Year's Day", FederalStatute))
        {
            yield return day;
        }

        if (year >= 1986)
        {
            yield return Federal(NthWeekday(year, 1, IsoDayOfWeek.Monday, 3),
                "Birthday of Martin Luther King, Jr.", $"{FederalStatute} (from 1986, Pub. L. 98-144)");
        }

        yield return Federal(NthWeekday(year, 2, IsoDayOfWeek.Monday, 3), "Washington's Birthday", FederalStatute);
        yield return Federal(LastWeekday(year, 5, IsoDayOfWeek.Monday), "Memorial Day", FederalStatute);

        if (year >= 2021)
        {
            foreach (var day in FederalFixed(year, 6, 19, "Juneteenth National Independence Day",
                $"{FederalStatute} (from 2021, Pub. L. 117-17)"))
            {
                yield return day;
            }
        }

        foreach (var day in FederalFixed(year, 7, 4, "Independence Day", FederalStatute))
        {
            yield return day;
        }

        yield return Federal(NthWeekday(year, 9, IsoDayOfWeek.Monday, 1), "Labor Day", FederalStatute);
        yield return Federal(NthWeekday(year, 10, IsoDayOfWeek.Monday, 2), "Columbus Day", FederalStatute);

        if (year <= 1977)
        {
            yield return Federal(NthWeekday(year, 10, IsoDayOfWeek.Monday, 4), "Veterans Day",
                $"{FederalStatute} (fourth Monday in October, 1971-1977, Pub. L. 90-363)");
        }
        else
        {
            foreach (var day in FederalFixed(year, 11, 11, "Veterans Day", $"{FederalStatute} (November 11 from 1978, Pub. L. 94-97)"))
            {
                yield return day;
            }
        }

        yield return Federal(NthWeekday(year, 11, IsoDayOfWeek.Thursday, 4), "Thanksgiving Day", FederalStatute);

        foreach (var day in FederalFixed(year, 12, 25, "Christmas Day", FederalStatute))
        {
            yield return day;
        }
    }

    /// <summary>
    /// Inauguration Day, January 20 after a presidential election (January 21 when the 20th is a Sunday).
    /// A holiday only for federal employees in the Washington, D.C. area (5 U.S.C. § 6103(c)).
    /// </summary>
    internal static IEnumerable<(LocalDate Date, DayReason Reason)> InaugurationDay(int year, DayEffect effect)
    {
        if (year % 4 != 1)
        {
            yield break;
        }

        var date = new LocalDate(year, 1, 20);
        if (date.DayOfWeek == IsoDayOfWeek.Sunday)
        {
            date = date.PlusDays(1);
        }

        yield return (date, new DayReason("Inauguration Day", "5 U.S.C. § 6103(c) (federal employees in the Washington, D.C. area only)",
            DayReasonKind.FederalLegalHoliday, effect));
    }

    /// <summary>
    /// California optional bank holidays under Cal. Civ. Code § 7.1 (current text, applied to every year).
    /// Saturdays and Sundays, also listed there, are the calendar's weekend rule.
    /// </summary>
    internal static IEnumerable<(LocalDate Date, DayReason Reason)> CaliforniaBank(int year)
    {
        // § 7.1 moves a Sunday holiday to Monday for all six fixed dates, but a Saturday one to Friday only for three.
        foreach (var day in CaliforniaFixed(year, 1, 1, "New Year's Day", saturdayToFriday: false))
        {
            yield return day;
        }

        yield return California(NthWeekday(year, 1, IsoDayOfWeek.Monday, 3), "Third Monday in January");
        foreach (var day in CaliforniaFixed(year, 2, 12, "Lincoln Day", saturdayToFriday: false))
        {
            yield return day;
        }

        yield return California(NthWeekday(year, 2, IsoDayOfWeek.Monday, 3), "Third Monday in February");
        yield return California(LastWeekday(year, 5, IsoDayOfWeek.Monday), "Last Monday in May");
        foreach (var day in CaliforniaFixed(year, 7, 4, "Independence Day", saturdayToFriday: true))
        {
            yield return day;
        }

        yield return California(NthWeekday(year, 9, IsoDayOfWeek.Monday, 1), "First Monday in September");
        foreach (var day in CaliforniaFixed(year, 9, 9, "Admission Day", saturdayToFriday: true))
        {
            yield return day;
        }

        yield return California(NthWeekday(year, 10, IsoDayOfWeek.Monday, 2), "Second Monday in October");
        foreach (var day in CaliforniaFixed(year, 11, 11, "Veterans Day", saturdayToFriday: false))
        {
            yield return day;
        }

        yield return California(NthWeekday(year, 11, IsoDayOfWeek.Thursday, 4), "Thanksgiving Day");
        foreach (var day in CaliforniaFixed(year, 12, 25, "Christmas Day", saturdayToFriday: true))
        {
            yield return day;
        }

        yield return (GoodFriday(year), new DayReason("Good Friday (from 12 noon until closing)", CaliforniaStatute,
            DayReasonKind.CaliforniaBankHoliday, DayEffect.Contested));
    }

    /// <summary>Good Friday of the given year: two days before Western (Gregorian) Easter.</summary>
    internal static LocalDate GoodFriday(int year) => Easter(year).PlusDays(-2);

    // The anonymous Gregorian algorithm (Meeus/Jones/Butcher).
    private static LocalDate Easter(int year)
    {
        int a = year % 19, b = year / 100, c = year % 100, d = b / 4, e = b % 4;
        int f = (b + 8) / 25, g = (b - f + 1) / 3, h = ((19 * a) + b - d - g + 15) % 30;
        int i = c / 4, k = c % 4, l = (32 + (2 * e) + (2 * i) - h - k) % 7;
        int m = (a + (11 * h) + (22 * l)) / 451;
        int month = (h + l - (7 * m) + 114) / 31, day = ((h + l - (7 * m) + 114) % 31) + 1;
        return new LocalDate(year, month, day);
    }

    internal static LocalDate NthWeekday(int year, int month, IsoDayOfWeek dayOfWeek, int n) =>
        new LocalDate(year, month, 1).With(DateAdjusters.NextOrSame(dayOfWeek)).PlusWeeks(n - 1);

    internal static LocalDate LastWeekday(int year, int month, IsoDayOfWeek dayOfWeek) =>
        new LocalDate(year, month, 1).With(DateAdjusters.EndOfMonth).With(DateAdjusters.PreviousOrSame(dayOfWeek));

    private static (LocalDate, DayReason) Federal(LocalDate date, string name, string source) =>
        (date, new DayReason(name, source, DayReasonKind.FederalLegalHoliday, DayEffect.Closed));

    private static (LocalDate, DayReason) California(LocalDate date, string name) =>
        (date, new DayReason(name, CaliforniaStatute, DayReasonKind.CaliforniaBankHoliday, DayEffect.Closed));

    private static IEnumerable<(LocalDate, DayReason)> FederalFixed(int year, int month, int day, string name, string source)
    {
        var date = new LocalDate(year, month, day);
        yield return Federal(date, name, source);
        switch (date.DayOfWeek)
        {
            case IsoDayOfWeek.Saturday:
                yield return Federal(date.PlusDays(-1), $"{name} (observed; {date:MMMM d} is a Saturday)", "5 U.S.C. § 6103(b)(1)");
                break;
            case IsoDayOfWeek.Sunday:
                yield return Federal(date.PlusDays(1), $"{name} (observed; {date:MMMM d} is a Sunday)", "5 U.S.C. § 6103(b)(2)");
                break;
        }
    }

    private static IEnumerable<(LocalDate, DayReason)> CaliforniaFixed(int year, int month, int day, string name, bool saturdayToFriday)
    {
        var date = new LocalDate(year, month, day);
        yield return California(date, name);
        if (date.DayOfWeek == IsoDayOfWeek.Sunday)
        {
            yield return California(date.PlusDays(1), $"{name} (Monday after; {date:MMMM d} is a Sunday)");
        }
        else if (saturdayToFriday && date.DayOfWeek == IsoDayOfWeek.Saturday)
        {
            yield return California(date.PlusDays(-1), $"{name} (Friday before; {date:MMMM d} is a Saturday)");
        }
    }
}

using NodaTime;

namespace RegRights.Core.UnitTests.Calendars;

/// <summary>One day a statute names, with the name and source a "why not" answer should show.</summary>
/// <param name="Date">The date the day falls on (an in-lieu day's own date, not the holiday's).</param>
/// <param name="Name">How the name shown must begin, or null where the statute gives the day no name.</param>
/// <param name="Source">How the legal source shown must begin.</param>
internal sealed record ExpectedDay(LocalDate Date, string? Name, string Source);

/// <summary>
/// The holiday statutes restated plainly, independently of the calendar's own rules (HolidayRules), so that the
/// year-by-year tests compare two derivations. Written for reading against the statute text, not for speed:
/// "the third Monday of January" is literally the third of January's Mondays.
/// </summary>
internal static class StatuteReference
{
    private const string Section6103A = "5 U.S.C. § 6103(a)";
    private const string Section6103B = "5 U.S.C. § 6103(b)";
    private const string CivilCode71 = "Cal. Civ. Code § 7.1";

    /// <summary>
    /// The federal legal holidays of 5 U.S.C. § 6103(a) as in force in <paramref name="year"/>, with the § 6103(b)
    /// in-lieu days (which may fall in the year before: a Saturday January 1 gives Friday December 31).
    /// </summary>
    internal static IEnumerable<ExpectedDay> FederalHolidaysOf(int year)
    {
        var fixedDays = new List<(LocalDate Date, string Name)>
        {
            (new LocalDate(year, 1, 1), "New Year's Day"),
            (new LocalDate(year, 7, 4), "Independence Day"),
            (new LocalDate(year, 12, 25), "Christmas Day"),
        };

        // Pub. L. 117-17 added Juneteenth in June 2021, in time for that year's June 18 in-lieu Friday.
        if (year >= 2021)
        {
            fixedDays.Add((new LocalDate(year, 6, 19), "Juneteenth National Independence Day"));
        }

        // Pub. L. 94-97 returned Veterans Day to November 11 from 1978; 1971-1977 it was a Monday holiday.
        if (year >= 1978)
        {
            fixedDays.Add((new LocalDate(year, 11, 11), "Veterans Day"));
        }

        foreach (var (date, name) in fixedDays)
        {
            yield return new ExpectedDay(date, name, Section6103A);
            if (date.DayOfWeek == IsoDayOfWeek.Saturday)
            {
                yield return new ExpectedDay(date.PlusDays(-1), name, Section6103B);
            }
            else if (date.DayOfWeek == IsoDayOfWeek.Sunday)
            {
                yield return new ExpectedDay(date.PlusDays(1), name, Section6103B);
            }
        }

        // Pub. L. 98-144: first observed on January 20, 1986.
        if (year >= 1986)
        {
            yield return new ExpectedDay(Mondays(year, 1)[2], "Birthday of Martin Luther King, Jr.", Section6103A);
        }

        yield return new ExpectedDay(Mondays(year, 2)[2], "Washington's Birthday", Section6103A);
        yield return new ExpectedDay(Mondays(year, 5)[^1], "Memorial Day", Section6103A);
        yield return new ExpectedDay(Mondays(year, 9)[0], "Labor Day", Section6103A);
        yield return new ExpectedDay(Mondays(year, 10)[1], "Columbus Day", Section6103A);
        if (year <= 1977)
        {
            yield return new ExpectedDay(Mondays(year, 10)[3], "Veterans Day", Section6103A);
        }

        yield return new ExpectedDay(DaysOf(year, 11, IsoDayOfWeek.Thursday)[3], "Thanksgiving Day", Section6103A);
    }

    /// <summary>
    /// The optional bank holidays of Cal. Civ. Code § 7.1 (current text) for <paramref name="year"/>, without the
    /// weekends and without Good Friday afternoon (see <see cref="GoodFriday"/>).
    /// </summary>
    internal static IEnumerable<ExpectedDay> CaliforniaBankHolidaysOf(int year)
    {
        // § 7.1: Sunday -> Monday for all six fixed dates; Saturday -> Friday for July 4, September 9, December 25 only.
        var fixedDays = new (int Month, int Day, string? Name, bool FridayBefore)[]
        {
            (1, 1, null, false),
            (2, 12, "Lincoln Day", false),
            (7, 4, null, true),
            (9, 9, "Admission Day", true),
            (11, 11, null, false),
            (12, 25, null, true),
        };
        foreach (var (month, day, name, fridayBefore) in fixedDays)
        {
            var date = new LocalDate(year, month, day);
            yield return new ExpectedDay(date, name, CivilCode71);
            if (date.DayOfWeek == IsoDayOfWeek.Sunday)
            {
                yield return new ExpectedDay(date.PlusDays(1), name, CivilCode71);
            }
            else if (fridayBefore && date.DayOfWeek == IsoDayOfWeek.Saturday)
            {
                yield return new ExpectedDay(date.PlusDays(-1), name, CivilCode71);
            }
        }

        yield return new ExpectedDay(Mondays(year, 1)[2], null, CivilCode71);
        yield return new ExpectedDay(Mondays(year, 2)[2], null, CivilCode71);
        yield return new ExpectedDay(Mondays(year, 5)[^1], null, CivilCode71);
        yield return new ExpectedDay(Mondays(year, 9)[0], null, CivilCode71);
        yield return new ExpectedDay(Mondays(year, 10)[1], null, CivilCode71);
        yield return new ExpectedDay(DaysOf(year, 11, IsoDayOfWeek.Thursday)[3], "Thanksgiving Day", CivilCode71);
    }

    /// <summary>Inauguration Day (5 U.S.C. § 6103(c)): January 20 every fourth year from 1965, the 21st when the 20th is a Sunday.</summary>
    internal static IEnumerable<ExpectedDay> InaugurationDayOf(int year)
    {
        if ((year - 1965) % 4 != 0)
        {
            yield break;
        }

        var date = new LocalDate(year, 1, 20);
        yield return new ExpectedDay(date.DayOfWeek == IsoDayOfWeek.Sunday ? date.PlusDays(1) : date, "Inauguration Day", "5 U.S.C. § 6103(c)");
    }

    /// <summary>
    /// Good Friday: two days before Western Easter, computed by the Gregorian algorithm published by Claus Tøndering
    /// (a different derivation from the calendar's Meeus/Jones/Butcher algorithm).
    /// </summary>
    internal static LocalDate GoodFriday(int year)
    {
        int g = year % 19, c = year / 100;
        var h = (c - (c / 4) - (((8 * c) + 13) / 25) + (19 * g) + 15) % 30;
        var i = h - ((h / 28) * (1 - ((29 / (h + 1)) * ((21 - g) / 11))));
        var j = (year + (year / 4) + i + 2 - c + (c / 4)) % 7;
        var l = i - j;
        var month = 3 + ((l + 40) / 44);
        var day = l + 28 - (31 * (month / 4));
        return new LocalDate(year, month, day).PlusDays(-2);
    }

    private static List<LocalDate> Mondays(int year, int month) => DaysOf(year, month, IsoDayOfWeek.Monday);

    private static List<LocalDate> DaysOf(int year, int month, IsoDayOfWeek dayOfWeek)
    {
        var days = new List<LocalDate>();
        for (var date = new LocalDate(year, month, 1); date.Month == month; date = date.PlusDays(1))
        {
            if (date.DayOfWeek == dayOfWeek)
            {
                days.Add(date);
            }
        }

        return days;
    }
}

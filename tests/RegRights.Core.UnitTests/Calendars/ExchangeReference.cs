using NodaTime;

namespace RegRights.Core.UnitTests.Calendars;

/// <summary>
/// The New York Stock Exchange's holidays restated plainly from the Exchange's own texts, independently of the
/// calendar's rules (HolidayRules.Nyse): NYSE Rule 7.2 and the "History of New York Stock Exchange Holidays" (revised
/// through January 2011), which says, holiday by holiday, in which years the Exchange closed. Written to be read against
/// those texts, not for speed.
/// </summary>
internal static class ExchangeReference
{
    /// <summary>
    /// The whole-day closures outside the holiday rules, 1971 on: "New York Stock Exchange Special Closings, 1885–date"
    /// to 2011, the Exchange's announcements after.
    /// </summary>
    internal static readonly LocalDate[] SpecialClosings =
    [
        new(1972, 12, 28), // funeral of former President Truman
        new(1973, 1, 25), // funeral of former President Johnson
        new(1977, 7, 14), // blackout in New York City
        new(1985, 9, 27), // Hurricane Gloria
        new(1994, 4, 27), // funeral of former President Nixon
        new(2001, 9, 11), new(2001, 9, 12), new(2001, 9, 13), new(2001, 9, 14), // attack on the World Trade Center
        new(2004, 6, 11), // national day of mourning, President Reagan
        new(2007, 1, 2), // national day of mourning, President Ford
        new(2012, 10, 29), new(2012, 10, 30), // Hurricane Sandy
        new(2018, 12, 5), // national day of mourning, President George H. W. Bush
        new(2025, 1, 9), // national day of mourning, President Carter
    ];

    /// <summary>
    /// The weekdays of <paramref name="year"/> the Exchange is closed for a holiday (no special closings), with the
    /// holiday's name as the History spells it.
    /// </summary>
    internal static IEnumerable<(LocalDate Date, string Name)> HolidayClosingsOf(int year)
    {
        // "New Year's Day (Jan. 1) Closed every year." A Saturday one is not kept on Friday December 31: that Friday
        // "ends a monthly or yearly accounting period" (the Board's policy of July 3, 1959; Rule 7.2).
        var newYear = new LocalDate(year, 1, 1);
        if (newYear.DayOfWeek == IsoDayOfWeek.Sunday)
        {
            yield return (newYear.PlusDays(1), "New Year's Day");
        }
        else if (newYear.DayOfWeek != IsoDayOfWeek.Saturday)
        {
            yield return (newYear, "New Year's Day");
        }

        // "Closed all day beginning in 1998. Observed on the third Monday of January."
        if (year >= 1998)
        {
            yield return (Mondays(year, 1)[2], "Martin Luther King, Jr. Day");
        }

        // "Observed on Mondays since 1971."
        yield return (Mondays(year, 2)[2], "Washington's Birthday");
        yield return (StatuteReference.GoodFriday(year), "Good Friday");
        yield return (Mondays(year, 5)[^1], "Memorial Day");

        // Juneteenth: added to Rule 7.2 in 2021, first kept in 2022; Saturday -> Friday, Sunday -> Monday.
        if (year >= 2022)
        {
            yield return (Weekday(new LocalDate(year, 6, 19)), "Juneteenth National Independence Day");
        }

        yield return (Weekday(new LocalDate(year, 7, 4)), "Independence Day");
        yield return (Mondays(year, 9)[0], "Labor Day");

        // "Election Day … Closed presidential election years only, 1972-1980."
        if (year is 1972 or 1976 or 1980)
        {
            yield return (Mondays(year, 11)[0].PlusDays(1), "Election Day");
        }

        yield return (DaysOf(year, 11, IsoDayOfWeek.Thursday)[3], "Thanksgiving Day");
        yield return (Weekday(new LocalDate(year, 12, 25)), "Christmas Day");
    }

    // A holiday on a Saturday is kept on the Friday before, on a Sunday on the Monday after.
    private static LocalDate Weekday(LocalDate date) => date.DayOfWeek switch
    {
        IsoDayOfWeek.Saturday => date.PlusDays(-1),
        IsoDayOfWeek.Sunday => date.PlusDays(1),
        _ => date,
    };

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

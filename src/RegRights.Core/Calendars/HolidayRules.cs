using NodaTime;

namespace RegRights.Core.Calendars;

/// <summary>One holiday of 5 U.S.C. § 6103(a) on its own date: the shared piece behind every calendar built on them.</summary>
/// <param name="Date">The holiday's own date (not an in-lieu day).</param>
/// <param name="Name">Its name as the statute spells it.</param>
/// <param name="Source">The statute, with the law that added or moved it where that matters.</param>
/// <param name="IsFixedDate">Whether it has a fixed date, so that it can fall on a Saturday or Sunday.</param>
internal readonly record struct FederalHoliday(LocalDate Date, string Name, string Source, bool IsFixedDate);

/// <summary>
/// The holiday rules behind the calendars, as in force each year: the statutes behind § 1's definition of Business
/// Day, New York's bank holidays and the New York Stock Exchange's holidays. Each method yields the dated reasons of
/// one year; an in-lieu day may fall in the year before (a Saturday January 1 is observed on the Friday before).
/// </summary>
internal static class HolidayRules
{
    private const string FederalStatute = "5 U.S.C. § 6103(a)";
    private const string CaliforniaStatute = "Cal. Civ. Code § 7.1";
    private const string NewYorkStatute = "N.Y. Gen. Constr. Law § 24";
    private const string NyseRule = "NYSE Rule 7.2";

    /// <summary>
    /// Federal legal holidays under 5 U.S.C. § 6103(a) (<see cref="FederalHolidays"/>), with the § 6103(b) in-lieu days:
    /// the Friday before a Saturday holiday and the Monday after a Sunday one.
    /// </summary>
    internal static IEnumerable<(LocalDate Date, DayReason Reason)> Federal(int year)
    {
        foreach (var holiday in FederalHolidays(year))
        {
            yield return Federal(holiday.Date, holiday.Name, holiday.Source);
            if (!holiday.IsFixedDate)
            {
                continue;
            }

            switch (holiday.Date.DayOfWeek)
            {
                case IsoDayOfWeek.Saturday:
                    yield return Federal(holiday.Date.PlusDays(-1), $"{holiday.Name} (observed; {holiday.Date:MMMM d} is a Saturday)", "5 U.S.C. § 6103(b)(1)");
                    break;
                case IsoDayOfWeek.Sunday:
                    yield return Federal(holiday.Date.PlusDays(1), $"{holiday.Name} (observed; {holiday.Date:MMMM d} is a Sunday)", "5 U.S.C. § 6103(b)(2)");
                    break;
            }
        }
    }

    /// <summary>
    /// The holidays 5 U.S.C. § 6103(a) lists for <paramref name="year"/>, on their own dates (no in-lieu days), in the
    /// statute's order. The one list every calendar built on the federal holidays reads: § 6103(b) adds the federal
    /// in-lieu days to it, the New York bank rule its own Sunday rule.
    /// </summary>
    /// <remarks>
    /// The Uniform Monday Holiday Act (Pub. L. 90-363) moved Washington's Birthday, Memorial Day, Columbus Day and
    /// Veterans Day to Mondays from 1971; Veterans Day went back to November 11 from 1978 (Pub. L. 94-97).
    /// Martin Luther King, Jr.'s Birthday counts from 1986 (Pub. L. 98-144), Juneteenth from 2021 (Pub. L. 117-17).
    /// </remarks>
    internal static IEnumerable<FederalHoliday> FederalHolidays(int year)
    {
        yield return new(new LocalDate(year, 1, 1), "New Year's Day", FederalStatute, IsFixedDate: true);
        if (year >= 1986)
        {
            yield return new(NthWeekday(year, 1, IsoDayOfWeek.Monday, 3), "Birthday of Martin Luther King, Jr.",
                $"{FederalStatute} (from 1986, Pub. L. 98-144)", IsFixedDate: false);
        }

        yield return new(NthWeekday(year, 2, IsoDayOfWeek.Monday, 3), "Washington's Birthday", FederalStatute, IsFixedDate: false);
        yield return new(LastWeekday(year, 5, IsoDayOfWeek.Monday), "Memorial Day", FederalStatute, IsFixedDate: false);
        if (year >= 2021)
        {
            yield return new(new LocalDate(year, 6, 19), "Juneteenth National Independence Day",
                $"{FederalStatute} (from 2021, Pub. L. 117-17)", IsFixedDate: true);
        }

        yield return new(new LocalDate(year, 7, 4), "Independence Day", FederalStatute, IsFixedDate: true);
        yield return new(NthWeekday(year, 9, IsoDayOfWeek.Monday, 1), "Labor Day", FederalStatute, IsFixedDate: false);
        yield return new(NthWeekday(year, 10, IsoDayOfWeek.Monday, 2), "Columbus Day", FederalStatute, IsFixedDate: false);
        if (year <= 1977)
        {
            yield return new(NthWeekday(year, 10, IsoDayOfWeek.Monday, 4), "Veterans Day",
                $"{FederalStatute} (fourth Monday in October, 1971-1977, Pub. L. 90-363)", IsFixedDate: false);
        }
        else
        {
            yield return new(new LocalDate(year, 11, 11), "Veterans Day", $"{FederalStatute} (November 11 from 1978, Pub. L. 94-97)", IsFixedDate: true);
        }

        yield return new(NthWeekday(year, 11, IsoDayOfWeek.Thursday, 4), "Thanksgiving Day", FederalStatute, IsFixedDate: false);
        yield return new(new LocalDate(year, 12, 25), "Christmas Day", FederalStatute, IsFixedDate: true);
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

    /// <summary>
    /// The days commercial banks in The City of New York are authorized by law to remain closed, as the market keeps
    /// them: the public holidays of N.Y. Gen. Constr. Law § 24 on which the Federal Reserve Banks close, that is the
    /// federal holidays (<see cref="FederalHolidays"/>, shared, not restated), a Sunday holiday kept on the Monday
    /// after. Lincoln's Birthday and general election day, public holidays under § 24 on which the banks and the
    /// Federal Reserve Bank of New York open, are contested days.
    /// </summary>
    /// <remarks>
    /// <para>
    /// § 24 moves only a Sunday holiday ("if any of such days except Flag day is Sunday, the next day thereafter"), and
    /// the Federal Reserve Banks open on the Friday before a Saturday holiday (Federal Reserve holiday schedule:
    /// "If any of the following holidays falls on a Saturday, Federal Reserve Banks will be open the preceding
    /// Friday"), so the federal in-lieu Friday of 5 U.S.C. § 6103(b)(1) is a New York Business Day, named as a note.
    /// </para>
    /// <para>
    /// N.Y. Gen. Constr. Law § 24-a ("Closing of banking organizations on Saturday; Sunday, public holiday … emergency
    /// bank holidays") governs the closing of any banking organization, national banks and Federal Reserve banks
    /// included, and the New York Department of Financial Services reads §§ 24 and 24-a as fixing the days "on which
    /// banks are authorized to close under the General Construction Law" (DFS interpretive letter of March 24, 2006).
    /// Flag Day (the second Sunday in June) is always a Sunday and adds nothing.
    /// </para>
    /// </remarks>
    internal static IEnumerable<(LocalDate Date, DayReason Reason)> NewYorkBank(int year)
    {
        foreach (var holiday in FederalHolidays(year))
        {
            yield return NewYork(holiday.Date, holiday.Name, $"{NewYorkStatute}; Federal Reserve Banks closed ({holiday.Source})", DayEffect.Closed);
            if (!holiday.IsFixedDate)
            {
                continue;
            }

            switch (holiday.Date.DayOfWeek)
            {
                case IsoDayOfWeek.Sunday:
                    yield return NewYork(holiday.Date.PlusDays(1), $"{holiday.Name} (Monday after; {holiday.Date:MMMM d} is a Sunday)",
                        $"{NewYorkStatute} (a Sunday holiday is kept the next day)", DayEffect.Closed);
                    break;
                case IsoDayOfWeek.Saturday:
                    yield return NewYork(holiday.Date.PlusDays(-1), $"{holiday.Name} (federal in-lieu Friday; {holiday.Date:MMMM d} is a Saturday)",
                        $"5 U.S.C. § 6103(b)(1) closes federal offices, but not banks: {NewYorkStatute} moves only a Sunday holiday, and the Federal Reserve Banks open the Friday before a Saturday holiday",
                        DayEffect.Note);
                    break;
            }
        }

        // § 24 public holidays the market does not keep: the Federal Reserve Bank of New York and the city's banks open.
        const string Kept = "a public holiday, so banks may be authorized to close (§ 24-a), but the Federal Reserve Bank of New York and the city's banks open";
        var lincoln = new LocalDate(year, 2, 12);
        yield return NewYork(lincoln, "Lincoln's Birthday", $"{NewYorkStatute}: {Kept}", DayEffect.Contested);
        if (lincoln.DayOfWeek == IsoDayOfWeek.Sunday)
        {
            yield return NewYork(lincoln.PlusDays(1), "Lincoln's Birthday (Monday after; February 12 is a Sunday)", $"{NewYorkStatute}: {Kept}", DayEffect.Contested);
        }

        yield return NewYork(ElectionDay(year), "General election day", $"{NewYorkStatute} (\"each general election day\"): {Kept}", DayEffect.Contested);
    }

    /// <summary>
    /// The federal executive-order closures (<see cref="FederalClosures.ExecutiveOrders"/>, shared) as the New York
    /// banks see them: banks stay open. A national day of mourning is contested, because its proclamation calls the
    /// people to their places of worship and § 24 makes a public holiday of "each day appointed by the president … as a
    /// day of … general religious observances"; the other closures (extra Christmas Eves) are notes.
    /// </summary>
    /// <remarks>
    /// 2025-01-09, the National Day of Mourning for President Carter: "National days of mourning do not require or allow
    /// businesses or banks to close like a federal holiday normally does … banks will or should remain open. And while
    /// Federal Reserve offices will be closed, systems will operate normally" (ABA Banking Journal, January 2025).
    /// </remarks>
    internal static IEnumerable<(LocalDate Date, DayReason Reason)> NewYorkBankViewOfFederalClosures(IEnumerable<Closure> closures)
    {
        foreach (var closure in closures)
        {
            var mourning = closure.Name.StartsWith("National Day of Mourning", StringComparison.Ordinal);
            yield return (closure.Date, new DayReason(
                closure.Name,
                mourning
                    ? $"{closure.Source}; federal offices only: banks open (no bank holiday), but {NewYorkStatute} makes a public holiday of a day the President appoints for general religious observances"
                    : $"{closure.Source}; federal offices only: banks open (no bank holiday)",
                DayReasonKind.Closure,
                mourning ? DayEffect.Contested : DayEffect.Note));
        }
    }

    /// <summary>
    /// The New York Stock Exchange's holidays as in force each year (NYSE Rule 7.2, formerly Rule 51), from the
    /// Exchange's own "History of New York Stock Exchange Holidays" (revised through January 2011) and its holiday
    /// announcements since: New Year's Day, Martin Luther King, Jr. Day (from 1998), Washington's Birthday (a Monday
    /// from 1971), Good Friday, Memorial Day (a Monday from 1971), Juneteenth (from 2022), Independence Day, Labor Day,
    /// Election Day (presidential election years only, 1972-1980), Thanksgiving Day and Christmas Day. Columbus Day and
    /// Veterans Day are Trading Days (the Exchange last closed for them in 1953).
    /// </summary>
    /// <remarks>
    /// A Sunday holiday is kept on the Monday after; a Saturday holiday on the Friday before, "unless unusual business
    /// conditions exist, such as the ending of a monthly or yearly accounting period" (Rule 7.2; the Board's policy of
    /// July 3, 1959). So a Saturday New Year's Day is not kept on Friday December 31 (1977, 1983, 1994, 2000, 2005,
    /// 2011, 2022, 2028, …), which is named as a note.
    /// </remarks>
    internal static IEnumerable<(LocalDate Date, DayReason Reason)> Nyse(int year)
    {
        foreach (var day in NyseFixed(year, 1, 1, "New Year's Day", NyseRule))
        {
            yield return day;
        }

        if (year >= 1998)
        {
            yield return Exchange(NthWeekday(year, 1, IsoDayOfWeek.Monday, 3), "Martin Luther King, Jr. Day", $"{NyseRule} (closed all day from 1998)");
        }

        yield return Exchange(NthWeekday(year, 2, IsoDayOfWeek.Monday, 3), "Washington's Birthday", $"{NyseRule} (third Monday in February from 1971)");
        yield return Exchange(GoodFriday(year), "Good Friday", NyseRule);
        yield return Exchange(LastWeekday(year, 5, IsoDayOfWeek.Monday), "Memorial Day", $"{NyseRule} (last Monday in May from 1971)");
        if (year >= 2022)
        {
            foreach (var day in NyseFixed(year, 6, 19, "Juneteenth National Independence Day", $"{NyseRule} (from 2022)"))
            {
                yield return day;
            }
        }

        foreach (var day in NyseFixed(year, 7, 4, "Independence Day", NyseRule))
        {
            yield return day;
        }

        yield return Exchange(NthWeekday(year, 9, IsoDayOfWeek.Monday, 1), "Labor Day", NyseRule);
        if (year <= 1980 && year % 4 == 0)
        {
            yield return Exchange(ElectionDay(year), "Election Day",
                "NYSE, History of New York Stock Exchange Holidays (closed in presidential election years only, 1972-1980)");
        }

        yield return Exchange(NthWeekday(year, 11, IsoDayOfWeek.Thursday, 4), "Thanksgiving Day", NyseRule);
        foreach (var day in NyseFixed(year, 12, 25, "Christmas Day", NyseRule))
        {
            yield return day;
        }
    }

    /// <summary>The general election day: the Tuesday after the first Monday in November.</summary>
    internal static LocalDate ElectionDay(int year) => NthWeekday(year, 11, IsoDayOfWeek.Monday, 1).PlusDays(1);

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

    private static (LocalDate, DayReason) NewYork(LocalDate date, string name, string source, DayEffect effect) =>
        (date, new DayReason(name, source, DayReasonKind.NewYorkBankHoliday, effect));

    private static (LocalDate, DayReason) Exchange(LocalDate date, string name, string source) =>
        (date, new DayReason(name, source, DayReasonKind.ExchangeHoliday, DayEffect.Closed));

    // Rule 7.2: a Sunday holiday closes the Monday after; a Saturday one the Friday before, unless that Friday ends a
    // monthly or yearly accounting period (then the Friday is a Trading Day, named as a note).
    private static IEnumerable<(LocalDate, DayReason)> NyseFixed(int year, int month, int day, string name, string source)
    {
        var date = new LocalDate(year, month, day);
        yield return Exchange(date, name, source);
        if (date.DayOfWeek == IsoDayOfWeek.Sunday)
        {
            yield return Exchange(date.PlusDays(1), $"{name} (observed; {date:MMMM d} is a Sunday)", $"{NyseRule} (a Sunday holiday closes the Monday after)");
            yield break;
        }

        if (date.DayOfWeek != IsoDayOfWeek.Saturday)
        {
            yield break;
        }

        var friday = date.PlusDays(-1);
        if (friday.Month != date.Month)
        {
            yield return (friday, new DayReason(
                $"{name} (not observed; {date:MMMM d} is a Saturday and Friday {friday:MMMM d} ends a monthly or yearly accounting period)",
                $"{NyseRule} (a Saturday holiday closes the Friday before, unless it ends a monthly or yearly accounting period)",
                DayReasonKind.ExchangeHoliday, DayEffect.Note));
        }
        else
        {
            yield return Exchange(friday, $"{name} (observed; {date:MMMM d} is a Saturday)", $"{NyseRule} (a Saturday holiday closes the Friday before)");
        }
    }
}

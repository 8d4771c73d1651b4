using NodaTime;

namespace RegRights.Core.Calendars;

/// <summary>
/// Federal closures by executive order: national days of mourning and the extra days given to federal employees
/// around Christmas. Treated for pay "within the scope of" 5 U.S.C. § 6103(b) but not listed in § 6103(a), so for
/// § 1 they are contested days by default (DOMAIN.md, "Holidays"); EDGAR is closed on them.
/// </summary>
public static class FederalClosures
{
    /// <summary>The shipped executive-order closures, in date order, each as a contested day.</summary>
    /// <remarks>
    /// Only whole-day closures whose date and order could be confirmed from the order's text are shipped; half-day
    /// closures (the afternoons of December 24 in 1998, 2002, 2009 and 2015, among others) are not, because they do not
    /// close the day. Each order declares its day "within the scope of" Executive Order 11582 and 5 U.S.C. § 6103(b)
    /// for pay and leave. A closure not listed here is added as data with <see cref="BusinessDayCalendar.WithClosures"/>.
    /// </remarks>
    public static IReadOnlyList<Closure> ExecutiveOrders { get; } =
    [
        Order(1986, 12, 26, DayAfterChristmas, "Executive Order 12577, Closing of Government Departments and Agencies on Friday, December 26, 1986"),
        Order(1994, 4, 27, "National Day of Mourning for President Richard M. Nixon",
            "Executive order of April 23, 1994, Providing for the Closing of Government Departments and Agencies on April 27, 1994"),
        Order(2004, 6, 11, "National Day of Mourning for President Ronald Reagan",
            "Executive order of June 6, 2004, Providing for the Closing of Government Departments and Agencies on June 11, 2004"),
        Order(2007, 1, 2, "National Day of Mourning for President Gerald R. Ford",
            "Executive order, Providing for the Closing of Government Departments and Agencies on January 2, 2007"),
        Order(2007, 12, 24, DayBeforeChristmas,
            "Executive Order 13453, Closing of Executive Departments and Agencies of the Federal Government on Monday, December 24, 2007"),
        Order(2008, 12, 26, DayAfterChristmas,
            "Executive order of December 12, 2008, Closing of Executive Departments and Agencies of the Federal Government on Friday, December 26, 2008"),
        Order(2012, 12, 24, DayBeforeChristmas,
            "Executive Order 13633, Closing of Executive Departments and Agencies of the Federal Government on Monday, December 24, 2012"),
        Order(2014, 12, 26, DayAfterChristmas,
            "Executive Order 13682, Closing of Executive Departments and Agencies of the Federal Government on Friday, December 26, 2014"),
        Order(2018, 12, 5, "National Day of Mourning for President George H. W. Bush",
            "Executive Order 13852, Providing for the Closing of Executive Departments and Agencies of the Federal Government on December 5, 2018"),
        Order(2018, 12, 24, DayBeforeChristmas,
            "Executive Order 13854, Providing for the Closing of Executive Departments and Agencies of the Federal Government on December 24, 2018"),
        Order(2019, 12, 24, DayBeforeChristmas,
            "Executive Order 13900, Providing for the Closing of Executive Departments and Agencies of the Federal Government on December 24, 2019"),
        Order(2020, 12, 24, DayBeforeChristmas,
            "Executive Order 13965 of December 11, 2020, closing executive departments and agencies on December 24, 2020"),
        Order(2024, 12, 24, DayBeforeChristmas,
            "Executive Order 14129, Providing for the Closing of Executive Departments and Agencies of the Federal Government on December 24, 2024"),
        Order(2025, 1, 9, "National Day of Mourning for President Jimmy Carter",
            "Executive Order 14133, Providing for the Closing of Executive Departments and Agencies of the Federal Government on January 9, 2025"),
        Order(2025, 12, 24, DayBeforeChristmas, Order14371),
        Order(2025, 12, 26, DayAfterChristmas, Order14371),
    ];

    private const string DayBeforeChristmas = "Day before Christmas Day (federal offices closed)";
    private const string DayAfterChristmas = "Day after Christmas Day (federal offices closed)";
    private const string Order14371 =
        "Executive Order 14371, Providing for the Closing of Executive Departments and Agencies of the Federal Government on December 24, 2025, and December 26, 2025";

    // Cited by the order's number (where confirmed) and title, which names the date.
    private static Closure Order(int year, int month, int day, string name, string order) =>
        new(new LocalDate(year, month, day), name, order, DayEffect.Contested);
}

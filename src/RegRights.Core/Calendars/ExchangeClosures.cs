using NodaTime;

namespace RegRights.Core.Calendars;

/// <summary>
/// Days the New York Stock Exchange closed outside its holiday rules, 1971 on, as data: funerals and national days of
/// mourning for former Presidents, the 1977 blackout, hurricanes, the attack of September 11, 2001. Each is a closure
/// of the Trading Day calendar (<see cref="BusinessDayCalendar.Nyse"/>), citing where it is recorded.
/// </summary>
/// <remarks>
/// <para>
/// To January 2011 the source is the Exchange's own list, "New York Stock Exchange Special Closings, 1885–date"
/// (with its "History of New York Stock Exchange Holidays", revised through January 2011); later closures are cited to
/// the Exchange's and Nasdaq's announcements as reported at the time. Only whole-day closures are shipped: early
/// closes (the day after Thanksgiving, Christmas Eve), late openings and halts (snow on 1994-02-11, the 1981
/// assassination attempt) leave the day a Trading Day.
/// </para>
/// <para>
/// Nasdaq closed with the NYSE on the closures of 2001, 2004, 2007, 2012, 2018 and 2025 (each reported as a joint
/// closure); its closures before 2001 are not established here, so the calendar is named for the NYSE.
/// </para>
/// </remarks>
public static class ExchangeClosures
{
    private const string SpecialClosings = "NYSE, New York Stock Exchange Special Closings, 1885–date (rev. January 2011)";

    /// <summary>The shipped whole-day closures of the NYSE, in date order.</summary>
    public static IReadOnlyList<Closure> Nyse { get; } =
    [
        Closed(1972, 12, 28, "Funeral of former President Harry S. Truman", SpecialClosings),
        Closed(1973, 1, 25, "Funeral of former President Lyndon B. Johnson", SpecialClosings),
        Closed(1977, 7, 14, "Blackout in New York City", SpecialClosings),
        Closed(1985, 9, 27, "Hurricane Gloria", SpecialClosings),
        Closed(1994, 4, 27, "Funeral of former President Richard M. Nixon", SpecialClosings),
        Closed(2001, 9, 11, "Attack on the World Trade Center", SpecialClosings),
        Closed(2001, 9, 12, "Attack on the World Trade Center (second day)", SpecialClosings),
        Closed(2001, 9, 13, "Attack on the World Trade Center (third day)", SpecialClosings),
        Closed(2001, 9, 14, "Attack on the World Trade Center (fourth day)", SpecialClosings),
        Closed(2004, 6, 11, "National Day of Mourning for former President Ronald W. Reagan", SpecialClosings),
        Closed(2007, 1, 2, "National Day of Mourning for former President Gerald R. Ford", SpecialClosings),
        Closed(2012, 10, 29, "Hurricane Sandy",
            "NYSE Euronext and Nasdaq OMX announcements of October 28-29, 2012 (markets closed October 29 and 30; first two-day weather closure since March 1888)"),
        Closed(2012, 10, 30, "Hurricane Sandy (second day)",
            "NYSE Euronext and Nasdaq OMX announcements of October 29, 2012 (closed again October 30; reopened October 31)"),
        Closed(2018, 12, 5, "National Day of Mourning for former President George H. W. Bush",
            "NYSE Group and Nasdaq announcements of December 1, 2018 (markets closed December 5, 2018)"),
        Closed(2025, 1, 9, "National Day of Mourning for former President Jimmy Carter",
            "NYSE Group and Nasdaq announcements of December 30, 2024 (equity and options markets closed January 9, 2025)"),
    ];

    private static Closure Closed(int year, int month, int day, string name, string source) =>
        new(new LocalDate(year, month, day), name, source, DayEffect.Closed);
}

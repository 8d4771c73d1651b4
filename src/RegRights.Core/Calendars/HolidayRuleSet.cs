using NodaTime;
using RegRights.Core.Utility;

namespace RegRights.Core.Calendars;

/// <summary>
/// A named, reusable piece of a calendar: a rule (or a list of dated reasons) that gives the holidays of any year, each
/// with its name and source. Calendars are built from pieces (<see cref="CalendarDefinition.Rules"/>), and a piece
/// several calendars need, such as <see cref="FederalLegalHolidays"/>, is one shared instance, not a copy.
/// </summary>
/// <remarks>
/// A piece yields the reasons of one year; a reason may fall in the year before (a Saturday January 1 gives a federal
/// in-lieu Friday on December 31), and the calendar reads the years either side of its range for that.
/// </remarks>
public sealed class HolidayRuleSet
{
    private readonly Func<int, IEnumerable<(LocalDate Date, DayReason Reason)>> daysOf;

    /// <summary>Creates a piece from a rule.</summary>
    /// <param name="name">What the piece is, with its source, e.g. "Federal legal holidays (5 U.S.C. § 6103(a)-(b))".</param>
    /// <param name="daysOf">The dated reasons of a year.</param>
    /// <exception cref="ArgumentException"><paramref name="name"/> is blank.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="daysOf"/> is null.</exception>
    public HolidayRuleSet(string name, Func<int, IEnumerable<(LocalDate Date, DayReason Reason)>> daysOf)
    {
        Preconditions.CheckArgument(!string.IsNullOrWhiteSpace(name), nameof(name), "A rule set needs a name.");
        Name = name;
        this.daysOf = Preconditions.CheckNotNull(daysOf);
    }

    /// <summary>Federal legal holidays, 5 U.S.C. § 6103(a), with the § 6103(b) in-lieu Fridays and Mondays, as in force each year.</summary>
    public static HolidayRuleSet FederalLegalHolidays { get; } =
        new("Federal legal holidays (5 U.S.C. § 6103(a)-(b))", HolidayRules.Federal);

    /// <summary>Inauguration Day (5 U.S.C. § 6103(c)), named as a note: a holiday for federal employees in the Washington, D.C. area only.</summary>
    public static HolidayRuleSet InaugurationDayNoted { get; } =
        new("Inauguration Day, noted (5 U.S.C. § 6103(c))", year => HolidayRules.InaugurationDay(year, DayEffect.Note));

    /// <summary>Inauguration Day (5 U.S.C. § 6103(c)) as a closed day: the SEC, in Washington, is closed.</summary>
    public static HolidayRuleSet InaugurationDayClosed { get; } =
        new("Inauguration Day, closed (5 U.S.C. § 6103(c))", year => HolidayRules.InaugurationDay(year, DayEffect.Closed));

    /// <summary>California optional bank holidays, Cal. Civ. Code § 7.1 (current text), Good Friday afternoon contested.</summary>
    public static HolidayRuleSet CaliforniaBankHolidays { get; } =
        new("California optional bank holidays (Cal. Civ. Code § 7.1)", HolidayRules.CaliforniaBank);

    /// <summary>
    /// New York bank holidays: the public holidays of N.Y. Gen. Constr. Law § 24 on which the Federal Reserve Banks
    /// close (the federal holidays, a Sunday one kept on Monday, a Saturday one not moved), Lincoln's Birthday and
    /// general election day contested.
    /// </summary>
    public static HolidayRuleSet NewYorkBankHolidays { get; } =
        new("New York bank holidays (N.Y. Gen. Constr. Law §§ 24, 24-a; Federal Reserve holiday schedule)", HolidayRules.NewYorkBank);

    /// <summary>
    /// The federal executive-order closures as New York banks see them: banks open; a national day of mourning
    /// contested, other closures noted.
    /// </summary>
    public static HolidayRuleSet FederalClosuresForNewYorkBanks { get; } = FromDays(
        "Federal executive-order closures, as New York banks keep them (open)",
        HolidayRules.NewYorkBankViewOfFederalClosures(FederalClosures.ExecutiveOrders));

    /// <summary>The New York Stock Exchange's holidays under NYSE Rule 7.2 (formerly Rule 51), as in force each year.</summary>
    public static HolidayRuleSet NyseHolidays { get; } =
        new("New York Stock Exchange holidays (NYSE Rule 7.2)", HolidayRules.Nyse);

    /// <summary>
    /// Days federal offices closed without EDGAR closing, named as notes: Hurricane Sandy, 2012-10-29 and 30, when the
    /// Office of Personnel Management closed federal offices in Washington but EDGAR took filings.
    /// </summary>
    public static HolidayRuleSet EdgarOperatingNotes { get; } = FromDays("EDGAR open while federal offices closed (notes)",
    [
        SandyEdgar(new LocalDate(2012, 10, 29), "Hurricane Sandy (federal offices in Washington closed; EDGAR open)"),
        SandyEdgar(new LocalDate(2012, 10, 30), "Hurricane Sandy (federal offices in Washington closed, second day; EDGAR open)"),
    ]);

    /// <summary>What the piece is, with its source.</summary>
    public string Name { get; }

    /// <summary>Creates a piece from dated reasons given as data, e.g. a list of proclaimed closures.</summary>
    /// <param name="name">What the piece is.</param>
    /// <param name="days">The dated reasons, any years.</param>
    /// <returns>A piece that yields each reason in the year of its date.</returns>
    /// <exception cref="ArgumentException"><paramref name="name"/> is blank.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="days"/> is null.</exception>
    public static HolidayRuleSet FromDays(string name, IEnumerable<(LocalDate Date, DayReason Reason)> days)
    {
        Preconditions.CheckNotNull(days);
        var byYear = days.ToLookup(d => d.Date.Year);
        return new HolidayRuleSet(name, year => byYear[year]);
    }

    /// <summary>The dated reasons this piece gives for <paramref name="year"/>, some possibly in the year before.</summary>
    public IEnumerable<(LocalDate Date, DayReason Reason)> DaysOf(int year) => daysOf(year);

    /// <inheritdoc />
    public override string ToString() => Name;

    private static (LocalDate, DayReason) SandyEdgar(LocalDate date, string name) => (date, new DayReason(name,
        "SEC notice of October 29, 2012 (filing-date adjustments case by case) and press release 2012-220 (deadlines extended for affected filers by order): EDGAR stayed operational though OPM closed federal offices in Washington",
        DayReasonKind.Closure, DayEffect.Note));
}

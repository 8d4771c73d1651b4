using NodaTime;

namespace RegRights.Core.Calendars;

/// <summary>
/// Days New York City banks closed offices outside the holiday rules, as data for the New York Business Day
/// (<see cref="BusinessDayCalendar.NewYorkBanks"/>): each a contested day, because no bank holiday was declared and the
/// Federal Reserve Bank of New York stayed open, but the law let each bank close its offices.
/// </summary>
/// <remarks>
/// <para>
/// Hurricane Sandy, Monday 2012-10-29 and Tuesday 2012-10-30 (the markets closed both days): the Governor declared no
/// bank holiday. The Department of Financial Services reminded New York-chartered banks on October 29, 2012 of the
/// "statutory procedures for emergency closing of bank offices … where the Governor has not declared a bank holiday":
/// under N.Y. Gen. Constr. Law § 24-a(3) a bank's officers may close an office in an emergency ("floods, wind, rain …
/// power failures, transportation failures"), with notice to, or the prior approval of, the Superintendent. Citibank
/// closed all its New York City branches on the 29th; JPMorgan Chase opened 400 of 1,050 metropolitan branches until
/// noon. The Federal Reserve Bank of New York was open on the 29th ("The Federal Reserve Bank of New York is open
/// today"), and SIFMA, recommending a full bond-market close on the 30th, said "October 30, is a good settlement day".
/// </para>
/// <para>
/// So whether "commercial banks in The City of New York" were "authorized … by law to remain closed" is arguable: each
/// bank was, on its officers' finding of an emergency; banks as a whole were not. Both days are contested (Business Days
/// under the default reading, flagged). Under the stay-at-home carve-out they are plainly Business Days: the closures
/// were of physical offices (many at the direction of the City's evacuation orders) while the electronic funds
/// transfer systems ran.
/// </para>
/// </remarks>
public static class NewYorkBankClosures
{
    private const string Sandy =
        "N.Y. Gen. Constr. Law § 24-a(3) (emergency closing of bank offices by a bank's officers; no bank holiday declared by the Governor: NYDFS notice of October 29, 2012); Federal Reserve Bank of New York open, SIFMA: October 30 a good settlement day";

    /// <summary>The shipped emergency closures, in date order.</summary>
    public static IReadOnlyList<Closure> Emergencies { get; } =
    [
        new(new LocalDate(2012, 10, 29), "Hurricane Sandy (emergency closing of bank offices)", Sandy, DayEffect.Contested) { ElectronicTransfersOpen = true },
        new(new LocalDate(2012, 10, 30), "Hurricane Sandy (emergency closing of bank offices, second day)", Sandy, DayEffect.Contested) { ElectronicTransfersOpen = true },
    ];
}

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
    public static IReadOnlyList<Closure> ExecutiveOrders { get; } =
    [
        Order(2004, 6, 11, "National Day of Mourning for President Ronald Reagan"),
        Order(2007, 1, 2, "National Day of Mourning for President Gerald R. Ford"),
        Order(2018, 12, 5, "National Day of Mourning for President George H. W. Bush"),
        Order(2025, 1, 9, "National Day of Mourning for President Jimmy Carter"),
    ];

    // Cited by the order's own title, which names the date; each declares the day "within the scope of"
    // Executive Order 11582 and 5 U.S.C. § 6103(b) for pay and leave.
    private static Closure Order(int year, int month, int day, string name)
    {
        var date = new LocalDate(year, month, day);
        return new(date, name, $"Executive order providing for the closing of executive departments and agencies on {date:MMMM d, yyyy}",
            DayEffect.Contested);
    }
}

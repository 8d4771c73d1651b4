using NodaTime;
using RegRights.Core.Calendars;

namespace RegRights.Core.UnitTests.Calendars;

/// <summary>Closures supplied as data: the shipped executive orders and a Governor's bank closure.</summary>
public partial class BusinessDayCalendarTest
{
    // The executive-order closures FederalClosures ships, by hand from the orders themselves.
    private static readonly LocalDate[] ExecutiveOrderDates =
    [
        new(2004, 6, 11), // mourning, President Reagan
        new(2007, 1, 2), // mourning, President Ford
        new(2018, 12, 5), // mourning, President George H. W. Bush
        new(2025, 1, 9), // mourning, President Carter
    ];

    [Fact]
    public void ExecutiveOrders_AreTheHandListInDateOrderEachWithItsOrder()
    {
        var orders = FederalClosures.ExecutiveOrders;

        Assert.Equal(ExecutiveOrderDates, orders.Select(c => c.Date));
        Assert.All(orders, c =>
        {
            Assert.Equal(DayEffect.Contested, c.Effect);
            Assert.Contains(c.Date.ToString("MMMM d, yyyy", null), c.Source, StringComparison.Ordinal);
            Assert.False(string.IsNullOrWhiteSpace(c.Name));
        });
    }

    [Fact]
    public void GetDay_DayOfMourning_ContestedForSection1ClosedForEdgar()
    {
        // Thursday 2025-01-09, President Carter's national day of mourning: federal offices closed, banks open.
        var date = new LocalDate(2025, 1, 9);

        var section1 = Calendar.GetDay(date);
        var edgar = Edgar.GetDay(date);

        Assert.True(section1.IsBusinessDay);
        Assert.True(section1.IsContested);
        Assert.Equal(DayReasonKind.Closure, Assert.Single(section1.Reasons).Kind);
        Assert.False(edgar.IsBusinessDay);
        Assert.Equal(DayEffect.Closed, Assert.Single(edgar.Reasons).Effect);
        Assert.Equal(section1.Reasons[0].Source, edgar.Reasons[0].Source);
        Assert.False(Calendar.WithReading(ContestedDayReading.Closed).IsBusinessDay(date));
    }

    [Fact]
    public void WithClosures_GovernorsBankClosure_IsNotABusinessDay()
    {
        // A hypothetical proclamation closing California banks on Tuesday 2024-03-12 (Cal. Fin. Code § 3601):
        // "other governmental action" under § 1, so the day closes outright and counting skips it.
        var closure = new Closure(new LocalDate(2024, 3, 12), "Bank holiday proclaimed by the Governor", "Cal. Fin. Code § 3601", DayEffect.Closed);

        var calendar = Calendar.WithClosures([closure]);

        Assert.False(calendar.IsBusinessDay(closure.Date));
        Assert.Equal(new DayReason(closure.Name, closure.Source, DayReasonKind.Closure, DayEffect.Closed),
            Assert.Single(calendar.GetDay(closure.Date).Reasons));
        Assert.Equal(new LocalDate(2024, 3, 13), calendar.PlusBusinessDays(new LocalDate(2024, 3, 11), 1));
        Assert.Equal(new LocalDate(2024, 3, 11), calendar.PlusBusinessDays(new LocalDate(2024, 3, 13), -1));
        Assert.Contains(closure, calendar.Closures);
        Assert.False(calendar.WithReading(ContestedDayReading.Closed).IsBusinessDay(closure.Date));

        // The shared instance is unchanged.
        Assert.True(Calendar.IsBusinessDay(closure.Date));
        Assert.DoesNotContain(closure, Calendar.Closures);
    }

    [Fact]
    public void WithClosures_Empty_ReturnsSameCalendar()
    {
        Assert.Same(Calendar, Calendar.WithClosures([]));
    }

    [Fact]
    public void Closure_BlankNameSourceOrNoteEffect_Throws()
    {
        var date = new LocalDate(2024, 3, 12);

        Assert.Equal("name", Assert.Throws<ArgumentException>(() => new Closure(date, " ", "Cal. Fin. Code § 3601", DayEffect.Closed)).ParamName);
        Assert.Equal("source", Assert.Throws<ArgumentException>(() => new Closure(date, "Bank holiday", "", DayEffect.Closed)).ParamName);
        Assert.Equal("effect", Assert.Throws<ArgumentException>(() => new Closure(date, "Bank holiday", "Cal. Fin. Code § 3601", DayEffect.Note)).ParamName);
    }
}

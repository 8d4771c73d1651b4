using NodaTime;
using RegRights.Core.Calendars;

namespace RegRights.Core.UnitTests.Calendars;

/// <summary>Closures supplied as data: the shipped executive orders and a Governor's bank closure.</summary>
public partial class BusinessDayCalendarTest
{
    // The executive-order closures FederalClosures ships, by hand from the orders themselves: whole days only.
    private static readonly LocalDate[] ExecutiveOrderDates =
    [
        new(1986, 12, 26), // Friday after Christmas, EO 12577
        new(1994, 4, 27), // mourning, President Nixon
        new(2004, 6, 11), // mourning, President Reagan
        new(2007, 1, 2), // mourning, President Ford
        new(2007, 12, 24), // Monday before Christmas, EO 13453
        new(2008, 12, 26), // Friday after Christmas
        new(2012, 12, 24), // Monday before Christmas, EO 13633
        new(2014, 12, 26), // Friday after Christmas, EO 13682
        new(2018, 12, 5), // mourning, President George H. W. Bush, EO 13852
        new(2018, 12, 24), // Monday before Christmas, EO 13854
        new(2019, 12, 24), // Tuesday before Christmas, EO 13900
        new(2020, 12, 24), // Thursday before Christmas, EO 13965
        new(2024, 12, 24), // Tuesday before Christmas, EO 14129
        new(2025, 1, 9), // mourning, President Carter, EO 14133
        new(2025, 12, 24), // Wednesday before Christmas, EO 14371
        new(2025, 12, 26), // Friday after Christmas, EO 14371
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
    public void PlusBusinessDays_OverChristmasEve2024_DependsOnReading()
    {
        // Monday 2024-12-23: Tuesday the 24th was closed by Executive Order 14129 (contested for § 1), the 25th is
        // Christmas Day. Default reading: the 24th counts; other reading and EDGAR: Thursday the 26th.
        var monday = new LocalDate(2024, 12, 23);

        Assert.Equal(new LocalDate(2024, 12, 24), Calendar.PlusBusinessDays(monday, 1));
        Assert.Equal(new LocalDate(2024, 12, 26), Calendar.WithReading(ContestedDayReading.Closed).PlusBusinessDays(monday, 1));
        Assert.Equal(new LocalDate(2024, 12, 26), Edgar.PlusBusinessDays(monday, 1));
        Assert.StartsWith("Executive Order 14129", Assert.Single(Calendar.GetDay(new LocalDate(2024, 12, 24)).Reasons).Source, StringComparison.Ordinal);
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

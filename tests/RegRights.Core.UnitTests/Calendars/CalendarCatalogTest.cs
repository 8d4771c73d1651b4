using NodaTime;
using RegRights.Core.Calendars;

namespace RegRights.Core.UnitTests.Calendars;

/// <summary>The catalog by name, the EDGAR calendar's notes, and composition (a calendar "and" another).</summary>
public class CalendarCatalogTest
{
    [Fact]
    public void Names_TheFourCalendarsDefaultFirst()
    {
        Assert.Equal(["california-banks", "new-york-banks", "nyse", "edgar"], CalendarCatalog.Names);
        Assert.Equal("california-banks", CalendarCatalog.DefaultName);
    }

    [Fact]
    public void Get_EachName_TheSharedCalendarWithThatKey()
    {
        Assert.Same(BusinessDayCalendar.Section1, CalendarCatalog.Get("california-banks"));
        Assert.Same(BusinessDayCalendar.Section1, BusinessDayCalendar.CaliforniaBanks);
        Assert.Same(BusinessDayCalendar.NewYorkBanks, CalendarCatalog.Get("new-york-banks"));
        Assert.Same(BusinessDayCalendar.Nyse, CalendarCatalog.Get("NYSE"));
        Assert.Same(BusinessDayCalendar.Edgar, CalendarCatalog.Get("edgar"));
        Assert.All(CalendarCatalog.Names, name => Assert.Equal(name, CalendarCatalog.Get(name).Key));
    }

    [Fact]
    public void Get_UnknownName_ThrowsListingTheNames()
    {
        var exception = Assert.Throws<ArgumentException>(() => CalendarCatalog.Get("london-banks"));

        Assert.Equal("name", exception.ParamName);
        Assert.StartsWith("unknown calendar 'london-banks'; calendars: california-banks, new-york-banks, nyse, edgar.", exception.Message, StringComparison.Ordinal);
        Assert.False(CalendarCatalog.TryGet(null, out _));
    }

    [Fact]
    public void Section1_UnchangedByTheCatalog()
    {
        // The seed's calendar keeps its name, its closures and its answers.
        var calendar = BusinessDayCalendar.Section1;

        Assert.Equal("§ 1 Business Day (federal legal holidays and California bank holidays)", calendar.Name);
        Assert.Same(FederalClosures.ExecutiveOrders, calendar.Closures);
        Assert.Equal(new LocalDate(2000, 10, 20), calendar.PlusBusinessDays(new LocalDate(2000, 4, 28), 120));
        Assert.False(calendar.StayAtHomeCarveOut);
    }

    [Fact]
    public void Edgar_HurricaneSandy_OpenWithANote()
    {
        // OPM closed federal offices in Washington on 2012-10-29 and 30; EDGAR took filings.
        var day = BusinessDayCalendar.Edgar.GetDay(new LocalDate(2012, 10, 29));

        Assert.True(day.IsBusinessDay);
        var note = Assert.Single(day.Reasons);
        Assert.Equal(DayEffect.Note, note.Effect);
        Assert.Contains("EDGAR stayed operational", note.Source, StringComparison.Ordinal);
    }

    [Fact]
    public void Edgar_DayOfMourning2018_ClosedTreatedAsFederalHoliday()
    {
        Assert.False(BusinessDayCalendar.Edgar.IsBusinessDay(new LocalDate(2018, 12, 5)));
        Assert.Equal(new LocalDate(2018, 12, 6), BusinessDayCalendar.Edgar.Roll(new LocalDate(2018, 12, 5), RollRule.Following));
    }

    [Fact]
    public void CommissionOpen_Section1_ClosedWhenEitherIs()
    {
        var both = BusinessDayCalendar.Section1.CommissionOpen;

        // Admission Day observed (California banks), Inauguration Day 2021 (EDGAR), and the day of mourning 2018 (EDGAR
        // closed; contested for § 1) are all closed; an ordinary day is open.
        Assert.False(both.IsBusinessDay(new LocalDate(2000, 9, 8)));
        Assert.False(both.IsBusinessDay(new LocalDate(2021, 1, 20)));
        Assert.False(both.IsBusinessDay(new LocalDate(2018, 12, 5)));
        Assert.True(both.IsBusinessDay(new LocalDate(2000, 9, 11)));
        Assert.Same(both, BusinessDayCalendar.Section1.CommissionOpen);
        Assert.Same(BusinessDayCalendar.Edgar, BusinessDayCalendar.Edgar.CommissionOpen);
        Assert.Equal("california-banks+edgar", both.Key);

        // Each reason once, though both calendars read the federal piece.
        var memorial = both.GetDay(new LocalDate(2000, 5, 29));
        Assert.Single(memorial.Reasons, r => r.Name == "Memorial Day" && r.Kind == DayReasonKind.FederalLegalHoliday);
    }

    [Fact]
    public void From_ADefinitionAsData_CountsItsOwnDays()
    {
        // A deal whose Business Day excludes New York bank holidays and NYSE holidays alike.
        var definition = BusinessDayCalendar.NewYorkBanks.Definition.And(BusinessDayCalendar.Nyse.Definition);

        var calendar = BusinessDayCalendar.From(definition);

        Assert.False(calendar.IsBusinessDay(new LocalDate(2024, 3, 29))); // Good Friday (NYSE)
        Assert.False(calendar.IsBusinessDay(new LocalDate(2024, 10, 14))); // Columbus Day (banks)
        Assert.False(calendar.IsBusinessDay(new LocalDate(2012, 10, 29))); // Sandy: the NYSE closed
        Assert.True(calendar.IsBusinessDay(new LocalDate(2024, 10, 15)));
    }

    [Fact]
    public void Roll_UnknownRule_Throws()
    {
        var exception = Assert.Throws<ArgumentOutOfRangeException>(() => BusinessDayCalendar.Nyse.Roll(new LocalDate(2024, 1, 2), (RollRule)99));

        Assert.Equal("rule", exception.ParamName);
    }

    [Fact]
    public void Roll_DateOutsideRange_Throws()
    {
        var exception = Assert.Throws<ArgumentOutOfRangeException>(() => BusinessDayCalendar.Nyse.Roll(new LocalDate(1970, 12, 31), RollRule.None));

        Assert.Equal("date", exception.ParamName);
    }
}

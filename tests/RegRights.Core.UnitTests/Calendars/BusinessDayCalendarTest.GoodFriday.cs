using NodaTime;
using RegRights.Core.Calendars;

namespace RegRights.Core.UnitTests.Calendars;

/// <summary>Good Friday afternoon (Cal. Civ. Code § 7.1): a contested day, open by default.</summary>
public partial class BusinessDayCalendarTest
{
    [Theory]
    [InlineData("1978-03-24")] // Easter Sunday 1978 was March 26
    [InlineData("2000-04-21")] // Easter Sunday 2000 was April 23, the year of the Agreement
    [InlineData("2019-04-19")] // Easter Sunday 2019 was April 21
    [InlineData("2024-03-29")] // Easter Sunday 2024 was March 31
    [InlineData("2025-04-18")] // Easter Sunday 2025 was April 20
    public void GetDay_GoodFriday_HandCheckedDatesAreContested(string isoDate)
    {
        var goodFriday = Parse(isoDate);

        var day = Calendar.GetDay(goodFriday);

        Assert.Equal(goodFriday, StatuteReference.GoodFriday(goodFriday.Year));
        Assert.True(day.IsBusinessDay);
        Assert.True(day.IsContested);
        var reason = Assert.Single(day.Reasons);
        Assert.Equal(new DayReason("Good Friday (from 12 noon until closing)", "Cal. Civ. Code § 7.1",
            DayReasonKind.CaliforniaBankHoliday, DayEffect.Contested), reason);
        Assert.False(Calendar.WithReading(ContestedDayReading.Closed).IsBusinessDay(goodFriday));
    }

    [Fact]
    public void WithReading_Closed_ClosesGoodFridayEveryYear()
    {
        var closed = Calendar.WithReading(ContestedDayReading.Closed);

        var openGoodFridays = SupportedYears.Select(y => StatuteReference.GoodFriday((int)y.Data)).Where(closed.IsBusinessDay);

        Assert.Empty(openGoodFridays);
        Assert.Equal(ContestedDayReading.Closed, closed.Reading);
        Assert.Same(Calendar, closed.WithReading(ContestedDayReading.Open));
    }

    [Fact]
    public void PlusBusinessDays_OverGoodFriday_DependsOnReading()
    {
        // Thursday 2024-03-28: the next Business Day is Good Friday by default, Monday April 1 under the other reading.
        var thursday = new LocalDate(2024, 3, 28);

        Assert.Equal(new LocalDate(2024, 3, 29), Calendar.PlusBusinessDays(thursday, 1));
        Assert.Equal(new LocalDate(2024, 4, 1), Calendar.WithReading(ContestedDayReading.Closed).PlusBusinessDays(thursday, 1));
    }
}

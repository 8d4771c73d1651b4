using NodaTime;
using RegRights.Core.Calendars;

namespace RegRights.Core.UnitTests.Calendars;

/// <summary>Dates a lawyer can check against a printed calendar and the statutes.</summary>
public partial class BusinessDayCalendarTest
{
    private static readonly BusinessDayCalendar Calendar = BusinessDayCalendar.Section1;

    [Theory]
    [InlineData("2000-05-29", "Memorial Day")] // last Monday of May 2000
    [InlineData("2000-09-08", "Admission Day")] // September 9, 2000 was a Saturday: § 7.1 moves it to Friday
    [InlineData("2001-02-12", "Lincoln Day")] // a federal workday, but California banks may close
    [InlineData("2020-07-03", "Independence Day")] // July 4, 2020 was a Saturday: federal and California in-lieu Friday
    [InlineData("2021-06-18", "Juneteenth National Independence Day")] // June 19, 2021 was a Saturday
    [InlineData("2021-12-31", "New Year's Day")] // January 1, 2022 was a Saturday: § 6103(b) Friday (California has none)
    [InlineData("1975-10-27", "Veterans Day")] // fourth Monday of October in 1971-1977
    public void IsBusinessDay_HolidayIsNot(string isoDate, string holiday)
    {
        var date = Parse(isoDate);

        var day = Calendar.GetDay(date);

        Assert.False(Calendar.IsBusinessDay(date));
        Assert.Contains(day.Reasons, r => r.Effect == DayEffect.Closed && r.Name.StartsWith(holiday, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("2000-04-28", true)] // the Closing Date, a Friday
    [InlineData("2024-03-29", true)] // Good Friday: contested, a Business Day by default
    [InlineData("2024-04-01", true)] // Cesar Chavez Day observed: a state holiday, not a bank holiday
    [InlineData("1985-01-21", false)] // not yet a federal holiday, but § 7.1's third Monday of January applies to every year
    public void IsBusinessDay_DaysThatLookLikeHolidays(string isoDate, bool expected)
    {
        Assert.Equal(expected, Calendar.IsBusinessDay(Parse(isoDate)));
    }

    [Fact]
    public void GetDay_GoodFridayIsContestedAndClosedUnderOtherReading()
    {
        var goodFriday = new LocalDate(2024, 3, 29);

        Assert.True(Calendar.GetDay(goodFriday).IsContested);
        Assert.False(Calendar.WithReading(ContestedDayReading.Closed).IsBusinessDay(goodFriday));
    }

    [Fact]
    public void PlusBusinessDays_FromClosingDate_120thBusinessDay()
    {
        // § 6(b): counting by hand from Friday 2000-04-28 over Memorial Day, Independence Day, Labor Day,
        // Admission Day (observed Friday 2000-09-08) and Columbus Day lands on Friday 2000-10-20.
        var result = Calendar.PlusBusinessDays(new LocalDate(2000, 4, 28), 120);

        Assert.Equal(new LocalDate(2000, 10, 20), result);
    }

    [Fact]
    public void PlusBusinessDays_FiveBeforeFilingDate()
    {
        // § 3(a): five Business Days before Sunday 2000-05-28: 26, 25, 24, 23, 22 May.
        var result = Calendar.PlusBusinessDays(new LocalDate(2000, 5, 28), -5);

        Assert.Equal(new LocalDate(2000, 5, 22), result);
    }

    [Fact]
    public void PlusBusinessDays_OutsideRange_Throws()
    {
        var exception = Assert.Throws<ArgumentOutOfRangeException>(() => Calendar.PlusBusinessDays(new LocalDate(2100, 12, 20), 10));

        Assert.Equal("count", exception.ParamName);
    }

    [Fact]
    public void IsBusinessDay_DateOutsideRange_Throws()
    {
        var exception = Assert.Throws<ArgumentOutOfRangeException>(() => Calendar.IsBusinessDay(new LocalDate(1970, 12, 31)));

        Assert.Equal("date", exception.ParamName);
    }

    private static LocalDate Parse(string isoDate) => NodaTime.Text.LocalDatePattern.Iso.Parse(isoDate).Value;
}

using FsCheck.Xunit;
using NodaTime;
using RegRights.Core.Calendars;

namespace RegRights.Core.UnitTests.Calendars;

/// <summary>
/// Counting properties (DOMAIN.md "Counting": step one Business Day at a time, never counting the start), checked
/// against a naive day-by-day loop over <see cref="BusinessDayCalendar.IsBusinessDay"/>, on random dates across the
/// whole range and counts 0..300.
/// </summary>
public partial class BusinessDayCalendarTest
{
    private const int PropertyRuns = 500;

    [Property(Arbitrary = [typeof(CalendarArbitraries)], MaxTest = PropertyRuns)]
    public void PlusBusinessDays_AgreesWithDayByDayLoopInBothDirections(CalendarCase calendar, InRangeDate start, StepCount count)
    {
        foreach (var n in new[] { count.Value, -count.Value })
        {
            var expected = NaivePlusBusinessDays(calendar.Calendar, start.Value, n);

            if (expected is { } date)
            {
                Assert.Equal(date, calendar.Calendar.PlusBusinessDays(start.Value, n));
            }
            else
            {
                var exception = Assert.Throws<ArgumentOutOfRangeException>(() => calendar.Calendar.PlusBusinessDays(start.Value, n));
                Assert.Equal("count", exception.ParamName);
            }
        }
    }

    [Property(Arbitrary = [typeof(CalendarArbitraries)], MaxTest = PropertyRuns)]
    public void PlusBusinessDays_ForwardThenBack_ReturnsToBusinessDayOnOrBeforeStart(CalendarCase calendar, InRangeDate start, StepCount count)
    {
        var c = calendar.Calendar;
        var d = start.Value;
        var forward = NaivePlusBusinessDays(c, d, count.Value);

        // Either step may leave the supported range (from a non-Business Day on 1971-01-01, the step back from
        // 1971-01-04 has nowhere to land); that throws, as another property proves.
        if (forward is null || NaivePlusBusinessDays(c, forward.Value, -count.Value) is null)
        {
            return;
        }

        var back = c.PlusBusinessDays(c.PlusBusinessDays(d, count.Value), -count.Value);

        if (count.Value == 0)
        {
            Assert.Equal(d, back);
            return;
        }

        Assert.True(c.IsBusinessDay(back));
        Assert.True(back <= d);
        if (c.IsBusinessDay(d))
        {
            Assert.Equal(d, back);
        }
        else
        {
            // Nothing lies between: back is the last Business Day before the start.
            Assert.Equal(NaivePlusBusinessDays(c, d, -1), back);
        }
    }

    [Property(Arbitrary = [typeof(CalendarArbitraries)], MaxTest = PropertyRuns)]
    public void PlusBusinessDays_NonZeroCount_LandsOnBusinessDayStrictlyBeyondStart(CalendarCase calendar, InRangeDate start, StepCount count)
    {
        var n = Math.Max(1, count.Value);
        var c = calendar.Calendar;

        if (NaivePlusBusinessDays(c, start.Value, n) is not null)
        {
            var forward = c.PlusBusinessDays(start.Value, n);
            Assert.True(c.IsBusinessDay(forward));
            Assert.True(forward > start.Value);
        }

        if (NaivePlusBusinessDays(c, start.Value, -n) is not null)
        {
            var backward = c.PlusBusinessDays(start.Value, -n);
            Assert.True(c.IsBusinessDay(backward));
            Assert.True(backward < start.Value);
        }
    }

    [Property(Arbitrary = [typeof(CalendarArbitraries)], MaxTest = PropertyRuns)]
    public void NextAndPrevious_AgreeWithTheirDefinitions(CalendarCase calendar, InRangeDate start)
    {
        var c = calendar.Calendar;
        var d = start.Value;
        var isBusinessDay = c.IsBusinessDay(d);

        // Next is strict: the first Business Day after d. OrSame returns d itself when it is a Business Day.
        AssertSameOutcome(NaivePlusBusinessDays(c, d, 1), () => c.NextBusinessDay(d));
        AssertSameOutcome(isBusinessDay ? d : NaivePlusBusinessDays(c, d, 1), () => c.NextBusinessDayOrSame(d));
        AssertSameOutcome(NaivePlusBusinessDays(c, d, -1), () => c.PreviousBusinessDay(d));
        AssertSameOutcome(isBusinessDay ? d : NaivePlusBusinessDays(c, d, -1), () => c.PreviousBusinessDayOrSame(d));
        Assert.Equal(d, c.PlusBusinessDays(d, 0));
    }

    [Fact]
    public void NaivePlusBusinessDays_WorkedExample_MatchesHandCount()
    {
        // The reference loop itself, on the hand count of § 6(b): 120 Business Days from 2000-04-28 is 2000-10-20.
        Assert.Equal(new LocalDate(2000, 10, 20), NaivePlusBusinessDays(Calendar, new LocalDate(2000, 4, 28), 120));
        Assert.Null(NaivePlusBusinessDays(Calendar, BusinessDayCalendar.MinDate, -1));
    }

    private static void AssertSameOutcome(LocalDate? expected, Func<LocalDate> actual)
    {
        if (expected is { } date)
        {
            Assert.Equal(date, actual());
        }
        else
        {
            Assert.Throws<ArgumentOutOfRangeException>(() => actual());
        }
    }

    // The definition read literally: move one day at a time and count each Business Day met; null if the count
    // leaves the supported range.
    private static LocalDate? NaivePlusBusinessDays(BusinessDayCalendar calendar, LocalDate date, int count)
    {
        var step = Math.Sign(count);
        for (var left = Math.Abs(count); left > 0;)
        {
            date = date.PlusDays(step);
            if (date < BusinessDayCalendar.MinDate || date > BusinessDayCalendar.MaxDate)
            {
                return null;
            }

            if (calendar.IsBusinessDay(date))
            {
                left--;
            }
        }

        return date;
    }
}

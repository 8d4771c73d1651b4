using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;
using RegRights.Core.Calendars;

namespace RegRights.Core.UnitTests.Calendars;

/// <summary>
/// A calendar builds its tables a block of days at a time, as dates are first asked about. These check that a calendar
/// built that way answers as one asked about every day: counts that cross many blocks, counts over long intervals, a
/// fresh calendar asked first about any date, and one asked from many threads at once.
/// </summary>
public partial class BusinessDayCalendarTest
{
    [Property(Arbitrary = [typeof(CalendarArbitraries), typeof(BlockArbitraries)], MaxTest = 200)]
    public void PlusBusinessDays_LongCountsOnAFreshCalendar_AgreeWithDayByDayLoop(CalendarCase calendar, InRangeDate start, LongCount count)
    {
        // A fresh calendar from the same definition: its first question may fall in any block.
        var fresh = BusinessDayCalendar.From(calendar.Calendar.Definition, calendar.Calendar.Reading);
        foreach (var n in new[] { count.Value, -count.Value })
        {
            if (NaivePlusBusinessDays(calendar.Calendar, start.Value, n) is { } expected)
            {
                Assert.Equal(expected, fresh.PlusBusinessDays(start.Value, n));
            }
            else
            {
                Assert.Equal("count", Assert.Throws<ArgumentOutOfRangeException>(() => fresh.PlusBusinessDays(start.Value, n)).ParamName);
            }
        }
    }

    [Property(Arbitrary = [typeof(CalendarArbitraries), typeof(BlockArbitraries)], MaxTest = 200)]
    public void CountBusinessDays_OnAFreshCalendar_AgreesWithDayByDayCount(CalendarCase calendar, InRangeDate start, LongCount length)
    {
        var end = Min(start.Value.PlusDays(length.Value), BusinessDayCalendar.MaxDate);
        var fresh = BusinessDayCalendar.From(calendar.Calendar.Definition, calendar.Calendar.Reading);

        var expected = 0;
        for (var d = start.Value; d <= end; d = d.PlusDays(1))
        {
            expected += calendar.Calendar.IsBusinessDay(d) ? 1 : 0;
        }

        Assert.Equal(expected, fresh.CountBusinessDays(new DateInterval(start.Value, end)));
    }

    [Property(Arbitrary = [typeof(CalendarArbitraries)], MaxTest = 200)]
    public void AnyContested_IsWhetherTheReadingsPartOnSomeDay(CalendarCase calendar, InRangeDate start, StepCount length)
    {
        var c = calendar.Calendar;
        var other = c.WithReading(c.Reading == ContestedDayReading.Open ? ContestedDayReading.Closed : ContestedDayReading.Open);
        var interval = new DateInterval(start.Value, Min(start.Value.PlusDays(length.Value), BusinessDayCalendar.MaxDate));

        Assert.Equal(interval.Any(d => c.IsBusinessDay(d) != other.IsBusinessDay(d)), c.AnyContested(interval));
    }

    [Fact]
    public void AnyContested_GoodFriday2001_OnlyAnIntervalThatHoldsIt()
    {
        // Good Friday 2001-04-13 is contested under § 1 (its afternoon closing); the Monday to Thursday before it are not.
        Assert.False(BusinessDayCalendar.Section1.AnyContested(new DateInterval(new LocalDate(2001, 4, 9), new LocalDate(2001, 4, 12))));
        Assert.True(BusinessDayCalendar.Section1.AnyContested(new DateInterval(new LocalDate(2001, 4, 9), new LocalDate(2001, 4, 13))));
    }

    [Fact]
    public void CountBusinessDays_WholeRange_IsTheSumOfItsYears()
    {
        // Every block, end to end, against each year counted on its own (each year within one or two blocks).
        var calendar = BusinessDayCalendar.From(BusinessDayCalendar.Section1.Definition);
        var byYear = 0;
        for (var year = BusinessDayCalendar.MinDate.Year; year <= BusinessDayCalendar.MaxDate.Year; year++)
        {
            byYear += calendar.CountBusinessDays(new DateInterval(new LocalDate(year, 1, 1), new LocalDate(year, 12, 31)));
        }

        Assert.Equal(byYear, calendar.CountBusinessDays(new DateInterval(BusinessDayCalendar.MinDate, BusinessDayCalendar.MaxDate)));
    }

    [Fact]
    public void AFreshCalendar_AskedFromManyThreads_AnswersAsTheSharedOne()
    {
        var shared = BusinessDayCalendar.NewYorkBanks;
        var fresh = BusinessDayCalendar.From(shared.Definition);
        var days = Period.DaysBetween(BusinessDayCalendar.MinDate, BusinessDayCalendar.MaxDate) + 1;
        var wrong = 0;

        // Threads start at dates spread over the range, so several race to build the same blocks.
        Parallel.For(0, 16, thread =>
        {
            for (var k = 0; k < days; k += 7)
            {
                var date = BusinessDayCalendar.MinDate.PlusDays((k + (thread * 2971)) % days);
                if (fresh.IsBusinessDay(date) != shared.IsBusinessDay(date) ||
                    !fresh.GetDay(date).Reasons.SequenceEqual(shared.GetDay(date).Reasons))
                {
                    Interlocked.Increment(ref wrong);
                }
            }
        });

        Assert.Equal(0, wrong);
    }

    private static LocalDate Min(LocalDate a, LocalDate b) => a < b ? a : b;
}

/// <summary>A count of days or Business Days long enough to cross several of a calendar's blocks: 0 to 4,000.</summary>
public readonly record struct LongCount(int Value)
{
    /// <inheritdoc />
    public override string ToString() => Value.ToString(System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>FsCheck generators for <see cref="LongCount"/>.</summary>
public static class BlockArbitraries
{
    /// <summary>Counts 0..4,000, shrinking toward 0.</summary>
    public static Arbitrary<LongCount> LongCounts() =>
        Arb.From(Gen.Choose(0, 4000).Select(n => new LongCount(n)), c => c.Value > 0 ? [new LongCount(c.Value / 2)] : []);
}

using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;
using RegRights.Core.Calendars;

namespace RegRights.Core.UnitTests.Calendars;

/// <summary>A catalog calendar (or a variant) to check a property on, named so a failing case says which one.</summary>
public sealed record CatalogCase(string Label, BusinessDayCalendar Calendar)
{
    /// <inheritdoc />
    public override string ToString() => Label;
}

/// <summary>FsCheck generators over the catalog's calendars.</summary>
public static class CatalogArbitraries
{
    /// <summary>Every catalog calendar, both readings of New York, its carve-out and a combined calendar.</summary>
    public static Arbitrary<CatalogCase> Calendars() =>
        Gen.Elements(
                new CatalogCase("nyse", BusinessDayCalendar.Nyse),
                new CatalogCase("new-york-banks", BusinessDayCalendar.NewYorkBanks),
                new CatalogCase("new-york-banks, contested closed", BusinessDayCalendar.NewYorkBanks.WithReading(ContestedDayReading.Closed)),
                new CatalogCase("new-york-banks, stay-at-home carve-out", BusinessDayCalendar.NewYorkBanks.WithStayAtHomeCarveOut()),
                new CatalogCase("edgar", BusinessDayCalendar.Edgar),
                new CatalogCase("california-banks", BusinessDayCalendar.Section1),
                new CatalogCase("new-york-banks+edgar", BusinessDayCalendar.NewYorkBanks.CommissionOpen))
            .ToArbitrary();

    /// <summary>Dates across the range (as for the § 1 properties).</summary>
    public static Arbitrary<InRangeDate> Dates() => CalendarArbitraries.Dates();

    /// <summary>Counts 0..300.</summary>
    public static Arbitrary<StepCount> Counts() => CalendarArbitraries.Counts();

    /// <summary>The four roll rules.</summary>
    public static Arbitrary<RollRule> Rules() => Gen.Elements(Enum.GetValues<RollRule>()).ToArbitrary();
}

/// <summary>
/// Counting and roll properties on every catalog calendar: Trading Days forward then back return to the start, the roll
/// rules are idempotent and monotone and land where they say, and counts agree with a day-by-day loop.
/// </summary>
public class CatalogCalendarProperties
{
    private const int Runs = 300;

    [Property(Arbitrary = [typeof(CatalogArbitraries)], MaxTest = Runs)]
    public void PlusBusinessDays_ForwardThenBack_ReturnsToACountedStart(CatalogCase calendar, InRangeDate start, StepCount count)
    {
        var c = calendar.Calendar;
        var d = start.Value;
        if (!c.IsBusinessDay(d) || !TryPlus(c, d, count.Value, out var forward))
        {
            return;
        }

        Assert.Equal(d, c.PlusBusinessDays(forward, -count.Value));
        Assert.Equal(count.Value, c.CountBusinessDays(new DateInterval(d, forward)) - 1);
    }

    [Property(Arbitrary = [typeof(CatalogArbitraries)], MaxTest = Runs)]
    public void PlusBusinessDays_AgreesWithDayByDayLoop(CatalogCase calendar, InRangeDate start, StepCount count)
    {
        var c = calendar.Calendar;
        foreach (var n in new[] { count.Value, -count.Value })
        {
            var date = start.Value;
            var inRange = true;
            for (var left = Math.Abs(n); left > 0 && inRange;)
            {
                date = date.PlusDays(Math.Sign(n));
                inRange = date >= BusinessDayCalendar.MinDate && date <= BusinessDayCalendar.MaxDate;
                if (inRange && c.IsBusinessDay(date))
                {
                    left--;
                }
            }

            if (inRange)
            {
                Assert.Equal(date, c.PlusBusinessDays(start.Value, n));
            }
            else
            {
                Assert.Throws<ArgumentOutOfRangeException>(() => c.PlusBusinessDays(start.Value, n));
            }
        }
    }

    [Property(Arbitrary = [typeof(CatalogArbitraries)], MaxTest = Runs)]
    public void Roll_IsIdempotentAndLandsOnAnAllowedDay(CatalogCase calendar, InRangeDate start, RollRule rule)
    {
        var c = calendar.Calendar;
        if (!TryRoll(c, start.Value, rule, out var rolled))
        {
            return;
        }

        Assert.Equal(rolled, c.Roll(rolled, rule));
        switch (rule)
        {
            case RollRule.None:
                Assert.Equal(start.Value, rolled);
                break;
            case RollRule.Following:
                Assert.True(rolled >= start.Value && c.IsBusinessDay(rolled));
                Assert.Equal(1, c.CountBusinessDays(new DateInterval(start.Value, rolled)));
                break;
            case RollRule.Preceding:
                Assert.True(rolled <= start.Value && c.IsBusinessDay(rolled));
                Assert.Equal(1, c.CountBusinessDays(new DateInterval(rolled, start.Value)));
                break;
            case RollRule.FollowingCommissionOpen:
                Assert.True(rolled >= start.Value && c.IsBusinessDay(rolled) && BusinessDayCalendar.Edgar.IsBusinessDay(rolled));
                for (var d = start.Value; d < rolled; d = d.PlusDays(1))
                {
                    Assert.False(c.IsBusinessDay(d) && BusinessDayCalendar.Edgar.IsBusinessDay(d));
                }

                break;
        }

        // A date already allowed never moves.
        if (c.IsBusinessDay(start.Value) && rule != RollRule.FollowingCommissionOpen)
        {
            Assert.Equal(start.Value, rolled);
        }
    }

    [Property(Arbitrary = [typeof(CatalogArbitraries)], MaxTest = Runs)]
    public void Roll_IsMonotone(CatalogCase calendar, InRangeDate first, InRangeDate second, RollRule rule)
    {
        var c = calendar.Calendar;
        var (early, late) = first.Value <= second.Value ? (first.Value, second.Value) : (second.Value, first.Value);
        if (TryRoll(c, early, rule, out var a) && TryRoll(c, late, rule, out var b))
        {
            Assert.True(a <= b, $"{early} rolls to {a}, after {late}'s {b}");
        }
    }

    private static bool TryPlus(BusinessDayCalendar calendar, LocalDate date, int count, out LocalDate result)
    {
        try
        {
            result = calendar.PlusBusinessDays(date, count);
            return true;
        }
        catch (ArgumentOutOfRangeException)
        {
            result = default;
            return false;
        }
    }

    private static bool TryRoll(BusinessDayCalendar calendar, LocalDate date, RollRule rule, out LocalDate result)
    {
        try
        {
            result = calendar.Roll(date, rule);
            return true;
        }
        catch (ArgumentOutOfRangeException)
        {
            result = default;
            return false;
        }
    }
}

using FsCheck;
using FsCheck.Fluent;
using NodaTime;
using RegRights.Core.Calendars;

namespace RegRights.Core.UnitTests.Calendars;

/// <summary>A date in the supported range 1971-01-01 to 2100-12-31.</summary>
public readonly record struct InRangeDate(LocalDate Value)
{
    /// <inheritdoc />
    public override string ToString() => Value.ToString("uuuu-MM-dd ddd", null);
}

/// <summary>A number of Business Days to step, 0 to 300 (the longest count in the agreement is 120).</summary>
public readonly record struct StepCount(int Value)
{
    /// <inheritdoc />
    public override string ToString() => Value.ToString(System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>A calendar to check a property on, named so a failing case says which one.</summary>
public sealed record CalendarCase(string Label, BusinessDayCalendar Calendar)
{
    /// <inheritdoc />
    public override string ToString() => Label;
}

/// <summary>FsCheck generators for the calendar properties.</summary>
public static class CalendarArbitraries
{
    private static readonly int DayCount = Period.DaysBetween(BusinessDayCalendar.MinDate, BusinessDayCalendar.MaxDate) + 1;

    /// <summary>
    /// Dates across the whole range, one in five within 600 days of either end, where a count of up to 300 Business
    /// Days can leave the range.
    /// </summary>
    public static Arbitrary<InRangeDate> Dates() =>
        Gen.Frequency(
                (8, Gen.Choose(0, DayCount - 1)),
                (1, Gen.Choose(0, 600)),
                (1, Gen.Choose(DayCount - 601, DayCount - 1)))
            .Select(i => new InRangeDate(BusinessDayCalendar.MinDate.PlusDays(i)))
            .ToArbitrary();

    /// <summary>Counts 0..300, shrinking toward 0.</summary>
    public static Arbitrary<StepCount> Counts() =>
        Arb.From(Gen.Choose(0, 300).Select(n => new StepCount(n)), ShrinkCount);

    /// <summary>The shipped calendars, the other reading, and one with a closure added as data.</summary>
    public static Arbitrary<CalendarCase> Calendars() =>
        Gen.Elements(
                new CalendarCase("§ 1", BusinessDayCalendar.Section1),
                new CalendarCase("§ 1, contested days closed", BusinessDayCalendar.Section1.WithReading(ContestedDayReading.Closed)),
                new CalendarCase("EDGAR", BusinessDayCalendar.Edgar),
                new CalendarCase("§ 1 with a bank closure", BusinessDayCalendar.Section1.WithClosures(
                    [new Closure(new LocalDate(2000, 5, 30), "Bank holiday proclaimed by the Governor", "Cal. Fin. Code § 3601", DayEffect.Closed)])))
            .ToArbitrary();

    private static IEnumerable<StepCount> ShrinkCount(StepCount count)
    {
        if (count.Value > 0)
        {
            yield return new StepCount(count.Value / 2);
            yield return new StepCount(count.Value - 1);
        }
    }
}

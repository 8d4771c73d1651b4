using RegRights.Core.Utility;

namespace RegRights.Core.Calendars;

/// <summary>
/// A calendar as data: its name in the catalog, what it calls the days it counts, the pieces that give its holidays,
/// the closures supplied as data, and whether the stay-at-home carve-out applies. Built into tables by
/// <see cref="BusinessDayCalendar.From"/>; contested days are reasons whose effect is <see cref="DayEffect.Contested"/>.
/// </summary>
/// <param name="Key">The catalog name, e.g. "new-york-banks" (<see cref="CalendarCatalog"/>).</param>
/// <param name="Name">What the calendar is, in words.</param>
/// <param name="DayName">What the days it counts are called: "Business Day", "Trading Day".</param>
/// <param name="WeekendSource">The source that excludes Saturdays and Sundays.</param>
/// <param name="Rules">The pieces that give the holidays, read in order; a shared piece is one instance.</param>
/// <param name="Closures">Closures supplied as data, after the rules.</param>
public sealed record CalendarDefinition(
    string Key, string Name, string DayName, string WeekendSource, IReadOnlyList<HolidayRuleSet> Rules, IReadOnlyList<Closure> Closures)
{
    /// <summary>
    /// Whether closures of physical offices while electronic funds transfer systems stayed open
    /// (<see cref="Closure.ElectronicTransfersOpen"/>) leave the day a Business Day. False by default.
    /// </summary>
    public bool StayAtHomeCarveOut { get; init; }

    /// <summary>
    /// A calendar whose days are the days of both: closed when either closes, contested when either contests, with every
    /// reason of both (each once). "The next Business Day on which the Commission is open" is a Business Day calendar
    /// and <see cref="BusinessDayCalendar.Edgar"/>'s.
    /// </summary>
    /// <param name="other">The other calendar's definition.</param>
    /// <returns>The combined definition, named after this one; a piece both use is read once.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="other"/> is null.</exception>
    public CalendarDefinition And(CalendarDefinition other)
    {
        Preconditions.CheckNotNull(other);
        return new CalendarDefinition(
            $"{Key}+{other.Key}",
            $"{Name}, that is also a {other.DayName} ({other.Name})",
            DayName,
            WeekendSource,
            [.. Rules.Concat(other.Rules).Distinct()],
            [.. Closures.Concat(other.Closures).Distinct()])
        {
            StayAtHomeCarveOut = StayAtHomeCarveOut || other.StayAtHomeCarveOut,
        };
    }
}

using NodaTime;
using RegRights.Core.Utility;

namespace RegRights.Core.Calendars;

/// <summary>
/// A day closed by executive order or other governmental action, supplied as data rather than derived from a rule:
/// a national day of mourning, an extra Christmas Eve, a Governor's closure of California banks
/// (Cal. Fin. Code § 3600 ff.).
/// </summary>
public sealed record Closure
{
    /// <summary>Creates a closure.</summary>
    /// <param name="date">The ISO date of the closure.</param>
    /// <param name="name">What the day is called, e.g. "National Day of Mourning for President Reagan".</param>
    /// <param name="source">The order or law that closed it, e.g. "Executive Order 13343".</param>
    /// <param name="effect">
    /// <see cref="DayEffect.Closed"/> when the closure is within § 1 (banks closed by governmental action);
    /// <see cref="DayEffect.Contested"/> when it is arguable (federal executive-order closures, DOMAIN.md).
    /// </param>
    /// <exception cref="ArgumentException"><paramref name="name"/> or <paramref name="source"/> is blank,
    /// or <paramref name="effect"/> is <see cref="DayEffect.Note"/>.</exception>
    public Closure(LocalDate date, string name, string source, DayEffect effect)
    {
        Preconditions.CheckArgument(!string.IsNullOrWhiteSpace(name), nameof(name), "A closure needs a name.");
        Preconditions.CheckArgument(!string.IsNullOrWhiteSpace(source), nameof(source), "A closure needs its legal source.");
        Preconditions.CheckArgument(effect != DayEffect.Note, nameof(effect), "A closure closes or contests a day.");
        Date = date;
        Name = name;
        Source = source;
        Effect = effect;
    }

    /// <summary>The closed date.</summary>
    public LocalDate Date { get; }

    /// <summary>What the day is called.</summary>
    public string Name { get; }

    /// <summary>The order or law that closed it.</summary>
    public string Source { get; }

    /// <summary>Whether the closure closes the day or contests it.</summary>
    public DayEffect Effect { get; }

    /// <summary>
    /// True when the closure shut physical offices (an emergency, a stay-at-home or evacuation order) while the
    /// electronic funds transfer systems of the banks stayed open. A calendar under the stay-at-home carve-out
    /// (<see cref="BusinessDayCalendar.WithStayAtHomeCarveOut"/>) does not count such a closure: the day is a Business
    /// Day, and the closure is named as a note. False by default.
    /// </summary>
    /// <remarks>
    /// The carve-out, in the words of many post-2020 agreements: banks "shall not be deemed to be authorized or required
    /// by law to remain closed due to 'stay at home', 'shelter-in-place', 'non-essential employee' or any other similar
    /// orders or restrictions or the closure of any physical branch locations at the direction of any governmental
    /// authority so long as the electronic funds transfer systems (including for wire transfers) of commercial banks in
    /// The City of New York generally are open for use by customers on such day".
    /// </remarks>
    public bool ElectronicTransfersOpen { get; init; }

    internal DayReason ToReason() => new(Name, Source, DayReasonKind.Closure, Effect);

    // Under the stay-at-home carve-out a physical-only closure is named, but does not close or contest the day.
    internal DayReason ToReason(bool stayAtHomeCarveOut) =>
        stayAtHomeCarveOut && ElectronicTransfersOpen
            ? new(Name, $"{Source}; not a bank closure under the stay-at-home carve-out: electronic funds transfer systems open", DayReasonKind.Closure, DayEffect.Note)
            : ToReason();
}

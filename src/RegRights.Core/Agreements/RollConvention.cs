namespace RegRights.Core.Agreements;

/// <summary>
/// What an agreement does with a calendar-day deadline that lands on a non-Business Day.
/// The seed agreement has no roll rule (<see cref="None"/>); other deals may.
/// </summary>
public enum RollConvention
{
    /// <summary>The date stands as computed; a warning and the practical cutoff are shown beside it.</summary>
    None,

    /// <summary>The deadline moves to the next Business Day.</summary>
    Following,

    /// <summary>The deadline moves to the previous Business Day.</summary>
    Preceding,
}

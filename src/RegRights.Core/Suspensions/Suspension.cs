using NodaTime;

namespace RegRights.Core.Suspensions;

/// <summary>One suspension: from the Company's § 6(e) notice to its Advice that the Prospectus may be used again.</summary>
/// <remarks>
/// The notice day is the suspension's first day and the Advice day is not one of its days
/// (<see cref="SuspensionReading.NoticeDayCountsAdviceDayDoesNot"/>): notice on the 1st and Advice on the 31st is
/// 30 days. Notice and Advice on the same day is an occasion of no days.
/// </remarks>
/// <param name="Started">The day the Holders receive the notice.</param>
/// <param name="Ended">The day they receive the Advice (or the supplemented Prospectus); null while it lasts.</param>
public sealed record Suspension(LocalDate Started, LocalDate? Ended);

/// <summary>A limit of <see cref="SuspensionTerms"/>.</summary>
public enum SuspensionLimit
{
    /// <summary><see cref="SuspensionTerms.MaxConsecutiveDays"/>.</summary>
    ConsecutiveDays,

    /// <summary><see cref="SuspensionTerms.MaxDaysIn365"/>.</summary>
    DaysIn365,

    /// <summary><see cref="SuspensionTerms.MaxOccasionsIn365"/>.</summary>
    OccasionsIn365,

    /// <summary><see cref="SuspensionTerms.MinBusinessDaysBetween"/>.</summary>
    BusinessDaysBetween,
}

/// <summary>A reading chosen where the clauses are silent; each result lists those it depends on.</summary>
public enum SuspensionReading
{
    /// <summary>The notice day is a suspension day, the Advice day is not. Other reading: both count (one day more).</summary>
    NoticeDayCountsAdviceDayDoesNot,

    /// <summary>"Any 365-day period" is every run of 365 consecutive days; the one as of a date ends on it.</summary>
    AnyRunOf365Days,

    /// <summary>An occasion counts in a 365-day period if it lasts into it. Other reading: only if it starts in it.</summary>
    OccasionCountsWhereItLasts,

    /// <summary>Business Days between occasions are counted from one start to the next. Other reading: from the Advice to the next notice.</summary>
    BusinessDaysBetweenStarts,

    /// <summary>A Maintenance Failure from an excess suspension is cured by that suspension's Advice.</summary>
    AdviceCuresMaintenanceFailure,
}

/// <summary>A suspension that exceeded a limit: the Maintenance Failure it starts.</summary>
/// <param name="Limit">The limit first exceeded.</param>
/// <param name="ExceededOn">The first day beyond the limit: the Maintenance Failure's Event Date, which accrues.</param>
/// <param name="Suspension">The suspension, from 0 in the order given.</param>
/// <param name="CuredOn">Its Advice day, which cures the failure; null while it lasts.</param>
/// <param name="Basis">The count in words.</param>
public sealed record SuspensionBreach(SuspensionLimit Limit, LocalDate ExceededOn, int Suspension, LocalDate? CuredOn, string Basis);

/// <summary>The suspensions as of a date: what is used, what is left, and any limit exceeded.</summary>
/// <param name="Terms">The terms evaluated under.</param>
/// <param name="AsOf">The as-of date.</param>
/// <param name="DaysUsed">Suspension days in the 365 days ending on <paramref name="AsOf"/>.</param>
/// <param name="OccasionsUsed">Occasions lasting into those 365 days.</param>
/// <param name="CurrentLastAllowedDay">
/// For a suspension still running on the as-of date, its last day within the day limits (consecutive and in 365 days) if
/// it goes on; null when none is running or no day limit is set.
/// </param>
/// <param name="CurrentLimitingTerm">Which limit sets <paramref name="CurrentLastAllowedDay"/>.</param>
/// <param name="Breaches">Each suspension's first limit exceeded by the as-of date, in order: each starts a Maintenance Failure.</param>
/// <param name="Readings">The readings the result depends on.</param>
public sealed record SuspensionStatus(SuspensionTerms Terms, LocalDate AsOf, int DaysUsed, int OccasionsUsed,
    LocalDate? CurrentLastAllowedDay, SuspensionLimit? CurrentLimitingTerm, IReadOnlyList<SuspensionBreach> Breaches,
    IReadOnlyList<SuspensionReading> Readings)
{
    /// <summary>The clause's section.</summary>
    public string Section => Terms.Section;

    /// <summary>The result in words, written when read.</summary>
    public string Explanation => SuspensionText.Status(Terms, AsOf, DaysUsed, OccasionsUsed, CurrentLastAllowedDay,
        CurrentLimitingTerm, Breaches.Count);

    /// <summary>The first limit exceeded; null if none.</summary>
    public SuspensionBreach? FirstBreach => Breaches.Count == 0 ? null : Breaches[0];
}

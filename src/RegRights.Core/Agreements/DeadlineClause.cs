using RegRights.Core.Calendars;
using RegRights.Core.Utility;

namespace RegRights.Core.Agreements;

/// <summary>What a deadline clause counts.</summary>
public enum DayUnit
{
    /// <summary>Calendar days: "the 30th day following the Closing Date".</summary>
    CalendarDays,

    /// <summary>Business Days of the agreement's Business Day calendar (<see cref="AgreementTerms.BusinessDayCalendarName"/>).</summary>
    BusinessDays,

    /// <summary>Trading Days of the agreement's Trading Day calendar (<see cref="AgreementTerms.TradingDayCalendarName"/>).</summary>
    TradingDays,
}

/// <summary>The event a deadline clause counts from.</summary>
public enum ClauseStart
{
    /// <summary>The Closing Date (each closing's, for the Filing Deadline).</summary>
    Closing,

    /// <summary>The filing of the Registration Statement (some forms count the Effectiveness Deadline from it).</summary>
    Filing,
}

/// <summary>
/// The shape of the Filing or the Effectiveness Deadline: what it counts, from which event, whether the day itself is
/// still in time, its roll rule and the section that says so. The number of days is its own term
/// (<see cref="AgreementTerms.FilingDays"/>, <see cref="AgreementTerms.EffectivenessDays"/>).
/// </summary>
/// <remarks>
/// The seed agreement's Filing Date is <see cref="SeedFiling"/>: calendar days from the Closing Date, "on or prior to"
/// (inclusive), no roll rule of its own, §§ 1, 2(a), 3(a). A modern form's "if the Filing Deadline falls on a day the
/// Commission is closed, the next Business Day on which the Commission is open" is
/// <see cref="RollRule.FollowingCommissionOpen"/>.
/// </remarks>
public sealed record DeadlineClause
{
    /// <summary>The seed agreement's Filing Date: "on or prior to the Filing Date", the Nth day following the Closing Date (§ 1, 2(a), 3(a)).</summary>
    public static DeadlineClause SeedFiling { get; } = new() { Inclusive = true };

    /// <summary>The seed agreement's Effectiveness Date: "prior to the Effectiveness Date", the Nth day following the Closing Date (§ 1, 2(a)).</summary>
    public static DeadlineClause SeedEffectiveness { get; } = new() { Inclusive = false };

    /// <summary>What it counts; calendar days by default.</summary>
    public DayUnit Unit { get; init; } = DayUnit.CalendarDays;

    /// <summary>The event it counts from; the Closing Date by default.</summary>
    public ClauseStart From { get; init; } = ClauseStart.Closing;

    /// <summary>True for "on or prior to" and "not later than" (the day itself is in time); false for "prior to".</summary>
    public bool Inclusive { get; init; }

    /// <summary>Its own roll rule; null: the agreement's general one (<see cref="AgreementTerms.Roll"/>) for calendar days, none otherwise.</summary>
    public RollRule? Roll { get; init; }

    /// <summary>The section that sets it, e.g. "§ 2(a)"; null: the obligation catalog's (the seed agreement's).</summary>
    public string? Section
    {
        get;
        init
        {
            Preconditions.CheckArgument(value is null or { Length: > 0 and <= 100 }, nameof(Section), "A section is 1 to 100 characters, e.g. § 2(a).");
            field = value;
        }
    }
}

/// <summary>
/// The Effectiveness Deadline's review path (issue 13): a longer count when the Commission reviews the Registration
/// Statement, and a short one after its notice that it will not review, "if earlier".
/// </summary>
/// <remarks>
/// A modern PIPE form: the 60th calendar day after the Closing (the 90th if the Commission reviews), or the 5th Trading
/// Day after the Commission's notice that it will not review, if earlier. The seed agreement has no review path
/// (<see cref="None"/>).
/// </remarks>
public sealed record ReviewPath
{
    private const int MaxDays = 1000;

    /// <summary>No review path: the Effectiveness Deadline is the same whatever the Commission says (the seed's § 2(a)).</summary>
    public static ReviewPath None { get; } = new();

    /// <summary>Days of the Effectiveness Deadline's unit in place of <see cref="AgreementTerms.EffectivenessDays"/> once a review notice is recorded; null for the same.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Set outside [0, 1000].</exception>
    public int? ReviewedDays { get; init => field = value is { } v ? Preconditions.CheckArgumentRange(nameof(ReviewedDays), v, 0, MaxDays) : null; }

    /// <summary>The count after the Commission's no-review notice that applies if earlier; null for none.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Set outside [0, 1000].</exception>
    public int? NoReviewDays { get; init => field = value is { } v ? Preconditions.CheckArgumentRange(nameof(NoReviewDays), v, 0, MaxDays) : null; }

    /// <summary>What <see cref="NoReviewDays"/> counts; Trading Days by default.</summary>
    public DayUnit NoReviewUnit { get; init; } = DayUnit.TradingDays;
}

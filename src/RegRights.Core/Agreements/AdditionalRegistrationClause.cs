using RegRights.Core.Calendars;
using RegRights.Core.Utility;

namespace RegRights.Core.Agreements;

/// <summary>The event an additional registration statement's Filing Deadline counts from (<see cref="AdditionalRegistrationClause"/>).</summary>
public enum CutbackStart
{
    /// <summary>
    /// The earliest date the Commission's guidance permits the cut-back securities to be registered (an
    /// <see cref="AgreementEventKind.AdditionalFilingPermitted"/> event; forms call it the "Restriction Termination Date").
    /// </summary>
    FilingPermitted,

    /// <summary>The Commission staff's cutback itself (the <see cref="AgreementEventKind.Cutback"/> event).</summary>
    CutbackNotice,
}

/// <summary>
/// The Rule 415 cutback clause (issue 13): when the Commission's staff limits the securities the resale Registration
/// Statement may register, the Company files an additional registration statement for the cut-back securities by one
/// deadline and has it declared effective by another, counted from its filing.
/// </summary>
/// <remarks>
/// <para>
/// A common form: file within 45 days after the date the Commission's guidance permits the cut-back securities to be
/// registered, and have the statement declared effective by the 60th day after filing it (the 90th if the Commission
/// reviews it), both "on or prior to". Counted in calendar days, so a cutback registrable from Monday 2024-09-02 is due
/// Thursday 2024-10-17 (2024-09-02 + 45 days).
/// </para>
/// <para>
/// The seed agreement of April 28, 2000 has no such clause (<see cref="None"/>): its results say so and compute no date.
/// </para>
/// </remarks>
public sealed record AdditionalRegistrationClause
{
    private const int MaxDays = 1000;

    private AdditionalRegistrationClause()
    {
    }

    /// <summary>Creates a clause.</summary>
    /// <param name="section">The section that sets it, e.g. "§ 2(b)", 1 to 100 characters.</param>
    /// <param name="filingDays">Days of <see cref="FilingUnit"/> from <see cref="FilingFrom"/> to the Filing Deadline, 0 to 1000.</param>
    /// <param name="effectivenessDays">Days of <see cref="EffectivenessUnit"/> from the filing to the Effectiveness Deadline, 0 to 1000.</param>
    /// <exception cref="ArgumentException"><paramref name="section"/> is empty or longer than 100 characters.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="section"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A day count is outside [0, 1000].</exception>
    public AdditionalRegistrationClause(string section, int filingDays, int effectivenessDays)
    {
        Preconditions.CheckNotNull(section);
        Preconditions.CheckArgument(section.Length is > 0 and <= 100, nameof(section), "A section is 1 to 100 characters, e.g. § 2(b).");
        Section = section;
        FilingDays = Preconditions.CheckArgumentRange(nameof(filingDays), filingDays, 0, MaxDays);
        EffectivenessDays = Preconditions.CheckArgumentRange(nameof(effectivenessDays), effectivenessDays, 0, MaxDays);
    }

    /// <summary>The seed agreement's: no Rule 415 cutback clause.</summary>
    public static AdditionalRegistrationClause None { get; } = new();

    /// <summary>What a result says when the agreement has no such clause.</summary>
    public const string NoneNote =
        "The agreement has no Rule 415 cutback clause: it requires no additional registration statement for securities the Commission's staff cuts back, so no deadline is computed for one.";

    /// <summary>Whether the agreement has the clause; false for <see cref="None"/>.</summary>
    public bool IsPresent => Section is not null;

    /// <summary>The section that sets it, e.g. "§ 2(b)"; null for <see cref="None"/>.</summary>
    public string? Section { get; }

    /// <summary>Days from <see cref="FilingFrom"/> to the additional statement's Filing Deadline, e.g. 45.</summary>
    public int FilingDays { get; }

    /// <summary>What the Filing Deadline counts from; the date the Commission's guidance permits the filing by default.</summary>
    public CutbackStart FilingFrom { get; init; } = CutbackStart.FilingPermitted;

    /// <summary>What <see cref="FilingDays"/> counts; calendar days by default.</summary>
    public DayUnit FilingUnit { get; init; } = DayUnit.CalendarDays;

    /// <summary>Days from the additional statement's filing to its Effectiveness Deadline, e.g. 60.</summary>
    public int EffectivenessDays { get; }

    /// <summary>The Effectiveness Deadline's days once the Commission says it will review the additional statement, e.g. 90; null for the same.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Set outside [0, 1000].</exception>
    public int? ReviewedEffectivenessDays
    {
        get;
        init => field = value is { } v ? Preconditions.CheckArgumentRange(nameof(ReviewedEffectivenessDays), v, 0, MaxDays) : null;
    }

    /// <summary>What <see cref="EffectivenessDays"/> counts; calendar days by default.</summary>
    public DayUnit EffectivenessUnit { get; init; } = DayUnit.CalendarDays;

    /// <summary>Both deadlines' roll rule; null: the agreement's general one (<see cref="AgreementTerms.Roll"/>) for calendar days, none otherwise.</summary>
    public RollRule? Roll { get; init; }
}

using RegRights.Core.Utility;

namespace RegRights.Core.Suspensions;

/// <summary>
/// The limits on the Company's suspensions of the prospectus (grace periods): each optional, a suspension beyond any of
/// them being a Maintenance Failure. Rules only; the words are <see cref="SuspensionText"/>'s.
/// </summary>
/// <remarks>
/// A common modern form: at most 30 consecutive days, 60 days in any 365-day period, two occasions in any 365-day
/// period, each starting at least 10 Business Days after the one before. The seed's § 6(e) has none of them.
/// </remarks>
public sealed record SuspensionTerms
{
    /// <summary>Creates terms with no limits.</summary>
    /// <param name="section">The clause's section, e.g. "§ 6(e)", cited on every result.</param>
    public SuspensionTerms(string section) => Section = Preconditions.CheckNotNull(section);

    /// <summary>
    /// The seed agreement of April 28, 2000, § 6(e): Holders discontinue dispositions on the Company's notice until
    /// the supplemented Prospectus or the Advice; no limit on how long or how often.
    /// </summary>
    public static SuspensionTerms NeoTherapeutics2000 { get; } = new("§ 6(e)");

    /// <summary>The clause's section.</summary>
    public string Section { get; }

    /// <summary>The most consecutive days one suspension may last, 1 to 365; null for no limit.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Set outside [1, 365].</exception>
    public int? MaxConsecutiveDays { get; init => field = Check(value, nameof(MaxConsecutiveDays)); }

    /// <summary>The most suspension days in any 365-day period, 1 to 365; null for no limit.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Set outside [1, 365].</exception>
    public int? MaxDaysIn365 { get; init => field = Check(value, nameof(MaxDaysIn365)); }

    /// <summary>The most occasions (suspensions) in any 365-day period, 1 to 365; null for no limit.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Set outside [1, 365].</exception>
    public int? MaxOccasionsIn365 { get; init => field = Check(value, nameof(MaxOccasionsIn365)); }

    /// <summary>The fewest Business Days from one suspension's start to the next one's, 1 to 365; null for no limit.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Set outside [1, 365].</exception>
    public int? MinBusinessDaysBetween { get; init => field = Check(value, nameof(MinBusinessDaysBetween)); }

    /// <summary>Whether any limit is set.</summary>
    public bool HasLimits => MaxConsecutiveDays is not null || MaxDaysIn365 is not null || MaxOccasionsIn365 is not null
        || MinBusinessDaysBetween is not null;

    private static int? Check(int? value, string paramName) =>
        value is { } v ? Preconditions.CheckArgumentRange(paramName, v, 1, 365) : null;
}

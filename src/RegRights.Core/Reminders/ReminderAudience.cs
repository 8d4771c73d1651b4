using RegRights.Core.Deadlines;

namespace RegRights.Core.Reminders;

/// <summary>
/// Which roles a deadline's reminders go to: company counsel always; Holders and their counsel for the clocks that
/// concern them; the Special Counsel where the section names it (§ 3(a) and § 3(d) do). Each catalog entry names its
/// set (<see cref="Obligation.Audience"/>).
/// </summary>
public static class ReminderAudience
{
    /// <summary>Company counsel alone: the Company's own affairs (§ 3(b)(iii) comment responses, the § 6(b) standstill).</summary>
    public static IReadOnlyList<RecipientRole> CompanyOnly { get; } = [RecipientRole.CompanyCounsel];

    /// <summary>Company counsel, the Holders and their counsel: the clocks that protect or pay the Holders.</summary>
    public static IReadOnlyList<RecipientRole> WithHolders { get; } =
        [RecipientRole.CompanyCounsel, RecipientRole.Holder, RecipientRole.HoldersCounsel];

    /// <summary>As <see cref="WithHolders"/>, and the Special Counsel: § 3(a) and § 3(d) name "the Holders, their Special Counsel".</summary>
    public static IReadOnlyList<RecipientRole> WithSpecialCounsel { get; } =
        [RecipientRole.CompanyCounsel, RecipientRole.Holder, RecipientRole.HoldersCounsel, RecipientRole.SpecialCounsel];

    /// <summary>The roles that receive reminders for the deadline <paramref name="deadlineKey"/>.</summary>
    /// <param name="deadlineKey">A catalog key such as <c>filing-date</c>, or an instance key such as <c>sec-comment-response#2</c>.</param>
    /// <returns>The obligation's <see cref="Obligation.Audience"/>; a key that names no obligation gets company counsel alone.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="deadlineKey"/> is null.</exception>
    public static IReadOnlyList<RecipientRole> For(string deadlineKey)
    {
        ArgumentNullException.ThrowIfNull(deadlineKey);
        return ObligationCatalog.Find(deadlineKey)?.Audience ?? CompanyOnly;
    }
}

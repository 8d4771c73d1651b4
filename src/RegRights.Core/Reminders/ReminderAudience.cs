namespace RegRights.Core.Reminders;

/// <summary>
/// Which roles a deadline's reminders go to: company counsel always; Holders and their counsel for the clocks that
/// concern them; the Special Counsel where the section names it (§ 3(a) and § 3(d) do).
/// </summary>
public static class ReminderAudience
{
    private static readonly IReadOnlyList<RecipientRole> CompanyOnly = [RecipientRole.CompanyCounsel];

    private static readonly IReadOnlyList<RecipientRole> WithHolders =
        [RecipientRole.CompanyCounsel, RecipientRole.Holder, RecipientRole.HoldersCounsel];

    // § 3(a) and § 3(d) name "the Holders, their Special Counsel".
    private static readonly IReadOnlyList<RecipientRole> WithSpecialCounsel =
        [RecipientRole.CompanyCounsel, RecipientRole.Holder, RecipientRole.HoldersCounsel, RecipientRole.SpecialCounsel];

    /// <summary>The roles that receive reminders for the obligation <paramref name="obligationKey"/>.</summary>
    /// <param name="obligationKey">A catalog key such as <c>filing-date</c>, or an instance key such as <c>sec-comment-response#2</c>.</param>
    /// <returns>The roles; company counsel first. An unknown key gets company counsel alone.</returns>
    public static IReadOnlyList<RecipientRole> For(string obligationKey)
    {
        ArgumentNullException.ThrowIfNull(obligationKey);
        var hash = obligationKey.IndexOf('#', StringComparison.Ordinal);
        var key = hash < 0 ? obligationKey : obligationKey[..hash];
        return key switch
        {
            // § 2(a): the Holders' registration is what these deadlines protect.
            "filing-date" or "effectiveness-date" => WithHolders,

            // § 3(a) review copies and § 3(d) notices go to the Holders and their Special Counsel.
            "pre-filing-review" or "amendment-review" or "filing-notice" or "notice-confirmation" => WithSpecialCounsel,

            // § 3(c) protects the selling Holder; § 5(c) pays the Indemnified Party; § 6(g) is the Holder's own election.
            "sticker-filing" or "indemnity-payment" or "piggyback-election" => WithHolders,

            // Registration Delay Payments are paid to the Holders; a suspension stops their sales until the Advice.
            "filing-failure-payment" or "effectiveness-failure-payment" or "maintenance-failure-payment" or "suspension-advice" => WithHolders,

            // § 3(b)(iii) comment responses and the § 6(b) standstill are the Company's own affairs.
            _ => CompanyOnly,
        };
    }
}

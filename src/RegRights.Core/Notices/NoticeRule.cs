namespace RegRights.Core.Notices;

/// <summary>
/// The kind of rule that makes a delivery effective, named after the seed's § 6(h) clauses, which are one of each; the
/// section a stamp cites is the agreement's own (<see cref="NoticeReading.Section"/>): a modern clause's e-mail before
/// 5:30 p.m. is <see cref="FacsimileBeforeCutoff"/> under "Section 6.4(a)".
/// </summary>
/// <remarks>
/// Ties between deliveries go to the lower kind, as the seed's clauses are ordered. <see cref="NoticeRuleExtensions.ToSection"/>
/// gives the seed's section for each: "6(h)(i)" to "6(h)(iv)".
/// </remarks>
public enum NoticeRule
{
    /// <summary>Same day, sent before the cut-off on a Business Day (§ 6(h)(i): a facsimile), effective on the date of transmission.</summary>
    FacsimileBeforeCutoff,

    /// <summary>Next day, sent after the cut-off (§ 6(h)(ii): a facsimile before the late bound), effective the next Business Day.</summary>
    FacsimileAfterCutoff,

    /// <summary>The Nth Business Day after mailing (§ 6(h)(iii): overnight courier, the Business Day following the date of mailing).</summary>
    OvernightCourier,

    /// <summary>Upon actual receipt (§ 6(h)(iv): any other way).</summary>
    ActualReceipt,
}

/// <summary>Renders <see cref="NoticeRule"/> as the seed clause's section a lawyer looks up.</summary>
public static class NoticeRuleExtensions
{
    /// <summary>The seed clause's section number for the kind, e.g. "6(h)(ii)"; a stamp's own is <see cref="NoticeReading.Section"/>.</summary>
    /// <param name="rule">The rule.</param>
    /// <returns>"6(h)(i)", "6(h)(ii)", "6(h)(iii)" or "6(h)(iv)".</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="rule"/> is not a defined value.</exception>
    public static string ToSection(this NoticeRule rule) => rule switch
    {
        NoticeRule.FacsimileBeforeCutoff => "6(h)(i)",
        NoticeRule.FacsimileAfterCutoff => "6(h)(ii)",
        NoticeRule.OvernightCourier => "6(h)(iii)",
        NoticeRule.ActualReceipt => "6(h)(iv)",
        _ => throw new ArgumentOutOfRangeException(nameof(rule), rule, "Not a § 6(h) rule."),
    };
}

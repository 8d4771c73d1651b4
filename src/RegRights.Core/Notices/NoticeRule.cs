namespace RegRights.Core.Notices;

/// <summary>The clause of § 6(h) that makes a delivery effective.</summary>
/// <remarks>Render it with <see cref="NoticeRuleExtensions.ToSection"/>: "6(h)(i)" to "6(h)(iv)".</remarks>
public enum NoticeRule
{
    /// <summary>§ 6(h)(i): a facsimile before the cut-off on a Business Day, effective on the date of transmission.</summary>
    FacsimileBeforeCutoff,

    /// <summary>§ 6(h)(ii): a facsimile after the cut-off and before the late bound, effective the next Business Day.</summary>
    FacsimileAfterCutoff,

    /// <summary>§ 6(h)(iii): overnight courier, effective the Business Day following the date of mailing.</summary>
    OvernightCourier,

    /// <summary>§ 6(h)(iv): any other way, effective upon actual receipt.</summary>
    ActualReceipt,
}

/// <summary>Renders <see cref="NoticeRule"/> as the section a lawyer looks up.</summary>
public static class NoticeRuleExtensions
{
    /// <summary>The clause's section number, e.g. "6(h)(ii)".</summary>
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

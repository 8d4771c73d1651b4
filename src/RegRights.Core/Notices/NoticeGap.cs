namespace RegRights.Core.Notices;

/// <summary>
/// Where a facsimile falls between the words of § 6(h)(i) and (ii), so that the literal text sends it to
/// § 6(h)(iv), actual receipt (DOMAIN.md, "Notice effective time"). Named after the seed's facsimile rule; a delivery
/// under any clause's cut-off rule (<see cref="SameDayCutoffRule"/>) falls in the same gaps where that rule's bounds
/// leave them.
/// </summary>
public enum NoticeGap
{
    /// <summary>
    /// Sent at exactly the cut-off (2:00:00 p.m.): neither "prior to" it, § 6(h)(i), nor "later than" it, § 6(h)(ii).
    /// </summary>
    FacsimileAtCutoff,

    /// <summary>Sent at or after the late bound (11:59:00 p.m.) and before midnight: not "earlier than 11:59 p.m.", § 6(h)(ii).</summary>
    FacsimileAfterLateBound,

    /// <summary>Sent before the cut-off on a day that is not a Business Day: § 6(h)(i) asks for a Business Day.</summary>
    FacsimileBeforeCutoffOnNonBusinessDay,
}

namespace RegRights.Core.DelayPayments;

/// <summary>A section the agreement cites for a term but does not contain, so the term cannot be read.</summary>
/// <param name="Section">Where the citation is, e.g. "§ 1".</param>
/// <param name="Term">The term defined by the citation, e.g. "Registration Delay Payments".</param>
/// <param name="Cites">The missing section, e.g. "§ 2(e)".</param>
public sealed record CrossReferenceGap(string Section, string Term, string Cites)
{
    /// <summary>The seed's § 1: "Registration Delay Payments" has "the meaning set forth in Section 2(e)", and § 2 ends at (c).</summary>
    public static CrossReferenceGap NeoTherapeutics2000RegistrationDelayPayments { get; } =
        new("§ 1", "Registration Delay Payments", "§ 2(e)");
}

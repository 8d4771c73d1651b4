using RegRights.Core.Utility;

namespace RegRights.Core.DelayPayments;

/// <summary>An agreement's Registration Delay Payment clause: its terms, or the gap that keeps them from being read.</summary>
/// <remarks>
/// A missing clause yields a result that says so and carries no numbers: the engine never guesses a rate.
/// </remarks>
public sealed record DelayPaymentClause
{
    private DelayPaymentClause(DelayPaymentTerms? terms, CrossReferenceGap? gap)
    {
        Terms = terms;
        Gap = gap;
    }

    /// <summary>
    /// The seed agreement of April 28, 2000: § 1 defines "Registration Delay Payments" by § 2(e), which the exhibit
    /// does not contain (§ 2 ends at (c)).
    /// </summary>
    public static DelayPaymentClause NeoTherapeutics2000 { get; } = Missing(CrossReferenceGap.NeoTherapeutics2000RegistrationDelayPayments);

    /// <summary>The terms; null when <see cref="Gap"/> is set.</summary>
    public DelayPaymentTerms? Terms { get; }

    /// <summary>Why the terms cannot be read; null when <see cref="Terms"/> is set.</summary>
    public CrossReferenceGap? Gap { get; }

    /// <summary>A clause with these terms.</summary>
    public static DelayPaymentClause Of(DelayPaymentTerms terms) => new(Preconditions.CheckNotNull(terms), null);

    /// <summary>A clause the agreement cites but does not contain.</summary>
    public static DelayPaymentClause Missing(CrossReferenceGap gap) => new(null, Preconditions.CheckNotNull(gap));
}

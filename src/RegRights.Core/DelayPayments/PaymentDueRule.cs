using RegRights.Core.Utility;

namespace RegRights.Core.DelayPayments;

/// <summary>When each period's payment is due: <see cref="Count"/> days or Business Days after the period's last day.</summary>
/// <remarks>
/// Business Days are stepped forward one at a time from the period's last day, which does not count (DOMAIN.md
/// "Counting"); calendar days are added, and the date stands on a weekend (no roll rule).
/// </remarks>
public sealed record PaymentDueRule
{
    /// <summary>Creates the rule.</summary>
    /// <param name="count">Days after the period's end, 0 to 365 (0: due on its last day).</param>
    /// <param name="businessDays">Whether <paramref name="count"/> is Business Days rather than calendar days.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> is outside [0, 365].</exception>
    public PaymentDueRule(int count, bool businessDays)
    {
        Count = Preconditions.CheckArgumentRange(nameof(count), count, 0, 365);
        BusinessDays = businessDays;
    }

    /// <summary>Days after the period's last day.</summary>
    public int Count { get; }

    /// <summary>Whether <see cref="Count"/> is Business Days.</summary>
    public bool BusinessDays { get; }
}

using RegRights.Core.Utility;

namespace RegRights.Core.DelayPayments;

/// <summary>How a late payment bears interest.</summary>
public enum LateInterestBasis
{
    /// <summary>No late interest.</summary>
    None,

    /// <summary>Simple interest at a percent per month, pro rata daily over a 30-day month.</summary>
    PerMonth,

    /// <summary>Simple interest at a percent per year, pro rata daily over a 365-day year.</summary>
    PerYear,

    /// <summary>"The maximum rate permitted by law": unknown to the engine, so not computed and flagged.</summary>
    LegalMaximum,
}

/// <summary>Interest on a payment not made by its due date: simple (never compounded), daily.</summary>
/// <remarks>
/// Interest runs on each day after the due date up to and including the day a payment is made, on the amount then
/// unpaid: paid 10 days late at 1.5 % a month is 1.5 % × 10/30 of the amount. Days are counted over a 30-day month or a
/// 365-day year: a reading, since the clauses seldom say.
/// </remarks>
public sealed record LateInterestTerms
{
    private LateInterestTerms(LateInterestBasis basis, decimal percent)
    {
        Basis = basis;
        Percent = percent;
    }

    /// <summary>No late interest.</summary>
    public static LateInterestTerms None { get; } = new(LateInterestBasis.None, 0m);

    /// <summary>"The maximum rate permitted by applicable law": flagged as unknown on every result.</summary>
    public static LateInterestTerms LegalMaximum { get; } = new(LateInterestBasis.LegalMaximum, 0m);

    /// <summary>How interest is counted.</summary>
    public LateInterestBasis Basis { get; }

    /// <summary>The rate in percent per month or per year (1.5 for 1.5 %); 0 unless <see cref="Basis"/> is a rate.</summary>
    public decimal Percent { get; }

    /// <summary>Days in the rate's unit: 30 a month, 365 a year.</summary>
    public int DaysPerUnit => Basis == LateInterestBasis.PerYear ? 365 : 30;

    /// <summary>Simple interest at <paramref name="percent"/> a month, e.g. 1.5.</summary>
    /// <exception cref="ArgumentException"><paramref name="percent"/> is not in (0, 100].</exception>
    public static LateInterestTerms PerMonth(decimal percent) => new(LateInterestBasis.PerMonth, CheckPercent(percent));

    /// <summary>Simple interest at <paramref name="percent"/> a year, e.g. 18.</summary>
    /// <exception cref="ArgumentException"><paramref name="percent"/> is not in (0, 100].</exception>
    public static LateInterestTerms PerYear(decimal percent) => new(LateInterestBasis.PerYear, CheckPercent(percent));

    internal static decimal CheckPercent(decimal percent, string paramName = "percent")
    {
        Preconditions.CheckArgument(percent > 0m && percent <= 100m, paramName, "Percent should be in (0, 100]");
        return percent;
    }
}

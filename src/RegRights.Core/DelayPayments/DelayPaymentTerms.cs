using RegRights.Core.Utility;

namespace RegRights.Core.DelayPayments;

/// <summary>
/// The terms of a Registration Delay Payment (liquidated damages) clause: which failures count, the rate of each
/// Holder's subscription amount per period, pro rata, the cap, when each payment is due, late interest, cure and the
/// Rule 144 exclusion. Rules only; the words are written by <c>DelayPaymentText</c>.
/// </summary>
/// <remarks>
/// Accrual runs from the Event Date, which counts, to the day before the cure (the cure day does not accrue), each
/// period anchored on the Event Date. A typical modern PIPE clause: Filing, Effectiveness and Maintenance Failures, 1.0 %
/// per 30 days, pro rata daily, capped at 6 % per Holder, due 5 Business Days after each period, 1.5 % a month on late
/// payments.
/// </remarks>
public sealed record DelayPaymentTerms
{
    /// <summary>Creates the terms with the defaults below.</summary>
    /// <param name="section">The clause's section, e.g. "§ 2(e)", cited on every result.</param>
    /// <param name="failures">The failures that accrue; at least one.</param>
    /// <param name="ratePercent">Percent of each Holder's subscription amount per period, in (0, 100], e.g. 1.0.</param>
    /// <param name="period">The accrual period.</param>
    /// <param name="paymentDue">When each period's payment is due.</param>
    /// <exception cref="ArgumentException">No failure is named, or the rate is outside (0, 100].</exception>
    public DelayPaymentTerms(string section, FailureKind failures, decimal ratePercent, AccrualPeriodLength period,
        PaymentDueRule paymentDue)
    {
        Section = Preconditions.CheckNotNull(section);
        Preconditions.CheckArgument(failures != FailureKind.None, nameof(failures), "At least one failure should count");
        Failures = failures;
        RatePercent = LateInterestTerms.CheckPercent(ratePercent, nameof(ratePercent));
        Period = period;
        PaymentDue = Preconditions.CheckNotNull(paymentDue);
    }

    /// <summary>The clause's section, e.g. "§ 2(e)".</summary>
    public string Section { get; }

    /// <summary>The failures that accrue.</summary>
    public FailureKind Failures { get; }

    /// <summary>Percent of each Holder's subscription amount per period (its "Purchase Price" or "Subscription Amount").</summary>
    public decimal RatePercent { get; }

    /// <summary>The accrual period.</summary>
    public AccrualPeriodLength Period { get; }

    /// <summary>When each period's payment is due.</summary>
    public PaymentDueRule PaymentDue { get; }

    /// <summary>A partial period's share; default daily over the period's days.</summary>
    public ProRataRule ProRata { get; init; } = ProRataRule.Daily;

    /// <summary>
    /// The aggregate cap in percent of each Holder's subscription amount, e.g. 6.0; null for none. Applied per Holder:
    /// no Holder accrues more than this percent of its own amount.
    /// </summary>
    /// <exception cref="ArgumentException">Set outside (0, 100].</exception>
    public decimal? CapPercent
    {
        get;
        init => field = value is { } cap ? LateInterestTerms.CheckPercent(cap, nameof(CapPercent)) : null;
    }

    /// <summary>Interest on a late payment; default none.</summary>
    public LateInterestTerms LateInterest { get; init => field = Preconditions.CheckNotNull(value); } = LateInterestTerms.None;

    /// <summary>Whether a cure stops accrual; default true, as in every form seen.</summary>
    public bool CureStopsAccrual { get; init; } = true;

    /// <summary>
    /// Whether securities saleable under Rule 144 without restriction accrue nothing: from the first day they are so
    /// saleable, nothing accrues. Default false.
    /// </summary>
    public bool ExcludesRule144Saleable { get; init; }

    /// <summary>How each amount is rounded; default to the cent, half away from zero.</summary>
    public MoneyRounding Rounding { get; init => field = Preconditions.CheckNotNull(value); } = MoneyRounding.CentHalfAwayFromZero;
}

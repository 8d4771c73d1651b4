using NodaTime;

namespace RegRights.Core.DelayPayments;

/// <summary>Why an accrual period ended where it did.</summary>
public enum AccrualEnd
{
    /// <summary>It ran its full length.</summary>
    FullPeriod,

    /// <summary>The failure was cured: the period ends the day before the cure.</summary>
    Cured,

    /// <summary>The cap was reached on its last day; nothing accrues after.</summary>
    CapReached,

    /// <summary>The securities became saleable under Rule 144: the period ends the day before.</summary>
    Rule144Saleable,

    /// <summary>Still running on the as-of date: the amount is to date and no payment is due yet.</summary>
    InProgress,
}

/// <summary>What a computation found.</summary>
public enum DelayPaymentOutcome
{
    /// <summary>The terms were read and the amounts computed.</summary>
    Computed,

    /// <summary>The terms do not count this failure: nothing accrues.</summary>
    FailureNotCovered,

    /// <summary>The clause cannot be read (<see cref="DelayPaymentSchedule.Gap"/>): no amounts, rather than a guess.</summary>
    TermsMissing,
}

/// <summary>One Holder's share of one accrual period.</summary>
/// <param name="HolderId">The Holder.</param>
/// <param name="Amount">The period's Registration Delay Payment, rounded.</param>
/// <param name="RunningTotal">The Holder's payments accrued through this period.</param>
/// <param name="Paid">Paid against this period by the as-of date.</param>
/// <param name="LateInterest">Interest on late payment as of the as-of date; zero if none is due or the terms have none; null when the rate is unknown (the legal maximum).</param>
/// <param name="Basis">The arithmetic in words, e.g. "1.0 % × $1,000,000.00 × 17/30 = $5,666.67, …".</param>
/// <param name="LateInterestBasis">The interest's arithmetic in words; empty when no payment is late.</param>
public sealed record HolderAccrual(string HolderId, Money Amount, Money RunningTotal, Money Paid, Money? LateInterest,
    string Basis, string LateInterestBasis)
{
    /// <summary>The amount less what was paid against it (negative if overpaid).</summary>
    public Money Outstanding => Amount.Minus(Paid);
}

/// <summary>One accrual period: its days (both ends inclusive), amounts per Holder and in total, and when it is due.</summary>
/// <param name="Number">From 1.</param>
/// <param name="Start">Its first day.</param>
/// <param name="End">Its last accruing day (inclusive).</param>
/// <param name="ScheduledEnd">The last day of the full period.</param>
/// <param name="PeriodDays">Days in the full period: 30, or the calendar month's 28–31.</param>
/// <param name="AccruedDays">Days that accrued, <see cref="Start"/> to <see cref="End"/>.</param>
/// <param name="EndedBy">Why it ended at <see cref="End"/>.</param>
/// <param name="Holders">Each Holder's share, in the order given.</param>
/// <param name="Total">The sum of the Holders' amounts.</param>
/// <param name="RunningTotal">All Holders' payments accrued through this period.</param>
/// <param name="DueDate">When the payment is due; null while <see cref="AccrualEnd.InProgress"/>.</param>
/// <param name="Basis">The period in words, for a lawyer to check.</param>
public sealed record AccrualPeriod(int Number, LocalDate Start, LocalDate End, LocalDate ScheduledEnd, int PeriodDays,
    int AccruedDays, AccrualEnd EndedBy, IReadOnlyList<HolderAccrual> Holders, Money Total, Money RunningTotal,
    LocalDate? DueDate, string Basis)
{
    /// <summary>Whether fewer days accrued than the full period has.</summary>
    public bool IsPartial => AccruedDays < PeriodDays;
}

/// <summary>The Registration Delay Payments of one failure as of a date.</summary>
/// <param name="Outcome">Computed, or why not.</param>
/// <param name="Section">The clause's section ("§ 2(e)"), or where the gap is ("§ 1").</param>
/// <param name="Failure">The failure.</param>
/// <param name="EventDate">Its first day.</param>
/// <param name="AsOf">The as-of date.</param>
/// <param name="Periods">The accrual periods through the as-of date; empty unless computed.</param>
/// <param name="Total">All payments accrued; null unless computed.</param>
/// <param name="Cap">The aggregate cap over all Holders; null when uncapped or not computed.</param>
/// <param name="CapReachedOn">The day the cap was reached (nothing accrues after it); null if not by the as-of date.</param>
/// <param name="Gap">The cross-reference that keeps the terms from being read; null otherwise.</param>
/// <param name="Readings">The readings the result depends on.</param>
/// <param name="Explanation">The result in one sentence.</param>
public sealed record DelayPaymentSchedule(DelayPaymentOutcome Outcome, string Section, FailureKind Failure,
    LocalDate EventDate, LocalDate AsOf, IReadOnlyList<AccrualPeriod> Periods, Money? Total, Money? Cap,
    LocalDate? CapReachedOn, CrossReferenceGap? Gap, IReadOnlyList<DelayPaymentReading> Readings, string Explanation)
{
    /// <summary>Whether a late interest figure is unknown because the terms give "the legal maximum".</summary>
    public bool LateInterestUnknown => Periods.Any(p => p.Holders.Any(h => h.LateInterest is null));
}

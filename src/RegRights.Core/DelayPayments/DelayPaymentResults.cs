using NodaTime;
using RegRights.Core.Utility;

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
/// <remarks>The words (<see cref="Basis"/>, <see cref="LateInterestBasis"/>) are written when read.</remarks>
public sealed record HolderAccrual
{
    private readonly AccrualText text;
    private readonly Money uncapped;
    private readonly int shareDays;
    private readonly int periodDays;
    private readonly int holderIndex;
    private readonly LateStretches? late;

    internal HolderAccrual(string holderId, Money amount, Money runningTotal, Money paid, Money? lateInterest,
        AccrualText text, Money uncapped, int shareDays, int periodDays, int holderIndex, LateStretches? late)
    {
        HolderId = holderId;
        Amount = amount;
        RunningTotal = runningTotal;
        Paid = paid;
        LateInterest = lateInterest;
        this.text = text;
        this.uncapped = uncapped;
        this.shareDays = shareDays;
        this.periodDays = periodDays;
        this.holderIndex = holderIndex;
        this.late = late;
    }

    /// <summary>The Holder.</summary>
    public string HolderId { get; }

    /// <summary>The period's Registration Delay Payment, rounded.</summary>
    public Money Amount { get; }

    /// <summary>The Holder's payments accrued through this period.</summary>
    public Money RunningTotal { get; }

    /// <summary>Paid against this period by the as-of date.</summary>
    public Money Paid { get; }

    /// <summary>Interest on late payment as of the as-of date; zero if none is due or the terms have none; null when the rate is unknown (the legal maximum).</summary>
    public Money? LateInterest { get; }

    /// <summary>The arithmetic in words, e.g. "1.0 % × $1,000,000.00 × 17/30 = $5,666.67, …".</summary>
    public string Basis => DelayPaymentText.HolderBasis(text.Terms, text.Words, text.HolderAmount(holderIndex), shareDays,
        periodDays, uncapped, Amount, RunningTotal.Minus(Amount), SaleableFrom);

    /// <summary>
    /// The day this Holder's securities became saleable under Rule 144, when that cut its share of this period short
    /// (the clause excludes such securities); null otherwise.
    /// </summary>
    public LocalDate? SaleableFrom { get; init; }

    /// <summary>The interest's arithmetic in words; empty when no payment is late.</summary>
    public string LateInterestBasis => late is not { } l
        ? string.Empty
        : LateInterest is { } interest
            ? DelayPaymentText.LateInterest(text.Terms.LateInterest, l.Due, l.Stretches, interest, Amount.Currency)
            : DelayPaymentText.LegalMaximum(l.Due, l.Stretches);

    /// <summary>The amount less what was paid against it (negative if overpaid).</summary>
    public Money Outstanding => Amount.Minus(Paid);
}

/// <summary>The stretches of days a late payment bore interest on, from the day after its due date.</summary>
internal sealed record LateStretches(LocalDate Due, List<(decimal Balance, int Days)> Stretches);

/// <summary>One accrual period: its days (both ends inclusive), amounts per Holder and in total, and when it is due.</summary>
/// <remarks>The words (<see cref="Basis"/>) are written when read.</remarks>
public sealed record AccrualPeriod : IWords
{
    private readonly AccrualText text;

    internal AccrualPeriod(int number, LocalDate start, LocalDate end, LocalDate scheduledEnd, int periodDays,
        int accruedDays, AccrualEnd endedBy, IReadOnlyList<HolderAccrual> holders, Money total, Money runningTotal,
        LocalDate? dueDate, AccrualText text)
    {
        Number = number;
        Start = start;
        End = end;
        ScheduledEnd = scheduledEnd;
        PeriodDays = periodDays;
        AccruedDays = accruedDays;
        EndedBy = endedBy;
        Holders = holders;
        Total = total;
        RunningTotal = runningTotal;
        DueDate = dueDate;
        this.text = text;
    }

    /// <summary>From 1.</summary>
    public int Number { get; }

    /// <summary>Its first day.</summary>
    public LocalDate Start { get; }

    /// <summary>Its last accruing day (inclusive).</summary>
    public LocalDate End { get; }

    /// <summary>The last day of the full period.</summary>
    public LocalDate ScheduledEnd { get; }

    /// <summary>Days in the full period: 30, or the calendar month's 28–31.</summary>
    public int PeriodDays { get; }

    /// <summary>Days that accrued, <see cref="Start"/> to <see cref="End"/>.</summary>
    public int AccruedDays { get; }

    /// <summary>Why it ended at <see cref="End"/>.</summary>
    public AccrualEnd EndedBy { get; }

    /// <summary>Each Holder's share, in the order given.</summary>
    public IReadOnlyList<HolderAccrual> Holders { get; }

    /// <summary>The sum of the Holders' amounts.</summary>
    public Money Total { get; }

    /// <summary>All Holders' payments accrued through this period.</summary>
    public Money RunningTotal { get; }

    /// <summary>When the payment is due; null while <see cref="AccrualEnd.InProgress"/>.</summary>
    public LocalDate? DueDate { get; }

    /// <summary>The period in words, for a lawyer to check.</summary>
    public string Basis => DelayPaymentText.PeriodBasis(text.Terms, text.Words, Number, Start, End, PeriodDays,
        AccruedDays, EndedBy, text.Facts, DueDate);

    /// <summary>Whether fewer days accrued than the full period has.</summary>
    public bool IsPartial => AccruedDays < PeriodDays;

    string IWords.Write() => Basis;
}

/// <summary>The Registration Delay Payments of one failure as of a date.</summary>
/// <remarks>The words (<see cref="Explanation"/>) of a computed result are written when read.</remarks>
public sealed record DelayPaymentSchedule
{
    private readonly string? explanation;
    private readonly AccrualText? text;

    internal DelayPaymentSchedule(DelayPaymentOutcome outcome, string section, FailureKind failure, LocalDate eventDate,
        LocalDate asOf, IReadOnlyList<AccrualPeriod> periods, Money? total, Money? cap, LocalDate? capReachedOn,
        CrossReferenceGap? gap, IReadOnlyList<DelayPaymentReading> readings, string? explanation, AccrualText? text = null)
    {
        Outcome = outcome;
        Section = section;
        Failure = failure;
        EventDate = eventDate;
        AsOf = asOf;
        Periods = periods;
        Total = total;
        Cap = cap;
        CapReachedOn = capReachedOn;
        Gap = gap;
        Readings = readings;
        this.explanation = explanation;
        this.text = text;
    }

    /// <summary>Computed, or why not.</summary>
    public DelayPaymentOutcome Outcome { get; }

    /// <summary>The clause's section ("§ 2(e)"), or where the gap is ("§ 1").</summary>
    public string Section { get; }

    /// <summary>The failure.</summary>
    public FailureKind Failure { get; }

    /// <summary>Its first day.</summary>
    public LocalDate EventDate { get; }

    /// <summary>The as-of date.</summary>
    public LocalDate AsOf { get; }

    /// <summary>The accrual periods through the as-of date; empty unless computed.</summary>
    public IReadOnlyList<AccrualPeriod> Periods { get; }

    /// <summary>All payments accrued; null unless computed.</summary>
    public Money? Total { get; }

    /// <summary>The aggregate cap over all Holders; null when uncapped or not computed.</summary>
    public Money? Cap { get; }

    /// <summary>The day the cap was reached (nothing accrues after it); null if not by the as-of date.</summary>
    public LocalDate? CapReachedOn { get; }

    /// <summary>The cross-reference that keeps the terms from being read; null otherwise.</summary>
    public CrossReferenceGap? Gap { get; }

    /// <summary>The readings the result depends on.</summary>
    public IReadOnlyList<DelayPaymentReading> Readings { get; }

    /// <summary>The result in one sentence.</summary>
    public string Explanation => explanation
        ?? DelayPaymentText.Summary(text!.Terms, text.Facts, Periods, Total!.Value, Cap, CapReachedOn);

    /// <summary>Whether a late interest figure is unknown because the terms give "the legal maximum".</summary>
    public bool LateInterestUnknown => Periods.Any(p => p.Holders.Any(h => h.LateInterest is null));
}

/// <summary>What one computation's words are written from: its terms, facts and the words its periods repeat.</summary>
internal sealed class AccrualText(DelayPaymentTerms terms, DelayPaymentFacts facts)
{
    private string?[]? holderAmounts;

    internal DelayPaymentTerms Terms { get; } = terms;

    internal DelayPaymentFacts Facts { get; } = facts;

    internal ClauseWords Words => field ??= new(Terms);

    // "$1,000,000.00", written once per Holder for every period that cites it.
    internal string HolderAmount(int index)
    {
        holderAmounts ??= new string?[Facts.Holders.Count];
        return holderAmounts[index] ??= Facts.Holders[index].Amount.ToString();
    }
}

using NodaTime;
using RegRights.Contracts.Agreements;
using RegRights.Core.Deadlines;
using RegRights.Core.DelayPayments;
using RegRights.Core.Suspensions;

namespace RegRights.Contracts.Deadlines;

/// <summary>One failure and its Registration Delay Payments, as the deadlines document carries it.</summary>
/// <param name="Failure">filingFailure, effectivenessFailure or maintenanceFailure.</param>
/// <param name="EventDate">Its first day, which accrues.</param>
/// <param name="CuredOn">Its cure, or null.</param>
/// <param name="Basis">Where the Event Date and the cure come from, in words.</param>
/// <param name="Section">The clause's section, or where the gap is.</param>
/// <param name="Computed">Whether amounts were computed; when false, <paramref name="NotComputed"/> says why.</param>
/// <param name="NotComputed">Why no amounts (the clause is missing, no subscription amounts); null when computed.</param>
/// <param name="Periods">Each accrual period.</param>
/// <param name="Total">All payments accrued, or null.</param>
/// <param name="Cap">The cap over all Holders, or null.</param>
/// <param name="CapReachedOn">The day the cap was reached, or null.</param>
/// <param name="Explanation">The result in one sentence.</param>
/// <param name="Readings">The readings it depends on, in words with the other reading.</param>
/// <param name="Gaps">The cross-references it depends on that the agreement does not contain.</param>
public sealed record FailurePaymentsDocument(
    FailureKind Failure, LocalDate EventDate, LocalDate? CuredOn, string Basis, string Section, bool Computed, string? NotComputed,
    IReadOnlyList<AccrualPeriodDocument> Periods, MoneyDocument? Total, MoneyDocument? Cap, LocalDate? CapReachedOn,
    string? Explanation, IReadOnlyList<string> Readings, IReadOnlyList<CrossReferenceGapDocument> Gaps)
{
    /// <summary>For a Filing Failure, the tranche of the closing whose Filing Deadline was missed; null for the first (unnamed) closing and the other failures.</summary>
    public string? Tranche { get; init; }

    internal static FailurePaymentsDocument From(FailurePayments failure)
    {
        var schedule = failure.Schedule;
        return new(failure.Failure, failure.EventDate, failure.CuredOn, failure.Basis,
            schedule?.Section ?? (failure.Gaps.Count > 0 ? failure.Gaps[0].Section : ""),
            schedule is not null, failure.NotComputed,
            schedule is null ? [] : [.. schedule.Periods.Select((p, i) => AccrualPeriodDocument.From(p, failure.PeriodKeys[i]))],
            Money(schedule?.Total), Money(schedule?.Cap), schedule?.CapReachedOn, schedule?.Explanation,
            schedule is null ? [] : [.. schedule.Readings.Select(DelayPaymentText.Describe)],
            [.. failure.Gaps.Select(CrossReferenceGapDocument.From)])
        {
            Tranche = failure.Tranche,
        };
    }

    internal static MoneyDocument? Money(Money? money) => money is { } m ? MoneyDocument.From(m) : null;
}

/// <summary>One accrual period: its days, each Holder's amount, the total, the running total and its payment deadline.</summary>
/// <param name="Number">From 1.</param>
/// <param name="DeadlineKey">Its payment deadline's key (e.g. <c>filing-failure-payment#1</c>), or null while it runs.</param>
/// <param name="Start">Its first day.</param>
/// <param name="End">Its last accruing day.</param>
/// <param name="AccruedDays">Days accrued.</param>
/// <param name="PeriodDays">Days in the full period.</param>
/// <param name="EndedBy">fullPeriod, cured, capReached, rule144Saleable or inProgress.</param>
/// <param name="DueDate">When its payment is due, or null while it runs.</param>
/// <param name="Total">The Holders' amounts summed.</param>
/// <param name="RunningTotal">All payments through this period.</param>
/// <param name="Basis">The period in words.</param>
/// <param name="Holders">Each Holder's share.</param>
public sealed record AccrualPeriodDocument(
    int Number, string? DeadlineKey, LocalDate Start, LocalDate End, int AccruedDays, int PeriodDays, AccrualEnd EndedBy,
    LocalDate? DueDate, MoneyDocument Total, MoneyDocument RunningTotal, string Basis, IReadOnlyList<HolderAmountDocument> Holders)
{
    internal static AccrualPeriodDocument From(AccrualPeriod p, string? key) => new(
        p.Number, key, p.Start, p.End, p.AccruedDays, p.PeriodDays, p.EndedBy, p.DueDate, MoneyDocument.From(p.Total),
        MoneyDocument.From(p.RunningTotal), p.Basis,
        [.. p.Holders.Select(h => new HolderAmountDocument(h.HolderId, MoneyDocument.From(h.Amount), MoneyDocument.From(h.RunningTotal),
            MoneyDocument.From(h.Paid), MoneyDocument.From(h.Outstanding), FailurePaymentsDocument.Money(h.LateInterest), h.Basis,
            h.LateInterestBasis.Length == 0 ? null : h.LateInterestBasis))]);
}

/// <summary>One Holder's share of a period.</summary>
/// <param name="Holder">The Holder, by party name.</param>
/// <param name="Amount">Its amount for the period.</param>
/// <param name="RunningTotal">Its amounts through the period.</param>
/// <param name="Paid">Paid against the period by the as-of date.</param>
/// <param name="Outstanding">Amount less paid.</param>
/// <param name="LateInterest">Interest on what was late, or null when "the legal maximum" leaves it unknown.</param>
/// <param name="Basis">The arithmetic in words.</param>
/// <param name="LateInterestBasis">The interest's arithmetic, or null when nothing was late.</param>
public sealed record HolderAmountDocument(
    string Holder, MoneyDocument Amount, MoneyDocument RunningTotal, MoneyDocument Paid, MoneyDocument Outstanding,
    MoneyDocument? LateInterest, string Basis, string? LateInterestBasis);

/// <summary>The suspensions as of the as-of date: days and occasions used in the trailing 365 days, any running one's last allowed day, each limit exceeded.</summary>
/// <param name="Section">The clause's section.</param>
/// <param name="DaysUsed">Suspension days in the 365 days ending on the as-of date.</param>
/// <param name="OccasionsUsed">Occasions lasting into them.</param>
/// <param name="CurrentLastAllowedDay">A running suspension's last allowed day, or null.</param>
/// <param name="CurrentLimitingTerm">Which limit sets it, or null.</param>
/// <param name="Breaches">Each limit exceeded: a Maintenance Failure.</param>
/// <param name="Explanation">The status in words.</param>
/// <param name="Readings">The readings it depends on.</param>
/// <param name="Gaps">The cross-references it depends on that the agreement does not contain.</param>
public sealed record SuspensionStatusDocument(
    string Section, int DaysUsed, int OccasionsUsed, LocalDate? CurrentLastAllowedDay, SuspensionLimit? CurrentLimitingTerm,
    IReadOnlyList<SuspensionBreachDocument> Breaches, string Explanation, IReadOnlyList<string> Readings,
    IReadOnlyList<CrossReferenceGapDocument> Gaps)
{
    internal static SuspensionStatusDocument From(SuspensionStatus s, IReadOnlyList<CrossReferenceGap> gaps) => new(
        s.Section, s.DaysUsed, s.OccasionsUsed, s.CurrentLastAllowedDay, s.CurrentLimitingTerm,
        [.. s.Breaches.Select(b => new SuspensionBreachDocument(b.Limit, b.ExceededOn, b.CuredOn, b.Basis))], s.Explanation,
        [.. s.Readings.Select(SuspensionText.Describe)], [.. gaps.Select(CrossReferenceGapDocument.From)]);
}

/// <summary>A limit exceeded.</summary>
/// <param name="Limit">consecutiveDays, daysIn365, occasionsIn365 or businessDaysBetween.</param>
/// <param name="ExceededOn">The first day beyond it: the Maintenance Failure's Event Date.</param>
/// <param name="CuredOn">The Advice, or null.</param>
/// <param name="Basis">The count in words.</param>
public sealed record SuspensionBreachDocument(SuspensionLimit Limit, LocalDate ExceededOn, LocalDate? CuredOn, string Basis);

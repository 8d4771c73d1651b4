using NodaTime;
using RegRights.Core.Agreements;
using RegRights.Core.Suspensions;

namespace RegRights.Core.Deadlines;

/// <summary>Every deadline instance of one agreement on one as-of date, in catalog order.</summary>
/// <param name="Terms">The terms the schedule was computed under.</param>
/// <param name="AsOf">The date statuses are judged on, in the agreement's zone.</param>
/// <param name="Deadlines">The instances, in catalog order, a repeating obligation's instances by their number.</param>
public sealed record DeadlineSchedule(AgreementTerms Terms, LocalDate AsOf, IReadOnlyList<Deadline> Deadlines)
{
    /// <summary>Each failure (Filing, Effectiveness, Maintenance) found by the as-of date and its Registration Delay Payments.</summary>
    public IReadOnlyList<FailurePayments> DelayPayments { get; init; } = [];

    /// <summary>The suspensions (grace periods) as of the as-of date; null when none is recorded and the terms set no limit.</summary>
    public SuspensionStatus? Suspensions { get; init; }

    /// <summary>Each Rule 415 cutback recorded, in date order, with its additional statement's deadlines or why they are not computed.</summary>
    public IReadOnlyList<CutbackStatus> Cutbacks { get; init; } = [];

    /// <summary>The cross-references the suspension results depend on that the agreement does not contain (the seed's § 6(d) "Advice").</summary>
    public IReadOnlyList<RegRights.Core.DelayPayments.CrossReferenceGap> SuspensionGaps =>
        DealObligations.GapsFor(Terms, RegRights.Core.DelayPayments.GapAffects.Suspensions);

    /// <summary>The instance with the given key, or null.</summary>
    /// <param name="key">An instance key, e.g. <c>filing-date</c> or <c>sec-comment-response#2</c>.</param>
    public Deadline? Find(string key)
    {
        foreach (var deadline in Deadlines)
        {
            if (deadline.Key == key)
            {
                return deadline;
            }
        }

        return null;
    }
}

/// <summary>
/// One Rule 415 cutback (<see cref="AgreementEventKind.Cutback"/>) on the schedule: the keys of its additional
/// registration statement's deadlines, or why one is not computed.
/// </summary>
/// <param name="Cutback">The cutback event.</param>
public sealed record CutbackStatus(AgreementEvent Cutback)
{
    /// <summary>The cutback clause's section, e.g. "§ 2(b)"; null when the agreement has none.</summary>
    public string? Section { get; init; }

    /// <summary>The additional Filing Deadline's key (<c>additional-filing#1</c>); null while not computed.</summary>
    public string? FilingKey { get; init; }

    /// <summary>The additional Effectiveness Deadline's key (<c>additional-effectiveness#1</c>); null while not computed.</summary>
    public string? EffectivenessKey { get; init; }

    /// <summary>Why a deadline is not computed (no cutback clause, the start not yet recorded); null when both are.</summary>
    public string? Note { get; init; }
}

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

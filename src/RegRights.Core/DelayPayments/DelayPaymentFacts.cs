using System.Collections.ObjectModel;
using NodaTime;

namespace RegRights.Core.DelayPayments;

/// <summary>What happened: the failure, its Event Date, its cure, the Holders and the payments made.</summary>
/// <remarks>
/// The Event Date is the first day of the failure, and accrues: for a Filing Failure under an "on or prior to" Filing
/// Date, the day after the Filing Date. The cure day does not accrue (a reading, <see cref="DelayPaymentReading.CureDayDoesNotAccrue"/>).
/// </remarks>
/// <param name="Failure">The failure; exactly one flag.</param>
/// <param name="EventDate">The first day of the failure.</param>
/// <param name="Holders">Each Holder's subscription amount, all in one currency; at least one.</param>
public sealed record DelayPaymentFacts(FailureKind Failure, LocalDate EventDate, IReadOnlyList<HolderSubscription> Holders)
{
    /// <summary>The day the failure was cured (filed, declared effective, prospectus usable again); null while uncured.</summary>
    public LocalDate? CuredOn { get; init; }

    /// <summary>Payments made against the accrual periods; default none.</summary>
    public IReadOnlyList<PaymentMade> Payments { get; init; } = [];

    /// <summary>The first day every Holder's securities may be sold under Rule 144 without restriction; null if not yet known.</summary>
    public LocalDate? Rule144SaleableFrom { get; init; }

    /// <summary>
    /// The first day one Holder's securities may be sold under Rule 144 without restriction, by Holder id: under a
    /// clause with the exclusion that Holder accrues nothing from that day while the others go on; default none.
    /// </summary>
    public IReadOnlyDictionary<string, LocalDate> Rule144SaleableFromByHolder { get; init; } = ReadOnlyDictionary<string, LocalDate>.Empty;
}

namespace RegRights.Core.DelayPayments;

/// <summary>A Holder and its subscription amount in one closing, the base of its Registration Delay Payments.</summary>
/// <param name="HolderId">The Holder's id, unique within the agreement.</param>
/// <param name="Amount">The amount it paid for its securities; positive.</param>
public sealed record HolderSubscription(string HolderId, Money Amount)
{
    /// <summary>
    /// The closing's tranche (<c>AgreementEvent.Tranche</c>) the amount was paid at; null for the first (or only)
    /// closing. A Holder that bought at two closings has one subscription for each.
    /// </summary>
    public string? Tranche { get; init; }
}

/// <summary>A payment the Company made to a Holder against one accrual period: the event that meets that accrual.</summary>
/// <param name="HolderId">The Holder paid.</param>
/// <param name="PeriodNumber">The accrual period paid, from 1.</param>
/// <param name="Date">The day paid.</param>
/// <param name="Amount">The amount paid.</param>
public sealed record PaymentMade(string HolderId, int PeriodNumber, NodaTime.LocalDate Date, Money Amount);

using NodaTime;
using RegRights.Core.DelayPayments;
using RegRights.Core.Utility;

namespace RegRights.Core.Agreements;

/// <summary>
/// One recorded event of an agreement: what happened, on which date in the agreement's zone, and what it refers to.
/// </summary>
/// <remarks>
/// A response filed refers to its comment letter by the letter's <see cref="Id"/>: the second letter's response
/// is matched to the second letter even when the first is still open.
/// </remarks>
public sealed record AgreementEvent
{
    /// <summary>Creates an event.</summary>
    /// <param name="id">Stable identifier, unique within the agreement.</param>
    /// <param name="kind">What happened.</param>
    /// <param name="date">The date it happened, in the agreement's zone.</param>
    /// <exception cref="ArgumentException"><paramref name="id"/> is blank.</exception>
    public AgreementEvent(string id, AgreementEventKind kind, LocalDate date)
    {
        Preconditions.CheckArgument(!string.IsNullOrWhiteSpace(id), nameof(id), "An event needs an id.");
        Id = id;
        Kind = kind;
        Date = date;
    }

    /// <summary>Stable identifier, unique within the agreement.</summary>
    public string Id { get; }

    /// <summary>What happened.</summary>
    public AgreementEventKind Kind { get; }

    /// <summary>The date it happened, in the agreement's zone.</summary>
    public LocalDate Date { get; }

    /// <summary>The id of the event this one answers (a response's comment letter, a payment's notice).</summary>
    public string? RefersTo { get; init; }

    /// <summary>For <see cref="AgreementEventKind.ExcusedDelay"/>: the days of excused delay (1 to 1000).</summary>
    public int? Days { get; init => field = value is null ? null : Preconditions.CheckArgumentRange(nameof(Days), value.Value, 1, 1000); }

    /// <summary>For <see cref="AgreementEventKind.Waiver"/>: the deadline waived, by its key.</summary>
    public string? DeadlineKey { get; init; }

    /// <summary>Free text for the record (who, which document).</summary>
    public string? Note { get; init; }

    // Deal events (issue 13).

    /// <summary>
    /// For <see cref="AgreementEventKind.Closing"/>: the closing's name when a deal closes in tranches ("second
    /// closing"). A later closing with the same tranche (or, like the seed's, none) is a correction of it; one with
    /// another tranche is another closing, with its own Filing Deadline.
    /// </summary>
    public string? Tranche { get; init; }

    /// <summary>
    /// For <see cref="AgreementEventKind.DelayPaymentMade"/>: the Holder paid; for <see cref="AgreementEventKind.Rule144Saleable"/>:
    /// the Holder whose securities became saleable; by its party name.
    /// </summary>
    public string? Holder { get; init; }

    /// <summary>For <see cref="AgreementEventKind.DelayPaymentMade"/>: the amount paid.</summary>
    public Money? Amount { get; init; }
}

using NodaTime;
using RegRights.Core.Agreements;

namespace RegRights.Contracts.Agreements;

/// <summary>An event as a client posts it and as the API returns it (<see cref="AgreementEvent"/>).</summary>
public sealed record AgreementEventDocument
{
    /// <summary>The client's id for the event, unique within the agreement (a retry with the same id is not a second event).</summary>
    public string? Id { get; init; }

    /// <summary>What happened.</summary>
    public AgreementEventKind? Kind { get; init; }

    /// <summary>The date it happened, in the agreement's zone.</summary>
    public LocalDate? Date { get; init; }

    /// <summary>The id of the event this one answers (a response's comment letter, a payment's notice).</summary>
    public string? RefersTo { get; init; }

    /// <summary>Days of excused delay (<c>excusedDelay</c> only).</summary>
    public int? Days { get; init; }

    /// <summary>The deadline waived, by its key (<c>waiver</c> only).</summary>
    public string? DeadlineKey { get; init; }

    /// <summary>Free text for the record.</summary>
    public string? Note { get; init; }

    /// <summary>A closing's tranche, when the deal closes more than once (<c>closing</c> only): each tranche has its own Filing Deadline.</summary>
    public string? Tranche { get; init; }

    /// <summary>The Holder paid (<c>delayPaymentMade</c>) or saleable under Rule 144 (<c>rule144Saleable</c>), by its party name.</summary>
    public string? Holder { get; init; }

    /// <summary>The amount paid (<c>delayPaymentMade</c> only).</summary>
    public MoneyDocument? Amount { get; init; }

    /// <summary>When the server recorded it, in the agreement's zone with the offset; ignored on input.</summary>
    public OffsetDateTime? RecordedAt { get; init; }

    /// <summary>The document of <paramref name="e"/>.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="e"/> is null.</exception>
    public static AgreementEventDocument From(AgreementEvent e, OffsetDateTime? recordedAt = null)
    {
        ArgumentNullException.ThrowIfNull(e);
        return new()
        {
            Id = e.Id, Kind = e.Kind, Date = e.Date, RefersTo = e.RefersTo, Days = e.Days,
            DeadlineKey = e.DeadlineKey, Note = e.Note, RecordedAt = recordedAt,
            Tranche = e.Tranche, Holder = e.Holder, Amount = e.Amount is { } amount ? MoneyDocument.From(amount) : null,
        };
    }
}

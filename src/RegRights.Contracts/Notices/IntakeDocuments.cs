using NodaTime;
using RegRights.Core.Notices;

namespace RegRights.Contracts.Notices;

/// <summary>What became of one provider webhook.</summary>
public enum IntakeOutcome
{
    /// <summary>It carried a delivery of a notice of a known agreement, now stamped (<see cref="IntakeReceiptDocument.Stamp"/>).</summary>
    Stamped,

    /// <summary>
    /// It belongs to a known agreement or notice but carries no delivery to stamp: an <c>envelope-voided</c>, a
    /// <c>fax.failed</c>, a courier scan that is neither the pickup nor the delivery.
    /// </summary>
    Recorded,

    /// <summary>No agreement or expected notice could be found for it (an unknown fax number, a shipment nobody registered): kept for a person to assign.</summary>
    Unmatched,
}

/// <summary>
/// One webhook from a provider (DocuSign Connect, Telnyx, FedEx, UPS), as received and kept: the answer the provider was
/// given, the same on every retry of the same provider event, and what <c>GET /api/intake/receipts/{id}</c> returns.
/// </summary>
/// <remarks>
/// Every verified webhook is kept, whether it stamps a notice or not, so counsel can see what arrived and when. The raw
/// body is kept beside it (its SHA-256 here); <see cref="Headers"/> holds the headers that matter to the provider's
/// scheme (signatures, timestamps), as received.
/// </remarks>
/// <param name="Id">The receipt id, <c>{provider}.{source}-{hash}</c>, the hash taken over the provider's event identity.</param>
/// <param name="Provider">"docusign", "telnyx", "fedex" or "ups".</param>
/// <param name="Source">The configured source (one Connect configuration, one fax application, one subscription).</param>
/// <param name="EventId">The provider's identity of the event: the key that makes a retry the same event.</param>
/// <param name="EventType">The provider's name for the event (<c>envelope-completed</c>, <c>fax.received</c>, a scan type).</param>
/// <param name="ReceivedAt">When this server received it, by its own clock, in the agreement's zone (UTC when none is known).</param>
/// <param name="BodySha256">SHA-256 of the body as received, lowercase hex.</param>
/// <param name="BodyLength">The body's length in bytes.</param>
/// <param name="Headers">The headers that matter, as received.</param>
/// <param name="Outcome">What became of it.</param>
/// <param name="Explanation">Why, in words: which agreement and notice it was matched to and how, or why none.</param>
/// <param name="AgreementId">The agreement it was matched to, or null.</param>
/// <param name="NoticeId">The notice it was linked to, or null.</param>
/// <param name="Delivery">The delivery it carried, with the fields its moments came from, or null.</param>
/// <param name="Stamp">The notice's § 6(h) stamp with this delivery among its deliveries, as it stood when this webhook was answered; null unless <see cref="Outcome"/> is <see cref="IntakeOutcome.Stamped"/>.</param>
public sealed record IntakeReceiptDocument(
    string Id,
    string Provider,
    string Source,
    string EventId,
    string EventType,
    OffsetDateTime ReceivedAt,
    string BodySha256,
    int BodyLength,
    IReadOnlyDictionary<string, string> Headers,
    IntakeOutcome Outcome,
    string Explanation,
    string? AgreementId,
    string? NoticeId,
    IntakeDeliveryDocument? Delivery,
    NoticeStampResponse? Stamp);

/// <summary>
/// A delivery as a provider reported it: how, which transmission or shipment or envelope, and each moment with the
/// payload field it was read from.
/// </summary>
/// <param name="Method">The § 6(h) method: <c>facsimile</c>, <c>courier</c>, or <c>email</c> for an e-signature envelope.</param>
/// <param name="Key">What identifies the delivery across events: the fax id, the tracking number, the envelope id.</param>
/// <param name="SentAt">The moment § 6(h) counts from the sending side (the transmission, the pickup or tender scan, the envelope's sending), or null when this event does not report it.</param>
/// <param name="SentAtField">The payload field <paramref name="SentAt"/> was read from, e.g. <c>data.occurred_at</c>.</param>
/// <param name="ReceivedAt">The receipt the provider reports (the fax received, the courier's delivery scan, the envelope opened), or null.</param>
/// <param name="ReceivedAtField">The payload field <paramref name="ReceivedAt"/> was read from.</param>
/// <param name="From">The calling fax number, or null.</param>
/// <param name="To">The receiving fax number, or null.</param>
/// <param name="Reading">The other reading of the receipt where the provider's events leave one (which e-signature event is "actual receipt"), or null.</param>
public sealed record IntakeDeliveryDocument(
    DeliveryMethod Method,
    string Key,
    OffsetDateTime? SentAt,
    string? SentAtField,
    OffsetDateTime? ReceivedAt,
    string? ReceivedAtField,
    string? From,
    string? To,
    IntakeReadingDocument? Reading);

/// <summary>Where the provider's events leave a gap in § 6(h), the reading not chosen, with its moment.</summary>
/// <param name="Gap">What the gap is, e.g. "which envelope event is actual receipt (§ 6(h)(iv))".</param>
/// <param name="ReceivedAt">The receipt under the other reading, or null when this event does not report it.</param>
/// <param name="ReceivedAtField">The payload field it comes from.</param>
/// <param name="Explanation">Both readings in words, and why the one stamped was chosen.</param>
public sealed record IntakeReadingDocument(string Gap, OffsetDateTime? ReceivedAt, string? ReceivedAtField, string Explanation);

/// <summary>A provider webhook linked to a notice, as <see cref="NoticeDocument.Receipts"/> lists it.</summary>
/// <param name="ReceiptId">The receipt (<c>GET /api/intake/receipts/{id}</c>).</param>
/// <param name="Provider">The provider.</param>
/// <param name="Source">The configured source.</param>
/// <param name="EventId">The provider's event identity.</param>
/// <param name="EventType">The provider's event name.</param>
/// <param name="ReceivedAt">When this server received it, in the agreement's zone.</param>
/// <param name="BodySha256">SHA-256 of the body as received.</param>
/// <param name="Delivery">The delivery it reported, or null.</param>
/// <param name="DeliveryIndex">The index in the notice's <c>stamp.deliveries</c> of the delivery this event reported a moment of, or null.</param>
public sealed record NoticeReceiptLinkDocument(
    string ReceiptId,
    string Provider,
    string Source,
    string EventId,
    string EventType,
    OffsetDateTime ReceivedAt,
    string BodySha256,
    IntakeDeliveryDocument? Delivery,
    int? DeliveryIndex);

/// <summary>
/// A notice registered before it arrives (<c>POST /api/agreements/{id}/notices/expected</c>): who sends it to whom,
/// what it is, and the ways it will come, so each provider's webhook for it (the courier's tracking number, the
/// envelope id, the fax from the sender's number) is linked to this one notice, effective at the earliest of them.
/// </summary>
public sealed record ExpectedNoticeRequest
{
    /// <summary>Who gives the notice.</summary>
    public string? Sender { get; init; }

    /// <summary>To whom.</summary>
    public string? Recipient { get; init; }

    /// <summary>What kind of notice, in the sender's words.</summary>
    public string? Kind { get; init; }

    /// <summary>Where the document can be fetched (https or http), optional.</summary>
    public string? DocumentUri { get; init; }

    /// <summary>The ways it will be sent; at least one.</summary>
    public IReadOnlyList<ExpectedDeliveryDocument?>? Deliveries { get; init; }
}

/// <summary>One way an expected notice will be sent, by what its provider's webhook will name.</summary>
/// <param name="Method"><c>courier</c> (with <paramref name="TrackingNumber"/>), <c>facsimile</c> (with the sending <paramref name="FaxNumber"/>) or <c>email</c> (with a DocuSign <paramref name="EnvelopeId"/>).</param>
/// <param name="TrackingNumber">The courier's tracking number (FedEx, UPS).</param>
/// <param name="FaxNumber">The number the fax will be sent from.</param>
/// <param name="EnvelopeId">The DocuSign envelope id.</param>
public sealed record ExpectedDeliveryDocument(DeliveryMethod? Method, string? TrackingNumber, string? FaxNumber, string? EnvelopeId);

using NodaTime;
using RegRights.Contracts.Notices;
using RegRights.Core.Notices;

namespace RegRights.Application.Intake;

/// <summary>
/// A delivery as a provider reported it: how, which transmission or shipment or envelope, and each moment with the
/// payload field it was read from. What a provider's scheme reads from its webhook; the receipt and the notice show it
/// as the API's <see cref="IntakeDeliveryDocument"/>, so the schemes need no API type.
/// </summary>
/// <param name="Method">The § 6(h) method: facsimile, courier, or email for an e-signature envelope.</param>
/// <param name="Key">What identifies the delivery across events: the fax id, the tracking number, the envelope id.</param>
/// <param name="SentAt">The moment § 6(h) counts from the sending side, or null when this event does not report it.</param>
/// <param name="SentAtField">The payload field <paramref name="SentAt"/> was read from, e.g. <c>data.occurred_at</c>.</param>
/// <param name="ReceivedAt">The receipt the provider reports, or null.</param>
/// <param name="ReceivedAtField">The payload field <paramref name="ReceivedAt"/> was read from.</param>
/// <param name="From">The calling fax number, or null.</param>
/// <param name="To">The receiving fax number, or null.</param>
/// <param name="Reading">The other reading of the receipt where the provider's events leave one, or null.</param>
public sealed record ReportedDelivery(
    DeliveryMethod Method,
    string Key,
    OffsetDateTime? SentAt,
    string? SentAtField,
    OffsetDateTime? ReceivedAt,
    string? ReceivedAtField,
    string? From,
    string? To,
    ReportedReading? Reading)
{
    /// <summary>The delivery as the receipt and the notice show it.</summary>
    public IntakeDeliveryDocument ToDocument() => new(
        Method, Key, SentAt, SentAtField, ReceivedAt, ReceivedAtField, From, To,
        Reading is { } r ? new IntakeReadingDocument(r.Gap, r.ReceivedAt, r.ReceivedAtField, r.Explanation) : null);
}

/// <summary>The other reading of a receipt a provider's events leave open (which e-signature event is "actual receipt").</summary>
/// <param name="Gap">The gap, by name.</param>
/// <param name="ReceivedAt">The receipt under the other reading, or null.</param>
/// <param name="ReceivedAtField">The payload field it was read from.</param>
/// <param name="Explanation">Why the reading is open, in words.</param>
public sealed record ReportedReading(string Gap, OffsetDateTime? ReceivedAt, string? ReceivedAtField, string Explanation);

using System.Text.Json.Serialization;
using NodaTime;
using RegRights.Core.Notices;

namespace RegRights.Application.Notices.Rows;

// A notice, a provider webhook's receipt and a link between them as the store keeps them, apart from the API's
// documents (RegRights.Contracts.Notices), so that renaming a member of the API is not a data migration. Shape 1 is the
// JSON every stored notice has had: each member keeps the API's name and order of the day the shapes were parted, and
// NoticeRows maps the two both ways, in one place. Shape is written as 1 on each stored document (not on a link
// inside a notice) and read as 1 when absent; a change to a member here is a new shape, with a reader for the shape
// before. Members a row written before they existed lacks are nullable, and NoticeRows gives them their reading.

/// <summary>A notice as stored: received, stamped, never changed.</summary>
public sealed record NoticeRow(
    string Id,
    string AgreementId,
    string Source,
    string WebhookId,
    string Sender,
    string Recipient,
    string Kind,
    Uri? DocumentUri,
    string BodySha256,
    OffsetDateTime ReceivedAt,
    OffsetDateTime TermsAsOf,
    StampRow? Stamp,
    string? Origin,
    IReadOnlyList<ExpectedDeliveryRow>? Expected,
    IReadOnlyList<ReceiptLinkRow>? Receipts,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? Shape = null);

/// <summary>A § 6(h) stamp as it was answered.</summary>
public sealed record StampRow(
    LocalDate? EffectiveDate,
    OffsetDateTime? CountsFrom,
    string Rule,
    bool Gap,
    ReadingRow? Alternative,
    string Explanation,
    int? Winner,
    OffsetDateTime RecordedAt,
    IReadOnlyList<DeliveryStampRow> Deliveries,
    IReadOnlyList<WarningRow> Warnings);

/// <summary>The other reading of a gap, as it was answered.</summary>
public sealed record ReadingRow(string Rule, LocalDate? EffectiveDate, OffsetDateTime? CountsFrom, int? Delivery, string Explanation);

/// <summary>One delivery's stamp, as it was answered.</summary>
public sealed record DeliveryStampRow(
    int Index,
    DeliveryMethod Method,
    OffsetDateTime SentAt,
    OffsetDateTime? ReceivedAt,
    string? FaxNumber,
    string? TrackingNumber,
    string Rule,
    LocalDate? EffectiveDate,
    OffsetDateTime? CountsFrom,
    bool Gap,
    NoticeGap? GapKind,
    ReadingRow? Alternative,
    string Explanation);

/// <summary>A warning on a stamp, as it was answered.</summary>
public sealed record WarningRow(NoticeWarningKind Code, int? Delivery, string Message);

/// <summary>A way an expected notice was registered to come.</summary>
public sealed record ExpectedDeliveryRow(DeliveryMethod? Method, string? TrackingNumber, string? FaxNumber, string? EnvelopeId);

/// <summary>A provider webhook linked to a notice.</summary>
public sealed record ReceiptLinkRow(
    string ReceiptId,
    string Provider,
    string Source,
    string EventId,
    string EventType,
    OffsetDateTime ReceivedAt,
    string BodySha256,
    IntakeDeliveryRow? Delivery,
    int? DeliveryIndex,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? Shape = null);

/// <summary>The delivery a provider webhook reported.</summary>
public sealed record IntakeDeliveryRow(
    DeliveryMethod Method,
    string Key,
    OffsetDateTime? SentAt,
    string? SentAtField,
    OffsetDateTime? ReceivedAt,
    string? ReceivedAtField,
    string? From,
    string? To,
    IntakeReadingRow? Reading);

/// <summary>How a provider's times were read where they left a gap.</summary>
public sealed record IntakeReadingRow(string Gap, OffsetDateTime? ReceivedAt, string? ReceivedAtField, string Explanation);

/// <summary>A provider webhook as received: what it said, and what was done with it.</summary>
/// <param name="Outcome"><c>stamped</c>, <c>recorded</c> or <c>unmatched</c>, as the API wrote it.</param>
public sealed record IntakeReceiptRow(
    string Id,
    string Provider,
    string Source,
    string EventId,
    string EventType,
    OffsetDateTime ReceivedAt,
    string BodySha256,
    int BodyLength,
    IReadOnlyDictionary<string, string> Headers,
    string Outcome,
    string Explanation,
    string? AgreementId,
    string? NoticeId,
    IntakeDeliveryRow? Delivery,
    StampRow? Stamp,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? Shape = null);

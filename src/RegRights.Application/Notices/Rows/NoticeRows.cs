using RegRights.Contracts.Notices;

namespace RegRights.Application.Notices.Rows;

/// <summary>
/// The one place a notice, a receipt or a link of the API meets its stored JSON (<see cref="NoticeRow"/>,
/// <see cref="IntakeReceiptRow"/>, <see cref="ReceiptLinkRow"/>): member for member, both ways, so that what is read
/// back is what was stored.
/// </summary>
public static class NoticeRows
{
    /// <summary>The stored JSON of <paramref name="notice"/>.</summary>
    public static string Write(NoticeDocument notice)
    {
        ArgumentNullException.ThrowIfNull(notice);
        return StoredJson.ToJson(new NoticeRow(
            notice.Id, notice.AgreementId, notice.Source, notice.WebhookId, notice.Sender, notice.Recipient, notice.Kind, notice.DocumentUri,
            notice.BodySha256, notice.ReceivedAt, notice.TermsAsOf, ToRow(notice.Stamp), notice.Origin,
            [.. notice.Expected.Select(e => new ExpectedDeliveryRow(e.Method, e.TrackingNumber, e.FaxNumber, e.EnvelopeId))],
            [.. notice.Receipts.Select(ToRow)], Shape: Current));
    }

    /// <summary>The notice stored as <paramref name="json"/>; one stored before Origin, Expected and Receipts existed reads as a signed one with neither.</summary>
    /// <exception cref="InvalidDataException">The JSON is of a shape this version does not read.</exception>
    public static NoticeDocument ReadNotice(string json)
    {
        var row = StoredJson.FromJson<NoticeRow>(json);
        StoredShape.Check(row.Shape, Current, "notice", row.Id);
        return new NoticeDocument(
            row.Id, row.AgreementId, row.Source, row.WebhookId, row.Sender, row.Recipient, row.Kind, row.DocumentUri, row.BodySha256,
            row.ReceivedAt, row.TermsAsOf, ToResponse(row.Stamp), row.Origin ?? NoticeDocument.FromWebhook,
            [.. (row.Expected ?? []).Select(e => new ExpectedDeliveryDocument(e.Method, e.TrackingNumber, e.FaxNumber, e.EnvelopeId))],
            [.. (row.Receipts ?? []).Select(ToDocument)]);
    }

    /// <summary>The stored JSON of <paramref name="link"/>.</summary>
    public static string Write(NoticeReceiptLinkDocument link) => StoredJson.ToJson(ToRow(link) with { Shape = Current });

    /// <summary>The link stored as <paramref name="json"/>.</summary>
    /// <exception cref="InvalidDataException">The JSON is of a shape this version does not read.</exception>
    public static NoticeReceiptLinkDocument ReadLink(string json)
    {
        var row = StoredJson.FromJson<ReceiptLinkRow>(json);
        StoredShape.Check(row.Shape, Current, "notice link", row.ReceiptId);
        return ToDocument(row);
    }

    /// <summary>The stored JSON of <paramref name="receipt"/>.</summary>
    public static string Write(IntakeReceiptDocument receipt)
    {
        ArgumentNullException.ThrowIfNull(receipt);
        return StoredJson.ToJson(new IntakeReceiptRow(
            receipt.Id, receipt.Provider, receipt.Source, receipt.EventId, receipt.EventType, receipt.ReceivedAt, receipt.BodySha256, receipt.BodyLength,
            receipt.Headers, Outcomes[receipt.Outcome], receipt.Explanation, receipt.AgreementId, receipt.NoticeId, ToRow(receipt.Delivery),
            ToRow(receipt.Stamp), Shape: Current));
    }

    /// <summary>The receipt stored as <paramref name="json"/>.</summary>
    /// <exception cref="InvalidDataException">The JSON is of a shape this version does not read, or of an outcome it does not know.</exception>
    public static IntakeReceiptDocument ReadReceipt(string json)
    {
        var row = StoredJson.FromJson<IntakeReceiptRow>(json);
        StoredShape.Check(row.Shape, Current, "receipt", row.Id);
        return new IntakeReceiptDocument(
            row.Id, row.Provider, row.Source, row.EventId, row.EventType, row.ReceivedAt, row.BodySha256, row.BodyLength, row.Headers,
            Outcomes.Read(row.Outcome, $"receipt '{row.Id}'"), row.Explanation, row.AgreementId, row.NoticeId, ToDocument(row.Delivery), ToResponse(row.Stamp));
    }

    private const int Current = 1;

    private static readonly StoredNames<IntakeOutcome> Outcomes = new("receipt outcome", new()
    {
        [IntakeOutcome.Stamped] = "stamped",
        [IntakeOutcome.Recorded] = "recorded",
        [IntakeOutcome.Unmatched] = "unmatched",
    });

    private static StampRow? ToRow(NoticeStampResponse? stamp) => stamp is null ? null : new(
        stamp.EffectiveDate, stamp.CountsFrom, stamp.Rule, stamp.Gap, ToRow(stamp.Alternative), stamp.Explanation, stamp.Winner, stamp.RecordedAt,
        [.. stamp.Deliveries.Select(d => new DeliveryStampRow(
            d.Index, d.Method, d.SentAt, d.ReceivedAt, d.FaxNumber, d.TrackingNumber, d.Rule, d.EffectiveDate, d.CountsFrom, d.Gap, d.GapKind,
            ToRow(d.Alternative), d.Explanation))],
        [.. stamp.Warnings.Select(w => new WarningRow(w.Code, w.Delivery, w.Message))]);

    private static NoticeStampResponse? ToResponse(StampRow? stamp) => stamp is null ? null : new(
        stamp.EffectiveDate, stamp.CountsFrom, stamp.Rule, stamp.Gap, ToResponse(stamp.Alternative), stamp.Explanation, stamp.Winner, stamp.RecordedAt,
        [.. stamp.Deliveries.Select(d => new DeliveryStampResponse(
            d.Index, d.Method, d.SentAt, d.ReceivedAt, d.FaxNumber, d.TrackingNumber, d.Rule, d.EffectiveDate, d.CountsFrom, d.Gap, d.GapKind,
            ToResponse(d.Alternative), d.Explanation))],
        [.. stamp.Warnings.Select(w => new NoticeWarningResponse(w.Code, w.Delivery, w.Message))]);

    private static ReadingRow? ToRow(NoticeReadingResponse? reading) =>
        reading is null ? null : new(reading.Rule, reading.EffectiveDate, reading.CountsFrom, reading.Delivery, reading.Explanation);

    private static NoticeReadingResponse? ToResponse(ReadingRow? reading) =>
        reading is null ? null : new(reading.Rule, reading.EffectiveDate, reading.CountsFrom, reading.Delivery, reading.Explanation);

    private static ReceiptLinkRow ToRow(NoticeReceiptLinkDocument link) => new(
        link.ReceiptId, link.Provider, link.Source, link.EventId, link.EventType, link.ReceivedAt, link.BodySha256, ToRow(link.Delivery), link.DeliveryIndex);

    private static NoticeReceiptLinkDocument ToDocument(ReceiptLinkRow link) => new(
        link.ReceiptId, link.Provider, link.Source, link.EventId, link.EventType, link.ReceivedAt, link.BodySha256, ToDocument(link.Delivery), link.DeliveryIndex);

    private static IntakeDeliveryRow? ToRow(IntakeDeliveryDocument? delivery) => delivery is null ? null : new(
        delivery.Method, delivery.Key, delivery.SentAt, delivery.SentAtField, delivery.ReceivedAt, delivery.ReceivedAtField, delivery.From, delivery.To,
        delivery.Reading is { } r ? new IntakeReadingRow(r.Gap, r.ReceivedAt, r.ReceivedAtField, r.Explanation) : null);

    private static IntakeDeliveryDocument? ToDocument(IntakeDeliveryRow? delivery) => delivery is null ? null : new(
        delivery.Method, delivery.Key, delivery.SentAt, delivery.SentAtField, delivery.ReceivedAt, delivery.ReceivedAtField, delivery.From, delivery.To,
        delivery.Reading is { } r ? new IntakeReadingDocument(r.Gap, r.ReceivedAt, r.ReceivedAtField, r.Explanation) : null);
}

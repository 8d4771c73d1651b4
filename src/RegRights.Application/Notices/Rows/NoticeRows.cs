using RegRights.Contracts.Notices;
using Riok.Mapperly.Abstractions;

namespace RegRights.Application.Notices.Rows;

/// <summary>
/// The one place a notice, a receipt or a link of the API meets its stored JSON (<see cref="NoticeRow"/>,
/// <see cref="IntakeReceiptRow"/>, <see cref="ReceiptLinkRow"/>): member for member, both ways, so that what is read
/// back is what was stored. Mapperly generates the copies, and a member of either side that maps to nothing fails the
/// build; by hand are the shape numbers, the stored names of the outcomes and the readings of members older rows lack.
/// </summary>
[Mapper(RequiredMappingStrategy = RequiredMappingStrategy.Both, EnabledConversions = MappingConversionType.Enumerable)]
public static partial class NoticeRows
{
    /// <summary>The stored JSON of <paramref name="notice"/>.</summary>
    public static string Write(NoticeDocument notice)
    {
        ArgumentNullException.ThrowIfNull(notice);
        return StoredJson.ToJson(Row(notice));
    }

    /// <summary>The notice stored as <paramref name="json"/>; one stored before Origin, Expected and Receipts existed reads as a signed one with neither.</summary>
    /// <exception cref="InvalidDataException">The JSON is of a shape this version does not read.</exception>
    public static NoticeDocument ReadNotice(string json)
    {
        var row = StoredJson.FromJson<NoticeRow>(json);
        StoredShape.Check(row.Shape, Current, "notice", row.Id);
        return Document(row);
    }

    /// <summary>The stored JSON of <paramref name="link"/>.</summary>
    public static string Write(NoticeReceiptLinkDocument link) => StoredJson.ToJson(Row(link) with { Shape = Current });

    /// <summary>The link stored as <paramref name="json"/>.</summary>
    /// <exception cref="InvalidDataException">The JSON is of a shape this version does not read.</exception>
    public static NoticeReceiptLinkDocument ReadLink(string json)
    {
        var row = StoredJson.FromJson<ReceiptLinkRow>(json);
        StoredShape.Check(row.Shape, Current, "notice link", row.ReceiptId);
        return Document(row);
    }

    /// <summary>The stored JSON of <paramref name="receipt"/>.</summary>
    public static string Write(IntakeReceiptDocument receipt)
    {
        ArgumentNullException.ThrowIfNull(receipt);
        return StoredJson.ToJson(Row(receipt));
    }

    /// <summary>The receipt stored as <paramref name="json"/>.</summary>
    /// <exception cref="InvalidDataException">The JSON is of a shape this version does not read, or of an outcome it does not know.</exception>
    public static IntakeReceiptDocument ReadReceipt(string json)
    {
        var row = StoredJson.FromJson<IntakeReceiptRow>(json);
        StoredShape.Check(row.Shape, Current, "receipt", row.Id);
        return Document(row);
    }

    private const int Current = 1;

    private static readonly StoredNames<IntakeOutcome> Outcomes = new("receipt outcome", new()
    {
        [IntakeOutcome.Stamped] = "stamped",
        [IntakeOutcome.Recorded] = "recorded",
        [IntakeOutcome.Unmatched] = "unmatched",
    });

    [MapValue(nameof(NoticeRow.Shape), Current)]
    private static partial NoticeRow Row(NoticeDocument notice);

    [MapperIgnoreSource(nameof(NoticeRow.Shape))]
    [MapProperty(nameof(NoticeRow.Origin), nameof(NoticeDocument.Origin), Use = nameof(OriginOrWebhook))]
    [MapProperty(nameof(NoticeRow.Expected), nameof(NoticeDocument.Expected), Use = nameof(ExpectedOrNone))]
    [MapProperty(nameof(NoticeRow.Receipts), nameof(NoticeDocument.Receipts), Use = nameof(ReceiptsOrNone))]
    private static partial NoticeDocument Document(NoticeRow row);

    // A link inside a notice carries no shape of its own: the notice's is its.
    [MapperIgnoreTarget(nameof(ReceiptLinkRow.Shape))]
    private static partial ReceiptLinkRow Row(NoticeReceiptLinkDocument link);

    [MapperIgnoreSource(nameof(ReceiptLinkRow.Shape))]
    private static partial NoticeReceiptLinkDocument Document(ReceiptLinkRow link);

    [MapValue(nameof(IntakeReceiptRow.Shape), Current)]
    private static partial IntakeReceiptRow Row(IntakeReceiptDocument receipt);

    [MapperIgnoreSource(nameof(IntakeReceiptRow.Shape))]
    [MapperIgnoreSource(nameof(IntakeReceiptRow.Outcome))]
    [MapPropertyFromSource(nameof(IntakeReceiptDocument.Outcome), Use = nameof(OutcomeOf))]
    private static partial IntakeReceiptDocument Document(IntakeReceiptRow row);

    private static partial IReadOnlyList<ExpectedDeliveryDocument> Documents(IReadOnlyList<ExpectedDeliveryRow> expected);

    private static partial IReadOnlyList<NoticeReceiptLinkDocument> Documents(IReadOnlyList<ReceiptLinkRow> receipts);

    // Rows stored before Origin, Expected and Receipts existed lack them: the notice was signed and posted whole.
    [UserMapping(Default = false)]
    private static string OriginOrWebhook(string? origin) => origin ?? NoticeDocument.FromWebhook;

    [UserMapping(Default = false)]
    private static IReadOnlyList<ExpectedDeliveryDocument> ExpectedOrNone(IReadOnlyList<ExpectedDeliveryRow>? expected) =>
        expected is null ? [] : Documents(expected);

    [UserMapping(Default = false)]
    private static IReadOnlyList<NoticeReceiptLinkDocument> ReceiptsOrNone(IReadOnlyList<ReceiptLinkRow>? receipts) =>
        receipts is null ? [] : Documents(receipts);

    private static string Name(IntakeOutcome outcome) => Outcomes[outcome];

    [UserMapping(Default = false)]
    private static IntakeOutcome OutcomeOf(IntakeReceiptRow row) => Outcomes.Read(row.Outcome, $"receipt '{row.Id}'");
}

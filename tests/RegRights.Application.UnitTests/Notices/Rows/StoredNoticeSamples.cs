using NodaTime;
using RegRights.Contracts.Notices;
using RegRights.Core.Notices;

namespace RegRights.Application.UnitTests.Notices.Rows;

/// <summary>A notice, a receipt and a link whose every stored member has a value, so that a member the stored shape leaves out shows.</summary>
internal static class StoredNoticeSamples
{
    private static readonly Offset Pacific = Offset.FromHours(-7);

    private static OffsetDateTime At(int day, int hour, int minute) => new(new LocalDateTime(2000, 5, day, hour, minute), Pacific);

    // A fax at 4:10 p.m. on Friday May 5, 2000, after the 2:00 p.m. cutoff of § 6(h): effective Monday May 8, with the
    // other reading of the gap (a fax at the cutoff); and a courier delivery two days later. Not one stamp the stamper
    // would give: every member is set, which StoredNoticeShapeTest checks.
    private static NoticeReadingResponse Reading(int delivery) =>
        new("§ 6(h)(i)", new LocalDate(2000, 5, 5), At(5, 14, 0), delivery, "Read as received at the cutoff.");

    public static NoticeStampResponse Stamp() => new(
        new LocalDate(2000, 5, 8), At(8, 0, 0), "§ 6(h)(ii)", true, Reading(0), "After the cutoff: the next Business Day.", 0, At(5, 16, 11),
        [new DeliveryStampResponse(0, DeliveryMethod.Facsimile, At(5, 16, 10), At(5, 16, 10), "(714) 755-8290", "7946 1234 5678", "§ 6(h)(ii)",
            new LocalDate(2000, 5, 8), At(8, 0, 0), true, NoticeGap.FacsimileAtCutoff, Reading(0), "Received after 2:00 p.m.")],
        [new NoticeWarningResponse(NoticeWarningKind.SentAfterReceipt, 0, "Sent after it was received.")]);

    public static IntakeDeliveryDocument Delivery() => new(
        DeliveryMethod.Courier, "7946 1234 5678", At(5, 9, 0), "$.output.completeTrackResults[0].scanEvents[2].date", At(7, 10, 30),
        "$.output.completeTrackResults[0].dateAndTimes[0].dateTime", "Heller Ehrman", "NeoTherapeutics, Inc.",
        new IntakeReadingDocument("noReceiptTime", At(7, 10, 30), "$.deliveredAt", "Read as delivered at the scan."));

    public static NoticeReceiptLinkDocument Link() => new(
        "r-0123456789abcdef", "fedex", "fedex-prod", "evt-1", "DELIVERED", At(7, 10, 31), new string('a', 64), Delivery(), 1);

    public static NoticeDocument Notice() => new(
        "0123456789abcdef0123456789abcdef-0123456789abcdef", "0123456789abcdef0123456789abcdef", "docusign-prod", "msg_2ZhUBAjVeKnwBk7D",
        "Royal Canadian Growth Fund", "NeoTherapeutics, Inc.", "Demand Registration", new Uri("https://docs.example.com/notice/1"), new string('b', 64),
        At(5, 16, 11), At(5, 9, 0), Stamp(), NoticeDocument.FromExpected,
        [new ExpectedDeliveryDocument(DeliveryMethod.Courier, "7946 1234 5678", "(714) 755-8290", "c0ffee00-0000-4000-8000-000000000000")],
        [Link()]);

    public static IntakeReceiptDocument Receipt() => new(
        "r-0123456789abcdef", "fedex", "fedex-prod", "evt-1", "DELIVERED", At(7, 10, 31), new string('a', 64), 2048,
        new Dictionary<string, string> { ["x-fedex-signature"] = "sha256=00" }, IntakeOutcome.Stamped, "Linked to the expected notice.",
        "0123456789abcdef0123456789abcdef", "0123456789abcdef0123456789abcdef-0123456789abcdef", Delivery(), Stamp());
}

using System.Text.Json;
using NodaTime;
using NodaTime.Text;
using RegRights.Contracts.Notices;
using RegRights.Core.Agreements;
using RegRights.Core.Notices;

namespace RegRights.Contracts.UnitTests.Notices;

/// <summary>The stamp document the API and the CLI both emit.</summary>
public class NoticeStampResponseTest
{
    private static readonly AgreementTerms Terms = AgreementTerms.NeoTherapeutics2000;
    private static readonly Instant RecordedAt = Instant.FromUtc(2000, 5, 26, 22, 6);

    private static OffsetDateTime At(string iso) => OffsetDateTimePattern.ExtendedIso.Parse(iso).GetValueOrThrow();

    private static JsonElement Json(params Delivery[] deliveries)
    {
        var stamp = NoticeStamper.Default.Stamp(Terms, deliveries, RecordedAt);
        var json = JsonSerializer.Serialize(NoticeStampResponse.From(stamp, Terms.TimeZone), RegRightsJson.Options);
        return JsonDocument.Parse(json).RootElement.Clone();
    }

    [Fact]
    public void From_FaxFridayBeforeMemorialDay_WritesTheDocument()
    {
        // § 6(h)(ii): a fax at 3:05 p.m. PDT on Friday 2000-05-26 is effective Tuesday 2000-05-30 (Memorial Day
        // Monday), counting from its start, 00:00 PDT, shown in the agreement's zone with the offset; recorded at
        // 22:06 UTC, which is 3:06 p.m. PDT.
        var root = Json(new Delivery(DeliveryMethod.Facsimile, At("2000-05-26T15:05:00-07:00")) { FaxNumber = "(949) 788-6706" });

        Assert.Equal(
            ["effectiveDate", "countsFrom", "rule", "gap", "alternative", "explanation", "winner", "recordedAt", "deliveries", "warnings"],
            root.EnumerateObject().Select(p => p.Name));
        Assert.Equal("2000-05-30", root.GetProperty("effectiveDate").GetString());
        Assert.Equal("2000-05-30T00:00:00-07:00", root.GetProperty("countsFrom").GetString());
        Assert.Equal("2000-05-26T15:06:00-07:00", root.GetProperty("recordedAt").GetString());
        Assert.Equal("6(h)(ii)", root.GetProperty("rule").GetString());
        Assert.False(root.GetProperty("gap").GetBoolean());
        Assert.Equal(JsonValueKind.Null, root.GetProperty("alternative").ValueKind);
        Assert.Contains("2000-05-26 15:05:00 -07:00 (PDT)", root.GetProperty("explanation").GetString(), StringComparison.Ordinal);
        Assert.Equal(0, root.GetProperty("winner").GetInt32());
        Assert.Equal(0, root.GetProperty("warnings").GetArrayLength());

        var delivery = Assert.Single(root.GetProperty("deliveries").EnumerateArray());
        Assert.Equal("facsimile", delivery.GetProperty("method").GetString());
        Assert.Equal("2000-05-26T15:05:00-07:00", delivery.GetProperty("sentAt").GetString());
        Assert.Equal("(949) 788-6706", delivery.GetProperty("faxNumber").GetString());
        Assert.Equal("6(h)(ii)", delivery.GetProperty("rule").GetString());
        Assert.Equal(JsonValueKind.Null, delivery.GetProperty("gapKind").ValueKind);
    }

    [Fact]
    public void From_EmailWithoutReceipt_WritesNullDateAndWarning()
    {
        // § 6(h)(iv) needs the actual receipt; the document says null rather than omitting the field.
        var root = Json(new Delivery(DeliveryMethod.Email, At("2000-05-26T15:00:00-07:00")));

        Assert.Equal(JsonValueKind.Null, root.GetProperty("effectiveDate").ValueKind);
        Assert.Equal(JsonValueKind.Null, root.GetProperty("countsFrom").ValueKind);
        Assert.Equal(JsonValueKind.Null, root.GetProperty("winner").ValueKind);
        Assert.Equal("6(h)(iv)", root.GetProperty("rule").GetString());
        var warning = Assert.Single(root.GetProperty("warnings").EnumerateArray());
        Assert.Equal("receiptUnknown", warning.GetProperty("code").GetString());
        Assert.Equal(0, warning.GetProperty("delivery").GetInt32());
    }

    [Fact]
    public void From_FaxAtExactly2pm_WritesGapAndAlternative()
    {
        // Exactly 2:00:00 p.m. PDT on Friday 2000-05-26: literally (iv), received 2:00:05 p.m. that Friday;
        // the other reading is the next Business Day, Tuesday 2000-05-30.
        var root = Json(new Delivery(DeliveryMethod.Facsimile, At("2000-05-26T14:00:00-07:00")) { ReceivedAt = At("2000-05-26T14:00:05-07:00") });

        Assert.Equal("2000-05-26", root.GetProperty("effectiveDate").GetString());
        Assert.Equal("6(h)(iv)", root.GetProperty("rule").GetString());
        Assert.True(root.GetProperty("gap").GetBoolean());
        var alternative = root.GetProperty("alternative");
        Assert.Equal("6(h)(ii)", alternative.GetProperty("rule").GetString());
        Assert.Equal("2000-05-30", alternative.GetProperty("effectiveDate").GetString());
        var delivery = root.GetProperty("deliveries")[0];
        Assert.True(delivery.GetProperty("gap").GetBoolean());
        Assert.Equal("facsimileAtCutoff", delivery.GetProperty("gapKind").GetString());
        Assert.Equal("2000-05-26T14:00:05-07:00", delivery.GetProperty("receivedAt").GetString());
    }

    [Fact]
    public void ParseThenStamp_RoundTripsTheRequestTimes()
    {
        // What the API does: parse the posted JSON strictly, stamp, write the document.
        var request = JsonSerializer.Deserialize<StampNoticeRequest>(
            """{"deliveries":[{"method":"courier","sentAt":"2000-05-26T22:05:00Z"}]}""", RegRightsJson.Options);
        var deliveries = NoticeRequestParser.Parse(request, Terms).Value;

        var response = NoticeStampResponse.From(NoticeStamper.Default.Stamp(Terms, deliveries, RecordedAt), Terms.TimeZone);

        // Mailed 3:05 p.m. PDT Friday: § 6(h)(iii), Tuesday 2000-05-30.
        Assert.Equal(new LocalDate(2000, 5, 30), response.EffectiveDate);
        Assert.Equal("6(h)(iii)", response.Rule);
        Assert.Equal(Offset.Zero, response.Deliveries[0].SentAt.Offset);
    }
}

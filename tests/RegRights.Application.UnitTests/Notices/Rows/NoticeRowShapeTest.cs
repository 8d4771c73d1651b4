using System.Text.Json;
using System.Text.Json.Nodes;
using RegRights.Application.Notices.Rows;
using RegRights.Contracts;
using RegRights.Contracts.Notices;
using RegRights.Testing;

namespace RegRights.Application.UnitTests.Notices.Rows;

/// <summary>
/// A notice, a provider webhook's receipt and a link as stored (<see cref="NoticeRows"/>) against the API's documents:
/// nothing dropped between the two, and the JSON of shape 1 (the fixtures in <c>Notices/Rows/Fixtures</c>, as the version before
/// the shapes were parted wrote it: the API's settings, compact) read as written and written as before, but for the
/// shape's number.
/// </summary>
public sealed class NoticeRowShapeTest
{
    public static TheoryData<string> Samples => ["notice", "link", "receipt"];

    [Theory]
    [MemberData(nameof(Samples))]
    public void Sample_SetsEveryMemberOfTheDocument(string sample) =>
        Assert.Empty(EveryMember.Unset(Sample(sample)));

    [Theory]
    [MemberData(nameof(Samples))]
    public void Document_WrittenAndReadBack_IsTheDocument(string sample) =>
        Assert.Equal(ApiJson(Sample(sample)), ApiJson(ReadBack(sample, Written(sample))));

    [Theory]
    [InlineData("notice", "notice.every-field.v1.json")]
    [InlineData("link", "notice-link.every-field.v1.json")]
    [InlineData("receipt", "intake-receipt.every-field.v1.json")]
    public void ShapeOneFixture_ReadsAsTheSample(string sample, string fixture) =>
        Assert.Equal(ApiJson(Sample(sample)), ApiJson(ReadBack(sample, Fixture(fixture))));

    [Theory]
    [InlineData("notice", "notice.every-field.v1.json")]
    [InlineData("link", "notice-link.every-field.v1.json")]
    [InlineData("receipt", "intake-receipt.every-field.v1.json")]
    public void Written_IsTheShapeOneJsonAndItsShape(string sample, string fixture)
    {
        // So that an instance of the version before, during a deployment, reads what this one writes (it skips "shape").
        var written = JsonNode.Parse(Written(sample))!.AsObject();

        Assert.Equal(1, (int)written["shape"]!);
        Assert.True(written.Remove("shape"));
        Assert.Equal(Fixture(fixture).TrimEnd('\n'), written.ToJsonString(Compact));
    }

    [Fact]
    public void NoticeStoredBeforeOriginExpectedAndReceipts_ReadsAsASignedNoticeWithNeither()
    {
        var notice = NoticeRows.ReadNotice(Fixture("notice.signed-before-origin.v1.json"));

        Assert.Equal((NoticeDocument.FromWebhook, 0, 0), (notice.Origin, notice.Expected.Count, notice.Receipts.Count));
        Assert.Equal(ApiJson(StoredNoticeSamples.Stamp()), JsonSerializer.Serialize(notice.Stamp, RegRightsJson.Options));
    }

    [Theory]
    [InlineData("notice", "notice.every-field.v1.json")]
    [InlineData("link", "notice-link.every-field.v1.json")]
    [InlineData("receipt", "intake-receipt.every-field.v1.json")]
    public void JsonOfALaterShape_IsRefused_NotReadAsThisOne(string sample, string fixture)
    {
        var later = JsonNode.Parse(Fixture(fixture))!.AsObject();
        later["shape"] = 2;

        var ex = Assert.Throws<InvalidDataException>(() => ReadBack(sample, later.ToJsonString()));

        Assert.Contains("shape 2", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReceiptWithAnOutcomeTheVersionDoesNotKnow_IsRefused_NotDropped()
    {
        var receipt = JsonNode.Parse(Fixture("intake-receipt.every-field.v1.json"))!.AsObject();
        receipt["outcome"] = "quarantined";

        var ex = Assert.Throws<InvalidDataException>(() => NoticeRows.ReadReceipt(receipt.ToJsonString()));

        Assert.Contains("'quarantined' of the receipt 'r-0123456789abcdef'", ex.Message, StringComparison.Ordinal);
    }

    private static readonly JsonSerializerOptions Compact = new(RegRightsJson.Options) { WriteIndented = false };

    private static object Sample(string name) => name switch
    {
        "notice" => StoredNoticeSamples.Notice(),
        "link" => StoredNoticeSamples.Link(),
        _ => StoredNoticeSamples.Receipt(),
    };

    private static string Written(string name) => Sample(name) switch
    {
        NoticeDocument notice => NoticeRows.Write(notice),
        NoticeReceiptLinkDocument link => NoticeRows.Write(link),
        var receipt => NoticeRows.Write((IntakeReceiptDocument)receipt),
    };

    private static object ReadBack(string name, string json) => name switch
    {
        "notice" => NoticeRows.ReadNotice(json),
        "link" => NoticeRows.ReadLink(json),
        _ => NoticeRows.ReadReceipt(json),
    };

    private static string ApiJson(object document) => JsonSerializer.Serialize(document, document.GetType(), RegRightsJson.Options);

    private static string Fixture(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Notices", "Rows", "Fixtures", name));
}

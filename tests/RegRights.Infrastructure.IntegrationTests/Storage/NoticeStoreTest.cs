using System.IO.Compression;
using Azure.Data.Tables;
using NodaTime;
using RegRights.Application.Notices;
using RegRights.Infrastructure.Storage;

namespace RegRights.Infrastructure.IntegrationTests.Storage;

[Collection(StorageTests.Name)]
public sealed class NoticeStoreTest(StorageFixture fixture)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static StoredNotice Notice(string agreementId, string webhookId, Instant receivedAt) => new(
        NoticeStore.NoticeIdFor(agreementId, "faxserver", webhookId), agreementId, "faxserver", webhookId,
        new string('0', 64), receivedAt, "facsimile", $$"""{"webhookId":"{{webhookId}}"}""");

    [Fact]
    public void NoticeIdFor_IsTheAgreementThenAHashOfSourceAndWebhookId()
    {
        var agreementId = Guid.NewGuid().ToString("N");
        var other = Guid.NewGuid().ToString("N");

        var id = NoticeStore.NoticeIdFor(agreementId, "a", "msg_1");

        Assert.Equal(id, NoticeStore.NoticeIdFor(agreementId, "a", "msg_1"));
        Assert.NotEqual(id, NoticeStore.NoticeIdFor(agreementId, "b", "msg_1"));
        Assert.NotEqual(id, NoticeStore.NoticeIdFor(agreementId, "a", "msg_2"));
        Assert.Equal(agreementId + "-", id[..33]);
        Assert.Equal(other + "-" + id[33..], NoticeStore.NoticeIdFor(other, "a", "msg_1"));
        Assert.True(NoticeStore.TryGetAgreementId(id, out var parsed));
        Assert.Equal(agreementId, parsed);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("0123456789abcdef0123456789abcdef")]
    [InlineData("0123456789abcdef0123456789abcdef-0123456789abcdef0123456789abcde")]
    [InlineData("0123456789abcdef0123456789abcdef-0123456789abcdef0123456789abcdeF")]
    [InlineData("0123456789abcdef0123456789abcdef_0123456789abcdef0123456789abcdef")]
    [InlineData("0123456789ABCDEF0123456789abcdef-0123456789abcdef0123456789abcdef")]
    public void TryGetAgreementId_NotANoticeId_IsFalse(string? id) => Assert.False(NoticeStore.TryGetAgreementId(id, out _));

    [Fact]
    public void NoticeIdFor_NotAnAgreementId_Throws() =>
        Assert.Throws<ArgumentException>(() => NoticeStore.NoticeIdFor("not-an-agreement", "a", "msg_1"));

    [Fact]
    public async Task AddAsync_SameNoticeTwice_KeepsTheFirstAndStoresOne()
    {
        var store = new TableNoticeStore(await fixture.CreateTablesAsync());
        var agreementId = Guid.NewGuid().ToString("N");
        var first = Notice(agreementId, "msg_1", Instant.FromUtc(2000, 5, 1, 20, 0));

        await store.AddAsync(first, Cancel);
        var second = await store.AddAsync(first with { ReceivedAt = first.ReceivedAt.Plus(Duration.FromMinutes(3)) }, Cancel);

        Assert.Equal(first, second);
        Assert.Equal(first, Assert.Single(await store.ListByAgreementAsync(agreementId, Cancel)));
    }

    [Fact]
    public async Task GetAsync_ById_ReadsTheAgreementsPartitionTheIdNames()
    {
        var store = new TableNoticeStore(await fixture.CreateTablesAsync());
        var agreementId = Guid.NewGuid().ToString("N");
        var notice = Notice(agreementId, "msg_2", Instant.FromUtc(2000, 5, 1, 20, 0));
        var neverStored = NoticeStore.NoticeIdFor(agreementId, "faxserver", "msg_3");
        await store.AddAsync(notice, Cancel);

        Assert.Equal(notice, await store.GetAsync(notice.NoticeId, Cancel));
        Assert.Null(await store.GetAsync(neverStored, Cancel));
        Assert.Null(await store.GetAsync("not-a-notice", Cancel));
    }

    [Fact]
    public async Task AddAsync_SameWebhookIdUnderTwoAgreements_IsTwoNotices()
    {
        // A webhook id names one message; the same id with another agreement in the body is another message (the
        // sender reused an id), and refusing it would lose a notice.
        var store = new TableNoticeStore(await fixture.CreateTablesAsync());
        var first = Notice(Guid.NewGuid().ToString("N"), "msg_4", Instant.FromUtc(2000, 5, 1, 20, 0));
        var second = Notice(Guid.NewGuid().ToString("N"), "msg_4", Instant.FromUtc(2000, 5, 1, 20, 1));

        Assert.Same(first, await store.AddAsync(first, Cancel));
        Assert.Same(second, await store.AddAsync(second, Cancel));
        Assert.Equal(first, await store.GetAsync(first.NoticeId, Cancel));
        Assert.Equal(second, await store.GetAsync(second.NoticeId, Cancel));
    }

    [Fact]
    public async Task ListByAgreementAsync_OrdersByReceiptAndKeepsAgreementsApart()
    {
        var store = new TableNoticeStore(await fixture.CreateTablesAsync());
        var mine = Guid.NewGuid().ToString("N");
        var other = Guid.NewGuid().ToString("N");
        var late = Notice(mine, "late", Instant.FromUtc(2000, 5, 2, 0, 0));
        var early = Notice(mine, "early", Instant.FromUtc(2000, 5, 1, 0, 0));
        await store.AddAsync(late, Cancel);
        await store.AddAsync(early, Cancel);
        await store.AddAsync(Notice(other, "elsewhere", Instant.FromUtc(2000, 5, 1, 0, 0)), Cancel);

        var notices = await store.ListByAgreementAsync(mine, Cancel);

        Assert.Equal([early, late], notices);
    }

    [Fact]
    public async Task AddAsync_ALongDocument_IsStoredCompressedAndReadsAsWritten()
    {
        var tables = await fixture.CreateTablesAsync();
        var store = new TableNoticeStore(tables);
        var agreementId = Guid.NewGuid().ToString("N");
        var explanation = string.Concat(Enumerable.Repeat("Deemed given and effective on Friday 2000-05-26 under § 6(h)(ii). ", 60));
        var notice = Notice(agreementId, "msg_long", Instant.FromUtc(2000, 5, 1, 20, 0)) with { Document = $$"""{"explanation":"{{explanation}}"}""" };

        await store.AddAsync(notice, Cancel);

        var row = (await tables.Notices.GetEntityAsync<TableEntity>(agreementId, notice.NoticeId, cancellationToken: Cancel)).Value;
        Assert.False(row.ContainsKey("Document"));
        var compressed = row.GetBinary("DocumentGzip");
        Assert.True(compressed.Length < notice.Document.Length / 4, $"{compressed.Length} bytes for {notice.Document.Length} characters");
        using var gzip = new GZipStream(new MemoryStream(compressed), CompressionMode.Decompress);
        Assert.Equal(notice.Document, await new StreamReader(gzip).ReadToEndAsync(Cancel));
        Assert.Equal(notice, await store.GetAsync(notice.NoticeId, Cancel));
    }

    [Fact]
    public async Task AddAsync_ADocumentGzipCannotShrink_IsStoredAsText()
    {
        // Random characters from the CJK block take three bytes each in UTF-8 and do not compress, so gzip would be
        // larger than the text's two bytes a character.
        var tables = await fixture.CreateTablesAsync();
        var store = new TableNoticeStore(tables);
        var agreementId = Guid.NewGuid().ToString("N");
        var random = new Random(2000_05_26);
        var text = new string([.. Enumerable.Range(0, 2000).Select(_ => (char)random.Next(0x4E00, 0x9FFF))]);
        var notice = Notice(agreementId, "msg_cjk", Instant.FromUtc(2000, 5, 1, 20, 0)) with { Document = $$"""{"sender":"{{text}}"}""" };

        await store.AddAsync(notice, Cancel);

        var row = (await tables.Notices.GetEntityAsync<TableEntity>(agreementId, notice.NoticeId, cancellationToken: Cancel)).Value;
        Assert.False(row.ContainsKey("DocumentGzip"));
        Assert.Equal(notice.Document, row.GetString("Document"));
        Assert.Equal(notice, await store.GetAsync(notice.NoticeId, Cancel));
    }

    [Fact]
    public async Task GetAsync_ARowWrittenBeforeCompression_ReadsItsTextDocument()
    {
        // The row exactly as the store wrote every notice before DocumentGzip: the document as a string property.
        var tables = await fixture.CreateTablesAsync();
        var store = new TableNoticeStore(tables);
        var agreementId = Guid.NewGuid().ToString("N");
        var notice = Notice(agreementId, "msg_old", Instant.FromUtc(2000, 5, 1, 20, 0));
        await tables.Notices.AddEntityAsync(
            new TableEntity(agreementId, notice.NoticeId)
            {
                ["Source"] = notice.Source,
                ["WebhookId"] = notice.WebhookId,
                ["BodySha256"] = notice.BodySha256,
                ["ReceivedAt"] = "2000-05-01T20:00:00Z",
                ["Methods"] = notice.Methods,
                ["Document"] = notice.Document,
            },
            Cancel);

        Assert.Equal(notice, await store.GetAsync(notice.NoticeId, Cancel));
        Assert.Equal([notice], await store.ListByAgreementAsync(agreementId, Cancel));
    }
}

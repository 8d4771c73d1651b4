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
}

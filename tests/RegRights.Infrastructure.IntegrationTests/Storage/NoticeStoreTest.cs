using NodaTime;
using RegRights.Infrastructure.Storage;

namespace RegRights.Infrastructure.IntegrationTests.Storage;

[Collection(StorageTests.Name)]
public sealed class NoticeStoreTest(StorageFixture fixture)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static StoredNotice Notice(string agreementId, string webhookId, Instant receivedAt) => new(
        NoticeStore.NoticeIdFor("faxserver", webhookId), agreementId, "faxserver", webhookId,
        new string('0', 64), receivedAt, "facsimile", $$"""{"webhookId":"{{webhookId}}"}""");

    [Fact]
    public void NoticeIdFor_DependsOnSourceAndWebhookId()
    {
        Assert.Equal(NoticeStore.NoticeIdFor("a", "msg_1"), NoticeStore.NoticeIdFor("a", "msg_1"));
        Assert.NotEqual(NoticeStore.NoticeIdFor("a", "msg_1"), NoticeStore.NoticeIdFor("b", "msg_1"));
        Assert.True(NoticeStore.IsWellFormedId(NoticeStore.NoticeIdFor("a", "msg_1")));
    }

    [Fact]
    public async Task AddAsync_SameNoticeTwice_KeepsTheFirstAndStoresOne()
    {
        var store = new NoticeStore(await fixture.CreateTablesAsync());
        var agreementId = Guid.NewGuid().ToString("N");
        var first = Notice(agreementId, "msg_1", Instant.FromUtc(2000, 5, 1, 20, 0));

        await store.AddAsync(first, Cancel);
        var second = await store.AddAsync(first with { ReceivedAt = first.ReceivedAt.Plus(Duration.FromMinutes(3)) }, Cancel);

        Assert.Equal(first, second);
        Assert.Equal(first, Assert.Single(await store.ListByAgreementAsync(agreementId, Cancel)));
    }

    [Fact]
    public async Task GetAsync_ById_FollowsTheReceiptToTheAgreementsPartition()
    {
        var store = new NoticeStore(await fixture.CreateTablesAsync());
        var agreementId = Guid.NewGuid().ToString("N");
        var notice = Notice(agreementId, "msg_2", Instant.FromUtc(2000, 5, 1, 20, 0));
        await store.AddAsync(notice, Cancel);

        Assert.Null(await store.GetAsync(notice.NoticeId, Cancel));
        await store.AddReceiptAsync(new WebhookReceipt(notice.NoticeId, agreementId, "faxserver", "msg_2", notice.BodySha256, notice.ReceivedAt), Cancel);

        Assert.Equal(notice, await store.GetAsync(notice.NoticeId, Cancel));
    }

    [Fact]
    public async Task ListByAgreementAsync_OrdersByReceiptAndKeepsAgreementsApart()
    {
        var store = new NoticeStore(await fixture.CreateTablesAsync());
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

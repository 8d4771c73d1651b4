using System.Net;
using RegRights.Contracts.Notices;
using static RegRights.Functions.FunctionalTests.Api;

namespace RegRights.Functions.FunctionalTests.Apis;

public sealed partial class NoticesApiTest
{
    [Fact]
    public async Task PostNotice_AzuriteStopsBeforeTheNoticeIsWritten_Is503ThenTheRetryStoresOne()
    {
        // Arrange: Azurite goes away after the agreement was read, just before the notice's insert.
        var agreementId = await NewAgreementAsync();
        var webhookId = NewWebhookId();
        var body = DocumentSystem.Notice(agreementId, Fax);
        ClockAt(5, 25, 15, 0);
        fixture.Store.BeforeNextAdd = () => App.Azurite.Process.StopAsync();

        // Act
        using var failed = await Sender.PostAsync(body, webhookId);
        await App.Azurite.Process.StartAsync(Cancel);
        App.Clock.AdvanceSeconds(5);
        using var retried = await Sender.PostAsync(body, webhookId);

        // Assert: 503 with Retry-After, then the retry is the first success: 201, one notice, stamped at the retry.
        Assert.Equal(HttpStatusCode.ServiceUnavailable, failed.StatusCode);
        Assert.NotNull(failed.Headers.RetryAfter?.Delta);
        Assert.Equal(HttpStatusCode.Created, retried.StatusCode);
        Assert.Equal(App.Clock.GetCurrentInstant(), (await retried.ReadAsync<NoticeStampResponse>()).RecordedAt);
        Assert.Single(await NoticesOfAsync(agreementId));
    }

    [Fact]
    public async Task PostNotice_AzuriteStopsBetweenNoticeAndReceipt_Is503ThenTheRetryCompletesTheFirstOnce()
    {
        // Arrange: the notice is written, then Azurite goes away before the webhook receipt: a half-done intake.
        var agreementId = await NewAgreementAsync();
        var webhookId = NewWebhookId();
        var body = DocumentSystem.Notice(agreementId, Fax);
        ClockAt(5, 25, 15, 0);
        var firstTry = App.Clock.GetCurrentInstant();
        fixture.Store.AfterNextAdd = () => App.Azurite.Process.StopAsync();

        // Act
        using var failed = await Sender.PostAsync(body, webhookId);
        await App.Azurite.Process.StartAsync(Cancel);
        App.Clock.AdvanceSeconds(5);
        using var retried = await Sender.PostAsync(body, webhookId);

        // Assert: the retry finds the notice the first try wrote, completes its receipt, and answers with its stamp,
        // recorded at the first try (3:00:00 p.m.), not a second notice stamped at the retry.
        Assert.Equal(HttpStatusCode.ServiceUnavailable, failed.StatusCode);
        Assert.NotNull(failed.Headers.RetryAfter?.Delta);
        Assert.Equal(HttpStatusCode.OK, retried.StatusCode);
        Assert.Equal(firstTry, (await retried.ReadAsync<NoticeStampResponse>()).RecordedAt);
        Assert.Single(await NoticesOfAsync(agreementId));
        Assert.NotNull(await fixture.Store.GetReceiptAsync(Infrastructure.Storage.NoticeStore.NoticeIdFor("docsystem", webhookId), Cancel));

        // And a third try is an ordinary replay of the completed webhook.
        using var third = await Sender.PostAsync(body, webhookId);
        Assert.Equal(HttpStatusCode.OK, third.StatusCode);
        Assert.Single(await NoticesOfAsync(agreementId));
    }
}

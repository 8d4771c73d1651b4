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
        Assert.Equal(App.Clock.GetCurrentInstant(), (await retried.ReadAsync<NoticeReceivedResponse>()).Stamp.RecordedAt.ToInstant());
        Assert.Single(await NoticesOfAsync(agreementId));
    }

    [Fact]
    public async Task PostNotice_AzuriteStopsRightAfterTheNoticeIsWritten_RetriesGet503ThenTheFirstStamp()
    {
        // Arrange: the notice is written, then Azurite goes away; the first answer stands, but suppose the sender never
        // saw it and retries, first during the outage and then after it.
        var agreementId = await NewAgreementAsync();
        var webhookId = NewWebhookId();
        var body = DocumentSystem.Notice(agreementId, Fax);
        ClockAt(5, 25, 15, 0);
        var firstTry = App.Clock.GetCurrentInstant();
        fixture.Store.AfterNextAdd = () => App.Azurite.Process.StopAsync();

        // Act
        using var first = await Sender.PostAsync(body, webhookId);
        App.Clock.AdvanceSeconds(5);
        using var duringOutage = await Sender.PostAsync(body, webhookId);
        await App.Azurite.Process.StartAsync(Cancel);
        App.Clock.AdvanceSeconds(5);
        using var afterOutage = await Sender.PostAsync(body, webhookId);

        // Assert: nothing that needs storage answers during the outage; afterwards the retry gets the first stamp,
        // recorded at the first try (3:00:00 p.m.), not a second notice stamped at the retry.
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, duringOutage.StatusCode);
        Assert.NotNull(duringOutage.Headers.RetryAfter?.Delta);
        Assert.Equal(HttpStatusCode.OK, afterOutage.StatusCode);
        Assert.Equal(firstTry, (await afterOutage.ReadAsync<NoticeReceivedResponse>()).Stamp.RecordedAt.ToInstant());
        Assert.Single(await NoticesOfAsync(agreementId));
    }
}

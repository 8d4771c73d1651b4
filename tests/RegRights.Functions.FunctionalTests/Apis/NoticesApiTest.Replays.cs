using System.Net;
using static RegRights.Functions.FunctionalTests.Api;

namespace RegRights.Functions.FunctionalTests.Apis;

public sealed partial class NoticesApiTest
{
    private const string Fax = """{ "method": "facsimile", "sentAt": "2000-05-25T13:59:00-07:00", "faxNumber": "(949) 788-6706" }""";

    [Fact]
    public async Task PostNotice_SameWebhookIdAgain_Is200WithTheFirstStampAndOneNotice()
    {
        // Arrange: the first delivery is stamped at 3:00 p.m.; the sender, having lost the answer, retries a minute later
        // (Standard Webhooks: same webhook-id, new timestamp and signature).
        var agreementId = await NewAgreementAsync();
        var webhookId = NewWebhookId();
        var body = DocumentSystem.Notice(agreementId, Fax);
        ClockAt(5, 25, 15, 0);
        using var first = await Sender.PostAsync(body, webhookId);
        App.Clock.AdvanceMinutes(1);

        // Act
        using var again = await Sender.PostAsync(body, webhookId);

        // Assert: the first result, byte for byte (its recordedAt is 3:00 p.m., not the retry's 3:01 p.m.), one notice.
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(await first.Content.ReadAsStringAsync(Cancel), await again.Content.ReadAsStringAsync(Cancel));
        Assert.Equal(first.Headers.Location, again.Headers.Location);
        Assert.Single(await NoticesOfAsync(agreementId));
    }

    [Fact]
    public async Task PostNotice_SameWebhookIdWithAnotherBody_Is409AndStoresNothingMore()
    {
        var agreementId = await NewAgreementAsync();
        var webhookId = NewWebhookId();
        ClockAt(5, 25, 15, 0);
        using var first = await Sender.PostAsync(DocumentSystem.Notice(agreementId, Fax), webhookId);

        using var other = await Sender.PostAsync(DocumentSystem.Notice(agreementId, Fax.Replace("13:59", "13:58", StringComparison.Ordinal)), webhookId);

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, other.StatusCode);
        var problem = await other.ReadJsonAsync();
        Assert.Contains("webhook-id-reused", (string?)problem["type"], StringComparison.Ordinal);
        // When the first was received, 3:00 p.m. on Thursday 2000-05-25, in the agreement's zone with its offset.
        Assert.Contains("first received at 2000-05-25T15:00:00-07:00", (string?)problem["detail"], StringComparison.Ordinal);
        Assert.Single(await NoticesOfAsync(agreementId));
    }

    [Fact]
    public async Task PostNotice_SameWebhookIdForAnotherAgreement_IsAnotherNotice()
    {
        // The sender reused a webhook-id for a notice under another agreement: a different message, so it is stored
        // as a notice of that agreement, not refused (refusing it would lose the notice).
        var first = await NewAgreementAsync();
        var second = await NewAgreementAsync();
        var webhookId = NewWebhookId();
        ClockAt(5, 25, 15, 0);

        using var one = await Sender.PostAsync(DocumentSystem.Notice(first, Fax), webhookId);
        using var two = await Sender.PostAsync(DocumentSystem.Notice(second, Fax), webhookId);

        Assert.Equal((HttpStatusCode.Created, HttpStatusCode.Created), (one.StatusCode, two.StatusCode));
        Assert.NotEqual(one.Headers.Location, two.Headers.Location);
        Assert.Equal([first], (await NoticesOfAsync(first)).Select(n => n.AgreementId));
        Assert.Equal([second], (await NoticesOfAsync(second)).Select(n => n.AgreementId));
    }
}

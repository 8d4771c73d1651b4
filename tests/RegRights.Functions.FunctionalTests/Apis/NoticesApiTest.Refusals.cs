using System.Net;
using System.Text;
using NodaTime;
using static RegRights.Functions.FunctionalTests.Api;

namespace RegRights.Functions.FunctionalTests.Apis;

public sealed partial class NoticesApiTest
{
    [Fact]
    public async Task PostNotice_TimeWithoutOffset_Is400NamingTheFieldAndStoresNothing()
    {
        // "2000-05-25T13:59:00" could be PDT or UTC, seven hours and a § 6(h) clause apart: never guessed.
        var agreementId = await NewAgreementAsync();
        var webhookId = NewWebhookId();
        ClockAt(5, 25, 15, 0);

        using var response = await Sender.PostAsync(DocumentSystem.Notice(agreementId, """{ "method": "facsimile", "sentAt": "2000-05-25T13:59:00" }"""), webhookId);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("no UTC offset", await response.ErrorAtAsync("deliveries[0].sentAt"), StringComparison.Ordinal);
        await AssertNothingStoredAsync(agreementId);
    }

    [Fact]
    public async Task PostNotice_UnknownMethod_Is400NamingTheFieldAndStoresNothing()
    {
        var agreementId = await NewAgreementAsync();
        var webhookId = NewWebhookId();
        ClockAt(5, 25, 15, 0);

        using var response = await Sender.PostAsync(DocumentSystem.Notice(agreementId, """{ "method": "telegram", "sentAt": "2000-05-25T13:59:00-07:00" }"""), webhookId);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("'telegram' is not a delivery method", await response.ErrorAtAsync("deliveries[0].method"), StringComparison.Ordinal);
        await AssertNothingStoredAsync(agreementId);
    }

    [Fact]
    public async Task PostNotice_SignedWithAnotherSecret_Is401AndStoresNothing()
    {
        var agreementId = await NewAgreementAsync();
        var webhookId = NewWebhookId();
        ClockAt(5, 25, 15, 0);
        var stranger = new DocumentSystem(App.Anonymous, App.Clock, "whsec_" + Convert.ToBase64String(Encoding.UTF8.GetBytes("a stranger's key")));

        using var response = await stranger.PostAsync(DocumentSystem.Notice(agreementId, Fax), webhookId);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        await AssertNothingStoredAsync(agreementId);
    }

    [Fact]
    public async Task PostNotice_BodyChangedAfterSigning_Is401AndStoresNothing()
    {
        // The signature covers the bytes as sent: the same JSON with other whitespace is another message.
        var agreementId = await NewAgreementAsync();
        var webhookId = NewWebhookId();
        ClockAt(5, 25, 15, 0);
        var body = DocumentSystem.Notice(agreementId, Fax);

        using var response = await Sender.PostAsync(body, webhookId,
            request => request.Content = new StringContent(body.Replace("\n", "\r\n", StringComparison.Ordinal), Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        await AssertNothingStoredAsync(agreementId);
    }

    [Fact]
    public async Task PostNotice_MissingSignature_Is401AndStoresNothing()
    {
        var agreementId = await NewAgreementAsync();
        var webhookId = NewWebhookId();
        ClockAt(5, 25, 15, 0);

        using var response = await Sender.PostAsync(DocumentSystem.Notice(agreementId, Fax), webhookId, request => request.Headers.Remove("webhook-signature"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("webhook-signature", (string?)(await response.ReadJsonAsync())["detail"], StringComparison.Ordinal);
        await AssertNothingStoredAsync(agreementId);
    }

    [Fact]
    public async Task PostNotice_StaleTimestamp_Is401AndStoresNothing()
    {
        // Signed 5 minutes 1 second before the server's clock: outside the Standard Webhooks tolerance, so a captured
        // request cannot be replayed later.
        var agreementId = await NewAgreementAsync();
        var webhookId = NewWebhookId();
        ClockAt(5, 25, 15, 0);

        using var response = await Sender.PostAsync(DocumentSystem.Notice(agreementId, Fax), webhookId, clockSkew: Duration.FromSeconds(-301));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("tolerance", (string?)(await response.ReadJsonAsync())["detail"], StringComparison.Ordinal);
        await AssertNothingStoredAsync(agreementId);
    }

    [Fact]
    public async Task PostNotice_BodyOver256KiB_Is413AndStoresNothing()
    {
        // A correctly signed notice whose document URI pads the body to 256 KiB + 1 byte.
        var agreementId = await NewAgreementAsync();
        var webhookId = NewWebhookId();
        ClockAt(5, 25, 15, 0);
        var body = DocumentSystem.Notice(agreementId, Fax);
        body = body.Replace("rcgf-0001.pdf", "rcgf-0001.pdf?" + new string('x', (256 * 1024) + 1 - Encoding.UTF8.GetByteCount(body) - 1), StringComparison.Ordinal);
        Assert.Equal((256 * 1024) + 1, Encoding.UTF8.GetByteCount(body));

        using var response = await Sender.PostAsync(body, webhookId);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        await AssertNothingStoredAsync(agreementId);
    }

    [Fact]
    public async Task PostNotice_UnknownAgreement_Is404AndStoresNothing()
    {
        var unknown = Guid.CreateVersion7().ToString("N");
        var webhookId = NewWebhookId();
        ClockAt(5, 25, 15, 0);

        using var response = await Sender.PostAsync(DocumentSystem.Notice(unknown, Fax), webhookId);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains(unknown, (string?)(await response.ReadJsonAsync())["detail"], StringComparison.Ordinal);
        await AssertNothingStoredAsync(unknown);
    }
}

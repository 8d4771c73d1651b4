using System.Net;
using NodaTime;
using NodaTime.Text;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Security;
using RegRights.Contracts.Notices;
using RegRights.Core.Agreements;
using RegRights.Core.Notices;
using static RegRights.Functions.FunctionalTests.Api;

namespace RegRights.Functions.FunctionalTests.Intake;

/// <summary>
/// Telnyx inbound fax through the local host: <c>POST /api/intake/telnyx/main</c> with webhooks built from Telnyx's
/// documented <c>fax.received</c> fields and signed with the account's Ed25519 key.
/// </summary>
public sealed class TelnyxFaxTest(IntakeAppFixture fixture) : IClassFixture<IntakeAppFixture>
{
    private FunctionsAppFixture App => fixture.App;

    /// <summary>A Telnyx webhook as its documentation lists the fields (data.id, event_type, occurred_at, payload.*, meta).</summary>
    internal static string Fax(string eventId, string faxId, string from, string to, string occurredAt, string type = "fax.received", int attempt = 1) => $$"""
        {
          "data": {
            "event_type": "{{type}}",
            "id": "{{eventId}}",
            "occurred_at": "{{occurredAt}}",
            "payload": {
              "call_duration_secs": 41,
              "connection_id": "1684641123236054244",
              "direction": "inbound",
              "fax_id": "{{faxId}}",
              "from": "{{from}}",
              "to": "{{to}}",
              "media_url": "https://faxes.telnyx.example/{{faxId}}.pdf",
              "page_count": 3,
              "partial_content": false,
              "status": "{{(type == "fax.received" ? "received" : "failed")}}",
              "user_id": "19a75cea-02c6-4b9a-84fa-c9bc8341feb8"
            },
            "record_type": "event"
          },
          "meta": { "attempt": {{attempt}}, "delivered_to": "https://regrights.example/api/intake/telnyx/main" }
        }
        """;

    private static string E164(string number) => FaxNumber.TryNormalize(number, out var e) ? e : throw new ArgumentException(number);

    [Theory]
    // § 6(h)(i): received 1:59 p.m. PDT on Thursday 2000-05-25 (20:59 UTC), a Business Day: effective that day.
    [InlineData("2000-05-25T20:59:00.000000Z", "6(h)(i)", "2000-05-25")]
    // § 6(h)(ii): 2:01 p.m. PDT is later than 2:00 p.m.: the next Business Day, Friday 2000-05-26.
    [InlineData("2000-05-25T21:01:00.000000Z", "6(h)(ii)", "2000-05-26")]
    public async Task FaxReceived_ToTheNoticeNumber_IsStampedOnTheTransmissionMomentWithTheHoldersName(string occurredAt, string rule, string effective)
    {
        // Arrange
        var (notice, holder) = (IntakeAppFixture.NewFaxNumber(), IntakeAppFixture.NewFaxNumber());
        var agreementId = await fixture.NewAgreementAsync(notice, holder);
        fixture.ClockAt(new LocalDateTime(2000, 5, 25, 14, 3));
        var body = Fax(Guid.NewGuid().ToString(), Guid.NewGuid().ToString(), E164(holder), E164(notice), occurredAt);

        // Act
        using var response = await ProviderPosts.TelnyxAsync(App.Anonymous, body, fixture.TelnyxKey, App.Clock.GetCurrentInstant());

        // Assert: the receipt names the notice, the rule, and the field the moment came from.
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var receipt = await response.ReadAsync<IntakeReceiptDocument>();
        Assert.Equal((IntakeOutcome.Stamped, agreementId), (receipt.Outcome, receipt.AgreementId));
        Assert.Equal(rule, receipt.Stamp!.Rule);
        Assert.Equal(LocalDatePattern.Iso.Parse(effective).Value, receipt.Stamp.EffectiveDate);
        Assert.Equal(("data.occurred_at", DeliveryMethod.Facsimile), (receipt.Delivery!.SentAtField, receipt.Delivery.Method));
        Assert.Equal($"/api/intake/receipts/{receipt.Id}", response.Headers.Location!.OriginalString);
        Assert.Contains("telnyx-signature-ed25519", receipt.Headers.Keys);

        // What arrived, byte for byte, with the hash the receipt names.
        using var raw = await App.Management.GetAsync(Url($"/api/intake/receipts/{receipt.Id}/body"), Cancel);
        var bytes = await raw.Content.ReadAsByteArrayAsync(Cancel);
        Assert.Equal(body, System.Text.Encoding.UTF8.GetString(bytes));
        Assert.Equal(receipt.BodySha256, Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes)));

        // The notice is listed under its agreement, with the webhook linked and the Holder named from its contact.
        var listed = Assert.Single(await fixture.NoticesOfAsync(agreementId));
        Assert.Equal((receipt.NoticeId, NoticeDocument.FromProvider), (listed.Id, listed.Origin));
        Assert.StartsWith("Royal Canadian Growth Fund", listed.Sender, StringComparison.Ordinal);
        Assert.Equal(rule, listed.Stamp!.Rule);
        var link = Assert.Single(listed.Receipts);
        Assert.Equal((receipt.Id, 0), (link.ReceiptId, link.DeliveryIndex));
    }

    [Fact]
    public async Task FaxReceived_Retried_IsTheFirstReceiptAndStoresNothing()
    {
        // Arrange: Telnyx retries the same event (same data.id, meta.attempt 2, a new timestamp and signature).
        var (notice, holder) = (IntakeAppFixture.NewFaxNumber(), IntakeAppFixture.NewFaxNumber());
        var agreementId = await fixture.NewAgreementAsync(notice, holder);
        fixture.ClockAt(new LocalDateTime(2000, 5, 25, 14, 3));
        var (eventId, faxId) = (Guid.NewGuid().ToString(), Guid.NewGuid().ToString());
        using var first = await ProviderPosts.TelnyxAsync(App.Anonymous, Fax(eventId, faxId, E164(holder), E164(notice), "2000-05-25T20:59:00Z"), fixture.TelnyxKey, App.Clock.GetCurrentInstant());
        App.Clock.AdvanceMinutes(2);

        // Act
        using var again = await ProviderPosts.TelnyxAsync(App.Anonymous, Fax(eventId, faxId, E164(holder), E164(notice), "2000-05-25T20:59:00Z", attempt: 2), fixture.TelnyxKey, App.Clock.GetCurrentInstant());

        // Assert: the first receipt, byte for byte; one notice, one webhook linked.
        Assert.Equal((HttpStatusCode.Created, HttpStatusCode.OK), (first.StatusCode, again.StatusCode));
        Assert.Equal(await first.Content.ReadAsStringAsync(Cancel), await again.Content.ReadAsStringAsync(Cancel));
        Assert.Single(Assert.Single(await fixture.NoticesOfAsync(agreementId)).Receipts);
    }

    [Fact]
    public async Task FaxReceived_SignedWithAnotherKey_Is401AndStoresNothing()
    {
        // Arrange: a key pair that is not the account's.
        var (notice, holder) = (IntakeAppFixture.NewFaxNumber(), IntakeAppFixture.NewFaxNumber());
        var agreementId = await fixture.NewAgreementAsync(notice, holder);
        var stranger = new Ed25519PrivateKeyParameters(new SecureRandom());
        var eventId = Guid.NewGuid().ToString();
        var body = Fax(eventId, Guid.NewGuid().ToString(), E164(holder), E164(notice), "2000-05-25T20:59:00Z");
        fixture.ClockAt(new LocalDateTime(2000, 5, 25, 14, 3));

        // Act
        using var response = await ProviderPosts.TelnyxAsync(App.Anonymous, body, stranger, App.Clock.GetCurrentInstant());

        // Assert
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("public key", (string?)(await response.ReadJsonAsync())["detail"], StringComparison.Ordinal);
        Assert.Empty(await fixture.NoticesOfAsync(agreementId));
        Assert.DoesNotContain(await fixture.ReceiptsOfAsync("telnyx"), r => r.EventId == eventId);
    }

    [Fact]
    public async Task FaxReceived_TimestampSixMinutesOld_Is401AndStoresNothing()
    {
        var (notice, holder) = (IntakeAppFixture.NewFaxNumber(), IntakeAppFixture.NewFaxNumber());
        var agreementId = await fixture.NewAgreementAsync(notice, holder);
        fixture.ClockAt(new LocalDateTime(2000, 5, 25, 14, 3));
        var body = Fax(Guid.NewGuid().ToString(), Guid.NewGuid().ToString(), E164(holder), E164(notice), "2000-05-25T20:59:00Z");

        using var response = await ProviderPosts.TelnyxAsync(App.Anonymous, body, fixture.TelnyxKey, App.Clock.GetCurrentInstant() - Duration.FromMinutes(6));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("tolerance", (string?)(await response.ReadJsonAsync())["detail"], StringComparison.Ordinal);
        Assert.Empty(await fixture.NoticesOfAsync(agreementId));
    }

    [Fact]
    public async Task FaxReceived_BodyChangedAfterSigning_Is401()
    {
        var (notice, holder) = (IntakeAppFixture.NewFaxNumber(), IntakeAppFixture.NewFaxNumber());
        await fixture.NewAgreementAsync(notice, holder);
        fixture.ClockAt(new LocalDateTime(2000, 5, 25, 14, 3));
        var body = Fax(Guid.NewGuid().ToString(), Guid.NewGuid().ToString(), E164(holder), E164(notice), "2000-05-25T20:59:00Z");
        var ts = App.Clock.GetCurrentInstant();

        // Signed over the body with 13:59, sent with 15:59: the signature covers the bytes as sent.
        using var signedRequest = await ProviderPosts.TelnyxAsync(App.Anonymous, body.Replace("20:59", "22:59", StringComparison.Ordinal), fixture.TelnyxKey, ts);
        Assert.Equal(HttpStatusCode.Created, signedRequest.StatusCode);
        using var tampered = await TamperedAsync(body, ts);

        Assert.Equal(HttpStatusCode.Unauthorized, tampered.StatusCode);
    }

    [Fact]
    public async Task FaxFailedAndUnknownNumberAndUnknownCaller_AreKeptWithoutAStampOrWithAnUnidentifiedSender()
    {
        // Arrange
        var (notice, holder) = (IntakeAppFixture.NewFaxNumber(), IntakeAppFixture.NewFaxNumber());
        var agreementId = await fixture.NewAgreementAsync(notice, holder);
        fixture.ClockAt(new LocalDateTime(2000, 5, 25, 14, 3));
        var now = App.Clock.GetCurrentInstant();

        // Act: a failed fax to the notice number; a fax to a number no agreement names; one from a caller no contact has.
        using var failed = await ProviderPosts.TelnyxAsync(App.Anonymous, Fax(Guid.NewGuid().ToString(), Guid.NewGuid().ToString(), E164(holder), E164(notice), "2000-05-25T20:59:00Z", "fax.failed"), fixture.TelnyxKey, now);
        using var nowhere = await ProviderPosts.TelnyxAsync(App.Anonymous, Fax(Guid.NewGuid().ToString(), Guid.NewGuid().ToString(), E164(holder), "+14155550000", "2000-05-25T20:59:00Z"), fixture.TelnyxKey, now);
        using var stranger = await ProviderPosts.TelnyxAsync(App.Anonymous, Fax(Guid.NewGuid().ToString(), Guid.NewGuid().ToString(), "+16475550199", E164(notice), "2000-05-25T20:59:00Z"), fixture.TelnyxKey, now);

        // Assert: each kept; the failed one recorded without a notice, the stray one unmatched, the stranger "unidentified".
        var failedReceipt = await failed.ReadAsync<IntakeReceiptDocument>();
        Assert.Equal((HttpStatusCode.Created, IntakeOutcome.Recorded, agreementId), (failed.StatusCode, failedReceipt.Outcome, failedReceipt.AgreementId));
        Assert.Null(failedReceipt.Stamp);
        var nowhereReceipt = await nowhere.ReadAsync<IntakeReceiptDocument>();
        Assert.Equal((IntakeOutcome.Unmatched, (string?)null), (nowhereReceipt.Outcome, nowhereReceipt.AgreementId));
        Assert.Contains(await fixture.ReceiptsOfAsync("telnyx"), r => r.Id == nowhereReceipt.Id);
        var strangerReceipt = await stranger.ReadAsync<IntakeReceiptDocument>();
        Assert.Equal(IntakeOutcome.Stamped, strangerReceipt.Outcome);
        var only = Assert.Single(await fixture.NoticesOfAsync(agreementId));
        Assert.Equal((strangerReceipt.NoticeId, "unidentified"), (only.Id, only.Sender));
    }

    private async Task<HttpResponseMessage> TamperedAsync(string body, Instant ts)
    {
        // Sign the original, send it changed.
        var signer = new Org.BouncyCastle.Crypto.Signers.Ed25519Signer();
        signer.Init(true, fixture.TelnyxKey);
        var time = ts.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
        var signed = System.Text.Encoding.UTF8.GetBytes($"{time}|{body}");
        signer.BlockUpdate(signed, 0, signed.Length);
        using var request = new HttpRequestMessage(HttpMethod.Post, Url("/api/intake/telnyx/main"))
        {
            Content = new StringContent(body.Replace("20:59", "23:59", StringComparison.Ordinal), System.Text.Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("telnyx-signature-ed25519", Convert.ToBase64String(signer.GenerateSignature()));
        request.Headers.Add("telnyx-timestamp", time);
        return await App.Anonymous.SendAsync(request, Cancel);
    }
}

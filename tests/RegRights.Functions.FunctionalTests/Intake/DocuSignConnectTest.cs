using System.Net;
using NodaTime;
using RegRights.Contracts.Notices;
using RegRights.Core.Notices;
using static RegRights.Functions.FunctionalTests.Api;

namespace RegRights.Functions.FunctionalTests.Intake;

/// <summary>
/// DocuSign Connect through the local host: JSON SIM messages built from Connect's documented fields, signed with the
/// configuration's HMAC keys (one X-DocuSign-Signature-N per active key), including a key rotation.
/// </summary>
public sealed class DocuSignConnectTest(IntakeAppFixture fixture) : IClassFixture<IntakeAppFixture>
{
    private FunctionsAppFixture App => fixture.App;

    private static string[] Keys => IntakeAppFixture.DocuSignKeys;

    /// <summary>
    /// A Connect JSON SIM message as its documentation lists the fields: event, apiVersion, uri, retryCount,
    /// configurationId, generatedDateTime, data.accountId/userId/envelopeId and data.envelopeSummary.
    /// </summary>
    internal static string Envelope(string type, string envelopeId, string? agreementId, string sent, string? delivered, int retryCount = 0) => $$"""
        {
          "event": "{{type}}",
          "apiVersion": "v2.1",
          "uri": "/restapi/v2.1/accounts/8c1f0d9e-2b7a-4c55-9f0e-3a6d2b1c4e77/envelopes/{{envelopeId}}",
          "retryCount": {{retryCount}},
          "configurationId": 10592173,
          "generatedDateTime": "2000-05-26T17:00:01.4470000Z",
          "data": {
            "accountId": "8c1f0d9e-2b7a-4c55-9f0e-3a6d2b1c4e77",
            "userId": "5e2b9c1a-7d3f-4a08-b6e4-0f9c2d8a1b35",
            "envelopeId": "{{envelopeId}}",
            "envelopeSummary": {
              "status": "{{type["envelope-".Length..]}}",
              "emailSubject": "Request for registration under the Registration Rights Agreement",
              "sender": { "userName": "Royal Canadian Growth Fund", "email": "notices@rcgf.example" },
              "sentDateTime": "{{sent}}",
              {{(delivered is null ? "" : $"\"deliveredDateTime\": \"{delivered}\",")}}
              "customFields": { "textCustomFields": [ {{(agreementId is null ? "" : $$"""{ "name": "agreementId", "value": "{{agreementId}}", "show": "false", "required": "false" }""")}} ] },
              "recipients": {
                "signers": [
                  {
                    "name": "Chief Financial Officer, NeoTherapeutics, Inc.",
                    "email": "cfo@neotherapeutics.example",
                    "recipientId": "1",
                    "status": "{{(delivered is null ? "sent" : "delivered")}}",
                    "sentDateTime": "{{sent}}"{{(delivered is null ? "" : $",\n                    \"deliveredDateTime\": \"{delivered}\"")}}
                  }
                ]
              }
            }
          }
        }
        """;

    [Fact]
    public async Task EnvelopeSentThenOpened_OneNoticeStampedOnOpeningWithTheSendingAsTheOtherReading()
    {
        // Arrange: sent Thursday 2000-05-25 9:00 a.m. PDT, opened Friday 2000-05-26 9:30 a.m. PDT.
        var agreementId = await fixture.NewAgreementAsync(IntakeAppFixture.NewFaxNumber(), IntakeAppFixture.NewFaxNumber());
        var envelopeId = Guid.NewGuid().ToString();
        fixture.ClockAt(new LocalDateTime(2000, 5, 26, 10, 0));

        // Act
        using var sent = await ProviderPosts.DocuSignAsync(App.Anonymous, Envelope("envelope-sent", envelopeId, agreementId, "2000-05-25T16:00:00.0000000Z", null), Keys[0]);
        App.Clock.AdvanceSeconds(1);
        using var opened = await ProviderPosts.DocuSignAsync(App.Anonymous, Envelope("envelope-delivered", envelopeId, agreementId, "2000-05-25T16:00:00.0000000Z", "2000-05-26T16:30:00.0000000Z"), Keys[0]);
        App.Clock.AdvanceSeconds(1);
        using var voided = await ProviderPosts.DocuSignAsync(App.Anonymous, Envelope("envelope-voided", envelopeId, agreementId, "2000-05-25T16:00:00.0000000Z", null), Keys[0]);

        // Assert: sent only, no receipt yet (no effective date), the other reading Thursday; opened, effective Friday.
        Assert.Equal((HttpStatusCode.Created, HttpStatusCode.Created, HttpStatusCode.Created), (sent.StatusCode, opened.StatusCode, voided.StatusCode));
        var first = (await sent.ReadAsync<IntakeReceiptDocument>()).Stamp!;
        Assert.Equal(("6(h)(iv)", (LocalDate?)null, true), (first.Rule, first.EffectiveDate, first.Gap));
        Assert.Equal(new LocalDate(2000, 5, 25), first.Alternative!.EffectiveDate);
        var receipt = await opened.ReadAsync<IntakeReceiptDocument>();
        Assert.Equal((IntakeOutcome.Stamped, "6(h)(iv)", (LocalDate?)new LocalDate(2000, 5, 26)), (receipt.Outcome, receipt.Stamp!.Rule, receipt.Stamp.EffectiveDate));
        Assert.True(receipt.Stamp.Gap);
        Assert.Equal(new LocalDate(2000, 5, 25), receipt.Stamp.Alternative!.EffectiveDate);
        Assert.Equal("data.envelopeSummary.recipients.signers[0].deliveredDateTime", receipt.Delivery!.ReceivedAtField);
        Assert.Equal("data.envelopeSummary.sentDateTime", receipt.Delivery.Reading!.ReceivedAtField);
        var voidReceipt = await voided.ReadAsync<IntakeReceiptDocument>();
        Assert.Equal((IntakeOutcome.Recorded, (NoticeStampResponse?)null), (voidReceipt.Outcome, voidReceipt.Stamp));

        // One notice, three webhooks linked; the two that reported moments point at its one delivery.
        var notice = Assert.Single(await fixture.NoticesOfAsync(agreementId));
        Assert.Equal(receipt.NoticeId, notice.Id);
        Assert.Equal([0, 0, null], notice.Receipts.Select(r => r.DeliveryIndex));
        Assert.Equal(new LocalDate(2000, 5, 26), notice.Stamp!.EffectiveDate);
        Assert.Equal(DeliveryMethod.Email, Assert.Single(notice.Stamp.Deliveries).Method);
    }

    [Fact]
    public async Task Envelope_SignedWithTheRotatedKeyBesideARetiredOne_IsAccepted()
    {
        // Connect signs with every active key: the first header under a key this app no longer holds, the second under
        // the key added for the rotation.
        var agreementId = await fixture.NewAgreementAsync(IntakeAppFixture.NewFaxNumber(), IntakeAppFixture.NewFaxNumber());
        var body = Envelope("envelope-completed", Guid.NewGuid().ToString(), agreementId, "2000-05-25T16:00:00Z", "2000-05-25T16:05:00Z");

        using var response = await ProviderPosts.DocuSignAsync(App.Anonymous, body, "a-retired-connect-key-000000000000000000000=", Keys[1]);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Contains("x-docusign-signature-2", (await response.ReadAsync<IntakeReceiptDocument>()).Headers.Keys);
    }

    [Fact]
    public async Task Envelope_SignedWithAnUnknownKeyOrUnsigned_Is401AndStoresNothing()
    {
        var agreementId = await fixture.NewAgreementAsync(IntakeAppFixture.NewFaxNumber(), IntakeAppFixture.NewFaxNumber());
        var body = Envelope("envelope-completed", Guid.NewGuid().ToString(), agreementId, "2000-05-25T16:00:00Z", "2000-05-25T16:05:00Z");

        using var wrong = await ProviderPosts.DocuSignAsync(App.Anonymous, body, "not-a-key-of-this-configuration-000000000=");
        using var unsigned = await ProviderPosts.DocuSignAsync(App.Anonymous, body);

        Assert.Equal((HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized), (wrong.StatusCode, unsigned.StatusCode));
        Assert.Empty(await fixture.NoticesOfAsync(agreementId));
    }

    [Fact]
    public async Task Envelope_Retried_IsTheFirstReceiptAndStoresNothing()
    {
        var agreementId = await fixture.NewAgreementAsync(IntakeAppFixture.NewFaxNumber(), IntakeAppFixture.NewFaxNumber());
        var envelopeId = Guid.NewGuid().ToString();
        using var first = await ProviderPosts.DocuSignAsync(App.Anonymous, Envelope("envelope-completed", envelopeId, agreementId, "2000-05-25T16:00:00Z", "2000-05-25T16:05:00Z"), Keys[0]);
        App.Clock.AdvanceMinutes(5);

        using var again = await ProviderPosts.DocuSignAsync(App.Anonymous, Envelope("envelope-completed", envelopeId, agreementId, "2000-05-25T16:00:00Z", "2000-05-25T16:05:00Z", retryCount: 1), Keys[0]);

        Assert.Equal((HttpStatusCode.Created, HttpStatusCode.OK), (first.StatusCode, again.StatusCode));
        Assert.Equal(await first.Content.ReadAsStringAsync(Cancel), await again.Content.ReadAsStringAsync(Cancel));
        Assert.Single(Assert.Single(await fixture.NoticesOfAsync(agreementId)).Receipts);
    }

    [Fact]
    public async Task Envelope_RegisteredBeforehand_IsLinkedToTheExpectedNotice_AndOneNamingNoAgreementIsUnmatched()
    {
        // Arrange
        var agreementId = await fixture.NewAgreementAsync(IntakeAppFixture.NewFaxNumber(), IntakeAppFixture.NewFaxNumber());
        var envelopeId = Guid.NewGuid().ToString();
        var noticeId = await fixture.ExpectAsync(agreementId, $$"""[{ "method": "email", "envelopeId": "{{envelopeId}}" }]""");

        // Act
        using var linked = await ProviderPosts.DocuSignAsync(App.Anonymous, Envelope("envelope-delivered", envelopeId, null, "2000-05-25T16:00:00Z", "2000-05-25T16:05:00Z"), Keys[0]);
        using var stray = await ProviderPosts.DocuSignAsync(App.Anonymous, Envelope("envelope-delivered", Guid.NewGuid().ToString(), null, "2000-05-25T16:00:00Z", "2000-05-25T16:05:00Z"), Keys[0]);

        // Assert
        var receipt = await linked.ReadAsync<IntakeReceiptDocument>();
        Assert.Equal((IntakeOutcome.Stamped, noticeId), (receipt.Outcome, receipt.NoticeId));
        var notice = Assert.Single(await fixture.NoticesOfAsync(agreementId));
        Assert.Equal((noticeId, "Royal Canadian Growth Fund", new LocalDate(2000, 5, 25)), (notice.Id, notice.Sender, notice.Stamp!.EffectiveDate!.Value));
        Assert.Equal(IntakeOutcome.Unmatched, (await stray.ReadAsync<IntakeReceiptDocument>()).Outcome);
    }
}

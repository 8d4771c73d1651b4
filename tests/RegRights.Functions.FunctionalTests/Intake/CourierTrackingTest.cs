using System.Net;
using NodaTime;
using RegRights.Contracts.Notices;
using RegRights.Core.Notices;
using static RegRights.Functions.FunctionalTests.Api;

namespace RegRights.Functions.FunctionalTests.Intake;

/// <summary>
/// FedEx tracking webhooks and UPS Track Alert through the local host, with payloads built from the carriers'
/// documented fields: § 6(h)(iii) from the pickup scan, the delivery recorded beside it, a shipment matched by the
/// tracking number of a notice registered beforehand, and one notice sent by fax and courier effective at the earlier.
/// </summary>
public sealed class CourierTrackingTest(IntakeAppFixture fixture) : IClassFixture<IntakeAppFixture>
{
    private FunctionsAppFixture App => fixture.App;

    /// <summary>A FedEx webhook payload in the Track API's shape (outputMetaData, output.completeTrackResults[].trackResults[]).</summary>
    internal static string FedEx(string tracking, string code, string description, int attempt, params (string Type, string DateTime)[] dates) => $$"""
        {
          "transactionId": "{{Guid.NewGuid()}}",
          "outputMetaData": [ { "timestamp": "2000-05-27T00:10:00Z", "attempt": {{attempt}} } ],
          "output": {
            "completeTrackResults": [
              {
                "trackingNumber": "{{tracking}}",
                "trackResults": [
                  {
                    "trackingNumberInfo": { "trackingNumber": "{{tracking}}", "trackingNumberUniqueId": "12029~{{tracking}}~FDEG", "carrierCode": "FDXE" },
                    "latestStatusDetail": { "code": "{{code}}", "derivedCode": "{{code}}", "statusByLocale": "{{description}}", "description": "{{description}}" },
                    "dateAndTimes": [ {{string.Join(", ", dates.Select(d => $$"""{ "type": "{{d.Type}}", "dateTime": "{{d.DateTime}}" }"""))}} ],
                    "scanEvents": [ { "date": "{{dates[^1].DateTime}}", "eventType": "{{code}}", "eventDescription": "{{description}}", "scanLocation": { "city": "IRVINE", "stateOrProvinceCode": "CA", "countryCode": "US" } } ]
                  }
                ]
              }
            ]
          }
        }
        """;

    /// <summary>A UPS Track Alert event as its documentation lists the fields.</summary>
    internal static string Ups(string tracking, string type, string code, string description, string gmtDate, string gmtTime, string localDate, string localTime) => $$"""
        {
          "trackingNumber": "{{tracking}}",
          "localActivityDate": "{{localDate}}",
          "localActivityTime": "{{localTime}}",
          "activityLocation": { "city": "IRVINE", "stateProvince": "CA", "postalCode": "92618", "country": "US" },
          "activityStatus": { "type": "{{type}}", "code": "{{code}}", "description": "{{description}}" },
          "scheduledDeliveryDate": "20000530",
          "actualDeliveryDate": "{{(type == "D" ? localDate : "")}}",
          "actualDeliveryTime": "{{(type == "D" ? localTime : "")}}",
          "gmtActivityDate": "{{gmtDate}}",
          "gmtActivityTime": "{{gmtTime}}",
          "deliveryStartTime": "",
          "deliveryEndTime": "",
          "deliveryTimeDescription": ""
        }
        """;

    private static string NewTracking() => "7946" + Random.Shared.NextInt64(10_000_000, 99_999_999).ToString(System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public async Task FedEx_PickupBeforeMemorialDay_IsEffectiveTuesday_DeliveryRecordedBeside()
    {
        // Arrange: picked up Friday 2000-05-26 4:30 p.m. PDT; Monday 2000-05-29 is Memorial Day; delivered Tuesday.
        var agreementId = await fixture.NewAgreementAsync(IntakeAppFixture.NewFaxNumber(), IntakeAppFixture.NewFaxNumber());
        var tracking = NewTracking();
        var noticeId = await fixture.ExpectAsync(agreementId, $$"""[{ "method": "courier", "trackingNumber": "{{tracking}}" }]""");
        fixture.ClockAt(new LocalDateTime(2000, 5, 26, 17, 10));

        // Act
        using var pickedUp = await ProviderPosts.FedExAsync(App.Anonymous,
            FedEx(tracking, "PU", "Picked up", 1, ("SHIP", "2000-05-26T00:00:00-07:00"), ("ACTUAL_PICKUP", "2000-05-26T16:30:00-07:00")), IntakeAppFixture.FedExToken);
        App.Clock.AdvanceSeconds(1);
        using var delivered = await ProviderPosts.FedExAsync(App.Anonymous,
            FedEx(tracking, "DL", "Delivered", 1, ("ACTUAL_PICKUP", "2000-05-26T16:30:00-07:00"), ("ACTUAL_DELIVERY", "2000-05-30T09:12:00-04:00")), IntakeAppFixture.FedExToken);

        // Assert: § 6(h)(iii) from the pickup scan (not SHIP, not the delivery).
        var receipt = await pickedUp.ReadAsync<IntakeReceiptDocument>();
        Assert.Equal((HttpStatusCode.Created, IntakeOutcome.Stamped, noticeId), (pickedUp.StatusCode, receipt.Outcome, receipt.NoticeId));
        Assert.Equal(("6(h)(iii)", (LocalDate?)new LocalDate(2000, 5, 30)), (receipt.Stamp!.Rule, receipt.Stamp.EffectiveDate));
        Assert.EndsWith("dateAndTimes[1].dateTime", receipt.Delivery!.SentAtField, StringComparison.Ordinal);
        var after = await delivered.ReadAsync<IntakeReceiptDocument>();
        Assert.Equal(new LocalDate(2000, 5, 30), after.Stamp!.EffectiveDate);
        var notice = Assert.Single(await fixture.NoticesOfAsync(agreementId));
        var courier = Assert.Single(notice.Stamp!.Deliveries);
        Assert.Equal((DeliveryMethod.Courier, tracking), (courier.Method, courier.TrackingNumber));
        Assert.Equal(Instant.FromUtc(2000, 5, 30, 13, 12), courier.ReceivedAt!.Value.ToInstant());
        Assert.Equal(2, notice.Receipts.Count);
    }

    [Fact]
    public async Task FedEx_RetriedWithANewAttempt_IsTheFirstReceipt_AndABadSignatureIs401()
    {
        var agreementId = await fixture.NewAgreementAsync(IntakeAppFixture.NewFaxNumber(), IntakeAppFixture.NewFaxNumber());
        var tracking = NewTracking();
        await fixture.ExpectAsync(agreementId, $$"""[{ "method": "courier", "trackingNumber": "{{tracking}}" }]""");
        (string, string) pickup = ("ACTUAL_PICKUP", "2000-05-26T16:30:00-07:00");

        using var first = await ProviderPosts.FedExAsync(App.Anonymous, FedEx(tracking, "PU", "Picked up", 1, pickup), IntakeAppFixture.FedExToken);
        using var retry = await ProviderPosts.FedExAsync(App.Anonymous, FedEx(tracking, "PU", "Picked up", 2, pickup), IntakeAppFixture.FedExToken);
        using var forged = await ProviderPosts.FedExAsync(App.Anonymous, FedEx(tracking, "DL", "Delivered", 1, pickup, ("ACTUAL_DELIVERY", "2000-05-30T09:12:00-04:00")), "another-token");

        Assert.Equal((HttpStatusCode.Created, HttpStatusCode.OK, HttpStatusCode.Unauthorized), (first.StatusCode, retry.StatusCode, forged.StatusCode));
        Assert.Equal((await first.ReadAsync<IntakeReceiptDocument>()).Id, (await retry.ReadAsync<IntakeReceiptDocument>()).Id);
        Assert.Single(Assert.Single(await fixture.NoticesOfAsync(agreementId)).Receipts);
    }

    [Fact]
    public async Task Ups_PickupScanFromGmtFields_IsStamped_AndAShipmentNobodyRegisteredIsUnmatched()
    {
        // Arrange: picked up Friday 2000-05-26 11:30 p.m. UTC, i.e. 4:30 p.m. PDT (the local fields say so too, with no offset).
        var agreementId = await fixture.NewAgreementAsync(IntakeAppFixture.NewFaxNumber(), IntakeAppFixture.NewFaxNumber());
        var tracking = "1Z999AA1" + Random.Shared.Next(10_000_000, 99_999_999).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var noticeId = await fixture.ExpectAsync(agreementId, $$"""[{ "method": "courier", "trackingNumber": "{{tracking[..6]}} {{tracking[6..]}}" }]""");

        // Act
        using var pickup = await ProviderPosts.UpsAsync(App.Anonymous, Ups(tracking, "P", "PU", "Pickup Scan", "20000526", "233000", "20000526", "163000"), IntakeAppFixture.UpsCredential);
        App.Clock.AdvanceSeconds(1);
        using var transit = await ProviderPosts.UpsAsync(App.Anonymous, Ups(tracking, "I", "AR", "Arrival Scan", "20000527", "081500", "20000527", "011500"), IntakeAppFixture.UpsCredential);
        using var stray = await ProviderPosts.UpsAsync(App.Anonymous, Ups("1Z999AA19999999999", "P", "PU", "Pickup Scan", "20000526", "233000", "20000526", "163000"), IntakeAppFixture.UpsCredential);

        // Assert
        var receipt = await pickup.ReadAsync<IntakeReceiptDocument>();
        Assert.Equal((IntakeOutcome.Stamped, noticeId, "6(h)(iii)"), (receipt.Outcome, receipt.NoticeId, receipt.Stamp!.Rule));
        Assert.Equal(new LocalDate(2000, 5, 30), receipt.Stamp.EffectiveDate);
        Assert.Equal("gmtActivityDate + gmtActivityTime (UTC)", receipt.Delivery!.SentAtField);
        Assert.Equal(IntakeOutcome.Recorded, (await transit.ReadAsync<IntakeReceiptDocument>()).Outcome);
        Assert.Equal(IntakeOutcome.Unmatched, (await stray.ReadAsync<IntakeReceiptDocument>()).Outcome);
        Assert.Equal(2, Assert.Single(await fixture.NoticesOfAsync(agreementId)).Receipts.Count);
    }

    [Fact]
    public async Task Ups_WithoutOrWithAWrongCredential_Is401AndStoresNothing()
    {
        var body = Ups("1Z999AA10000000001", "P", "PU", "Pickup Scan", "20000526", "233000", "20000526", "163000");

        using var missing = await ProviderPosts.UpsAsync(App.Anonymous, body, null);
        using var wrong = await ProviderPosts.UpsAsync(App.Anonymous, body, "guessed");

        Assert.Equal((HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized), (missing.StatusCode, wrong.StatusCode));
        Assert.DoesNotContain(await fixture.ReceiptsOfAsync("ups"), r => r.EventId.StartsWith("1Z999AA10000000001", StringComparison.Ordinal));
    }

    [Fact]
    public async Task OneNoticeByFaxAndCourier_IsEffectiveAtTheEarlierDelivery()
    {
        // Arrange: the Holder registers one notice sent two ways: by fax from its number, and by FedEx.
        var (noticeFax, holderFax) = (IntakeAppFixture.NewFaxNumber(), IntakeAppFixture.NewFaxNumber());
        var agreementId = await fixture.NewAgreementAsync(noticeFax, holderFax);
        var tracking = NewTracking();
        var noticeId = await fixture.ExpectAsync(agreementId,
            $$"""[{ "method": "courier", "trackingNumber": "{{tracking}}" }, { "method": "facsimile", "faxNumber": "{{holderFax}}" }]""");
        fixture.ClockAt(new LocalDateTime(2000, 5, 26, 17, 10));

        // Act: the courier picked up Friday 4:30 p.m. (§ 6(h)(iii): Tuesday 2000-05-30, after Memorial Day); the fax
        // received at 1:30 p.m. the same Friday (§ 6(h)(i): that day), reported after the courier's scan.
        using var courier = await ProviderPosts.FedExAsync(App.Anonymous,
            FedEx(tracking, "PU", "Picked up", 1, ("ACTUAL_PICKUP", "2000-05-26T16:30:00-07:00")), IntakeAppFixture.FedExToken);
        App.Clock.AdvanceSeconds(1);
        using var fax = await ProviderPosts.TelnyxAsync(App.Anonymous,
            TelnyxFaxTest.Fax(Guid.NewGuid().ToString(), Guid.NewGuid().ToString(), E164(holderFax), E164(noticeFax), "2000-05-26T20:30:00Z"),
            fixture.TelnyxKey, App.Clock.GetCurrentInstant());

        // Assert: both linked to the one notice, effective Friday under § 6(h)(i), the fax's delivery the winner.
        Assert.Equal(noticeId, (await courier.ReadAsync<IntakeReceiptDocument>()).NoticeId);
        var faxReceipt = await fax.ReadAsync<IntakeReceiptDocument>();
        Assert.Equal(noticeId, faxReceipt.NoticeId);
        Assert.Equal(("6(h)(i)", (LocalDate?)new LocalDate(2000, 5, 26)), (faxReceipt.Stamp!.Rule, faxReceipt.Stamp.EffectiveDate));
        var notice = Assert.Single(await fixture.NoticesOfAsync(agreementId));
        Assert.Equal((2, 1), (notice.Stamp!.Deliveries.Count, notice.Stamp.Winner!.Value));
        Assert.Equal([0, 1], notice.Receipts.Select(r => r.DeliveryIndex));
    }

    [Fact]
    public async Task ExpectedNotice_TrackingNumberOfAnotherNotice_Is409()
    {
        var agreementId = await fixture.NewAgreementAsync(IntakeAppFixture.NewFaxNumber(), IntakeAppFixture.NewFaxNumber());
        var tracking = NewTracking();
        await fixture.ExpectAsync(agreementId, $$"""[{ "method": "courier", "trackingNumber": "{{tracking}}" }]""");

        using var again = await App.Management.PostAsync(Url($"/api/agreements/{agreementId}/notices/expected"), Json($$"""
            { "sender": "Dlouhy Investments Inc.", "recipient": "NeoTherapeutics, Inc.", "kind": "Request for registration",
              "deliveries": [{ "method": "courier", "trackingNumber": "{{tracking}}" }] }
            """), Cancel);

        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Single(await fixture.NoticesOfAsync(agreementId));
    }

    private static string E164(string number) => RegRights.Core.Agreements.FaxNumber.TryNormalize(number, out var e) ? e : throw new ArgumentException(number);
}

using System.Net;
using System.Net.Http.Headers;
using NodaTime;
using NodaTime.Text;
using RegRights.Contracts.Agreements;
using RegRights.Contracts.Notices;
using RegRights.Core.Agreements;
using RegRights.Testing;
using static RegRights.Functions.FunctionalTests.Api;

namespace RegRights.Functions.FunctionalTests.Apis;

public sealed partial class NoticesApiTest
{
    [Theory]
    // § 6(h)(i): a fax at 1:59 p.m. PDT on Thursday 2000-05-25, a Business Day, is effective that day, from the transmission.
    [InlineData("""{ "method": "facsimile", "sentAt": "2000-05-25T13:59:00-07:00", "faxNumber": "(949) 788-6706" }""",
        "6(h)(i)", "2000-05-25", "2000-05-25T13:59:00-07:00")]
    // § 6(h)(ii): at 2:01 p.m. it is later than 2:00 p.m. and earlier than 11:59 p.m.: the next Business Day, Friday
    // 2000-05-26, from its start (midnight PDT).
    [InlineData("""{ "method": "facsimile", "sentAt": "2000-05-25T14:01:00-07:00", "faxNumber": "(949) 788-6706" }""",
        "6(h)(ii)", "2000-05-26", "2000-05-26T00:00:00-07:00")]
    // § 6(h)(iii): a courier mailed Friday 2000-05-26; Monday 2000-05-29 is Memorial Day (5 U.S.C. § 6103(a), Cal. Civ.
    // Code § 7.1), so the Business Day following is Tuesday 2000-05-30.
    [InlineData("""{ "method": "courier", "sentAt": "2000-05-26T16:30:00-07:00", "trackingNumber": "FX 7904 1122 3344" }""",
        "6(h)(iii)", "2000-05-30", "2000-05-30T00:00:00-07:00")]
    // § 6(h)(iv): e-mail is not a listed method; effective on actual receipt, 10:02 a.m. PDT (17:02 UTC): given in UTC,
    // answered in the agreement's zone.
    [InlineData("""{ "method": "email", "sentAt": "2000-05-26T10:00:00-07:00", "receivedAt": "2000-05-26T17:02:00Z" }""",
        "6(h)(iv)", "2000-05-26", "2000-05-26T10:02:00-07:00")]
    public async Task PostNotice_SignedDelivery_IsStoredAndStampedUnderSection6h(string delivery, string rule, string effectiveDate, string countsFrom)
    {
        // Arrange: the document system posts a few minutes after the last of these, Friday 2000-05-26 4:35 p.m. PDT.
        var agreementId = await NewAgreementAsync();
        ClockAt(5, 26, 16, 35);
        var body = DocumentSystem.Notice(agreementId, delivery);

        // Act
        using var response = await Sender.PostAsync(body, NewWebhookId());

        // Assert: 201 with the notice's id, its agreement and the stamp document, the notice's URL in Location.
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var answer = await response.ReadAsync<NoticeReceivedResponse>();
        Assert.Equal(agreementId, answer.AgreementId);
        Assert.Equal($"/api/notices/{answer.Id}", response.Headers.Location!.OriginalString);
        var stamp = answer.Stamp;
        Assert.Equal(rule, stamp.Rule);
        Assert.Equal(LocalDatePattern.Iso.Parse(effectiveDate).Value, stamp.EffectiveDate);
        Assert.Equal(OffsetDateTimePattern.ExtendedIso.Parse(countsFrom).Value, stamp.CountsFrom);
        Assert.False(stamp.Gap);
        Assert.Null(stamp.Alternative);
        Assert.Contains(effectiveDate, stamp.Explanation, StringComparison.Ordinal);
        Assert.Equal(Pacific(App.Clock.GetCurrentInstant()), stamp.RecordedAt);

        // The stored notice: the hash of the bytes as sent, this server's receipt time, the same stamp.
        using var read = await App.Management.GetAsync(response.Headers.Location!, Cancel);
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        var notice = await read.ReadAsync<NoticeDocument>();
        Assert.Equal(answer.Id, notice.Id);
        Assert.Equal(agreementId, notice.AgreementId);
        Assert.Equal("docsystem", notice.Source);
        Assert.Equal(Sha256(body), notice.BodySha256);
        Assert.Equal(Pacific(App.Clock.GetCurrentInstant()), notice.ReceivedAt);
        Assert.Equal("Request for registration", notice.Kind);
        Assert.Equal(stamp.CountsFrom, notice.Stamp!.CountsFrom);
        Assert.Equal(stamp.Explanation, notice.Stamp!.Explanation);
    }

    [Fact]
    public async Task PostNotice_FaxAtExactly2pm_IsAGapWithTheOtherReading()
    {
        // A fax at 2:00:00 p.m. is neither "prior to" nor "later than" 2:00 p.m.: read literally, § 6(h)(iv), its receipt
        // at 2:00:40 p.m. on Thursday 2000-05-25; the other reading is the next Business Day, Friday 2000-05-26.
        var agreementId = await NewAgreementAsync();
        ClockAt(5, 25, 14, 2);
        var body = DocumentSystem.Notice(agreementId,
            """{ "method": "facsimile", "sentAt": "2000-05-25T14:00:00-07:00", "receivedAt": "2000-05-25T14:00:40-07:00" }""");

        using var response = await Sender.PostAsync(body, NewWebhookId());

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var stamp = (await response.ReadAsync<NoticeReceivedResponse>()).Stamp;
        Assert.Equal("6(h)(iv)", stamp.Rule);
        Assert.Equal(new LocalDate(2000, 5, 25), stamp.EffectiveDate);
        Assert.Equal(Pacific(Instant.FromUtc(2000, 5, 25, 21, 0, 40)), stamp.CountsFrom);
        Assert.True(stamp.Gap);
        Assert.Equal(new LocalDate(2000, 5, 26), stamp.Alternative?.EffectiveDate);
    }

    [Fact]
    public async Task PostNotice_RightAfterAPutMovesTheFaxCutoff_IsStampedUnderTheNewTerms()
    {
        // Arrange: a fax at 2:30 p.m. on Thursday 2000-05-25 is after the seed's 2:00 p.m. cutoff: § 6(h)(ii), Friday.
        // The record is then corrected to a 3:00 p.m. cutoff, and the same fax is sent again a second later.
        ClockAt(5, 25, 14, 35);
        var agreementId = await NewAgreementAsync();
        const string Fax230 = """{ "method": "facsimile", "sentAt": "2000-05-25T14:30:00-07:00" }""";
        using var before = await Sender.PostAsync(DocumentSystem.Notice(agreementId, Fax230), NewWebhookId());
        var agreementUrl = Url($"/api/agreements/{agreementId}");
        using var read = await App.Management.GetAsync(agreementUrl, Cancel);
        var view = await read.ReadAsync<AgreementView>();
        using var put = new HttpRequestMessage(HttpMethod.Put, agreementUrl)
        {
            Content = Json(SeedAgreements.Document() with { Terms = TermsDocument.From(AgreementTerms.NeoTherapeutics2000 with { FaxCutoff = new LocalTime(15, 0) }) }),
        };
        put.Headers.IfMatch.Add(EntityTagHeaderValue.Parse(view.ETag));
        App.Clock.AdvanceSeconds(1);
        var corrected = App.Clock.GetCurrentInstant();
        using var replaced = await App.Management.SendAsync(put, Cancel);
        App.Clock.AdvanceSeconds(1);

        // Act: well inside Notices:TermsCacheDuration of the first notice's read of the terms.
        using var after = await Sender.PostAsync(DocumentSystem.Notice(agreementId, Fax230), NewWebhookId());

        // Assert: the second is stamped under the corrected record, § 6(h)(i), that Thursday, and says which record.
        Assert.Equal(HttpStatusCode.OK, replaced.StatusCode);
        Assert.Equal("6(h)(ii)", (await before.ReadAsync<NoticeReceivedResponse>()).Stamp.Rule);
        var stamp = (await after.ReadAsync<NoticeReceivedResponse>()).Stamp;
        Assert.Equal("6(h)(i)", stamp.Rule);
        Assert.Equal(new LocalDate(2000, 5, 25), stamp.EffectiveDate);
        var notices = await NoticesOfAsync(agreementId);
        Assert.Equal([Pacific(corrected.Minus(Duration.FromSeconds(1))), Pacific(corrected)], notices.Select(n => n.TermsAsOf));
    }

    [Fact]
    public async Task ListAgreementNotices_ReturnsEachNoticeInReceiptOrder()
    {
        var agreementId = await NewAgreementAsync();
        ClockAt(5, 25, 15, 0);
        using var first = await Sender.PostAsync(DocumentSystem.Notice(agreementId, """{ "method": "facsimile", "sentAt": "2000-05-25T13:59:00-07:00" }"""), NewWebhookId());
        App.Clock.AdvanceMinutes(1);
        using var second = await Sender.PostAsync(DocumentSystem.Notice(agreementId, """{ "method": "hand", "sentAt": "2000-05-25T14:30:00-07:00", "receivedAt": "2000-05-25T14:45:00-07:00" }"""), NewWebhookId());

        var notices = await NoticesOfAsync(agreementId);

        Assert.Equal([first.Headers.Location!.ToString(), second.Headers.Location!.ToString()], notices.Select(n => $"/api/notices/{n.Id}"));
        Assert.Equal(["6(h)(i)", "6(h)(iv)"], notices.Select(n => n.Stamp!.Rule));
    }

    [Fact]
    public async Task GetNotice_WithoutFunctionKey_Is401AndUnknownIdIs404()
    {
        using var anonymous = await App.Anonymous.GetAsync(Url($"/api/notices/{new string('a', 32)}"), Cancel);
        using var unknown = await App.Management.GetAsync(Url($"/api/notices/{new string('a', 32)}"), Cancel);

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal("application/problem+json", unknown.Content.Headers.ContentType?.MediaType);
    }
}

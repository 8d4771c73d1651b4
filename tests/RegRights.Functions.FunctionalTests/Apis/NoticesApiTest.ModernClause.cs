using System.Net;
using System.Net.Http.Headers;
using NodaTime;
using RegRights.Contracts.Agreements;
using RegRights.Contracts.Notices;
using RegRights.Core.Notices;
using static RegRights.Functions.FunctionalTests.Api;

namespace RegRights.Functions.FunctionalTests.Apis;

/// <summary>
/// An agreement registered with the modern notice clause (<c>{"notice": {"clause": "modern-email"}}</c>), its notices
/// stamped by <c>POST /api/notices</c> under that clause's sections, zone and Trading Day, over real HTTP.
/// </summary>
public sealed partial class NoticesApiTest
{
    private static readonly DateTimeZone NewYork = DateTimeZoneProviders.Tzdb["America/New_York"];

    private async Task<AgreementView> NewModernAgreementAsync()
    {
        const string Body = """
            {"name":"Registration Rights Agreement (modern PIPE form)",
             "terms":{"timeZone":"America/New_York","notice":{"clause":"modern-email"}}}
            """;
        using var created = await App.Management.PostAsync(Url("/api/agreements"), Json(Body), Cancel);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        return await created.ReadAsync<AgreementView>();
    }

    [Fact]
    public async Task PostNotice_ModernClause_EmailsAt529And531pm_AreStampedUnderSection64()
    {
        // Arrange: the clause as registered is read back by name, nothing else overridden.
        var agreement = await NewModernAgreementAsync();
        Assert.Equal(new NoticeClauseDocument { Clause = NoticeClause.ModernEmailName }, agreement.Terms.Notice);
        App.Clock.Reset(new LocalDateTime(2025, 1, 8, 17, 35).InZoneStrictly(NewYork).ToInstant());

        // Act: e-mails at 5:29 and 5:31 p.m. EST on Wednesday 2025-01-08, a Trading Day.
        using var before = await Sender.PostAsync(DocumentSystem.Notice(agreement.Id, """{ "method": "email", "sentAt": "2025-01-08T17:29:00-05:00" }"""), NewWebhookId());
        App.Clock.AdvanceSeconds(1);
        using var after = await Sender.PostAsync(DocumentSystem.Notice(agreement.Id, """{ "method": "email", "sentAt": "2025-01-08T17:31:00-05:00" }"""), NewWebhookId());

        // Assert: before the cut-off, that day from the transmission (Section 6.4(a)); after it, the next Trading Day.
        // Thursday 2025-01-09 the NYSE was closed (the National Day of Mourning), so that is Friday 2025-01-10 from
        // 00:00 EST. Moments are shown in the agreement's zone, New York.
        Assert.Equal(HttpStatusCode.Created, before.StatusCode);
        Assert.Equal(HttpStatusCode.Created, after.StatusCode);
        var same = (await before.ReadAsync<NoticeReceivedResponse>()).Stamp;
        var next = (await after.ReadAsync<NoticeReceivedResponse>()).Stamp;
        Assert.Equal(("Section 6.4(a)", new LocalDate(2025, 1, 8), new OffsetDateTime(new LocalDateTime(2025, 1, 8, 17, 29), Offset.FromHours(-5))),
            (same.Rule, same.EffectiveDate, same.CountsFrom));
        Assert.Equal(("Section 6.4(b)", new LocalDate(2025, 1, 10), new OffsetDateTime(new LocalDateTime(2025, 1, 10, 0, 0), Offset.FromHours(-5))),
            (next.Rule, next.EffectiveDate, next.CountsFrom));
        Assert.False(next.Gap);
        Assert.Contains("Trading Day", next.Explanation, StringComparison.Ordinal);
        Assert.Contains("Thursday 2025-01-09: National Day of Mourning", next.Explanation, StringComparison.Ordinal);
        Assert.Equal(["Section 6.4(a)", "Section 6.4(b)"], (await NoticesOfAsync(agreement.Id)).Select(n => n.Stamp!.Rule));
    }

    [Fact]
    public async Task PutWithoutTheNoticeClause_Is400_PatchBackToTheSeedClause_StampsUnderSection6h()
    {
        // Arrange
        var agreement = await NewModernAgreementAsync();
        var url = Url($"/api/agreements/{agreement.Id}");

        // Act 1: a replace that leaves the clause out would reset it to the seed's without a word.
        using var put = new HttpRequestMessage(HttpMethod.Put, url)
        {
            Content = Json(new AgreementDocument { Name = agreement.Name, Terms = agreement.Terms with { Notice = null }, Parties = [], Contacts = [] }),
        };
        put.Headers.IfMatch.Add(EntityTagHeaderValue.Parse(agreement.ETag));
        using var refused = await App.Management.SendAsync(put, Cancel);

        // Act 2: a merge patch naming the seed's clause takes it whole.
        using var patch = new HttpRequestMessage(HttpMethod.Patch, url)
        {
            Content = new StringContent("""{"terms":{"notice":{"clause":"neotherapeutics-2000"}}}""", System.Text.Encoding.UTF8, AgreementMergePatch.MediaType),
        };
        patch.Headers.IfMatch.Add(EntityTagHeaderValue.Parse(agreement.ETag));
        using var patched = await App.Management.SendAsync(patch, Cancel);
        App.Clock.Reset(new LocalDateTime(2025, 1, 8, 17, 35).InZoneStrictly(NewYork).ToInstant());
        using var stamped = await Sender.PostAsync(DocumentSystem.Notice(agreement.Id, """{ "method": "email", "sentAt": "2025-01-08T17:29:00-05:00", "receivedAt": "2025-01-08T17:30:00-05:00" }"""), NewWebhookId());

        // Assert: 400 at the clause, nothing changed; then the seed's § 6(h)(iv), e-mail on actual receipt, in New York time.
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("modern-email", await refused.ErrorAtAsync("$.terms.notice"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, patched.StatusCode);
        Assert.Equal(NoticeClause.NeoTherapeutics2000Name, (await patched.ReadAsync<AgreementView>()).Terms.Notice?.Clause);
        var stamp = (await stamped.ReadAsync<NoticeReceivedResponse>()).Stamp;
        Assert.Equal(("6(h)(iv)", new LocalDate(2025, 1, 8)), (stamp.Rule, stamp.EffectiveDate));
        Assert.Contains("New York time", stamp.Explanation, StringComparison.Ordinal);
    }
}

using System.Net;
using System.Net.Http.Headers;
using RegRights.Contracts.Agreements;
using RegRights.Core.Agreements;
using RegRights.Testing;
using static RegRights.Functions.FunctionalTests.Api;

namespace RegRights.Functions.FunctionalTests.Apis;

public sealed class AgreementsApiTest(FunctionsAppFixture app)
{
    internal static async Task<AgreementView> CreateSeedAsync(HttpClient client, params AgreementEventDocument[] events)
    {
        using var response = await client.PostAsync(Url("/api/agreements"), Json(SeedAgreements.Document()), Cancel);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var view = await response.ReadAsync<AgreementView>();
        foreach (var e in events)
        {
            using var posted = await client.PostAsync(Url($"/api/agreements/{view.Id}/events"), Json(e), Cancel);
            Assert.Equal(HttpStatusCode.Created, posted.StatusCode);
        }

        return view;
    }

    internal static AgreementEventDocument Event(string id, AgreementEventKind kind, int year, int month, int day, string? refersTo = null) =>
        new() { Id = id, Kind = kind, Date = new NodaTime.LocalDate(year, month, day), RefersTo = refersTo };

    [Fact]
    public async Task CreateAgreement_FromSeedTerms_IsReadBackWithItsETag()
    {
        using var created = await app.Management.PostAsync(Url("/api/agreements"), Json(SeedAgreements.Document()), Cancel);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var view = await created.ReadAsync<AgreementView>();

        using var read = await app.Management.GetAsync(created.Headers.Location!, Cancel);

        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.Equal(created.Headers.ETag, read.Headers.ETag);
        var back = await read.ReadAsync<AgreementView>();
        Assert.Equal(view.Id, back.Id);
        Assert.Equal(30, back.Terms.FilingDays);          // § 1 Filing Date: Closing + 30 days
        Assert.Equal(new NodaTime.LocalTime(14, 0), back.Terms.FaxCutoff); // § 6(h)(i) 2:00 p.m.
        Assert.Equal("Latham & Watkins", back.Contacts.Single(c => c.Role == ContactRole.CompanyCounsel).Represents);
        // The server's time, shown in the agreement's zone (California) with its offset.
        Assert.Equal(app.Clock.GetCurrentInstant().InZone(AgreementTerms.NeoTherapeutics2000.TimeZone).ToOffsetDateTime(), back.CreatedAt);
    }

    [Fact]
    public async Task CreateAgreement_OmittedTerms_StoresTheTemplateInFull()
    {
        using var created = await app.Management.PostAsync(Url("/api/agreements"), Json("""{"name":"A 45-day deal","terms":{"filingDays":45}}"""), Cancel);

        var view = await created.ReadAsync<AgreementView>();
        Assert.Equal(45, view.Terms.FilingDays);
        Assert.Equal(120, view.Terms.EffectivenessDays);
        Assert.Equal("America/Los_Angeles", view.Terms.TimeZone);
    }

    [Fact]
    public async Task PostEvents_ThenList_ReturnsThemInOrder()
    {
        var view = await CreateSeedAsync(app.Management,
            Event("closing", AgreementEventKind.Closing, 2000, 4, 28),
            Event("filed", AgreementEventKind.Filed, 2000, 5, 26),
            Event("letter-1", AgreementEventKind.SecCommentReceived, 2000, 6, 20),
            Event("response-1", AgreementEventKind.CommentResponseFiled, 2000, 6, 29, refersTo: "letter-1"));

        using var response = await app.Management.GetAsync(Url($"/api/agreements/{view.Id}/events"), Cancel);

        var events = await response.ReadAsync<List<AgreementEventDocument>>();
        Assert.Equal(["closing", "filed", "letter-1", "response-1"], events.Select(e => e.Id));
        Assert.Equal("letter-1", events[3].RefersTo);
        using var agreement = await app.Management.GetAsync(Url($"/api/agreements/{view.Id}"), Cancel);
        Assert.Equal(4, (await agreement.ReadAsync<AgreementView>()).EventCount);
    }

    [Fact]
    public async Task PostEvent_FilingBeforeTheClosing_Is422WithTheReasonAndStoresNothing()
    {
        var view = await CreateSeedAsync(app.Management, Event("closing", AgreementEventKind.Closing, 2000, 4, 28));

        using var response = await app.Management.PostAsync(Url($"/api/agreements/{view.Id}/events"),
            Json(Event("filed", AgreementEventKind.Filed, 2000, 4, 27)), Cancel);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("before the Closing Date 2000-04-28", (string?)(await response.ReadJsonAsync())["detail"], StringComparison.Ordinal);
        await AssertEventCountAsync(view.Id, 1);
    }

    [Fact]
    public async Task PostEvent_ResponseToALetterNeverReceived_Is422()
    {
        var view = await CreateSeedAsync(app.Management,
            Event("closing", AgreementEventKind.Closing, 2000, 4, 28), Event("filed", AgreementEventKind.Filed, 2000, 5, 26));

        using var response = await app.Management.PostAsync(Url($"/api/agreements/{view.Id}/events"),
            Json(Event("response", AgreementEventKind.CommentResponseFiled, 2000, 6, 29, refersTo: "letter-9")), Cancel);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("no SecCommentReceived event with that id", (string?)(await response.ReadJsonAsync())["detail"], StringComparison.Ordinal);
        await AssertEventCountAsync(view.Id, 2);
    }

    [Fact]
    public async Task PostEvent_SameEventTwice_Is200WithTheFirstAndOneEvent()
    {
        var view = await CreateSeedAsync(app.Management, Event("closing", AgreementEventKind.Closing, 2000, 4, 28));

        using var again = await app.Management.PostAsync(Url($"/api/agreements/{view.Id}/events"),
            Json(Event("closing", AgreementEventKind.Closing, 2000, 4, 28)), Cancel);
        using var clash = await app.Management.PostAsync(Url($"/api/agreements/{view.Id}/events"),
            Json(Event("closing", AgreementEventKind.Filed, 2000, 5, 1)), Cancel);

        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, clash.StatusCode);
        await AssertEventCountAsync(view.Id, 1);
    }

    [Fact]
    public async Task PostEvent_MissingFields_Is400NamingEachField()
    {
        var view = await CreateSeedAsync(app.Management);

        using var response = await app.Management.PostAsync(Url($"/api/agreements/{view.Id}/events"),
            Json("""{"id":"d","kind":"excusedDelay"}"""), Cancel);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Required", await response.ErrorAtAsync("$.date"), StringComparison.Ordinal);
        Assert.Contains("§ 2(a)", await response.ErrorAtAsync("$.days"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PostEvent_UnknownKind_Is400AtKind()
    {
        var view = await CreateSeedAsync(app.Management);

        using var response = await app.Management.PostAsync(Url($"/api/agreements/{view.Id}/events"),
            Json("""{"id":"x","kind":"lunch","date":"2000-05-01"}"""), Cancel);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.NotEmpty(await response.ErrorAtAsync("$.kind"));
    }

    [Fact]
    public async Task UpdateAgreement_RequiresACurrentIfMatch()
    {
        var view = await CreateSeedAsync(app.Management);
        var url = Url($"/api/agreements/{view.Id}");

        // No If-Match: 428. The current ETag: 200 and a new ETag. The old ETag again: 412, the first change kept.
        using var missing = await app.Management.PutAsync(url, Json(SeedAgreements.Document() with { Name = "no precondition" }), Cancel);
        using var first = await SendPutAsync(url, SeedAgreements.Document() with { Name = "first" }, view.ETag);
        using var stale = await SendPutAsync(url, SeedAgreements.Document() with { Name = "stale" }, view.ETag);

        Assert.Equal((HttpStatusCode)428, missing.StatusCode);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.NotEqual(view.ETag, first.Headers.ETag?.ToString());
        Assert.Equal(HttpStatusCode.PreconditionFailed, stale.StatusCode);
        using var read = await app.Management.GetAsync(url, Cancel);
        Assert.Equal("first", (await read.ReadAsync<AgreementView>()).Name);
    }

    [Fact]
    public async Task UpdateAgreement_AfterAnEvent_OldETagIs412()
    {
        // An event changes the record, so a PUT prepared before it must not pass unnoticed.
        var view = await CreateSeedAsync(app.Management, Event("closing", AgreementEventKind.Closing, 2000, 4, 28));

        using var response = await SendPutAsync(Url($"/api/agreements/{view.Id}"), SeedAgreements.Document(), view.ETag);

        Assert.Equal(HttpStatusCode.PreconditionFailed, response.StatusCode);
    }

    [Fact]
    public async Task ListAgreements_FollowsContinuationTokens()
    {
        var mine = new HashSet<string>();
        for (var i = 0; i < 3; i++)
        {
            mine.Add((await CreateSeedAsync(app.Management)).Id);
        }

        var seen = new List<string>();
        string? token = null;
        do
        {
            var query = token is null ? "?pageSize=2" : $"?pageSize=2&continuationToken={Uri.EscapeDataString(token)}";
            using var response = await app.Management.GetAsync(Url("/api/agreements" + query), Cancel);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var page = await response.ReadAsync<AgreementPage>();
            Assert.True(page.Items.Count <= 2);
            seen.AddRange(page.Items.Select(a => a.Id));
            token = page.ContinuationToken;
        }
        while (token is not null);

        Assert.Subset(seen.ToHashSet(), mine);
        Assert.Equal(seen.Count, seen.Distinct().Count());
    }

    [Fact]
    public async Task ListAgreements_ForeignToken_Is400()
    {
        using var response = await app.Management.GetAsync(Url("/api/agreements?continuationToken=garbage"), Cancel);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.NotEmpty(await response.ErrorAtAsync("continuationToken"));
    }

    [Fact]
    public async Task CreateAgreement_MalformedJson_Is400WithThePosition()
    {
        using var response = await app.Management.PostAsync(Url("/api/agreements"), Json("{\n  \"name\": \"x\",,\n}"), Cancel);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("line 2", (await response.ReadJsonAsync())["errors"]!.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateAgreement_TermOutOfRange_Is400AtThatTerm()
    {
        using var response = await app.Management.PostAsync(Url("/api/agreements"), Json("""{"name":"x","terms":{"filingDays":-1}}"""), Cancel);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("[0-1000]", await response.ErrorAtAsync("$.terms.filingDays"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateAgreement_BodyOver256KiB_Is413AndStoresNothing()
    {
        using var before = await app.Management.GetAsync(Url("/api/agreements?pageSize=200"), Cancel);
        var big = """{"name":"x","contacts":[""" + string.Join(",", Enumerable.Repeat("""{"name":"padding padding padding","role":"holder"}""", 6000)) + "]}";

        using var response = await app.Management.PostAsync(Url("/api/agreements"), Json(big), Cancel);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        // The worker stops reading at the limit; the host in front owns the client's connection, which stays usable.
        using var next = await app.Management.GetAsync(Url("/api/health"), Cancel);
        Assert.Equal(HttpStatusCode.OK, next.StatusCode);
    }

    [Fact]
    public async Task UnknownAgreement_Is404Problem()
    {
        var id = Guid.NewGuid().ToString("N");

        using var get = await app.Management.GetAsync(Url($"/api/agreements/{id}"), Cancel);
        using var events = await app.Management.PostAsync(Url($"/api/agreements/{id}/events"), Json(Event("c", AgreementEventKind.Closing, 2000, 4, 28)), Cancel);

        Assert.Equal(HttpStatusCode.NotFound, get.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, events.StatusCode);
        Assert.Equal("application/problem+json", get.Content.Headers.ContentType?.MediaType);
    }

    private async Task AssertEventCountAsync(string id, int expected)
    {
        using var response = await app.Management.GetAsync(Url($"/api/agreements/{id}/events"), Cancel);
        Assert.Equal(expected, (await response.ReadAsync<List<AgreementEventDocument>>()).Count);
    }

    private Task<HttpResponseMessage> SendPutAsync(Uri url, AgreementDocument document, string etag)
    {
        var request = new HttpRequestMessage(HttpMethod.Put, url) { Content = Json(document) };
        request.Headers.IfMatch.Add(EntityTagHeaderValue.Parse(etag));
        return app.Management.SendAsync(request, Cancel);
    }
}

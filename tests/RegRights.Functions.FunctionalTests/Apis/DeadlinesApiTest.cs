using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using NodaTime;
using RegRights.Contracts;
using RegRights.Contracts.Deadlines;
using RegRights.Core.Agreements;
using RegRights.Core.Deadlines;
using static RegRights.Functions.FunctionalTests.Api;
using static RegRights.Functions.FunctionalTests.Apis.AgreementsApiTest;

namespace RegRights.Functions.FunctionalTests.Apis;

public sealed class DeadlinesApiTest(FunctionsAppFixture app)
{
    private static readonly AgreementEvent[] SeedEvents =
    [
        new("closing", AgreementEventKind.Closing, new LocalDate(2000, 4, 28)),
        new("filed", AgreementEventKind.Filed, new LocalDate(2000, 5, 26)),
        new("comment-1", AgreementEventKind.SecCommentReceived, new LocalDate(2000, 6, 9)),
    ];

    private async Task<string> CreateAsync() =>
        (await CreateSeedAsync(app.Management, [.. SeedEvents.Select(e => Event(e.Id, e.Kind, e.Date.Year, e.Date.Month, e.Date.Day))])).Id;

    private static JsonNode EngineDocument(LocalDate asOf) =>
        JsonNode.Parse(JsonSerializer.Serialize(DeadlinesDocument.From(DeadlineEngine.Compute(AgreementTerms.NeoTherapeutics2000, SeedEvents, asOf)), RegRightsJson.Options))!;

    [Fact]
    public async Task GetDeadlines_SeedAgreement_EqualsTheEnginesDocument()
    {
        var id = await CreateAsync();

        using var response = await app.Management.GetAsync(Url($"/api/agreements/{id}/deadlines?asOf=2000-06-15"), Cancel);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var served = await response.ReadJsonAsync();
        Assert.True(JsonNode.DeepEquals(EngineDocument(new LocalDate(2000, 6, 15)), served), served.ToJsonString());
        // By hand: § 1 Filing Date = Closing 2000-04-28 + 30 days = 2000-05-28; § 3(b)(iii) response = 2000-06-09 + 10 days.
        var deadlines = served["deadlines"]!.AsArray();
        Assert.Equal("2000-05-28", (string?)deadlines.Single(d => (string?)d!["key"] == "filing-date")!["dueDate"]);
        Assert.Equal("2000-06-19", (string?)deadlines.Single(d => (string?)d!["obligation"] == "sec-comment-response")!["dueDate"]);
    }

    [Fact]
    public async Task GetDeadlines_WithoutAsOf_IsTodayInCaliforniaByTheAppsClock()
    {
        // The fixture's clock is 2000-05-01T19:00:00Z: noon PDT on 2000-05-01.
        var id = await CreateAsync();

        using var response = await app.Management.GetAsync(Url($"/api/agreements/{id}/deadlines"), Cancel);

        Assert.True(JsonNode.DeepEquals(EngineDocument(new LocalDate(2000, 5, 1)), await response.ReadJsonAsync()));
    }

    [Fact]
    public async Task GetDeadlines_BadAsOf_Is400NamingAsOf()
    {
        var id = await CreateAsync();

        using var response = await app.Management.GetAsync(Url($"/api/agreements/{id}/deadlines?asOf=06/15/2000"), Cancel);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("not an ISO date", await response.ErrorAtAsync("asOf"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetDeadlines_UnknownAgreement_Is404()
    {
        using var response = await app.Management.GetAsync(Url($"/api/agreements/{Guid.CreateVersion7():N}/deadlines"), Cancel);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}

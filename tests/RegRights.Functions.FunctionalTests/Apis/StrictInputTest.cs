using System.Net;
using RegRights.Testing;
using static RegRights.Functions.FunctionalTests.Api;

namespace RegRights.Functions.FunctionalTests.Apis;

/// <summary>
/// Over HTTP, what the strict readers below the adapters refuse comes back as a 400 problem naming the field, with
/// nothing stored: an unknown member, a duplicate key, a query parameter that does not parse or a date past the
/// calendar's reach.
/// </summary>
public sealed class StrictInputTest(FunctionsAppFixture app)
{
    [Theory]
    // A misspelt term would silently take the seed's 30 days.
    [InlineData("""{"name":"x","terms":{"filingDay":60}}""", "$.terms.filingDay")]
    // A top-level closingDate is not a member: the Closing is an event.
    [InlineData("""{"name":"x","closingDate":"2000-04-28"}""", "$.closingDate")]
    // The second name would win without a word.
    [InlineData("""{"name":"x","name":"y"}""", "$.name")]
    public async Task CreateAgreement_UnknownMemberOrDuplicateKey_Is400NamingItAndStoresNothing(string body, string path)
    {
        // Arrange
        var name = "strict-" + Guid.NewGuid().ToString("N");
        body = body.Replace("\"x\"", $"\"{name}\"", StringComparison.Ordinal);

        // Act
        using var response = await app.Management.PostAsync(Url("/api/agreements"), Json(body), Cancel);

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.NotEmpty(await response.ErrorAtAsync(path));
        using var list = await app.Management.GetAsync(Url("/api/agreements?pageSize=200"), Cancel);
        Assert.DoesNotContain(name, await list.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ListAgreements_PageSizeNotANumber_Is400NamingPageSize()
    {
        using var response = await app.Management.GetAsync(Url("/api/agreements?pageSize=abc"), Cancel);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("'abc'", await response.ErrorAtAsync("pageSize"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PostEvent_ClosingWhoseDeadlinesRunPast2100_Is400NamingTheDateAndStoresNothing()
    {
        // Arrange
        using var created = await app.Management.PostAsync(Url("/api/agreements"), Json("""{"name":"Closing in 2099"}"""), Cancel);
        var id = (string)(await created.ReadJsonAsync())["id"]!;

        // Act: the Effectiveness Period and the § 6(b) standstill would be counted on a calendar that ends in 2100.
        using var response = await app.Management.PostAsync(Url($"/api/agreements/{id}/events"),
            Json("""{"id":"closing","kind":"closing","date":"2099-01-01"}"""), Cancel);

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.NotEmpty(await response.ErrorAtAsync("$.date"));
        using var events = await app.Management.GetAsync(Url($"/api/agreements/{id}/events"), Cancel);
        Assert.Equal("[]", await events.Content.ReadAsStringAsync(Cancel));
    }

    [Fact]
    public async Task GetDeadlines_AsOfPastTheCalendar_Is400NamingAsOf()
    {
        using var created = await app.Management.PostAsync(Url("/api/agreements"), Json("""{"name":"asOf range"}"""), Cancel);
        var id = (string)(await created.ReadJsonAsync())["id"]!;

        using var response = await app.Management.GetAsync(Url($"/api/agreements/{id}/deadlines?asOf=9999-12-31"), Cancel);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.NotEmpty(await response.ErrorAtAsync("asOf"));
    }
}

/// <summary>If-Match as RFC 9110 reads it: a malformed header is 400, a list matches when one tag is current, a tag that is not the current one (a weak tag stripped of its W/ included) is 412.</summary>
public sealed class IfMatchTest(FunctionsAppFixture app)
{
    [Theory]
    [InlineData("garbage")]
    // Unquoted: the ETag's value without its quotes.
    [InlineData("W/datetime'2000-05-01T19%3A00%3A00Z'")]
    [InlineData("\"unterminated")]
    public async Task UpdateAgreement_MalformedIfMatch_Is400NamingTheHeaderAndChangesNothing(string ifMatch)
    {
        // Arrange
        var (id, _) = await CreateAsync();

        // Act
        using var response = await PutAsync(id, ifMatch);

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.NotEmpty(await response.ErrorAtAsync("if-match"));
        Assert.Equal("If-Match", await NameAsync(id));
    }

    [Fact]
    public async Task UpdateAgreement_ListHoldingTheCurrentETag_Is200()
    {
        var (id, etag) = await CreateAsync();

        using var response = await PutAsync(id, $"W/\"datetime'1999-01-01T00%3A00%3A00Z'\", {etag}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("If-Match (renamed)", await NameAsync(id));
    }

    [Theory]
    // A well-formed tag that was never this agreement's.
    [InlineData("\"no-such-etag\"")]
    // The list holds no current tag.
    [InlineData("\"a\", \"b\"")]
    public async Task UpdateAgreement_NoCurrentETag_Is412AndChangesNothing(string ifMatch)
    {
        var (id, _) = await CreateAsync();

        using var response = await PutAsync(id, ifMatch);

        Assert.Equal(HttpStatusCode.PreconditionFailed, response.StatusCode);
        Assert.Equal("If-Match", await NameAsync(id));
    }

    [Fact]
    public async Task UpdateAgreement_WeakETagStrippedOfItsW_Is412()
    {
        var (id, etag) = await CreateAsync();

        using var response = await PutAsync(id, etag["W/".Length..]);

        Assert.Equal(HttpStatusCode.PreconditionFailed, response.StatusCode);
        Assert.Equal("If-Match", await NameAsync(id));
    }

    [Fact]
    public async Task UpdateAgreement_Star_Is428()
    {
        var (id, _) = await CreateAsync();

        using var response = await PutAsync(id, "*");

        Assert.Equal((HttpStatusCode)428, response.StatusCode);
    }

    private async Task<(string Id, string ETag)> CreateAsync()
    {
        using var created = await app.Management.PostAsync(Url("/api/agreements"), Json("""{"name":"If-Match"}"""), Cancel);
        var body = await created.ReadJsonAsync();
        Assert.StartsWith("W/\"", (string)body["eTag"]!, StringComparison.Ordinal);
        return ((string)body["id"]!, (string)body["eTag"]!);
    }

    private async Task<HttpResponseMessage> PutAsync(string id, string ifMatch)
    {
        var document = SeedAgreements.Document() with { Name = "If-Match (renamed)" };
        using var request = new HttpRequestMessage(HttpMethod.Put, Url($"/api/agreements/{id}")) { Content = Json(document) };
        request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        return await app.Management.SendAsync(request, Cancel);
    }

    private async Task<string?> NameAsync(string id)
    {
        using var response = await app.Management.GetAsync(Url($"/api/agreements/{id}"), Cancel);
        return (string?)(await response.ReadJsonAsync())["name"];
    }
}

/// <summary><c>POST /api/agreements</c> with an <c>Idempotency-Key</c>: a retry after a lost answer never makes a second agreement.</summary>
public sealed class IdempotentCreateTest(FunctionsAppFixture app)
{
    [Fact]
    public async Task CreateAgreement_SameKeyTwice_IsTheFirstAgreementAgain()
    {
        // Arrange
        var key = "create-" + Guid.NewGuid().ToString("N");

        // Act: the client retries after a timeout, with the same key and body.
        using var first = await PostAsync(key, """{"name":"Idempotent"}""");
        using var retry = await PostAsync(key, """{"name":"Idempotent"}""");

        // Assert
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, retry.StatusCode);
        Assert.Equal((string?)(await first.ReadJsonAsync())["id"], (string?)(await retry.ReadJsonAsync())["id"]);
        Assert.Equal(first.Headers.Location, retry.Headers.Location);
    }

    [Fact]
    public async Task CreateAgreement_SameKeyOtherDocument_Is422AndStoresNothing()
    {
        var key = "create-" + Guid.NewGuid().ToString("N");
        using var first = await PostAsync(key, """{"name":"First"}""");

        using var other = await PostAsync(key, """{"name":"Other"}""");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, other.StatusCode);
        Assert.Contains((string)(await first.ReadJsonAsync())["id"]!, (string?)(await other.ReadJsonAsync())["detail"], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0)]
    // One character over the limit.
    [InlineData(256)]
    public async Task CreateAgreement_KeyEmptyOrTooLong_Is400NamingTheHeader(int length)
    {
        var key = new string('k', length);

        using var response = await PostAsync(key, """{"name":"Bad key"}""");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.NotEmpty(await response.ErrorAtAsync("idempotency-key"));
    }

    private async Task<HttpResponseMessage> PostAsync(string key, string body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, Url("/api/agreements")) { Content = Json(body) };
        request.Headers.TryAddWithoutValidation("Idempotency-Key", key);
        return await app.Management.SendAsync(request, Cancel);
    }
}

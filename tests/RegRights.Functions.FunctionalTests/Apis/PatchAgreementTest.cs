using System.Net;
using System.Net.Http.Headers;
using System.Text;
using RegRights.Contracts.Agreements;
using RegRights.Testing;
using static RegRights.Functions.FunctionalTests.Api;

namespace RegRights.Functions.FunctionalTests.Apis;

/// <summary>
/// Defect 9: a PUT of only <c>name</c> reset the terms to the seed's, the zone to Los Angeles and the contacts to none.
/// Now a PUT is the whole document or 400 naming each missing field, and a partial change is a PATCH with JSON Merge
/// Patch (RFC 7396), which changes what it names and nothing else.
/// </summary>
public sealed class PatchAgreementTest(FunctionsAppFixture app)
{
    private static AgreementDocument NewYorkDeal() => SeedAgreements.Document() with
    {
        Name = "RRA of a New York deal",
        Terms = SeedAgreements.Document().Terms! with { TimeZone = "America/New_York", FilingDays = 45 },
    };

    [Fact]
    public async Task Put_OnlyTheName_Is400NamingEachMissingPartAndChangesNothing()
    {
        // Arrange
        var (id, etag) = await CreateAsync(NewYorkDeal());

        // Act: the README's old example.
        using var response = await SendAsync(HttpMethod.Put, id, etag, """{"name":"Renamed"}""", "application/json");

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        foreach (var path in new[] { "$.terms", "$.parties", "$.contacts" })
        {
            Assert.Contains("Required", await response.ErrorAtAsync(path), StringComparison.Ordinal);
        }

        var stored = await ReadAsync(id);
        Assert.Equal(("RRA of a New York deal", "America/New_York", 45, 3), (stored.Name, stored.Terms.TimeZone, stored.Terms.FilingDays, stored.Contacts.Count));
        Assert.Equal(etag, stored.ETag);
    }

    [Fact]
    public async Task Put_TermsMissingSomeTerms_Is400NamingEachMissingTerm()
    {
        var (id, etag) = await CreateAsync(NewYorkDeal());
        var document = NewYorkDeal() with { Terms = new TermsDocument { FilingDays = 60 } };

        using var response = await SendAsync(HttpMethod.Put, id, etag, Json(document));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.NotEmpty(await response.ErrorAtAsync("$.terms.timeZone"));
        Assert.NotEmpty(await response.ErrorAtAsync("$.terms.faxCutoff"));
        Assert.Empty(await response.ErrorAtAsync("$.terms.filingDays"));
        Assert.Equal(45, (await ReadAsync(id)).Terms.FilingDays);
    }

    [Fact]
    public async Task Put_TheDocumentAsRead_Is200()
    {
        var (id, etag) = await CreateAsync(NewYorkDeal());
        var read = await ReadAsync(id);
        var document = new AgreementDocument { Name = read.Name + " (amended)", Terms = read.Terms, Parties = read.Parties, Contacts = read.Contacts };

        using var response = await SendAsync(HttpMethod.Put, id, etag, Json(document));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(("RRA of a New York deal (amended)", "America/New_York"), ((await ReadAsync(id)).Name, (await ReadAsync(id)).Terms.TimeZone));
    }

    [Fact]
    public async Task Patch_TheName_ChangesTheNameAndKeepsEverythingElse()
    {
        // Arrange
        var (id, etag) = await CreateAsync(NewYorkDeal());

        // Act
        using var response = await SendAsync(HttpMethod.Patch, id, etag, """{"name":"RRA of a New York deal (amended)"}""");

        // Assert: the new name, a new ETag, and the terms, zone, parties and contacts as they were.
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var stored = await ReadAsync(id);
        Assert.Equal("RRA of a New York deal (amended)", stored.Name);
        Assert.NotEqual(etag, stored.ETag);
        Assert.Equal(response.Headers.ETag?.ToString(), stored.ETag);
        Assert.Equal(JsonOf(NewYorkDeal().Terms), JsonOf(stored.Terms));
        Assert.Equal(JsonOf(NewYorkDeal().Contacts), JsonOf(stored.Contacts));
        Assert.Equal(JsonOf(NewYorkDeal().Parties), JsonOf(stored.Parties));
    }

    [Fact]
    public async Task Patch_OneTerm_ChangesThatTermAlone()
    {
        var (id, etag) = await CreateAsync(NewYorkDeal());

        using var response = await SendAsync(HttpMethod.Patch, id, etag, """{"terms":{"effectivenessDays":90}}""");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(JsonOf(NewYorkDeal().Terms! with { EffectivenessDays = 90 }), JsonOf((await ReadAsync(id)).Terms));
    }

    [Fact]
    public async Task Patch_AnArray_ReplacesIt()
    {
        var (id, etag) = await CreateAsync(NewYorkDeal());

        using var response = await SendAsync(HttpMethod.Patch, id, etag,
            """{"contacts":[{"name":"Alan W. Pettis, Esq.","role":"companyCounsel","email":"apettis@lw.example","represents":null}]}""");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var contact = Assert.Single((await ReadAsync(id)).Contacts);
        Assert.Equal(("apettis@lw.example", null), (contact.Email, contact.Represents));
    }

    [Theory]
    // A misspelt term: a lenient merge would add nothing and answer 200.
    [InlineData("""{"terms":{"filingDay":60}}""", "$.terms.filingDay")]
    // Unknown with null: a lenient merge would "remove" what was never there.
    [InlineData("""{"closingDate":null}""", "$.closingDate")]
    // Required members cannot be removed: the name, the terms, one term, the contacts.
    [InlineData("""{"name":null}""", "$.name")]
    [InlineData("""{"terms":null}""", "$.terms")]
    [InlineData("""{"terms":{"timeZone":null}}""", "$.terms.timeZone")]
    [InlineData("""{"contacts":null}""", "$.contacts")]
    // A wrong type, named at the path the patch gave it.
    [InlineData("""{"terms":{"filingDays":"sixty"}}""", "$.terms.filingDays")]
    // A duplicate key.
    [InlineData("""{"name":"a","name":"b"}""", "$.name")]
    // The merged document is checked as a PUT's is.
    [InlineData("""{"terms":{"filingDays":-1}}""", "$.terms.filingDays")]
    [InlineData("""{"contacts":[{"name":"x","role":"holder","email":"not an email <script>"}]}""", "$.contacts[0].email")]
    public async Task Patch_Refused_Is400NamingThePathAndChangesNothing(string patch, string path)
    {
        // Arrange
        var (id, etag) = await CreateAsync(NewYorkDeal());

        // Act
        using var response = await SendAsync(HttpMethod.Patch, id, etag, patch);

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.NotEmpty(await response.ErrorAtAsync(path));
        Assert.Equal(etag, (await ReadAsync(id)).ETag);
    }

    [Fact]
    public async Task Patch_NotAnObject_Is400AtTheRoot()
    {
        var (id, etag) = await CreateAsync(NewYorkDeal());

        using var response = await SendAsync(HttpMethod.Patch, id, etag, """["name","x"]""");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("RFC 7396", await response.ErrorAtAsync("$"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Patch_WithoutIfMatch_Is428_StaleIs412_AndNothingChanges()
    {
        // Arrange: the ETag is read, then an event changes the agreement.
        var (id, etag) = await CreateAsync(NewYorkDeal());
        using (var closing = await app.Management.PostAsync(Url($"/api/agreements/{id}/events"), Json("""{"id":"closing","kind":"closing","date":"2000-04-28"}"""), Cancel))
        {
            Assert.Equal(HttpStatusCode.Created, closing.StatusCode);
        }

        // Act
        using var missing = await SendAsync(HttpMethod.Patch, id, null, """{"name":"no precondition"}""");
        using var stale = await SendAsync(HttpMethod.Patch, id, etag, """{"name":"stale"}""");

        // Assert
        Assert.Equal((HttpStatusCode)428, missing.StatusCode);
        Assert.Equal(HttpStatusCode.PreconditionFailed, stale.StatusCode);
        Assert.Equal("RRA of a New York deal", (await ReadAsync(id)).Name);
    }

    [Fact]
    public async Task Patch_AsPlainJson_Is415NamingTheContentType()
    {
        var (id, etag) = await CreateAsync(NewYorkDeal());

        using var response = await SendAsync(HttpMethod.Patch, id, etag, """{"name":"x"}""", "application/json");

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.NotEmpty(await response.ErrorAtAsync("content-type"));
        Assert.Equal(etag, (await ReadAsync(id)).ETag);
    }

    [Fact]
    public async Task Patch_UnknownAgreement_Is404()
    {
        using var response = await SendAsync(HttpMethod.Patch, Guid.NewGuid().ToString("N"), "W/\"x\"", """{"name":"x"}""");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    private static string JsonOf(object? value) => System.Text.Json.JsonSerializer.Serialize(value, RegRights.Contracts.RegRightsJson.Options);

    private async Task<(string Id, string ETag)> CreateAsync(AgreementDocument document)
    {
        using var created = await app.Management.PostAsync(Url("/api/agreements"), Json(document), Cancel);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var view = await created.ReadAsync<AgreementView>();
        return (view.Id, view.ETag);
    }

    private async Task<AgreementView> ReadAsync(string id)
    {
        using var response = await app.Management.GetAsync(Url($"/api/agreements/{id}"), Cancel);
        return await response.ReadAsync<AgreementView>();
    }

    private Task<HttpResponseMessage> SendAsync(HttpMethod method, string id, string? etag, string body, string contentType = "application/merge-patch+json") =>
        SendAsync(method, id, etag, new StringContent(body, Encoding.UTF8, contentType));

    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, string id, string? etag, HttpContent content)
    {
        using var request = new HttpRequestMessage(method, Url($"/api/agreements/{id}")) { Content = content };
        if (etag is not null)
        {
            request.Headers.IfMatch.Add(EntityTagHeaderValue.Parse(etag));
        }

        return await app.Management.SendAsync(request, Cancel);
    }
}

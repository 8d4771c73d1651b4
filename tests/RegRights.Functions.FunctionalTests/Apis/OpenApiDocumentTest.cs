using System.Net;
using System.Text.Json.Nodes;
using static RegRights.Functions.FunctionalTests.Api;

namespace RegRights.Functions.FunctionalTests.Apis;

public sealed class OpenApiDocumentTest(FunctionsAppFixture app)
{
    [Theory]
    [InlineData("/api/notices", "post", "PostNotice")]
    [InlineData("/api/notices/{id}", "get", "GetNotice")]
    [InlineData("/api/agreements/{id}/notices", "get", "ListAgreementNotices")]
    [InlineData("/api/agreements/{id}/deadlines", "get", "GetAgreementDeadlines")]
    [InlineData("/api/agreements/{id}/notices/expected", "post", "PostExpectedNotice")]
    [InlineData("/api/intake/{provider}/{source}", "post", "PostProviderWebhook")]
    [InlineData("/api/intake/receipts/{id}", "get", "GetIntakeReceipt")]
    [InlineData("/api/intake/receipts/{id}/body", "get", "GetIntakeReceiptBody")]
    [InlineData("/api/intake/{provider}/{source}/receipts", "get", "ListIntakeReceipts")]
    public async Task OpenApi_DescribesTheNoticeAndDeadlineOperations(string path, string method, string operationId)
    {
        using var response = await app.Management.GetAsync(Url("/api/openapi.json"), Cancel);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var operation = (await response.ReadJsonAsync())["paths"]?[path]?[method];
        Assert.NotNull(operation);
        Assert.Equal(operationId, (string?)operation["operationId"]);
        Assert.False(string.IsNullOrEmpty((string?)operation["summary"]));
        Assert.False(string.IsNullOrEmpty((string?)operation["description"]));
        Assert.NotEmpty(operation["tags"]!.AsArray());
        Assert.NotNull(operation["responses"]?["200"] ?? operation["responses"]?["201"]);
    }

    [Fact]
    public async Task OpenApi_ListsExactlyTheHttpFunctionsOfFunctionsMetadata()
    {
        // Arrange: every HTTP function but the document itself, as the generated functions.metadata declares it.
        var declared = FunctionDefinitionsTest.FunctionsMetadata()
            .Where(f => f.AuthLevel != "timer" && f.Name != "OpenApi")
            .SelectMany(f => f.Methods.Split(',').Select(m => $"{m.ToLowerInvariant()} /api/{f.RouteOrSchedule} {f.Name}"))
            .Order()
            .ToArray();

        // Act
        using var response = await app.Management.GetAsync(Url("/api/openapi.json"), Cancel);
        var paths = (await response.ReadJsonAsync())["paths"]!.AsObject();
        var described = paths
            .SelectMany(p => p.Value!.AsObject().Select(o => $"{o.Key} {p.Key} {(string?)o.Value!["operationId"]}"))
            .Order()
            .ToArray();

        // Assert
        Assert.Equal(declared, described);
    }

    [Fact]
    public async Task OpenApi_DescribesQueryParametersAndRequestBodies()
    {
        using var response = await app.Management.GetAsync(Url("/api/openapi.json"), Cancel);
        var paths = (await response.ReadJsonAsync())["paths"]!;

        // asOf and pageSize are read from the query by the functions, declared for the document.
        var asOf = paths["/api/agreements/{id}/deadlines"]!["get"]!["parameters"]!.AsArray().Single(p => (string?)p!["name"] == "asOf")!;
        Assert.Equal(("query", "date"), ((string?)asOf["in"], (string?)asOf["schema"]!["format"]));
        var pageSize = paths["/api/agreements"]!["get"]!["parameters"]!.AsArray().Single(p => (string?)p!["name"] == "pageSize")!;
        Assert.Equal("integer", (string?)pageSize["schema"]!["type"]);
        Assert.NotNull(paths["/api/agreements"]!["post"]!["requestBody"]!["content"]!["application/json"]!["schema"]);
        Assert.NotNull(paths["/api/notices"]!["post"]!["requestBody"]!["content"]!["application/json"]!["schema"]);
    }

    [Fact]
    public async Task OpenApi_IsCompleteEnoughToGenerateAClient()
    {
        // Arrange
        using var response = await app.Anonymous.GetAsync(Url("/api/openapi.json"), Cancel);
        var document = await response.ReadJsonAsync();
        var schemas = document["components"]!["schemas"]!;
        var paths = document["paths"]!;

        // Assert: NodaTime values are ISO strings with their format; enums list their names; tags are the areas.
        Assert.Equal(("string", "date"), ((string?)schemas["LocalDate"]!["type"], (string?)schemas["LocalDate"]!["format"]));
        Assert.Equal(("string", "date-time"), ((string?)schemas["OffsetDateTime"]!["type"], (string?)schemas["OffsetDateTime"]!["format"]));
        Assert.Contains("offset", (string?)schemas["OffsetDateTime"]!["description"], StringComparison.Ordinal);
        Assert.Equal(["courier", "facsimile"], schemas["DeliveryMethod"]!["enum"]!.AsArray().Select(v => (string?)v).Where(v => v is "facsimile" or "courier").Order());
        Assert.Contains("closing", schemas["AgreementEventKind"]!["enum"]!.AsArray().Select(v => (string?)v));
        Assert.Contains("companyCounsel", schemas["ContactRole"]!["enum"]!.AsArray().Select(v => (string?)v));
        Assert.Equal("integer", (string?)schemas["AgreementView"]!["properties"]!["eventCount"]!["type"]);
        Assert.Equal("Agreements", (string?)paths["/api/agreements"]!["post"]!["tags"]![0]);

        // If-Match is declared, and each operation lists the problems it answers.
        var put = paths["/api/agreements/{id}"]!["put"]!;
        var ifMatch = put["parameters"]!.AsArray().Single(p => (string?)p!["name"] == "If-Match")!;
        Assert.Equal(("header", true), ((string?)ifMatch["in"], (bool?)ifMatch["required"]));
        Assert.Equal(["200", "400", "404", "412", "413", "428", "503"], put["responses"]!.AsObject().Select(r => r.Key).Order());
        var postEvent = paths["/api/agreements/{id}/events"]!["post"]!["responses"]!.AsObject();
        Assert.True(postEvent.ContainsKey("409") && postEvent.ContainsKey("422") && postEvent.ContainsKey("404"));
        Assert.Equal("application/problem+json", paths["/api/agreements/{id}"]!["get"]!["responses"]!["404"]!["content"]!.AsObject().Single().Key);
    }

    // Every answer each operation can give, as its function declares it (result types, ProblemResponse), checked
    // against what the code answers: a status listed here and not in the code, or the other way round, is a wrong
    // document. 500 (any failure) and the host's 401 (no key) are not listed.
    public static TheoryData<string, string, string> Answers => new()
    {
        { "post", "/api/agreements", "200 201 400 413 422 503" },
        { "get", "/api/agreements", "200 400 503" },
        { "get", "/api/agreements/{id}", "200 404 503" },
        { "put", "/api/agreements/{id}", "200 400 404 412 413 428 503" },
        { "patch", "/api/agreements/{id}", "200 400 404 412 413 415 428 503" },
        { "post", "/api/agreements/{id}/events", "200 201 400 404 409 413 422 503" },
        { "get", "/api/agreements/{id}/events", "200 404 503" },
        { "get", "/api/agreements/{id}/deadlines", "200 400 404 422 503" },
        { "get", "/api/agreements/{id}/calendar.ics", "200 404 503" },
        { "get", "/api/agreements/{id}/reminders", "200 404 503" },
        { "post", "/api/agreements/{id}/reminders/{reminderId}/retry", "202 404 409 503" },
        { "post", "/api/deadline-index/rebuild", "200 503" },
        { "post", "/api/notices", "200 201 400 401 404 409 413 503" },
        { "get", "/api/notices/{id}", "200 404 503" },
        { "get", "/api/agreements/{id}/notices", "200 404 503" },
        { "post", "/api/agreements/{id}/notices/expected", "200 201 400 404 409 413 503" },
        { "post", "/api/intake/{provider}/{source}", "200 201 400 401 404 413 503" },
        { "get", "/api/intake/receipts/{id}", "200 404 503" },
        { "get", "/api/intake/receipts/{id}/body", "200 404 503" },
        { "get", "/api/intake/{provider}/{source}/receipts", "200 404 503" },
        { "get", "/api/health", "200 503" },
        { "get", "/api/templates", "200" },
    };

    [Theory]
    [MemberData(nameof(Answers))]
    public async Task OpenApi_EachOperationListsExactlyTheAnswersItsFunctionGives(string method, string path, string statuses)
    {
        using var response = await app.Anonymous.GetAsync(Url("/api/openapi.json"), Cancel);
        var operation = (await response.ReadJsonAsync())["paths"]![path]![method]!;

        var responses = operation["responses"]!.AsObject();

        Assert.Equal(statuses, string.Join(' ', responses.Select(r => r.Key).Order(StringComparer.Ordinal)));
        foreach (var (status, answer) in responses.Where(r => r.Key[0] is '4' or '5'))
        {
            Assert.True(answer!["content"]?["application/problem+json"] is not null, $"{method} {path} {status} is not a problem document");
        }
    }

    [Fact]
    public async Task OpenApi_EveryOperationIsInTheAnswersTable()
    {
        using var response = await app.Anonymous.GetAsync(Url("/api/openapi.json"), Cancel);
        var paths = (await response.ReadJsonAsync())["paths"]!.AsObject();

        var described = paths.SelectMany(p => p.Value!.AsObject().Select(o => $"{o.Key} {p.Key}")).Order(StringComparer.Ordinal);

        Assert.Equal(Answers.Select(row => $"{row.Data.Item1} {row.Data.Item2}").Order(StringComparer.Ordinal), described);
    }

    [Theory]
    // What a client must send, as the services check it (400 naming the field without it).
    [InlineData("AgreementDocument", "name")]
    [InlineData("ContactDocument", "name role")]
    [InlineData("PartyDocument", "name role")]
    [InlineData("AgreementEventDocument", "date id kind")]
    [InlineData("NoticeIntakeRequest", "agreementId deliveries kind recipient sender")]
    [InlineData("DeliveryRequest", "method sentAt")]
    // What the API always returns.
    [InlineData("AgreementView", "contacts createdAt eTag eventCount id name parties remindDeadlinesBeforeRegistration template terms updatedAt")]
    public async Task OpenApi_RequiredMembersAreRequiredAndNotNullable(string schemaName, string required)
    {
        // Arrange
        using var response = await app.Anonymous.GetAsync(Url("/api/openapi.json"), Cancel);
        var schema = (await response.ReadJsonAsync())["components"]!["schemas"]![schemaName]!;

        // Assert: listed in required, and a null is not allowed for them; the optional ones stay nullable.
        var names = required.Split(' ');
        Assert.Equal(names, schema["required"]!.AsArray().Select(n => (string)n!).Order(StringComparer.Ordinal));
        foreach (var (member, property) in schema["properties"]!.AsObject())
        {
            var text = property!.ToJsonString();
            Assert.True(names.Contains(member) != text.Contains("\"null\"", StringComparison.Ordinal) || (!names.Contains(member) && schemaName == "AgreementView"),
                $"{schemaName}.{member}: {text}");
        }
    }

    [Fact]
    public async Task OpenApi_PatchTakesAMergePatchWithNoMemberRequired()
    {
        using var response = await app.Anonymous.GetAsync(Url("/api/openapi.json"), Cancel);
        var document = await response.ReadJsonAsync();

        var content = document["paths"]!["/api/agreements/{id}"]!["patch"]!["requestBody"]!["content"]!.AsObject();

        Assert.Equal("application/merge-patch+json", Assert.Single(content).Key);
        Assert.Equal("#/components/schemas/AgreementMergePatch", (string?)content.Single().Value!["schema"]!["$ref"]);
        var patch = document["components"]!["schemas"]!["AgreementMergePatch"]!;
        Assert.Null(patch["required"]);
        Assert.Contains("terms", patch["properties"]!.AsObject().Select(p => p.Key));
    }

    [Fact]
    public async Task OpenApi_EventKindAndDateAreReferencesAClientCanType()
    {
        using var response = await app.Anonymous.GetAsync(Url("/api/openapi.json"), Cancel);
        var properties = (await response.ReadJsonAsync())["components"]!["schemas"]!["AgreementEventDocument"]!["properties"]!;

        Assert.Equal("#/components/schemas/AgreementEventKind", (string?)properties["kind"]!["$ref"]);
        Assert.Equal("#/components/schemas/LocalDate", (string?)properties["date"]!["$ref"]);
        Assert.Equal("string", (string?)properties["id"]!["type"]);
    }
}

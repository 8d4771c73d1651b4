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
        Assert.Equal(["200", "400", "404", "412", "428", "503"], put["responses"]!.AsObject().Select(r => r.Key).Order());
        var postEvent = paths["/api/agreements/{id}/events"]!["post"]!["responses"]!.AsObject();
        Assert.True(postEvent.ContainsKey("409") && postEvent.ContainsKey("422") && postEvent.ContainsKey("404"));
        Assert.Equal("application/problem+json", paths["/api/agreements/{id}"]!["get"]!["responses"]!["404"]!["content"]!.AsObject().Single().Key);
    }
}

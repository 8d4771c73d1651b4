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
}

using Microsoft.AspNetCore.Mvc;

namespace RegRights.Functions.OpenApi;

/// <summary><c>GET /api/openapi.json</c>: the app's OpenAPI document (<see cref="OpenApiDocumentSource"/>).</summary>
internal sealed class OpenApiFunction(OpenApiDocumentSource source)
{
    [Function("OpenApi")]
    [ApiExplorerSettings(IgnoreApi = true)]
    public async Task<ContentHttpResult> GetAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "openapi.json")] HttpRequest request) =>
        TypedResults.Content(await source.GetJsonAsync().ConfigureAwait(false), "application/json");
}

using Microsoft.AspNetCore.Routing;

namespace RegRights.Functions.OpenApi;

/// <summary>
/// <c>GET /api/openapi.json</c>: the app's OpenAPI document (<see cref="OpenApiDocumentSource"/>). Anonymous: it holds
/// no data, and a client generator or a browser fetches it without a key.
/// </summary>
public sealed class OpenApiFunction(OpenApiDocumentSource source)
{
    [Function("OpenApi")]
    [ExcludeFromDescription]
    public async Task<ContentHttpResult> GetAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "openapi.json")] HttpRequest request) =>
        TypedResults.Content(await source.GetJsonAsync().ConfigureAwait(false), "application/json");
}

using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using RegRights.Functions.Http;
using RegRights.Functions.Timers;

namespace RegRights.Functions.FunctionalTests;

/// <summary>
/// The Functions host forwards a request only for a route some function.json declares, as it is; the app must serve
/// exactly those routes and methods, and guard with the function key exactly those that say "authLevel": "function".
/// A timer function is invoked at POST /{Name} (no routePrefix), so the app must serve that for each timerTrigger.
/// </summary>
public sealed class FunctionDefinitionsTest(FunctionsAppFixture app)
{
    [Fact]
    public void FunctionJson_MatchesTheAppsEndpoints()
    {
        // Arrange: what the function.json files (copied to the output) declare, the routePrefix "api/" in front of
        // HTTP triggers' routes.
        var declared = FunctionDefinitions().Select(f => f.ToString()).Order().ToArray();

        // Act: what the app maps, less the endpoints that only a local run serves (the host keeps /admin for itself).
        var served = app.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<LocalOnlyEndpointMetadata>() is null)
            .Select(e => new FunctionDefinition(
                e.Metadata.GetMetadata<IEndpointNameMetadata>()?.EndpointName ?? "(unnamed)",
                e.RoutePattern.RawText!.TrimStart('/'),
                string.Join(",", (e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["(any)"]).Order()),
                e.Metadata.GetMetadata<TimerFunctionEndpointMetadata>() is not null ? "timer"
                : e.Metadata.GetMetadata<FunctionKeyRequiredAttribute>() is null ? "anonymous" : "function").ToString())
            .Order()
            .ToArray();

        // Assert
        Assert.NotEmpty(declared);
        Assert.Equal(declared, served);
    }

    [Fact]
    public void HostJson_IsAValidCustomHandlerConfiguration()
    {
        var host = JsonNode.Parse(File.ReadAllText(Path.Combine(RepositoryRoot(), "host.json")))!;

        Assert.Equal("2.0", (string?)host["version"]);
        Assert.Equal("Microsoft.Azure.Functions.ExtensionBundle", (string?)host["extensionBundle"]?["id"]);
        Assert.False(string.IsNullOrEmpty((string?)host["customHandler"]?["description"]?["defaultExecutablePath"]));
        // Forwarding keeps the request as the client sent it: the raw body the webhook signature covers.
        Assert.True((bool?)host["customHandler"]?["enableForwardingHttpRequest"]);
        Assert.Equal("api", (string?)host["extensions"]?["http"]?["routePrefix"]);
    }

    [Fact]
    public async Task ManagementEndpoint_WithoutKey_Is401Problem()
    {
        using var response = await app.Anonymous.GetAsync(new Uri("/api/openapi.json", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task ManagementEndpoint_WithKeyInCodeQuery_IsServed()
    {
        using var response = await app.Anonymous.GetAsync(
            new Uri($"/api/openapi.json?code={FunctionsAppFixture.FunctionKey}", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Health_IsAnonymousOverKestrel()
    {
        Assert.Equal("127.0.0.1", app.Anonymous.BaseAddress?.Host);

        using var response = await app.Anonymous.GetAsync(new Uri("/api/health", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        // The answer names the account whose tables it read: Azurite's development account.
        Assert.Contains("devstoreaccount1", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    internal static IEnumerable<FunctionDefinition> FunctionDefinitions()
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "functions");
        foreach (var file in Directory.GetFiles(folder, "function.json", SearchOption.AllDirectories))
        {
            using var json = JsonDocument.Parse(File.ReadAllText(file));
            var name = Path.GetFileName(Path.GetDirectoryName(file))!;
            var trigger = json.RootElement.GetProperty("bindings").EnumerateArray()
                .Single(b => b.GetProperty("type").GetString() is "httpTrigger" or "timerTrigger");
            yield return trigger.GetProperty("type").GetString() == "timerTrigger"
                ? new FunctionDefinition(name, name, "POST", "timer")
                : new FunctionDefinition(
                    name,
                    "api/" + trigger.GetProperty("route").GetString(),
                    string.Join(",", trigger.GetProperty("methods").EnumerateArray().Select(m => m.GetString()!.ToUpperInvariant()).Order()),
                    trigger.GetProperty("authLevel").GetString()!);
        }
    }

    internal static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "RegRights.Functions.sln")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException("RegRights.Functions.sln not found above " + AppContext.BaseDirectory);
    }
}

/// <summary>One function as the host sees it.</summary>
internal sealed record FunctionDefinition(string Name, string Route, string Methods, string AuthLevel)
{
    public override string ToString() => $"{Name} {Methods} {Route} ({AuthLevel})";
}

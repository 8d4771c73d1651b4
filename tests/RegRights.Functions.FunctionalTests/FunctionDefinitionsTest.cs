using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace RegRights.Functions.FunctionalTests;

/// <summary>
/// The functions the host loads are the ones the worker SDK generated from the app's attributes (the same metadata
/// <c>functions.metadata</c> holds for the deployed host), and the host serves, keys and routes them as declared.
/// </summary>
public sealed class FunctionDefinitionsTest(FunctionsAppFixture app)
{
    [Fact]
    public void LoadedFunctions_AreTheGeneratedFunctionsMetadata()
    {
        // Arrange: what the Worker SDK wrote beside the app's build output; the host serves routes under its prefix.
        var declared = FunctionsMetadata()
            .Select(f => f.AuthLevel == "timer" ? f : f with { RouteOrSchedule = $"{app.Host.RoutePrefix}/{f.RouteOrSchedule}" })
            .Select(f => f.ToString())
            .Order()
            .ToArray();

        // Act: what the local host loaded from the worker over gRPC.
        var loaded = app.Host.Functions
            .Select(f => new FunctionDefinition(
                f.Name,
                f.IsTimerTrigger ? f.Schedule! : f.Route!,
                string.Join(",", f.Methods.Select(m => m.ToUpperInvariant()).Order()),
                f.IsTimerTrigger ? "timer" : f.AuthorizationLevel.ToString().ToLowerInvariant()).ToString())
            .Order()
            .ToArray();

        // Assert: 23 HTTP functions and the two timers, none failed to load.
        Assert.Equal(25, declared.Length);
        Assert.Equal(declared, loaded);
        Assert.DoesNotContain(app.Host.Functions, f => f.LoadFailed);
    }

    [Fact]
    public void FunctionClasses_ArePublic()
    {
        // The Worker SDK's generated executor calls a public function class directly; an internal one goes through a
        // reflection executor it builds again on every invocation (a third of the notice intake's CPU when measured).
        var functionClasses = typeof(RegRights.Functions.Apis.HealthApi).Assembly.GetTypes()
            .Where(t => t.GetMethods().Any(m => m.GetCustomAttributes(typeof(Microsoft.Azure.Functions.Worker.FunctionAttribute), false).Length > 0))
            .ToList();

        Assert.Equal(10, functionClasses.Count);
        Assert.All(functionClasses, t => Assert.True(t.IsPublic, $"{t.Name} is not public"));
    }

    [Fact]
    public void HostJson_IsAnIsolatedWorkerConfiguration()
    {
        var host = JsonNode.Parse(File.ReadAllText(Path.Combine(RepositoryRoot(), "host.json")))!.AsObject();

        Assert.Equal("2.0", (string?)host["version"]);
        // A .NET isolated app brings its extensions in its own build (extensions.json); a bundle is for other languages.
        Assert.False(host.ContainsKey("extensionBundle"));
        Assert.False(host.ContainsKey("customHandler"));
        Assert.Equal("api", (string?)host["extensions"]?["http"]?["routePrefix"]);
        Assert.Equal("api", app.Host.RoutePrefix);
    }

    [Fact]
    public async Task ManagementEndpoint_WithoutKey_Is401()
    {
        using var response = await app.Anonymous.GetAsync(new Uri("/api/agreements", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task ManagementEndpoint_WithKeyInCodeQuery_IsServed()
    {
        using var response = await app.Anonymous.GetAsync(
            new Uri($"/api/agreements?code={FunctionsAppFixture.FunctionKey}", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task OpenApi_IsAnonymous()
    {
        // It holds no data, and a client generator fetches it without a key.
        using var response = await app.Anonymous.GetAsync(new Uri("/api/openapi.json", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Health_IsAnonymousOverLoopback()
    {
        Assert.Equal("127.0.0.1", app.Anonymous.BaseAddress?.Host);

        using var response = await app.Anonymous.GetAsync(new Uri("/api/health", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        // The answer names the account whose tables it read: Azurite's development account.
        Assert.Contains("devstoreaccount1", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    /// <summary>The functions in the app's generated <c>functions.metadata</c>, as the deployed host reads them.</summary>
    internal static IEnumerable<FunctionDefinition> FunctionsMetadata()
    {
        var file = Path.Combine(FunctionsOutput(), "functions.metadata");
        using var json = JsonDocument.Parse(File.ReadAllText(file));
        foreach (var function in json.RootElement.EnumerateArray())
        {
            var trigger = function.GetProperty("bindings").EnumerateArray()
                .Single(b => b.GetProperty("type").GetString() is "httpTrigger" or "timerTrigger");
            var name = function.GetProperty("name").GetString()!;
            yield return trigger.GetProperty("type").GetString() == "timerTrigger"
                ? new FunctionDefinition(name, trigger.GetProperty("schedule").GetString()!, "", "timer")
                : new FunctionDefinition(
                    name,
                    trigger.GetProperty("route").GetString()!,
                    string.Join(",", trigger.GetProperty("methods").EnumerateArray().Select(m => m.GetString()!.ToUpperInvariant()).Order()),
                    trigger.GetProperty("authLevel").GetString()!.ToLowerInvariant());
        }
    }

    /// <summary>src/RegRights.Functions's build output for this configuration, with worker.config.json and functions.metadata.</summary>
    internal static string FunctionsOutput()
    {
        // This assembly's output is tests/<project>/bin/<Configuration>/<tfm>; the app's is the same under src/.
        var output = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        return Path.Combine(RepositoryRoot(), "src", "RegRights.Functions", "bin", output.Parent!.Name, output.Name);
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

/// <summary>One function as the host sees it: its route (HTTP) or schedule (timer).</summary>
internal sealed record FunctionDefinition(string Name, string RouteOrSchedule, string Methods, string AuthLevel)
{
    public override string ToString() => $"{Name} {Methods} {RouteOrSchedule} ({AuthLevel})";
}

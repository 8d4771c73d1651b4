using System.Globalization;
using System.Net;
using RegRights.LocalHost;
using RegRights.Testing;
using static RegRights.Functions.FunctionalTests.Api;

namespace RegRights.Functions.FunctionalTests.Hosting;

/// <summary>
/// The app's own build output, started as the Functions host starts it (a worker process from worker.config.json with
/// the host's arguments and environment), under the local host: what <c>scripts/run.sh</c> runs, and what Azure runs.
/// </summary>
public sealed class WorkerProcessTest
{
    [Fact]
    public async Task BuildOutput_UnderTheLocalHost_ServesItsFunctionsWithTheHostsKeys()
    {
        // Arrange: its own Azurite; settings as local.settings.json's Values would give them.
        await using var azurite = await LocalServices.StartAzuriteAsync(Cancel);
        var options = new LocalHostOptions
        {
            AppDirectory = FunctionDefinitionsTest.FunctionsOutput(),
            HttpPort = 0,
            FunctionKey = "process-function-key",
            MasterKey = "process-master-key",
            TimersEnabled = false,
        };
        options.AppSettings["Storage__ConnectionString"] = azurite.ConnectionString;
        options.AppSettings["Email__Transport"] = "Smtp";
        options.AppSettings["Email__Smtp__Host"] = "127.0.0.1";
        options.AppSettings["Email__Smtp__Port"] = LocalServiceProcess.FreeLoopbackPort().ToString(CultureInfo.InvariantCulture);
        options.AppSettings["Email__Smtp__UseTls"] = "false";
        options.AppSettings["Email__From"] = "reminders@regrights.test";

        // Act
        await using var host = await LocalFunctionsHost.StartAsync(options, Cancel);
        using var http = new HttpClient { BaseAddress = host.HttpBaseAddress };
        using var health = await http.GetAsync(Url("/api/health"), Cancel);
        using var withoutKey = await http.GetAsync(Url("/api/agreements"), Cancel);
        using var created = await http.PostAsync(Url("/api/agreements?code=process-function-key"), Json("""{"name":"Out of process"}"""), Cancel);

        // Assert: a worker process of its own, all 25 functions loaded, anonymous health, function-level routes keyed.
        Assert.StartsWith("process", host.Worker.Description, StringComparison.Ordinal);
        Assert.Equal(25, host.Functions.Count);
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, withoutKey.StatusCode);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal("Out of process", (string?)(await created.ReadJsonAsync())["name"]);
    }
}

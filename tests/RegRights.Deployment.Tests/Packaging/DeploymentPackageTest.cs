using System.Reflection.PortableExecutable;
using System.Text.Json;

namespace RegRights.Deployment.Tests.Packaging;

/// <summary>
/// The publish output of src/RegRights.Functions is what Flex Consumption's dotnet-isolated runtime loads: the Worker
/// SDK's generated files at the root beside host.json, every function in functions.metadata as the app declares it.
/// </summary>
public sealed partial class DeploymentPackageTest(DeploymentPackageFixture package) : IClassFixture<DeploymentPackageFixture>
{
    // ReadyToRun images for Linux mark their COFF machine with this XOR (the runtime's IMAGE_FILE_MACHINE_NATIVE_OS_OVERRIDE).
    private const ushort LinuxMachineXor = 0x7B79;

    // The deployed contract as the functional tests and the README pin it: a route, verb, auth level or schedule
    // changed in the app is changed here too.
    private static readonly DeclaredFunction[] Functions =
    [
        // Agreements and their events.
        Http("CreateAgreement", "POST", "agreements"),
        Http("ListAgreements", "GET", "agreements"),
        Http("GetAgreement", "GET", "agreements/{id}"),
        Http("UpdateAgreement", "PUT", "agreements/{id}"),
        Http("PatchAgreement", "PATCH", "agreements/{id}"),
        Http("PostAgreementEvent", "POST", "agreements/{id}/events"),
        Http("ListAgreementEvents", "GET", "agreements/{id}/events"),
        Http("GetAgreementDeadlines", "GET", "agreements/{id}/deadlines"),
        Http("GetAgreementCalendar", "GET", "agreements/{id}/calendar.ics"),
        Http("ListTemplates", "GET", "templates"),
        // Notice intake is anonymous: document systems sign their webhooks instead of holding a function key.
        Http("PostNotice", "POST", "notices", "anonymous"),
        Http("GetNotice", "GET", "notices/{id}"),
        Http("ListAgreementNotices", "GET", "agreements/{id}/notices"),
        Http("PostExpectedNotice", "POST", "agreements/{id}/notices/expected"),
        // Provider webhooks are anonymous too: each provider's own signature (or UPS's credential) authenticates them.
        Http("PostProviderWebhook", "POST", "intake/{provider}/{source}", "anonymous"),
        Http("GetIntakeReceipt", "GET", "intake/receipts/{id}"),
        Http("GetIntakeReceiptBody", "GET", "intake/receipts/{id}/body"),
        Http("ListIntakeReceipts", "GET", "intake/{provider}/{source}/receipts"),
        // Reminders and the deadline index.
        Http("ListAgreementReminders", "GET", "agreements/{id}/reminders"),
        Http("RetryReminder", "POST", "agreements/{id}/reminders/{reminderId}/retry"),
        Http("RebuildDeadlineIndex", "POST", "deadline-index/rebuild"),
        // Probes and the API description; the health probe answers without a key.
        Http("Health", "GET", "health", "anonymous"),
        Http("OpenApi", "GET", "openapi.json", "anonymous"),
        // Timers, UTC NCRONTAB: the scan at five past each hour, the dispatcher every minute.
        Timer("ScanDeadlines", "0 5 * * * *"),
        Timer("DispatchReminders", "0 * * * * *"),
    ];

    [Fact]
    public void Publish_Succeeds()
    {
        Assert.True(package.Publishing.ExitCode == 0, package.Publishing.AllOutput);
    }

    [Fact]
    public void FunctionsMetadata_ListsEveryFunctionWithItsTriggerAsDeclared()
    {
        using var metadata = ReadJson("functions.metadata");

        var packaged = metadata.RootElement.EnumerateArray().Select(DeclaredFunction.From).OrderBy(f => f.Name, StringComparer.Ordinal);

        Assert.Equal(Functions.OrderBy(f => f.Name, StringComparer.Ordinal), packaged);
    }

    [Fact]
    public void FunctionsMetadata_PointsEveryFunctionAtTheIsolatedWorkerAssembly()
    {
        using var metadata = ReadJson("functions.metadata");

        Assert.All(metadata.RootElement.EnumerateArray(), function =>
        {
            Assert.Equal("dotnet-isolated", function.GetProperty("language").GetString());
            Assert.Equal("RegRights.Functions.dll", function.GetProperty("scriptFile").GetString());
        });
    }

    [Fact]
    public void WorkerConfig_StartsTheWorkerInThePackageWithDotnet()
    {
        using var config = ReadJson("worker.config.json");
        var description = config.RootElement.GetProperty("description");

        Assert.Equal("dotnet-isolated", description.GetProperty("language").GetString());
        Assert.Equal("dotnet", description.GetProperty("defaultExecutablePath").GetString());
        Assert.True(File.Exists(PathOf(description.GetProperty("defaultWorkerPath").GetString()!)), config.RootElement.GetRawText());
    }

    [Fact]
    public void ExtensionsJson_LoadsItsExtensionsFromAzureFunctionsFolder()
    {
        using var extensions = ReadJson("extensions.json");
        var hintPaths = extensions.RootElement.GetProperty("extensions").EnumerateArray()
            .Select(e => e.GetProperty("hintPath").GetString()!)
            .ToList();

        // The host loads the worker's extension metadata from .azurefunctions/; a zip without hidden folders breaks it.
        Assert.NotEmpty(hintPaths);
        Assert.All(hintPaths, hint =>
        {
            Assert.StartsWith("./.azurefunctions/", hint, StringComparison.Ordinal);
            Assert.True(File.Exists(PathOf(hint)), $"{hint} is not in the package");
        });
        Assert.True(File.Exists(PathOf(".azurefunctions", "function.deps.json")), "no .azurefunctions/function.deps.json");
    }

    [Fact]
    public void HostJson_IsTheRepositoryOneWithoutCustomHandlerOrBundle()
    {
        var packaged = File.ReadAllText(PathOf("host.json"));
        using var host = JsonDocument.Parse(packaged);

        Assert.Equal(File.ReadAllText(Repository.PathOf("host.json")), packaged);
        Assert.Equal("2.0", host.RootElement.GetProperty("version").GetString());
        Assert.False(host.RootElement.TryGetProperty("customHandler", out _), "host.json still configures a custom handler");
        // The Worker SDK's extensions.json supplies the bindings; a bundle would load a second, unrelated set.
        Assert.False(host.RootElement.TryGetProperty("extensionBundle", out _), "host.json still names an extension bundle");
        Assert.Equal("api", host.RootElement.GetProperty("extensions").GetProperty("http").GetProperty("routePrefix").GetString());
    }

    [Fact]
    public void Package_HoldsNoFunctionJsonNorLocalSettings()
    {
        var files = Directory.EnumerateFiles(package.Published, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(package.Published, f))
            .ToList();

        // function.json folders would make the host index functions the worker does not declare; local settings
        // hold developer secrets, and azd would drop them from the zip anyway.
        Assert.NotEmpty(files);
        Assert.DoesNotContain(files, f => Path.GetFileName(f) == "function.json");
        Assert.DoesNotContain(files, f => Path.GetFileName(f) == "local.settings.json");
        Assert.False(Directory.Exists(PathOf(".azure")), "azd leaves .azure/ out of the zip");
    }

    [Fact]
    public void Package_HoldsNoMapperlyAssembly()
    {
        // Mapperly generates the stored rows' mapping at build time (RegRights.Application references it as a generator
        // only), so nothing of it is deployed.
        var files = Directory.EnumerateFiles(package.Published, "*", SearchOption.AllDirectories).Select(Path.GetFileName).ToList();

        Assert.Contains("RegRights.Application.dll", files);
        Assert.DoesNotContain(files, f => f!.StartsWith("Riok.Mapperly", StringComparison.Ordinal));
    }

    [Fact]
    public void Worker_IsFrameworkDependentAndReadyToRunForLinuxX64()
    {
        using var runtimeConfig = ReadJson("RegRights.Functions.runtimeconfig.json");
        var options = runtimeConfig.RootElement.GetProperty("runtimeOptions");
        var frameworks = options.GetProperty("frameworks").EnumerateArray()
            .ToDictionary(f => f.GetProperty("name").GetString()!, f => f.GetProperty("version").GetString()!);

        // Framework-dependent on the runtime Bicep asks for (dotnet-isolated 10.0): no runtime in the package.
        Assert.Equal("net10.0", options.GetProperty("tfm").GetString());
        Assert.False(options.TryGetProperty("includedFrameworks", out _), "the package is self-contained");
        Assert.StartsWith("10.0.", frameworks["Microsoft.NETCore.App"], StringComparison.Ordinal);
        Assert.StartsWith("10.0.", frameworks["Microsoft.AspNetCore.App"], StringComparison.Ordinal);
        Assert.False(File.Exists(PathOf("libcoreclr.so")), "a .NET runtime ships in the package");

        // ReadyToRun native code for the worker, so its first request skips most JIT on a cold instance.
        using var reader = new PEReader(File.OpenRead(PathOf("RegRights.Functions.dll")));
        Assert.True(reader.PEHeaders.CorHeader!.ManagedNativeHeaderDirectory.Size > 0, "the worker assembly is not ReadyToRun");
        Assert.Equal(Machine.Amd64, (Machine)((ushort)reader.PEHeaders.CoffHeader.Machine ^ LinuxMachineXor));
    }

    private static DeclaredFunction Http(string name, string method, string route, string authLevel = "function") =>
        new(name, "httpTrigger", authLevel, method, route, Schedule: null, RunOnStartup: false);

    private static DeclaredFunction Timer(string name, string schedule) =>
        new(name, "timerTrigger", AuthLevel: null, Methods: null, Route: null, schedule, RunOnStartup: false);

    private JsonDocument ReadJson(string relative)
    {
        var path = PathOf(relative);
        Assert.True(File.Exists(path), $"{relative} is not in the package\n{package.Publishing.AllOutput}");
        return JsonDocument.Parse(File.ReadAllText(path));
    }

    private string PathOf(params string[] parts) => Path.GetFullPath(Path.Combine([package.Published, .. parts]));

    /// <summary>One function as its trigger binding declares it; methods upper-case and comma-separated, auth level lower-case.</summary>
    private sealed record DeclaredFunction(
        string Name, string Trigger, string? AuthLevel, string? Methods, string? Route, string? Schedule, bool RunOnStartup)
    {
        public static DeclaredFunction From(JsonElement function)
        {
            var trigger = Assert.Single(
                function.GetProperty("bindings").EnumerateArray(),
                b => b.GetProperty("type").GetString()!.EndsWith("Trigger", StringComparison.Ordinal));
            return new DeclaredFunction(
                function.GetProperty("name").GetString()!,
                trigger.GetProperty("type").GetString()!,
                Text(trigger, "authLevel")?.ToLowerInvariant(),
                trigger.TryGetProperty("methods", out var methods)
                    ? string.Join(",", methods.EnumerateArray().Select(m => m.GetString()!.ToUpperInvariant()))
                    : null,
                Text(trigger, "route"),
                Text(trigger, "schedule"),
                trigger.TryGetProperty("runOnStartup", out var runOnStartup) && runOnStartup.GetBoolean());
        }

        private static string? Text(JsonElement binding, string property) =>
            binding.TryGetProperty(property, out var value) ? value.GetString() : null;
    }
}

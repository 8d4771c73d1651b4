using System.Reflection.PortableExecutable;
using System.Text.Json;

namespace RegRights.Deployment.Tests.Packaging;

/// <summary>The zip scripts/package.sh writes has the layout the Functions host expects of a custom handler.</summary>
public sealed class DeploymentPackageTest(DeploymentPackageFixture package) : IClassFixture<DeploymentPackageFixture>
{
    // The triggers the extension bundle in host.json serves and this app uses or plans to (DESIGN.md: timers,
    // HTTP intake, queue fan-out); a typo such as "timertrigger " would leave a function silently unloaded.
    private static readonly HashSet<string> KnownTriggers = ["timerTrigger", "httpTrigger", "queueTrigger", "blobTrigger"];

    [Fact]
    public void Package_BuildsAndUnpacks()
    {
        Assert.True(package.Packaging.ExitCode == 0, package.Packaging.AllOutput);
        Assert.True(Directory.Exists(package.Unpacked), package.Packaging.AllOutput);
    }

    [Fact]
    public void HostJson_IsTheRepositoryOneAtTheRoot()
    {
        Assert.Equal(File.ReadAllText(Repository.PathOf("host.json")), File.ReadAllText(Unpacked("host.json")));
    }

    [Fact]
    public void DefaultExecutablePath_IsAnExecutableLinuxBinary()
    {
        var executable = Unpacked(DefaultExecutablePath());

        Assert.True(File.Exists(executable), $"{DefaultExecutablePath()} is not in the package");
        Assert.True(File.GetUnixFileMode(executable).HasFlag(UnixFileMode.UserExecute), "the zip lost the executable bit");
        using var stream = File.OpenRead(executable);
        var magic = new byte[4];
        stream.ReadExactly(magic);
        Assert.Equal([0x7F, (byte)'E', (byte)'L', (byte)'F'], magic);
    }

    [Fact]
    public void App_IsSelfContainedAndReadyToRun()
    {
        var app = Path.GetDirectoryName(Unpacked(DefaultExecutablePath()))!;
        var assembly = Path.Combine(app, Path.GetFileName(DefaultExecutablePath()) + ".dll");

        // Self-contained: the runtime ships in the package, so the Flex image's .NET version does not matter.
        Assert.True(File.Exists(Path.Combine(app, "libcoreclr.so")), "no linux-x64 runtime in app/");
        using var reader = new PEReader(File.OpenRead(assembly));
        Assert.True(reader.PEHeaders.CorHeader!.ManagedNativeHeaderDirectory.Size > 0, "the app assembly is not ReadyToRun");
    }

    [Fact]
    public void FunctionFolders_AreEveryProjectFunctionBesideHostJson()
    {
        var packaged = Directory.EnumerateDirectories(package.Unpacked)
            .Select(d => Path.GetFileName(d))
            .Where(name => name != "app")
            .Order()
            .ToList();

        Assert.NotEmpty(package.SourceFunctions);
        Assert.Equal(package.SourceFunctions, packaged);
    }

    [Fact]
    public void FunctionJson_IsValidWithOneKnownTrigger()
    {
        var functionJsons = DeploymentPackageFixture.FunctionFolders(package.Unpacked).Select(d => Path.Combine(d, "function.json")).ToList();

        Assert.NotEmpty(functionJsons);
        Assert.All(functionJsons, path =>
        {
            using var json = JsonDocument.Parse(File.ReadAllText(path));
            var triggers = json.RootElement.GetProperty("bindings").EnumerateArray()
                .Select(b => b.GetProperty("type").GetString()!)
                .Where(type => type.EndsWith("Trigger", StringComparison.OrdinalIgnoreCase))
                .ToList();
            var trigger = Assert.Single(triggers);
            Assert.Contains(trigger, KnownTriggers);
        });
    }

    [Fact]
    public async Task PackageScript_WithoutFunctionFolders_RefusesToPackage()
    {
        var empty = Directory.CreateTempSubdirectory("regrights-nofunctions-").FullName;
        try
        {
            var run = await ToolRun.RunAsync("bash", [Repository.PathOf("scripts", "package.sh"), empty, Path.Combine(empty, "out")], empty, TestContext.Current.CancellationToken);

            Assert.NotEqual(0, run.ExitCode);
            Assert.Contains("no functions/<Name>/function.json", run.Error, StringComparison.Ordinal);
            Assert.False(Directory.Exists(Path.Combine(empty, "out")));
        }
        finally
        {
            Directory.Delete(empty, recursive: true);
        }
    }

    private string Unpacked(string relative) => Path.Combine(package.Unpacked, relative);

    private static string DefaultExecutablePath()
    {
        using var host = JsonDocument.Parse(File.ReadAllText(Repository.PathOf("host.json")));
        return host.RootElement.GetProperty("customHandler").GetProperty("description").GetProperty("defaultExecutablePath").GetString()!;
    }
}

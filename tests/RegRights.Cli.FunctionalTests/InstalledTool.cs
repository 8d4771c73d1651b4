namespace RegRights.Cli.FunctionalTests;

/// <summary>
/// <c>regrights</c> as a user gets it: <c>dotnet pack</c> of src/RegRights.Cli, then <c>dotnet tool install</c> into a
/// temporary <c>--tool-path</c> from that package folder alone, run through the installed shim. Packed once per run.
/// </summary>
public sealed class InstalledTool : IAsyncLifetime
{
    private readonly string root = Directory.CreateTempSubdirectory("regrights-tool-").FullName;

    /// <summary>The installed shim, <c>{tool-path}/regrights</c>.</summary>
    internal string Shim => Path.Combine(root, "tools", OperatingSystem.IsWindows() ? "regrights.exe" : "regrights");

    /// <summary>
    /// For the shim: DOTNET_ROOT names the runtime this test runs on, as a user with .NET outside the default
    /// location sets it; the shim otherwise looks only in the default location.
    /// </summary>
    internal IReadOnlyDictionary<string, string> Environment { get; } =
        System.Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host
            ? new Dictionary<string, string> { ["DOTNET_ROOT"] = Path.GetDirectoryName(host)! }
            : new Dictionary<string, string>();

    public async ValueTask InitializeAsync()
    {
        var project = Project();
        var configuration = new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name;
        var packages = Path.Combine(root, "packages");

        // The build that the tests' project reference made is the one packed; no restore, so no network either.
        await Run("dotnet", "pack", project, "-c", configuration, "--no-build", "--no-restore", "-o", packages, "-nologo");
        var package = Path.GetFileNameWithoutExtension(Assert.Single(Directory.GetFiles(packages, "*.nupkg")));
        var version = package["RegRights.Cli.".Length..];

        // A config with the package folder as the only source: the install proves the package is complete offline,
        // and a RegRights.Cli on nuget.org could never be installed instead.
        var config = Path.Combine(root, "nuget.config");
        await File.WriteAllTextAsync(config, $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
                <add key="local" value="{packages}" />
              </packageSources>
            </configuration>
            """);
        await Run("dotnet", "tool", "install", "RegRights.Cli", "--version", version,
            "--tool-path", Path.Combine(root, "tools"), "--configfile", config);
    }

    public ValueTask DisposeAsync()
    {
        Directory.Delete(root, recursive: true);
        return ValueTask.CompletedTask;
    }

    private async Task Run(string fileName, params string[] args)
    {
        // Its own package cache, so an earlier run's package of the same version is never reused.
        var (exitCode, stdout, stderr) = await RegrightsTool.RunProcessAsync(fileName, args,
            new Dictionary<string, string> { ["NUGET_PACKAGES"] = Path.Combine(root, "nuget-cache") });
        if (exitCode != 0)
        {
            throw new InvalidOperationException($"{fileName} {string.Join(' ', args)} exited with {exitCode}:\n{stdout}\n{stderr}");
        }
    }

    private static string Project()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "src", "RegRights.Cli", "RegRights.Cli.csproj");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException("src/RegRights.Cli/RegRights.Cli.csproj is not above the test's directory.");
    }
}

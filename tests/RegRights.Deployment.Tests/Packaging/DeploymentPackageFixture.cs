namespace RegRights.Deployment.Tests.Packaging;

/// <summary>
/// Publishes src/RegRights.Functions once, as azd does for a dotnet function service (`dotnet publish -c Release`,
/// locked restore when CI=true). azd zips that folder as it is, leaving out only `.azure/`, `.funcignore` and
/// `local.settings.json`, so the folder is the package. The publish runs on a copy of the repository's root files and
/// src/, so nothing in the working tree changes and no stale bin/ or obj/ of the working tree reaches the package.
/// </summary>
public sealed class DeploymentPackageFixture : IAsyncLifetime
{
    private readonly string workDirectory = Directory.CreateTempSubdirectory("regrights-package-").FullName;

    internal ToolRun Publishing { get; private set; } = null!;

    /// <summary>The publish folder: what azd zips and deploys.</summary>
    public string Published => Path.Combine(workDirectory, "publish");

    public async ValueTask InitializeAsync()
    {
        var repository = Path.Combine(workDirectory, "repo");
        CopyRepository(repository);
        Publishing = await ToolRun.RunAsync(
            "dotnet",
            ["publish", Path.Combine(repository, "src", "RegRights.Functions"), "-c", "Release", "-o", Published, "-nologo"],
            repository);
    }

    public ValueTask DisposeAsync()
    {
        Directory.Delete(workDirectory, recursive: true);
        return ValueTask.CompletedTask;
    }

    // The root files are the build's (Directory.*.props, global.json, nuget.config, .editorconfig) and host.json,
    // which the project links from the root; src/ is the app and the projects it references.
    private static void CopyRepository(string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.EnumerateFiles(Repository.Root))
        {
            File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
        }

        var source = Repository.PathOf("src");
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(source, file);
            if (relative.Split(Path.DirectorySeparatorChar).Any(part => part is "bin" or "obj"))
            {
                continue;
            }

            var target = Path.Combine(to, "src", relative);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}

using System.IO.Compression;

namespace RegRights.Deployment.Tests.Packaging;

/// <summary>
/// Runs scripts/package.sh once and unpacks the zip it writes. The app it packages is src/RegRights.Functions
/// when that has an entry point (copied with the build files, so the publish touches nothing in the working tree),
/// otherwise a throwaway web app of the same name. When the project has no functions/&lt;Name&gt;/function.json
/// yet, the copy gets one sample timer function, so the layout can still be checked.
/// </summary>
public sealed class DeploymentPackageFixture : IAsyncLifetime
{
    private readonly string workDirectory = Directory.CreateTempSubdirectory("regrights-package-").FullName;

    internal ToolRun Packaging { get; private set; } = null!;

    /// <summary>The function folder names the packaged project holds.</summary>
    public IReadOnlyList<string> SourceFunctions { get; private set; } = [];

    /// <summary>Where the zip was unpacked.</summary>
    public string Unpacked => Path.Combine(workDirectory, "unpacked");

    public async ValueTask InitializeAsync()
    {
        var project = PrepareProject();
        var functions = Path.Combine(project, "functions");
        if (!FunctionFolders(functions).Any())
        {
            var sample = Directory.CreateDirectory(Path.Combine(functions, "SampleTimer")).FullName;
            await File.WriteAllTextAsync(
                Path.Combine(sample, "function.json"),
                """{ "bindings": [ { "type": "timerTrigger", "direction": "in", "name": "timer", "schedule": "0 0 * * * *" } ] }""");
        }

        SourceFunctions = [.. FunctionFolders(functions).Select(d => Path.GetFileName(d)).Order()];
        var output = Path.Combine(workDirectory, "out");
        Packaging = await ToolRun.RunAsync("bash", [Repository.PathOf("scripts", "package.sh"), project, output], workDirectory);
        var zip = Path.Combine(output, "regrights-functions.zip");
        if (Packaging.ExitCode == 0 && File.Exists(zip))
        {
            ZipFile.ExtractToDirectory(zip, Unpacked);
        }
    }

    public ValueTask DisposeAsync()
    {
        Directory.Delete(workDirectory, recursive: true);
        return ValueTask.CompletedTask;
    }

    internal static IEnumerable<string> FunctionFolders(string functionsDirectory) =>
        Directory.Exists(functionsDirectory)
            ? Directory.EnumerateDirectories(functionsDirectory).Where(d => File.Exists(Path.Combine(d, "function.json")))
            : [];

    private string PrepareProject()
    {
        var source = Repository.PathOf("src", "RegRights.Functions");
        if (File.Exists(Path.Combine(source, "Program.cs")))
        {
            var copy = Directory.CreateDirectory(Path.Combine(workDirectory, "repo")).FullName;
            foreach (var file in new[] { "Directory.Build.props", "Directory.Packages.props", "global.json", "nuget.config" })
            {
                File.Copy(Repository.PathOf(file), Path.Combine(copy, file));
            }

            CopySources(Repository.PathOf("src"), Path.Combine(copy, "src"));
            return Path.Combine(copy, "src", "RegRights.Functions");
        }

        var app = Directory.CreateDirectory(Path.Combine(workDirectory, "app")).FullName;
        File.WriteAllText(Path.Combine(app, "RegRights.Functions.csproj"), """
            <Project Sdk="Microsoft.NET.Sdk.Web">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <ImplicitUsings>enable</ImplicitUsings>
                <RuntimeIdentifiers>linux-x64</RuntimeIdentifiers>
              </PropertyGroup>
            </Project>
            """);
        File.WriteAllText(Path.Combine(app, "Program.cs"), "WebApplication.CreateBuilder(args).Build().Run();\n");
        CopySources(Path.Combine(source, "functions"), Path.Combine(app, "functions"));
        return app;
    }

    private static void CopySources(string from, string to)
    {
        if (!Directory.Exists(from))
        {
            return;
        }

        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(from, file);
            if (relative.Split(Path.DirectorySeparatorChar).Any(part => part is "bin" or "obj"))
            {
                continue;
            }

            var target = Path.Combine(to, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}

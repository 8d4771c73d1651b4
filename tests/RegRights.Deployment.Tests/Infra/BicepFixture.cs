using System.Text.Json;

namespace RegRights.Deployment.Tests.Infra;

/// <summary>Runs the pinned Bicep CLI once on infra/main.bicep: `bicep build` to a temporary folder, and `bicep lint`.</summary>
public sealed class BicepFixture : IAsyncLifetime
{
    private readonly string outputDirectory = Directory.CreateTempSubdirectory("regrights-bicep-").FullName;
    private JsonDocument? template;

    internal ToolRun Build { get; private set; } = null!;

    internal ToolRun Lint { get; private set; } = null!;

    /// <summary>The compiled ARM template (main.json).</summary>
    public JsonElement Template =>
        template?.RootElement ?? throw new InvalidOperationException($"bicep build wrote no template:\n{Build.AllOutput}");

    public async ValueTask InitializeAsync()
    {
        var infra = Repository.PathOf("infra");
        var compiled = Path.Combine(outputDirectory, "main.json");
        Build = await ToolRun.RunAsync(Repository.BicepPath, ["build", "main.bicep", "--outfile", compiled], infra);
        Lint = await ToolRun.RunAsync(Repository.BicepPath, ["lint", "main.bicep"], infra);
        if (File.Exists(compiled))
        {
            template = JsonDocument.Parse(await File.ReadAllTextAsync(compiled));
        }
    }

    public ValueTask DisposeAsync()
    {
        template?.Dispose();
        Directory.Delete(outputDirectory, recursive: true);
        return ValueTask.CompletedTask;
    }
}

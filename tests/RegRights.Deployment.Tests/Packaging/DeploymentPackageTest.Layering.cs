using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;

namespace RegRights.Deployment.Tests.Packaging;

/// <summary>
/// The layering as compiled: each of the app's assemblies in the package references only what its layer may. The
/// compiler records an assembly reference only for what the code uses, so this catches what the project files cannot:
/// System.Text.Json or System.Net.Http (both in the shared framework) used in the domain.
/// </summary>
public sealed partial class DeploymentPackageTest
{
    // The references each assembly must not have, as prefixes of assembly names; and the RegRights assemblies it may.
    private static readonly Dictionary<string, (HashSet<string> RegRights, HashSet<string> Forbidden)> AssemblyLayers = new()
    {
        // Core knows nothing of Azure, HTTP or JSON, nor of hosting.
        ["RegRights.Core"] = ([], ["Azure", "Microsoft.", "System.Text.Json", "System.Net.Http", "MailKit", "MimeKit"]),
        // The API's JSON, but no Azure and no HTTP.
        ["RegRights.Contracts"] = (["RegRights.Core"], ["Azure", "Microsoft.AspNetCore", "Microsoft.Azure", "System.Net.Http"]),
        // The use cases: nothing of Azure (their ports have versions and refusals of their own), no HTTP framework, no
        // mail transport; nothing of Mapperly, whose attributes the compiler drops once its generator has run.
        ["RegRights.Application"] = (["RegRights.Core", "RegRights.Contracts"],
            ["Azure", "Microsoft.AspNetCore", "Microsoft.Azure", "System.Net.Http", "MailKit", "Riok.Mapperly"]),
        // The adapters: never the Functions worker, and never the API's documents (the stores keep rows of their own).
        ["RegRights.Infrastructure"] = (["RegRights.Core", "RegRights.Application"], ["Microsoft.Azure.Functions", "RegRights.Contracts"]),
    };

    public static TheoryData<string> LayeredAssemblies => [.. AssemblyLayers.Keys];

    [Theory]
    [MemberData(nameof(LayeredAssemblies))]
    public void Assembly_ReferencesOnlyWhatItsLayerMay(string assembly)
    {
        var path = PathOf(assembly + ".dll");
        Assert.True(File.Exists(path), $"{assembly}.dll is not in the package\n{package.Publishing.AllOutput}");
        using var pe = new PEReader(File.OpenRead(path));
        var metadata = pe.GetMetadataReader();
        var references = metadata.AssemblyReferences.Select(r => metadata.GetString(metadata.GetAssemblyReference(r).Name)).ToList();
        var (regRights, forbidden) = AssemblyLayers[assembly];

        Assert.Multiple(
            () => Assert.Subset(regRights, references.Where(r => r.StartsWith("RegRights.", StringComparison.Ordinal)).ToHashSet()),
            () => Assert.DoesNotContain(references, r => forbidden.Any(f => r.StartsWith(f, StringComparison.Ordinal))));
    }
}

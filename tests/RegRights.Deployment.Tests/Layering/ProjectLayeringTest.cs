using System.Xml.Linq;

namespace RegRights.Deployment.Tests.Layering;

/// <summary>
/// Dependencies point inward (README, Layout): each project under src/ references only the projects, packages and
/// frameworks its layer may. Read from the project files, so a forbidden reference fails here before anything builds.
/// </summary>
public sealed class ProjectLayeringTest
{
    // What each project may reference, by project name; Functions (the composition root) may reference anything.
    private static readonly Dictionary<string, Layer> Layers = new()
    {
        // The domain: NodaTime only.
        ["RegRights.Core"] = new(Projects: [], Packages: ["NodaTime"], Frameworks: []),
        // The API's JSON: the domain and NodaTime's System.Text.Json converters.
        ["RegRights.Contracts"] = new(Projects: ["RegRights.Core"], Packages: ["NodaTime.Serialization.SystemTextJson"], Frameworks: []),
        // The use cases: the domain, the API's documents they take and answer with (mapped to stored rows here, and only
        // here), NodaTime's System.Text.Json converters for the stored rows' JSON, the Microsoft.Extensions
        // abstractions, MimeKit's address parser and Ical.Net's RFC 5545 writer (the calendar feed and a reminder's .ics
        // are what the use cases answer), Mapperly's generator for the rows' copies (build time only); nothing of Azure
        // (a row's version and a refused write are the ports' own StoredVersion and StoredRowException), no mail
        // transport, no HTTP framework.
        ["RegRights.Application"] = new(
            Projects: ["RegRights.Core", "RegRights.Contracts"],
            Packages: ["Microsoft.Extensions.Caching.Memory", "Microsoft.Extensions.Hosting.Abstractions",
                "Microsoft.Extensions.Logging.Abstractions", "Microsoft.Extensions.Options.ConfigurationExtensions", "MimeKit", "Ical.Net",
                "NodaTime.Serialization.SystemTextJson", "Riok.Mapperly"],
            Frameworks: []),
        // The adapters: everything but the Functions app and the API's documents (the stores keep rows of their own).
        ["RegRights.Infrastructure"] = new(
            Projects: ["RegRights.Core", "RegRights.Application"],
            Packages: ["Azure.Core", "Azure.Data.Tables", "Azure.Identity", "MailKit", "BouncyCastle.Cryptography"],
            Frameworks: ["Microsoft.AspNetCore.App"]),
        // The command line: the domain and its documents.
        ["RegRights.Cli"] = new(Projects: ["RegRights.Core", "RegRights.Contracts"], Packages: ["System.CommandLine"], Frameworks: []),
    };

    public static TheoryData<string> Projects => [.. Layers.Keys];

    [Fact]
    public void Layers_NameEveryProjectUnderSrcButTheFunctionsApp()
    {
        var projects = Directory.EnumerateDirectories(Repository.PathOf("src")).Select(d => Path.GetFileName(d)).Order(StringComparer.Ordinal);

        Assert.Equal([.. Layers.Keys.Append("RegRights.Functions").Order(StringComparer.Ordinal)], projects);
    }

    [Theory]
    [MemberData(nameof(Projects))]
    public void Project_ReferencesOnlyWhatItsLayerMay(string project)
    {
        var file = XDocument.Load(Repository.PathOf("src", project, project + ".csproj"));
        var layer = Layers[project];

        Assert.Multiple(
            () => Assert.Subset(layer.Projects, References(file, "ProjectReference").Select(p => Path.GetFileNameWithoutExtension(p.Replace('\\', '/'))).ToHashSet()),
            () => Assert.Subset(layer.Packages, References(file, "PackageReference").ToHashSet()),
            () => Assert.Subset(layer.Frameworks, References(file, "FrameworkReference").ToHashSet()));
    }

    private static IEnumerable<string> References(XDocument project, string item) =>
        project.Descendants(item).Select(e => (string?)e.Attribute("Include")).OfType<string>();

    private sealed record Layer(HashSet<string> Projects, HashSet<string> Packages, HashSet<string> Frameworks);
}

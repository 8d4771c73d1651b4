using System.Reflection;
using System.Runtime.Versioning;

// The Bicep CLI this project restores is the linux-x64 build, and the package it checks targets linux-x64.
[assembly: SupportedOSPlatform("linux")]

namespace RegRights.Deployment.Tests;

/// <summary>Paths the build wrote into this assembly: the repository root and the restored Bicep CLI.</summary>
internal static class Repository
{
    public static string Root { get; } = Metadata("RepositoryRoot");

    /// <summary>tools/bicep inside the restored Azure.Bicep.CommandLine.linux-x64 package (Directory.Packages.props pins it).</summary>
    public static string BicepPath { get; } = Metadata("BicepPath");

    public static string PathOf(params string[] parts) => Path.Combine([Root, .. parts]);

    private static string Metadata(string key) =>
        typeof(Repository).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value
        ?? throw new InvalidOperationException($"The build did not record {key}.");
}

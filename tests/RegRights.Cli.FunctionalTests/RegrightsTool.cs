using System.Diagnostics;

namespace RegRights.Cli.FunctionalTests;

/// <summary>Runs the built <c>regrights</c> tool as a separate process, the way a user or a script does.</summary>
internal static class RegrightsTool
{
    private static readonly string DllPath = Locate();

    internal static async Task<(int ExitCode, string StdOut, string StdErr)> RunAsync(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(DllPath);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start.");
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var stdout = process.StandardOutput.ReadToEndAsync(timeout.Token);
        var stderr = process.StandardError.ReadToEndAsync(timeout.Token);
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout, await stderr);
    }

    // The project reference copies the tool (with its runtimeconfig) beside the tests; the tool's own build output is
    // the fallback, so the test always runs a build of src/RegRights.Cli, never a copy of its code.
    private static string Locate()
    {
        var beside = Path.Combine(AppContext.BaseDirectory, "regrights.dll");
        if (File.Exists(beside) && File.Exists(Path.ChangeExtension(beside, ".runtimeconfig.json")))
        {
            return beside;
        }

        var configuration = new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name;
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "src", "RegRights.Cli", "bin", configuration, "net10.0", "regrights.dll");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException("regrights.dll is not built; build src/RegRights.Cli first.");
    }
}

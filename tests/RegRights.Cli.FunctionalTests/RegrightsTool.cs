using System.Diagnostics;

namespace RegRights.Cli.FunctionalTests;

/// <summary>Runs the built <c>regrights</c> tool as a separate process, the way a user or a script does.</summary>
internal static class RegrightsTool
{
    private static readonly string DllPath = Locate();

    internal static Task<(int ExitCode, string StdOut, string StdErr)> RunAsync(params string[] args) =>
        RunProcessAsync("dotnet", [DllPath, .. args]);

    /// <summary>Runs any program to its end (at most two minutes) and returns its exit code and output.</summary>
    internal static async Task<(int ExitCode, string StdOut, string StdErr)> RunProcessAsync(
        string fileName, IEnumerable<string> args, IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{fileName} did not start.");
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
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

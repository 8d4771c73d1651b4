namespace RegRights.LocalHost;

/// <summary>The command line: <c>dotnet RegRights.LocalHost.dll --app &lt;worker output&gt; [options]</c>.</summary>
public static class LocalHostCommand
{
    /// <summary>Runs the local host until Ctrl-C (or SIGTERM).</summary>
    /// <param name="args">The command line.</param>
    /// <returns>The exit code: 0 after a clean stop, 1 when the host could not start, 2 for a usage error.</returns>
    public static Task<int> RunAsync(string[] args) => Task.FromResult(2);
}

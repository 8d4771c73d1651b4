using System.Diagnostics;
using System.Text.Json;
using Microsoft.Extensions.Logging;

namespace RegRights.LocalHost;

/// <summary>
/// Starts the worker as a child process, as the Functions host does: <c>worker.config.json</c>'s
/// <c>description.defaultExecutablePath</c> (for a .NET app, <c>dotnet</c>) with <c>defaultWorkerPath</c> (the app's
/// dll) and the host's arguments, in the app folder, with the host's environment plus the app settings.
/// </summary>
/// <remarks>
/// <c>dotnet</c> is resolved as the SDK resolves it for child processes (<c>DOTNET_HOST_PATH</c>, else <c>PATH</c>), so a
/// test run under one SDK starts the worker under the same one. The worker's standard output is logged at Information and
/// its standard error at Error, under the category <c>Worker.Process</c>.
/// </remarks>
public sealed class ProcessWorkerLauncher : IWorkerLauncher
{
    /// <inheritdoc />
    /// <exception cref="FileNotFoundException">The app folder has no worker.config.json, or the worker path it names is missing.</exception>
    /// <exception cref="InvalidOperationException">worker.config.json names no executable or worker path.</exception>
    public Task<IWorkerHandle> LaunchAsync(WorkerStartInfo startInfo, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(startInfo);
        cancellationToken.ThrowIfCancellationRequested();

        WorkerConfig config = WorkerConfig.Read(startInfo.WorkerDirectory);
        var psi = new ProcessStartInfo(ResolveExecutable(config.ExecutablePath))
        {
            WorkingDirectory = startInfo.AppDirectory,
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = false,
        };
        foreach (string argument in config.ExecutableArguments)
        {
            psi.ArgumentList.Add(argument);
        }

        psi.ArgumentList.Add(config.WorkerPath);
        foreach (string argument in config.WorkerArguments)
        {
            psi.ArgumentList.Add(argument);
        }

        foreach (string argument in startInfo.Arguments)
        {
            psi.ArgumentList.Add(argument);
        }

        foreach ((string name, string value) in startInfo.Environment)
        {
            psi.Environment[name] = value;
        }

        ILogger logger = startInfo.LoggerFactory.CreateLogger("Worker.Process");
        var process = new Process { StartInfo = psi, EnableRaisingEvents = true };
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                logger.LogInformation("{Line}", e.Data);
            }
        };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                logger.LogError("{Line}", e.Data);
            }
        };

        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        logger.LogDebug("Started worker process {ProcessId}: {Executable} {Arguments}", process.Id, psi.FileName, string.Join(' ', psi.ArgumentList));
        return Task.FromResult<IWorkerHandle>(new ProcessWorkerHandle(process));
    }

    private static string ResolveExecutable(string executable)
    {
        if (!string.Equals(executable, "dotnet", StringComparison.OrdinalIgnoreCase)
            && !string.Equals(executable, "dotnet.exe", StringComparison.OrdinalIgnoreCase))
        {
            return executable;
        }

        // The SDK sets DOTNET_HOST_PATH for the processes it starts (tests, msbuild), naming the dotnet it runs under.
        string? hostPath = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH");
        if (!string.IsNullOrEmpty(hostPath) && File.Exists(hostPath))
        {
            return hostPath;
        }

        string? processPath = Environment.ProcessPath;
        if (processPath is not null && Path.GetFileNameWithoutExtension(processPath).Equals("dotnet", StringComparison.OrdinalIgnoreCase))
        {
            return processPath;
        }

        return executable;
    }

    /// <summary>A worker process: disposal kills it and its children and waits for the exit.</summary>
    private sealed class ProcessWorkerHandle : IWorkerHandle
    {
        private readonly Process _process;

        public ProcessWorkerHandle(Process process)
        {
            _process = process;
            Description = $"process {process.Id}";
            Completion = process.WaitForExitAsync();
        }

        public Uri? HttpUri => null;

        public Task Completion { get; }

        public string Description { get; }

        public async ValueTask DisposeAsync()
        {
            try
            {
                if (!_process.HasExited)
                {
                    _process.Kill(entireProcessTree: true);
                }
            }
            catch (InvalidOperationException)
            {
                // It exited between the check and the kill: what disposal wants anyway.
            }

            await Completion.ConfigureAwait(false);
            _process.Dispose();
        }
    }
}

/// <summary>The part of <c>worker.config.json</c> the launcher reads.</summary>
internal sealed record WorkerConfig(string ExecutablePath, IReadOnlyList<string> ExecutableArguments, string WorkerPath, IReadOnlyList<string> WorkerArguments)
{
    public const string FileName = "worker.config.json";

    public static WorkerConfig Read(string workerDirectory)
    {
        string path = Path.Combine(workerDirectory, FileName);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"No {FileName} in '{workerDirectory}': is this the output folder of an isolated worker built with Microsoft.Azure.Functions.Worker.Sdk?", path);
        }

        using JsonDocument document = JsonDocument.Parse(File.ReadAllText(path), new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        if (!document.RootElement.TryGetProperty("description", out JsonElement description))
        {
            throw new InvalidOperationException($"{path} has no 'description'.");
        }

        string executable = GetString(description, "defaultExecutablePath") ?? throw new InvalidOperationException($"{path} names no description.defaultExecutablePath.");
        string workerPath = GetString(description, "defaultWorkerPath") ?? throw new InvalidOperationException($"{path} names no description.defaultWorkerPath.");
        workerPath = Path.GetFullPath(Path.Combine(workerDirectory, workerPath));
        if (!File.Exists(workerPath))
        {
            throw new FileNotFoundException($"The worker '{workerPath}' named by {path} does not exist.", workerPath);
        }

        return new WorkerConfig(executable, GetStrings(description, "arguments"), workerPath, GetStrings(description, "workerArguments"));
    }

    private static string? GetString(JsonElement element, string name) =>
        element.TryGetProperty(name, out JsonElement value) && value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } s ? s : null;

    private static string[] GetStrings(JsonElement element, string name) =>
        element.TryGetProperty(name, out JsonElement value) && value.ValueKind == JsonValueKind.Array
            ? value.EnumerateArray().Where(v => v.ValueKind == JsonValueKind.String).Select(v => v.GetString()!).ToArray()
            : [];
}

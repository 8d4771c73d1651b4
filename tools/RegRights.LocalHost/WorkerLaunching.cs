using Microsoft.Extensions.Logging;

namespace RegRights.LocalHost;

/// <summary>
/// Starts the worker that <see cref="LocalFunctionsHost"/> talks to. Two kinds ship: <see cref="ProcessWorkerLauncher"/>
/// (a child process, as the Functions host runs it) and <see cref="DelegateWorkerLauncher"/> (the caller starts it, for
/// example in-process inside a test).
/// </summary>
/// <remarks>
/// The launcher only starts the worker: the worker then connects to <see cref="WorkerStartInfo.HostEndpoint"/> over gRPC
/// on its own, and the host waits (<see cref="LocalHostOptions.WorkerStartupTimeout"/>) for its <c>StartStream</c>.
/// </remarks>
public interface IWorkerLauncher
{
    /// <summary>Starts a worker that will connect to <paramref name="startInfo"/>'s host endpoint.</summary>
    /// <param name="startInfo">Where to connect and with what identity; the worker's arguments, configuration and environment.</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    /// <returns>A handle that stops the worker when disposed.</returns>
    Task<IWorkerHandle> LaunchAsync(WorkerStartInfo startInfo, CancellationToken cancellationToken = default);
}

/// <summary>A started worker: disposing it stops the worker for good (a process is killed with its children).</summary>
/// <remarks>
/// The host disposes the handle at shutdown after sending <c>WorkerTerminate</c> and waiting up to the grace period for
/// <see cref="Completion"/>; so <see cref="IAsyncDisposable.DisposeAsync"/> must stop a worker that ignored the message.
/// </remarks>
public interface IWorkerHandle : IAsyncDisposable
{
    /// <summary>
    /// The worker's own HTTP address when the launcher knows it, else null. When set it wins over the worker's
    /// <c>HttpUri</c> capability: an in-process worker's capability is a per-process static (the first worker's port),
    /// so each in-process worker binds its own port and reports it here.
    /// </summary>
    Uri? HttpUri { get; }

    /// <summary>Completes when the worker has stopped (its process exited, its host stopped), for whatever reason.</summary>
    Task Completion { get; }

    /// <summary>Names the worker in messages, such as "process 4242".</summary>
    string Description { get; }
}

/// <summary>
/// What a worker needs to connect to the host: the values the Functions host passes on the command line, the same values
/// as the configuration keys the .NET worker maps them to, and the environment the host gives the worker process.
/// </summary>
/// <remarks>
/// An in-process launcher adds <see cref="Configuration"/> to its builder's configuration (the worker reads
/// <c>Functions:Worker:HostEndpoint</c> etc. from there) and must set at least <c>FUNCTIONS_APPLICATION_DIRECTORY</c>
/// from <see cref="Environment"/> as a real environment variable: the worker's ASP.NET Core integration reads it from
/// the process environment.
/// </remarks>
public sealed class WorkerStartInfo
{
    /// <summary>The configuration key for <see cref="HostEndpoint"/>.</summary>
    public const string HostEndpointKey = "Functions:Worker:HostEndpoint";

    /// <summary>The configuration key for <see cref="WorkerId"/>.</summary>
    public const string WorkerIdKey = "Functions:Worker:WorkerId";

    /// <summary>The configuration key for <see cref="RequestId"/>.</summary>
    public const string RequestIdKey = "Functions:Worker:RequestId";

    /// <summary>The configuration key for <see cref="GrpcMaxMessageLength"/>.</summary>
    public const string GrpcMaxMessageLengthKey = "Functions:Worker:GrpcMaxMessageLength";

    /// <summary>The app folder (functions.metadata, host.json).</summary>
    public required string AppDirectory { get; init; }

    /// <summary>The folder of worker.config.json (the app folder for a .NET isolated app).</summary>
    public required string WorkerDirectory { get; init; }

    /// <summary>The host's gRPC endpoint, such as <c>http://127.0.0.1:41234/</c>.</summary>
    public required Uri HostEndpoint { get; init; }

    /// <summary>The worker id the host expects in <c>StartStream</c>.</summary>
    public required string WorkerId { get; init; }

    /// <summary>The request id of the start.</summary>
    public required string RequestId { get; init; }

    /// <summary>The largest gRPC message, in bytes (int.MaxValue, as the host sends).</summary>
    public required int GrpcMaxMessageLength { get; init; }

    /// <summary>
    /// The host's arguments after the worker path: <c>--host --port --workerId --requestId --grpcMaxMessageLength</c> and
    /// their <c>--functions-*</c> twins.
    /// </summary>
    public required IReadOnlyList<string> Arguments { get; init; }

    /// <summary>The <c>Functions:Worker:*</c> configuration the .NET worker maps the arguments to.</summary>
    public required IReadOnlyDictionary<string, string?> Configuration { get; init; }

    /// <summary>
    /// The worker's environment: <c>FUNCTIONS_APPLICATION_DIRECTORY</c>, <c>FUNCTIONS_WORKER_DIRECTORY</c>,
    /// <c>AzureWebJobsScriptRoot</c>, then every app setting.
    /// </summary>
    public required IReadOnlyDictionary<string, string> Environment { get; init; }

    /// <summary>Where the worker's console output should go.</summary>
    public required ILoggerFactory LoggerFactory { get; init; }
}

/// <summary>A launcher whose start is the caller's delegate: for a worker started in-process, or by other means.</summary>
/// <param name="launch">Starts the worker and returns its handle (see <see cref="WorkerHandle.Create"/>).</param>
public sealed class DelegateWorkerLauncher(Func<WorkerStartInfo, CancellationToken, Task<IWorkerHandle>> launch) : IWorkerLauncher
{
    private readonly Func<WorkerStartInfo, CancellationToken, Task<IWorkerHandle>> _launch = launch ?? throw new ArgumentNullException(nameof(launch));

    /// <inheritdoc />
    public Task<IWorkerHandle> LaunchAsync(WorkerStartInfo startInfo, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(startInfo);
        return _launch(startInfo, cancellationToken);
    }
}

/// <summary>Makes an <see cref="IWorkerHandle"/> from delegates, for a <see cref="DelegateWorkerLauncher"/>.</summary>
public static class WorkerHandle
{
    /// <summary>A handle whose disposal calls <paramref name="stopAsync"/> once.</summary>
    /// <param name="stopAsync">Stops the worker for good, such as an in-process host's <c>StopAsync</c> and <c>Dispose</c>.</param>
    /// <param name="completion">Completes when the worker has stopped; null: when <paramref name="stopAsync"/> has run.</param>
    /// <param name="httpUri">The worker's HTTP address, overriding its <c>HttpUri</c> capability; null to use the capability.</param>
    /// <param name="description">Names the worker in messages.</param>
    /// <returns>The handle.</returns>
    public static IWorkerHandle Create(Func<ValueTask> stopAsync, Task? completion = null, Uri? httpUri = null, string description = "in-process worker")
    {
        ArgumentNullException.ThrowIfNull(stopAsync);
        return new DelegateWorkerHandle(stopAsync, completion, httpUri, description);
    }

    private sealed class DelegateWorkerHandle(Func<ValueTask> stopAsync, Task? completion, Uri? httpUri, string description) : IWorkerHandle
    {
        private readonly TaskCompletionSource _stopped = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _disposed;

        public Uri? HttpUri { get; } = httpUri;

        public Task Completion => completion ?? _stopped.Task;

        public string Description { get; } = description;

        public async ValueTask DisposeAsync()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                try
                {
                    await stopAsync().ConfigureAwait(false);
                }
                finally
                {
                    _stopped.TrySetResult();
                }
            }

            await _stopped.Task.ConfigureAwait(false);
        }
    }
}

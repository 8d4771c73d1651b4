using System.Net;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace RegRights.LocalHost;

/// <summary>
/// What <see cref="LocalFunctionsHost.StartAsync"/> runs and how: the worker's output folder, the HTTP port, the app
/// settings, the keys and the timers.
/// </summary>
/// <remarks>
/// Everything the local host serves is on loopback: <see cref="HttpAddress"/> must be a loopback address, or start fails
/// with an <see cref="ArgumentException"/>, since the keys here are development keys.
/// </remarks>
public sealed class LocalHostOptions
{
    /// <summary>The default HTTP port, that of <c>func start</c>.</summary>
    public const int DefaultHttpPort = 7071;

    /// <summary>
    /// The worker's build or publish output: the folder with <c>worker.config.json</c>, <c>functions.metadata</c> and
    /// <c>host.json</c>. Required.
    /// </summary>
    public string AppDirectory { get; set; } = "";

    /// <summary>The address HTTP is served on; loopback only (default 127.0.0.1).</summary>
    public IPAddress HttpAddress { get; set; } = IPAddress.Loopback;

    /// <summary>The HTTP port, 0 for a free one (see <see cref="LocalFunctionsHost.HttpBaseAddress"/>); default 7071.</summary>
    public int HttpPort { get; set; } = DefaultHttpPort;

    /// <summary>
    /// App settings, as the <c>Values</c> of <c>local.settings.json</c>: each becomes an environment variable of the
    /// worker, and <c>%Name%</c> in a timer schedule is read from here.
    /// </summary>
    public IDictionary<string, string> AppSettings { get; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

    /// <summary>The key that opens function-level functions (with the master key); a fresh random one when null.</summary>
    public string? FunctionKey { get; set; }

    /// <summary>The master key: opens every function, admin-level ones and the <c>/admin</c> endpoints; a fresh random one when null.</summary>
    public string? MasterKey { get; set; }

    /// <summary>Whether timer functions fire on their schedules (default true); when false they run only when invoked.</summary>
    public bool TimersEnabled { get; set; } = true;

    /// <summary>How the worker is started; default: a <see cref="ProcessWorkerLauncher"/> for <see cref="AppDirectory"/>.</summary>
    public IWorkerLauncher? WorkerLauncher { get; set; }

    /// <summary>How long the worker may take to connect and initialize (default 60 s, a cold .NET start on a small machine).</summary>
    public TimeSpan WorkerStartupTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>How long the worker may take to answer the metadata request and every function load (default 60 s).</summary>
    public TimeSpan FunctionLoadTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// The grace period sent in <c>WorkerTerminate</c> and waited for before the worker is killed (default 5 s, the
    /// host's <c>WorkerTerminateGracePeriodInSeconds</c>).
    /// </summary>
    public TimeSpan WorkerTerminateGracePeriod { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Where the host, the worker's relayed logs and the worker's console go; default: nowhere.</summary>
    public ILoggerFactory LoggerFactory { get; set; } = NullLoggerFactory.Instance;
}

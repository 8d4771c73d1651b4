using Microsoft.Extensions.Logging;
using RegRights.LocalHost;

namespace RegRights.LoadTests;

/// <summary>The two workers these benchmarks run under the local host, and the settings each is given.</summary>
internal static class Workers
{
    /// <summary>The function key both hosts use (the agreement is created with it).</summary>
    public const string FunctionKey = "load-test-key";

    /// <summary>The webhook source the signed notices name.</summary>
    public const string WebhookSource = "load";

    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    /// <summary>The app's build output (what the load test runs; the cold start takes a publish folder instead).</summary>
    public static string AppBuildDirectory => Path.Combine(RepositoryRoot, "src", "RegRights.Functions", "bin", "Release", "net10.0");

    /// <summary>The bench worker's build output.</summary>
    public static string BenchWorkerDirectory => Path.Combine(RepositoryRoot, "tests", "RegRights.Benchmarks.Worker", "bin", "Release", "net10.0");

    /// <summary>
    /// The app with the settings it checks at start: its storage, a webhook source's secret, and email (the intake sends
    /// none, but the options are validated at start). Timers off, so only the load runs.
    /// </summary>
    public static LocalHostOptions App(string appDirectory, string connectionString, string webhookSecret, ILoggerFactory loggerFactory)
    {
        var options = Options(appDirectory, connectionString, loggerFactory);
        options.AppSettings[$"Webhooks__Sources__{WebhookSource}__Secret"] = webhookSecret;
        options.AppSettings["Email__Transport"] = "Smtp";
        options.AppSettings["Email__From"] = "load@regrights.test";
        options.AppSettings["Email__Smtp__Host"] = "127.0.0.1";
        options.AppSettings["Email__Smtp__Port"] = "1025";
        options.AppSettings["Email__Smtp__UseTls"] = "false";
        return options;
    }

    /// <summary>The bench worker: only its storage.</summary>
    public static LocalHostOptions Bench(string connectionString, ILoggerFactory loggerFactory) =>
        Options(BenchWorkerDirectory, connectionString, loggerFactory);

    private static LocalHostOptions Options(string appDirectory, string connectionString, ILoggerFactory loggerFactory)
    {
        if (!File.Exists(Path.Combine(appDirectory, "worker.config.json")))
        {
            throw new FileNotFoundException(
                $"No worker in '{appDirectory}': build it first (dotnet build tests/RegRights.LoadTests -c Release builds both workers; the cold start takes a publish folder: dotnet publish src/RegRights.Functions -c Release -o artifacts/publish).",
                Path.Combine(appDirectory, "worker.config.json"));
        }

        var options = new LocalHostOptions
        {
            AppDirectory = appDirectory,
            HttpPort = 0,
            FunctionKey = FunctionKey,
            MasterKey = "load-test-master-key",
            TimersEnabled = false,
            LoggerFactory = loggerFactory,
            WorkerTerminateGracePeriod = TimeSpan.FromSeconds(2),
        };
        options.AppSettings["FUNCTIONS_WORKER_RUNTIME"] = "dotnet-isolated";
        options.AppSettings["Storage__ConnectionString"] = connectionString;
        return options;
    }

    /// <summary>
    /// Adds each <c>--env NAME=VALUE</c> to the app's settings (its worker's environment), to try a runtime or library
    /// switch such as <c>DOTNET_TieredPGO=0</c> or <c>OTEL_SDK_DISABLED=true</c>.
    /// </summary>
    public static void ApplyEnvironment(LocalHostOptions appOptions, CommandLine commandLine)
    {
        foreach (var (name, value) in EnvironmentSettings(commandLine))
        {
            appOptions.AppSettings[name] = value;
        }
    }

    /// <summary>The <c>--env</c> settings for a report's first line: "" when there are none.</summary>
    public static string DescribeEnvironment(CommandLine commandLine) =>
        string.Concat(EnvironmentSettings(commandLine).Select(e => $", app {e.Name}={e.Value}"));

    private static IEnumerable<(string Name, string Value)> EnvironmentSettings(CommandLine commandLine) =>
        commandLine.All("--env").Select(e => e.Split('=', 2)).Select(e => (e[0], e.ElementAtOrDefault(1) ?? ""));

    /// <summary>The machine's 1-minute load average, to print beside figures taken on a shared machine.</summary>
    public static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "?";

    private static string FindRepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "RegRights.Functions.sln")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException("RegRights.Functions.sln not found above " + AppContext.BaseDirectory);
    }
}

using System.Diagnostics;
using System.Globalization;
using System.Net;
using Microsoft.Extensions.Logging;
using RegRights.LocalHost;
using RegRights.Testing;

namespace RegRights.LoadTests;

/// <summary>
/// The app's cold start under the local host: from launching a fresh worker process to the first 200 from
/// <c>GET /api/health</c>, --cold-start times (default 5), with where the time goes: process start to the worker's
/// <c>StartStream</c>, init, metadata, function loads, the host's HTTP coming up, the first request. It publishes nothing:
/// --app names a publish folder (default artifacts/publish).
/// </summary>
/// <remarks>
/// One untimed start comes first: it compiles the local host itself in this process (on Azure the host is already
/// running), creates the app's tables in Azurite (on Azure they exist) and brings the app's files into the page cache.
/// So each timed run is a new worker process on warm disk, the worker's own cold start.
/// </remarks>
internal static class ColdStart
{
    private static readonly (string Name, string Marker)[] Steps =
    [
        ("StartStream", "Worker connected (StartStream)."),
        ("init", "Worker initialized (WorkerInitResponse)."),
        ("metadata", "Worker sent its function metadata"),
        ("load", "Worker loaded its functions."),
        ("host HTTP", "Host started:"),
    ];

    public static async Task<int> RunAsync(CommandLine commandLine)
    {
        var runs = commandLine.Int("--cold-start", 5);
        var appDirectory = Path.GetFullPath(commandLine.Option("--app", Path.Combine(Workers.RepositoryRoot, "artifacts", "publish")), Workers.RepositoryRoot);
        var trace = commandLine.Has("--trace");
        var readyToRun = IsReadyToRun(Path.Combine(appDirectory, "RegRights.Functions.dll"));
        var loadAverageAtStart = Workers.LoadAverage();

        await using var azurite = await LocalServices.StartAzuriteInMemoryAsync();
        var secret = "whsec_" + Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };

        Console.WriteLine($"{Environment.ProcessorCount} cores, .NET {Environment.Version}, load average {loadAverageAtStart} at start; app {appDirectory} (ReadyToRun: {readyToRun}){Workers.DescribeEnvironment(commandLine)}");
        Console.WriteLine("Times in ms from the worker's launch; each column after 'StartStream' is that step's own time.");
        Console.WriteLine("| run | StartStream | init | metadata | load | host HTTP | first 200 | total |");
        Console.WriteLine("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        var totals = new List<double[]>();
        for (var run = 0; run <= runs; run++)
        {
            var phases = await StartOnceAsync(appDirectory, azurite.ConnectionString, secret, commandLine, http, trace && run > 0);
            if (run == 0)
            {
                Console.WriteLine($"| warm-up | {string.Join(" | ", phases.Select(Ms))} |");
                continue;
            }

            Console.WriteLine($"| {run} | {string.Join(" | ", phases.Select(Ms))} |");
            totals.Add(phases);
        }

        Console.WriteLine($"| median | {string.Join(" | ", Enumerable.Range(0, totals[0].Length).Select(i => Ms(IntakeLoad.Median(totals.Select(t => t[i])))))} |");
        Console.WriteLine($"load average {Workers.LoadAverage()} at the end");
        return 0;
    }

    /// <summary>One start: the steps' own times (ms), then the total from launch to the first 200.</summary>
    private static async Task<double[]> StartOnceAsync(string appDirectory, string connectionString, string secret, CommandLine commandLine, HttpClient http, bool trace)
    {
        var log = new TimedLog(LogLevel.Debug);
        using var loggerFactory = LoggerFactory.Create(b => b.AddProvider(log).SetMinimumLevel(LogLevel.Debug));
        var options = Workers.App(appDirectory, connectionString, secret, loggerFactory);
        Workers.ApplyEnvironment(options, commandLine);

        long launched = 0;
        var processes = new ProcessWorkerLauncher();
        options.WorkerLauncher = new DelegateWorkerLauncher((start, ct) =>
        {
            launched = Stopwatch.GetTimestamp();
            return processes.LaunchAsync(start, ct);
        });

        await using var host = await LocalFunctionsHost.StartAsync(options);
        var health = new Uri(host.HttpBaseAddress, "api/health");
        long ok;
        for (var attempt = 0; ; attempt++)
        {
            using var response = await http.GetAsync(health);
            if (response.StatusCode == HttpStatusCode.OK)
            {
                ok = Stopwatch.GetTimestamp();
                break;
            }

            if (attempt >= 500)
            {
                throw new InvalidOperationException($"/api/health answered {(int)response.StatusCode} for 10 s after the host started.");
            }

            await Task.Delay(20);
        }

        if (trace)
        {
            foreach (var line in log.Lines)
            {
                Console.WriteLine($"  {Stopwatch.GetElapsedTime(launched, line.Timestamp).TotalMilliseconds,8:0} ms {line.Level} {line.Category}: {line.Message}");
            }
        }

        var marks = Steps.Select(s => log.FirstTime(s.Marker) ?? throw new InvalidOperationException($"The host logged no '{s.Marker}'.")).Append(ok).ToArray();
        var phases = new double[marks.Length + 1];
        var previous = launched;
        for (var i = 0; i < marks.Length; i++)
        {
            phases[i] = Stopwatch.GetElapsedTime(previous, marks[i]).TotalMilliseconds;
            previous = marks[i];
        }

        phases[^1] = Stopwatch.GetElapsedTime(launched, ok).TotalMilliseconds;
        return phases;
    }

    private static string Ms(double ms) => ms.ToString("0", CultureInfo.InvariantCulture);

    /// <summary>Whether the assembly carries ReadyToRun code (a managed native header), as the publish compiles it.</summary>
    private static bool IsReadyToRun(string assembly)
    {
        if (!File.Exists(assembly))
        {
            throw new FileNotFoundException($"No app in '{Path.GetDirectoryName(assembly)}': publish it first (dotnet publish src/RegRights.Functions -c Release -o artifacts/publish), or name a folder with --app.", assembly);
        }

        using var stream = File.OpenRead(assembly);
        using var reader = new System.Reflection.PortableExecutable.PEReader(stream);
        return reader.PEHeaders.CorHeader?.ManagedNativeHeaderDirectory.Size > 0;
    }
}

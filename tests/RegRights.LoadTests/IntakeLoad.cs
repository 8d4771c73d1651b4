using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using RegRights.LocalHost;
using RegRights.Testing;

namespace RegRights.LoadTests;

/// <summary>
/// Signed notices at the app's <c>POST /api/notices</c> beside bodies at the bench worker's <c>POST /api/bench/insert</c>
/// (one Table insert), each worker out of process under its own <see cref="LocalFunctionsHost"/>, both against one
/// Azurite in memory. The hosts' routing, forwarding and gRPC are the same code for both, so the ratio is the intake's
/// own work. Bounded: every run lasts --seconds or --max-requests, whichever comes first, after a 2 s warm-up; once at
/// the start, each endpoint in turn until both workers' JIT has settled, at most --max-warm-up seconds (240).
/// </summary>
internal static class IntakeLoad
{
    public static async Task<int> RunAsync(CommandLine commandLine)
    {
        var clients = commandLine.Option("--clients", "1,16,64").Split(',').Select(c => int.Parse(c, CultureInfo.InvariantCulture)).ToArray();
        var seconds = commandLine.Int("--seconds", 10);
        var maxRequests = commandLine.Int("--max-requests", 20000);
        var repetitions = commandLine.Int("--repetitions", 1);
        var secret = "whsec_" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        var loadAverageAtStart = Workers.LoadAverage();

        await using var azurite = await LocalServices.StartAzuriteInMemoryAsync();
        var log = new TimedLog(LogLevel.Warning);
        using var loggerFactory = LoggerFactory.Create(b => b.AddProvider(log).SetMinimumLevel(LogLevel.Warning));
        var appOptions = Workers.App(Workers.AppBuildDirectory, azurite.ConnectionString, secret, loggerFactory);
        var benchOptions = Workers.Bench(azurite.ConnectionString, loggerFactory);

        // Both workers log warnings only: each log line goes to the host over gRPC, a cost of neither function's work.
        appOptions.AppSettings["Logging__LogLevel__Default"] = "Warning";
        benchOptions.AppSettings["Logging__LogLevel__Default"] = "Warning";
        Workers.ApplyEnvironment(appOptions, commandLine);
        var environment = Workers.DescribeEnvironment(commandLine);
        await using var app = await LocalFunctionsHost.StartAsync(appOptions);
        await using var bench = await LocalFunctionsHost.StartAsync(benchOptions);

        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 256, PooledConnectionLifetime = TimeSpan.FromMinutes(10) })
        {
            Timeout = TimeSpan.FromSeconds(30),
        };
        var intakeUri = new Uri(app.HttpBaseAddress, "api/notices");
        var bareUri = new Uri(bench.HttpBaseAddress, "api/bench/insert");
        var agreementId = await CreateAgreementAsync(http, app.HttpBaseAddress);
        var body = Encoding.UTF8.GetBytes($$"""
            {"agreementId":"{{agreementId}}","sender":"Royal Canadian Growth Fund",
             "recipient":"NeoTherapeutics, Inc., Attention: Chief Financial Officer","kind":"Request for registration",
             "deliveries":[{"method":"facsimile","sentAt":"2000-05-25T13:59:00-07:00","faxNumber":"(949) 788-6706"},
                           {"method":"courier","sentAt":"2000-05-26T16:30:00-07:00","trackingNumber":"FX 7904 1122 3344"}],
             "documentUri":"https://dms.example/notices/rcgf-0001.pdf"}
            """);

        Console.WriteLine($"{Environment.ProcessorCount} cores, .NET {Environment.Version}, load average {loadAverageAtStart} at start; body {body.Length} bytes, {seconds} s or {maxRequests} requests per run, {repetitions} repetition(s){environment}");
        Console.WriteLine("CPU per request in µs: the endpoint's worker process, this process (both hosts and the load generator), and Azurite.");
        Console.WriteLine("| clients | endpoint | requests | req/s | p50 ms | p99 ms | errors | intake / bare | worker CPU | host CPU | storage CPU |");
        Console.WriteLine("| ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        // Once, before the first level: each endpoint in turn until both workers' JIT has settled (WarmUpAsync).
        var warmUp = await WarmUpAsync(
            () => LoadAsync(http, clients[0], () => Bare(bareUri, body), WarmUpRound, int.MaxValue), WorkerProcessId(bench.Worker),
            () => LoadAsync(http, clients[0], () => Signed(intakeUri, body, secret), WarmUpRound, int.MaxValue), WorkerProcessId(app.Worker),
            commandLine.Int("--max-warm-up", 240));
        Console.WriteLine(warmUp);

        var summaries = new List<string>();
        foreach (var count in clients)
        {
            var pairs = new List<(Result Bare, Result Intake)>();
            for (var run = 0; run < repetitions; run++)
            {
                var bare = await RunAsync(http, count, _ => () => Bare(bareUri, body), seconds, maxRequests, bench.Worker, azurite);
                var intake = await RunAsync(http, count, n => PreSigned(intakeUri, body, secret, n), seconds, maxRequests, app.Worker, azurite);
                Console.WriteLine(Row(count, "bare insert", bare, null));
                Console.WriteLine(Row(count, "notice intake", intake, intake.Throughput / bare.Throughput));
                pairs.Add((bare, intake));
            }

            summaries.Add(string.Create(CultureInfo.InvariantCulture,
                $"{count} clients: intake / bare median {Median(pairs.Select(p => p.Intake.Throughput / p.Bare.Throughput)):P0}; " +
                $"req/s median intake {Median(pairs.Select(p => p.Intake.Throughput)):0}, bare {Median(pairs.Select(p => p.Bare.Throughput)):0}; " +
                $"p50 median intake {Median(pairs.Select(p => p.Intake.P50)):0.0} ms, bare {Median(pairs.Select(p => p.Bare.P50)):0.0} ms; " +
                $"p99 median intake {Median(pairs.Select(p => p.Intake.P99)):0.0} ms, bare {Median(pairs.Select(p => p.Bare.P99)):0.0} ms; " +
                $"worker CPU per request median intake {Median(pairs.Select(p => p.Intake.WorkerCpu)):0} µs, bare {Median(pairs.Select(p => p.Bare.WorkerCpu)):0} µs; " +
                $"storage CPU per request median intake {Median(pairs.Select(p => p.Intake.StorageCpu)):0} µs, bare {Median(pairs.Select(p => p.Bare.StorageCpu)):0} µs"));
        }

        Console.WriteLine();
        summaries.ForEach(Console.WriteLine);
        Console.WriteLine($"load average {Workers.LoadAverage()} at the end");
        return 0;
    }

    private static readonly TimeSpan WarmUpRound = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Alternates 5 s of each endpoint until, in one round, neither worker's tiered-compilation thread spent more than
    /// 2 % of its 5 s compiling, or <paramref name="maxSeconds"/> have passed. The runtime recompiles each hot method on
    /// that one background thread, and on two shared cores the app's worker took about 50 s under load to finish: runs
    /// measured before then count that JIT in the worker's CPU per request, more of it for the app (it compiled about
    /// twice the bare worker's methods) than for the bench worker.
    /// </summary>
    private static async Task<string> WarmUpAsync(Func<Task> bare, int benchPid, Func<Task> intake, int appPid, int maxSeconds)
    {
        var clock = Stopwatch.StartNew();
        var quiet = TimeSpan.FromMilliseconds(WarmUpRound.TotalMilliseconds * 0.02);
        while (true)
        {
            var benchJit = await JitDuringAsync(bare, benchPid);
            var appJit = await JitDuringAsync(intake, appPid);
            if (benchJit is null || appJit is null)
            {
                return $"warm-up {clock.Elapsed.TotalSeconds:0} s (no /proc: the JIT's progress is not visible here)";
            }

            if ((benchJit <= quiet && appJit <= quiet) || clock.Elapsed.TotalSeconds >= maxSeconds)
            {
                return string.Create(CultureInfo.InvariantCulture,
                    $"warm-up {clock.Elapsed.TotalSeconds:0} s: tiered JIT in the last 5 s of each, bare worker {benchJit.Value.TotalMilliseconds:0} ms, app worker {appJit.Value.TotalMilliseconds:0} ms{(benchJit <= quiet && appJit <= quiet ? "" : " (still compiling at --max-warm-up)")}");
            }
        }
    }

    // The CPU time the worker's tiered-compilation thread spent while `load` ran; null where /proc cannot tell.
    private static async Task<TimeSpan?> JitDuringAsync(Func<Task> load, int pid)
    {
        var before = TieredCompilationCpu(pid);
        await load();
        var after = TieredCompilationCpu(pid);
        // The thread exits after a while with nothing to compile, and a new one starts when there is: a thread gone since
        // is a quiet one, and only the time of the one there now counts.
        return before is null || after is null ? null : after.Value.Time - (before.Value.Thread == after.Value.Thread ? before.Value.Time : TimeSpan.Zero);
    }

    // The worker's ".NET Tiered Com" thread (the runtime's name for it) and its CPU time from /proc/{pid}/task/{tid}/stat
    // (utime and stime, fields 14 and 15, in clock ticks of 10 ms); thread 0 with no time when there is none now.
    private static (int Thread, TimeSpan Time)? TieredCompilationCpu(int pid)
    {
        var tasks = $"/proc/{pid}/task";
        if (!Directory.Exists(tasks))
        {
            return null;
        }

        foreach (var task in Directory.EnumerateDirectories(tasks))
        {
            try
            {
                if (File.ReadAllText(Path.Combine(task, "comm")).TrimEnd() != ".NET Tiered Com")
                {
                    continue;
                }

                var stat = File.ReadAllText(Path.Combine(task, "stat"));
                var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
                return (int.Parse(Path.GetFileName(task), CultureInfo.InvariantCulture), TimeSpan.FromMilliseconds(ticks * 10));
            }
            catch (IOException)
            {
                // The thread ended while it was read.
            }
        }

        return (0, TimeSpan.Zero);
    }

    private static int WorkerProcessId(IWorkerHandle worker) => int.Parse(worker.Description.Split(' ')[^1], CultureInfo.InvariantCulture);

    private static async Task<Result> RunAsync(
        HttpClient http, int count, Func<int, Func<HttpRequestMessage>> requests, int seconds, int maxRequests, IWorkerHandle worker, AzuriteTables azurite)
    {
        await LoadAsync(http, count, requests(maxRequests), TimeSpan.FromSeconds(2), maxRequests);
        var request = requests(maxRequests);

        // CPU time is less at the mercy of a shared machine than throughput: what each request cost the worker that
        // served it, this process (the two hosts' routing, forwarding and gRPC, and the load generator), and Azurite,
        // which shares the two cores: a bigger entity costs its JavaScript more than it costs the worker.
        using var workerProcess = Process.GetProcessById(WorkerProcessId(worker));
        using var self = Process.GetCurrentProcess();
        using var storage = Process.GetProcessById(azurite.Process.ProcessId ?? throw new InvalidOperationException("Azurite is not running."));
        var workerBefore = workerProcess.TotalProcessorTime;
        var selfBefore = self.TotalProcessorTime;
        var storageBefore = storage.TotalProcessorTime;
        var result = await LoadAsync(http, count, request, TimeSpan.FromSeconds(seconds), maxRequests);
        workerProcess.Refresh();
        self.Refresh();
        storage.Refresh();
        var sent = Math.Max(1, result.Requests);
        return result with
        {
            WorkerCpu = (workerProcess.TotalProcessorTime - workerBefore).TotalMicroseconds / sent,
            HostCpu = (self.TotalProcessorTime - selfBefore).TotalMicroseconds / sent,
            StorageCpu = (storage.TotalProcessorTime - storageBefore).TotalMicroseconds / sent,
        };
    }

    private static async Task<Result> LoadAsync(HttpClient http, int count, Func<HttpRequestMessage> request, TimeSpan duration, int max)
    {
        var latencies = new List<double>[count];
        var errors = 0;
        var issued = 0;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, count).Select(async c =>
        {
            var mine = latencies[c] = [];
            while (clock.Elapsed < duration && Interlocked.Increment(ref issued) <= max)
            {
                using var message = request();
                var start = Stopwatch.GetTimestamp();
                using var response = await http.SendAsync(message);
                await response.Content.ReadAsByteArrayAsync();
                mine.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
                if (response.StatusCode != HttpStatusCode.Created)
                {
                    Interlocked.Increment(ref errors);
                }
            }
        }));
        var elapsed = clock.Elapsed.TotalSeconds;
        var all = latencies.SelectMany(l => l).Order().ToArray();
        return new Result(all.Length, all.Length / elapsed, Percentile(all, 0.50), Percentile(all, 0.99), errors);
    }

    public static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }

    private static double Percentile(double[] sorted, double p) => sorted.Length == 0 ? double.NaN : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];

    private static string Row(int count, string name, Result r, double? ratio) => string.Create(CultureInfo.InvariantCulture,
        $"| {count} | {name} | {r.Requests} | {r.Throughput:0} | {r.P50:0.0} | {r.P99:0.0} | {r.Errors} | {(ratio is { } x ? $"{x:P0}" : "")} | {r.WorkerCpu:0} | {r.HostCpu:0} | {r.StorageCpu:0} |");

    private static HttpRequestMessage Bare(Uri uri, byte[] body)
    {
        var message = new HttpRequestMessage(HttpMethod.Post, uri) { Content = new ByteArrayContent(body) };
        message.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        return message;
    }

    private static HttpRequestMessage Signed(Uri uri, byte[] body, string secret) => Message(uri, body, Sign(body, secret));

    // Signed before the run starts, as a document system signs on its own machine: the sender's HMAC is not the intake's
    // work, and on two shared cores this process's CPU is taken from the workers'. Each message still has its own id.
    private static Func<HttpRequestMessage> PreSigned(Uri uri, byte[] body, string secret, int count)
    {
        var signatures = Enumerable.Range(0, count).Select(_ => Sign(body, secret)).ToArray();
        var next = -1;
        return () => Message(uri, body, signatures[Interlocked.Increment(ref next)]);
    }

    // As Standard Webhooks sign: HMAC-SHA256 of "{id}.{timestamp}.{body}" under the key inside whsec_.
    private static (string Id, string Timestamp, string Signature) Sign(byte[] body, string secret)
    {
        var id = "msg_" + Guid.NewGuid().ToString("N");
        var timestamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var signed = Encoding.UTF8.GetBytes($"{id}.{timestamp}.").Concat(body).ToArray();
        return (id, timestamp, "v1," + Convert.ToBase64String(HMACSHA256.HashData(Convert.FromBase64String(secret[6..]), signed)));
    }

    private static HttpRequestMessage Message(Uri uri, byte[] body, (string Id, string Timestamp, string Signature) signed)
    {
        var message = Bare(uri, body);
        message.Headers.Add("webhook-id", signed.Id);
        message.Headers.Add("webhook-timestamp", signed.Timestamp);
        message.Headers.Add("webhook-signature", signed.Signature);
        return message;
    }

    private static async Task<string> CreateAgreementAsync(HttpClient http, Uri appBase)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(appBase, "api/agreements"))
        {
            Content = new StringContent(await File.ReadAllTextAsync(Path.Combine(Workers.RepositoryRoot, "samples", "agreement-2000-04-28.json")), Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("x-functions-key", Workers.FunctionKey);
        using var response = await http.SendAsync(request);
        response.EnsureSuccessStatusCode();
        return (string)JsonNode.Parse(await response.Content.ReadAsStringAsync())!["id"]!;
    }

    private sealed record Result(int Requests, double Throughput, double P50, double P99, int Errors)
    {
        public double WorkerCpu { get; init; }

        public double HostCpu { get; init; }

        public double StorageCpu { get; init; }
    }
}

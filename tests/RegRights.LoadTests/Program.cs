using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using RegRights.Testing;

// Signed notice intake (POST /api/notices) beside a bare endpoint doing one Table insert (POST /api/benchmark/insert),
// both on one app over loopback with Azurite, at each client count. Bounded: every level runs for --seconds or
// --max-requests, whichever comes first, after a warm-up.
//   dotnet run -c Release --project tests/RegRights.LoadTests -- [--clients 1,16,64] [--seconds 10] [--max-requests 20000]
//     [--repetitions 1]
// With repetitions, each level alternates bare and intake runs, and a summary gives each level's median: on a shared
// machine one pair can land in a busy or a quiet second.
var clients = Option("--clients", "1,16,64").Split(',').Select(c => int.Parse(c, CultureInfo.InvariantCulture)).ToArray();
var seconds = int.Parse(Option("--seconds", "10"), CultureInfo.InvariantCulture);
var maxRequests = int.Parse(Option("--max-requests", "20000"), CultureInfo.InvariantCulture);
var repetitions = int.Parse(Option("--repetitions", "1"), CultureInfo.InvariantCulture);
const string Key = "load-test-key";
var secret = "whsec_" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

await using var azurite = await LocalServices.StartAzuriteInMemoryAsync();
var port = LocalServiceProcess.FreeLoopbackPort();
var baseUrl = new Uri($"http://127.0.0.1:{port}");
using var app = StartApp(port, azurite.ConnectionString, secret);
try
{
    using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 256, PooledConnectionLifetime = TimeSpan.FromMinutes(10) })
    {
        BaseAddress = baseUrl,
        Timeout = TimeSpan.FromSeconds(30),
    };
    await WaitForHealthAsync(http);
    var agreementId = await CreateAgreementAsync(http);
    var body = Encoding.UTF8.GetBytes($$"""
        {"agreementId":"{{agreementId}}","sender":"Royal Canadian Growth Fund",
         "recipient":"NeoTherapeutics, Inc., Attention: Chief Financial Officer","kind":"Request for registration",
         "deliveries":[{"method":"facsimile","sentAt":"2000-05-25T13:59:00-07:00","faxNumber":"(949) 788-6706"},
                       {"method":"courier","sentAt":"2000-05-26T16:30:00-07:00","trackingNumber":"FX 7904 1122 3344"}],
         "documentUri":"https://dms.example/notices/rcgf-0001.pdf"}
        """);

    Console.WriteLine($"{Environment.ProcessorCount} cores, .NET {Environment.Version}, body {body.Length} bytes, {seconds} s or {maxRequests} requests per level, {repetitions} repetition(s)");
    Console.WriteLine("| clients | endpoint | requests | req/s | p50 ms | p99 ms | errors | intake / bare |");
    Console.WriteLine("| ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: |");
    var summaries = new List<string>();
    foreach (var count in clients)
    {
        var pairs = new List<(Result Bare, Result Intake)>();
        for (var run = 0; run < repetitions; run++)
        {
            var bare = await RunAsync(http, count, () => Bare(body));
            var intake = await RunAsync(http, count, () => Signed(body, secret));
            Console.WriteLine(Row(count, "bare insert", bare, null));
            Console.WriteLine(Row(count, "notice intake", intake, intake.Throughput / bare.Throughput));
            pairs.Add((bare, intake));
        }

        summaries.Add(string.Create(CultureInfo.InvariantCulture,
            $"{count} clients: intake / bare median {Median(pairs.Select(p => p.Intake.Throughput / p.Bare.Throughput)):P0}, " +
            $"intake p99 median {Median(pairs.Select(p => p.Intake.P99)):0.0} ms, bare p99 median {Median(pairs.Select(p => p.Bare.P99)):0.0} ms"));
    }

    if (repetitions > 1)
    {
        Console.WriteLine();
        summaries.ForEach(Console.WriteLine);
    }
}
finally
{
    app.Kill(entireProcessTree: true);
    await app.WaitForExitAsync();
}

async Task<Result> RunAsync(HttpClient http, int count, Func<HttpRequestMessage> request)
{
    await LoadAsync(http, count, request, TimeSpan.FromSeconds(2), int.MaxValue);
    return await LoadAsync(http, count, request, TimeSpan.FromSeconds(seconds), maxRequests);
}

static async Task<Result> LoadAsync(HttpClient http, int count, Func<HttpRequestMessage> request, TimeSpan duration, int max)
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

static double Median(IEnumerable<double> values)
{
    var sorted = values.Order().ToArray();
    return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
}

static double Percentile(double[] sorted, double p) => sorted.Length == 0 ? double.NaN : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];

static string Row(int count, string name, Result r, double? ratio) => string.Create(CultureInfo.InvariantCulture,
    $"| {count} | {name} | {r.Requests} | {r.Throughput:0} | {r.P50:0.0} | {r.P99:0.0} | {r.Errors} | {(ratio is { } x ? $"{x:P0}" : "")} |");

static HttpRequestMessage Bare(byte[] body)
{
    var message = new HttpRequestMessage(HttpMethod.Post, "/api/benchmark/insert") { Content = new ByteArrayContent(body) };
    message.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
    return message;
}

// Signed as a document system signs: HMAC-SHA256 of "{id}.{timestamp}.{body}" under the key inside whsec_.
static HttpRequestMessage Signed(byte[] body, string secret)
{
    var message = Bare(body);
    message.RequestUri = new Uri("/api/notices", UriKind.Relative);
    var id = "msg_" + Guid.NewGuid().ToString("N");
    var timestamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
    var signed = Encoding.UTF8.GetBytes($"{id}.{timestamp}.").Concat(body).ToArray();
    message.Headers.Add("webhook-id", id);
    message.Headers.Add("webhook-timestamp", timestamp);
    message.Headers.Add("webhook-signature", "v1," + Convert.ToBase64String(HMACSHA256.HashData(Convert.FromBase64String(secret[6..]), signed)));
    return message;
}

static Process StartApp(int port, string connectionString, string secret)
{
    var dll = Path.Combine(RepositoryRoot(), "src", "RegRights.Functions", "bin", "Release", "net10.0", "RegRights.Functions.dll");
    if (!File.Exists(dll))
    {
        throw new FileNotFoundException("Build the app first: dotnet build src/RegRights.Functions -c Release", dll);
    }

    var info = new ProcessStartInfo("dotnet", [dll]) { WorkingDirectory = Path.GetDirectoryName(dll)!, UseShellExecute = false };
    info.Environment["Functions__LocalUrl"] = $"http://127.0.0.1:{port}";
    info.Environment["Functions__Key"] = Key;
    info.Environment["Storage__ConnectionString"] = connectionString;
    info.Environment["Webhooks__Sources__load__Secret"] = secret;
    info.Environment["Benchmark__BareInsert"] = "true";

    // The intake sends no email, but the app checks its email settings at start; timers stay off so only the load runs.
    info.Environment["Email__Transport"] = "Smtp";
    info.Environment["Email__From"] = "load@regrights.test";
    info.Environment["Email__Smtp__Host"] = "127.0.0.1";
    info.Environment["Timers__RunLocally"] = "false";
    info.Environment["Logging__LogLevel__Default"] = "Warning";
    return Process.Start(info) ?? throw new InvalidOperationException("The app did not start.");
}

static async Task WaitForHealthAsync(HttpClient http)
{
    for (var attempt = 0; ; attempt++)
    {
        try
        {
            using var response = await http.GetAsync(new Uri("/api/health", UriKind.Relative));
            if (response.IsSuccessStatusCode)
            {
                return;
            }
        }
        catch (HttpRequestException) when (attempt < 150)
        {
        }

        await Task.Delay(200);
    }
}

static async Task<string> CreateAgreementAsync(HttpClient http)
{
    using var request = new HttpRequestMessage(HttpMethod.Post, "/api/agreements")
    {
        Content = new StringContent(File.ReadAllText(Path.Combine(RepositoryRoot(), "samples", "agreement-2000-04-28.json")), Encoding.UTF8, "application/json"),
    };
    request.Headers.Add("x-functions-key", Key);
    using var response = await http.SendAsync(request);
    response.EnsureSuccessStatusCode();
    return (string)JsonNode.Parse(await response.Content.ReadAsStringAsync())!["id"]!;
}

static string RepositoryRoot()
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

string Option(string name, string fallback)
{
    var i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length ? args[i + 1] : fallback;
}

internal sealed record Result(int Requests, double Throughput, double P50, double P99, int Errors);

using System.Diagnostics;
using System.Globalization;
using Azure.Data.Tables;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using NodaTime;
using NodaTime.Testing;
using RegRights.Application.Reminders;
using RegRights.Infrastructure.Reminders;
using RegRights.Infrastructure.Storage;
using RegRights.ScanBenchmark;
using RegRights.Testing;

// The deadline scan against a seeded Azurite (README, "Benchmarks: the deadline scan"). Usage:
//   dotnet run -c Release --project tests/RegRights.ScanBenchmark -- [--agreements 100000] [--small 10000]
//     [--repetitions 3] [--naive-repetitions 3] [--sample 200] [--parallelism 4] [--timeout-minutes 25]
// --small seeds that many first and measures there too, then seeds the rest (0: only --agreements).
// --naive-repetitions: the naive pass at 100,000 takes minutes on Azurite (every page walks and sorts the whole table).
var options = BenchmarkOptions.Parse(args);
using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(options.TimeoutMinutes));
var cancel = timeout.Token;

Console.WriteLine($"Scan benchmark: {options.Agreements:N0} agreements (first {options.Small:N0}), {options.Repetitions} repetitions " +
    $"({options.NaiveRepetitions} of the naive pass) after a warm-up");
Console.WriteLine($"  {Environment.ProcessorCount} cores, load average {Machine.LoadAverage()} at start, .NET {Environment.Version}");

// Azurite keeps every entity of a 100,000-agreement store in its JavaScript heap.
if (string.IsNullOrEmpty(Environment.GetEnvironmentVariable("NODE_OPTIONS")))
{
    Environment.SetEnvironmentVariable("NODE_OPTIONS", "--max-old-space-size=6144");
}

await using var azurite = await LocalServices.StartAzuriteInMemoryAsync(cancel);
Console.WriteLine($"  Azurite (in memory) on {azurite.TableEndpoint}");

var counter = new RequestCounter();
var service = StorageExtensions.CreateServiceClient(
    new TableStorageOptions { ConnectionString = azurite.ConnectionString, MaxRetries = 0, NetworkTimeout = TimeSpan.FromMinutes(5) }, counter);
var tables = new RegRightsTables(service);
var indexTables = new ReminderTables(service);
await tables.CreateIfNotExistsAsync(cancel);
await indexTables.CreateIfNotExistsAsync(cancel);
var store = new TableAgreementStore(tables);
var reminderOptions = new ReminderOptions();
var ladder = reminderOptions.Ladder;

// Wednesday 11 June 2025: a one-hour window around 08:00 in New York (60 % of the agreements), the same hour in
// California (25 %), and Saturday 14 June at 08:00 New York, when no Business Day reminder goes out.
var windows = new ScanWindow[]
{
    new("Wed 08:00 New York", At(2025, 6, 11, "America/New_York")),
    new("Wed 08:00 California", At(2025, 6, 11, "America/Los_Angeles")),
    new("Sat 08:00 New York", At(2025, 6, 14, "America/New_York")),
};
var seeder = new Seeder(tables, indexTables, windows[0].Now, options.Parallelism);
var stages = options.Small > 0 && options.Small < options.Agreements ? new[] { options.Small, options.Agreements } : [options.Agreements];
var results = new List<StageResult>();
var ledgerNumber = 0;

foreach (var n in stages)
{
    Console.WriteLine();
    Console.WriteLine($"Seeding to {n:N0} agreements (load average {Machine.LoadAverage()})");
    var seedWatch = Stopwatch.StartNew();
    var before = seeder.Agreements;
    await seeder.SeedAsync(before, n - before, cancel);
    seedWatch.Stop();
    var seedRate = (n - before) / seedWatch.Elapsed.TotalSeconds;
    Console.WriteLine($"  {seeder.Agreements:N0} agreements, {seeder.IndexRows:N0} index rows ({seeder.OverdueRows:N0} overdue), {seeder.Batches:N0} batches; {seedRate:N0} agreements/s");

    // The naive scan reads the same rows whichever window it decides for; one untimed pass decides all three, for the
    // check, and is the timed passes' warm-up.
    Console.WriteLine($"Naive scan, whole-table pass (load average {Machine.LoadAverage()})");
    var decideWatch = Stopwatch.StartNew();
    var (naiveAgreements, naiveDue) = await NaiveScan.TablePassAsync(tables.Agreements, ladder, [.. windows.Select(w => w.Interval)], cancel);
    if (naiveAgreements != n)
    {
        throw new InvalidOperationException($"The naive scan read {naiveAgreements:N0} agreements, not {n:N0}.");
    }

    Console.WriteLine($"  untimed pass deciding all three windows: {decideWatch.Elapsed.TotalSeconds:N0} s");
    var naive = await Measure.RunAsync(options.NaiveRepetitions, counter, async () =>
    {
        var watch = Stopwatch.StartNew();
        await NaiveScan.TablePassAsync(tables.Agreements, ladder, [windows[0].Interval], cancel);
        return watch.Elapsed;
    }, warmUp: false);
    Console.WriteLine($"  {naive}");

    // Read through the store's API, a query per agreement: timed on a sample and scaled (see README).
    var sampleDue = new HashSet<DueReminder>();
    counter.Start();
    var sampleWatch = Stopwatch.StartNew();
    var sampled = await NaiveScan.StoreApiAsync(store, ladder, windows[0].Interval, options.Sample, sampleDue, cancel);
    sampleWatch.Stop();
    var sampleCounts = counter.Stop();
    var perAgreement = sampleWatch.Elapsed / sampled;
    Console.WriteLine($"  store-API naive scan, first {sampled} agreements: {sampleWatch.Elapsed.TotalMilliseconds:N0} ms, {sampleCounts}; " +
        $"{perAgreement.TotalMilliseconds:N1} ms per agreement, so about {(perAgreement * n).TotalSeconds:N0} s and {n + ((n + 999) / 1000):N0} requests for all {n:N0}");

    var scans = new List<ScanMeasurement>();
    for (var w = 0; w < windows.Length; w++)
    {
        var window = windows[w];
        Console.WriteLine($"ReminderScanner.ScanAsync, {window.Name} [{window.Interval.Start}, {window.Interval.End}) (load average {Machine.LoadAverage()})");
        ScanResult? last = null;
        var measurement = await Measure.RunAsync(options.Repetitions, counter, async () =>
        {
            // A fresh ledger each time: the first scan of the hour, with the watermark an hour back.
            var ledgerTables = new ReminderTables(service, $"bench{Interlocked.Increment(ref ledgerNumber)}x");
            counter.Pause();
            await ledgerTables.CreateIfNotExistsAsync(cancel);
            var ledger = new TableReminderLedger(ledgerTables);
            await ledger.AdvanceScanWatermarkAsync(window.Interval.Start, cancel);
            counter.Resume();

            var clock = new FakeClock(window.Now);
            var scanner = new ReminderScanner(new TableDeadlineIndex(indexTables, store, clock), ledger, store, clock,
                Options.Create(reminderOptions), NullLogger<ReminderScanner>.Instance);
            var watch = Stopwatch.StartNew();
            last = await scanner.ScanAsync(cancel);
            watch.Stop();

            counter.Pause();
            var written = new HashSet<DueReminder>();
            await foreach (var row in ledgerTables.Ledger.QueryAsync<TableEntity>(cancellationToken: cancel))
            {
                written.Add(new DueReminder(row.PartitionKey, row.GetString("DeadlineKey"), row.GetString("Step")));
            }

            Check.SameReminders(window.Name, n, written, naiveDue[w], last);
            foreach (var table in new[] { ledgerTables.DeadlineIndex, ledgerTables.DeadlineIndexByAgreement, ledgerTables.Ledger, ledgerTables.Outbox, ledgerTables.State })
            {
                await table.DeleteAsync(cancel);
            }

            counter.Resume();
            return watch.Elapsed;
        }, warmUp: n == stages[0]);
        Console.WriteLine($"  {last!.IndexRows:N0} index rows read, {last.Due:N0} due, {last.Added:N0} added, {last.Skipped:N0} skipped; {measurement}");
        scans.Add(new ScanMeasurement(window, last, measurement));
    }

    // What one single-partition query costs Azurite at this size: it evaluates the filter on every row of the table.
    var probe = AgreementFactory.Create(n / 2, windows[0].Now).Record.Agreement.Id;
    var probeWatch = Stopwatch.StartNew();
    for (var i = 0; i < 10; i++)
    {
        _ = await store.GetRecordAsync(probe, cancel);
    }

    var partitionQuery = probeWatch.Elapsed / 10;
    Console.WriteLine($"  one agreement's record (a single-partition query): {partitionQuery.TotalMilliseconds:N1} ms");
    results.Add(new StageResult(n, seedRate, seeder.IndexRows, naive, perAgreement, sampleCounts, sampled, scans, partitionQuery));
}

Console.WriteLine();
Console.WriteLine($"Load average at the end: {Machine.LoadAverage()}");
Report.Print(results);
return 0;

static Instant At(int year, int month, int day, string zone) =>
    new LocalDateTime(year, month, day, 8, 30).InZoneStrictly(DateTimeZoneProviders.Tzdb[zone]).ToInstant();

internal sealed record ScanWindow(string Name, Instant Now)
{
    public Interval Interval => new(Now - Duration.FromHours(1), Now);
}

internal sealed record ScanMeasurement(ScanWindow Window, ScanResult Result, Measurement Measurement);

internal sealed record StageResult(
    int Agreements, double SeedRate, int IndexRows, Measurement Naive, TimeSpan StoreApiPerAgreement, RequestCounts StoreApiSample,
    int StoreApiSampled, IReadOnlyList<ScanMeasurement> Scans, TimeSpan PartitionQuery);

internal sealed record BenchmarkOptions(
    int Agreements, int Small, int Repetitions, int NaiveRepetitions, int Sample, int Parallelism, int TimeoutMinutes)
{
    public static BenchmarkOptions Parse(string[] args)
    {
        var values = new Dictionary<string, int>(StringComparer.Ordinal)
        {
            ["--agreements"] = 100_000, ["--small"] = 10_000, ["--repetitions"] = 3, ["--naive-repetitions"] = -1, ["--sample"] = 200,
            ["--parallelism"] = 4, ["--timeout-minutes"] = 25,
        };
        for (var i = 0; i < args.Length; i += 2)
        {
            if (!values.ContainsKey(args[i]) || i + 1 >= args.Length || !int.TryParse(args[i + 1], CultureInfo.InvariantCulture, out var value) || value < 0)
            {
                throw new ArgumentException($"Unknown or malformed option '{args[i]}'. Options: {string.Join(", ", values.Keys)}, each with a whole number.");
            }

            values[args[i]] = value;
        }

        var repetitions = Math.Max(1, values["--repetitions"]);
        var naiveRepetitions = values["--naive-repetitions"] < 0 ? repetitions : Math.Max(1, values["--naive-repetitions"]);
        return new(values["--agreements"], values["--small"], repetitions, naiveRepetitions, Math.Max(1, values["--sample"]),
            Math.Max(1, values["--parallelism"]), Math.Max(1, values["--timeout-minutes"]));
    }
}

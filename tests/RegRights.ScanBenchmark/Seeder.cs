using System.Diagnostics;
using Azure.Data.Tables;
using NodaTime;
using RegRights.Application;
using RegRights.Application.Reminders;
using RegRights.Infrastructure.Reminders;
using RegRights.Infrastructure.Storage;

namespace RegRights.ScanBenchmark;

/// <summary>
/// Writes agreements and their deadline-index rows with entity group transactions, as Azure takes them: one partition
/// and at most 100 operations each (<c>TableBatch</c> refuses anything else before it is sent).
/// </summary>
/// <remarks>
/// An agreement is its head row and its events in one partition, so one batch writes it; its
/// <c>DeadlineIndexByAgreement</c> rows are one more; the <c>DeadlineIndex</c> rows of many agreements share a date
/// partition and go 100 at a time. The rows are the stores' own (<c>TableAgreementStore.HeadEntity</c>,
/// <c>TableDeadlineIndex.DateEntity</c> …) and the index rows are <see cref="DeadlineIndex.EntriesFor"/>, so the seeded
/// store is what the API and <c>DeadlineIndex.IndexAsync</c> would have written, minus one request per event.
/// Every row is an insert (<c>Add</c>), as the store's own writes are, not an upsert: Azurite looks a row up once for
/// an insert and twice for an upsert, and each look-up walks every row of the table that shares its RowKey (README).
/// </remarks>
internal sealed class Seeder(RegRightsTables tables, ReminderTables index, Instant now, int parallelism)
{
    private readonly Dictionary<string, List<TableEntity>> pendingDates = new(StringComparer.Ordinal);

    public int Agreements { get; private set; }

    public int IndexRows { get; private set; }

    public int OverdueRows { get; private set; }

    public int Batches { get; private set; }

    /// <summary>Seeds agreements <paramref name="first"/> to <paramref name="first"/> + <paramref name="count"/> − 1.</summary>
    public async Task SeedAsync(int first, int count, CancellationToken cancellationToken)
    {
        var watch = Stopwatch.StartNew();
        var last = TimeSpan.Zero;
        const int Chunk = 2000;
        for (var start = first; start < first + count; start += Chunk)
        {
            // The agreements first: their index rows carry the version each agreement's write was given, as the API's are.
            var agreements = Enumerable.Range(start, Math.Min(first + count, start + Chunk) - start).Select(i => AgreementFactory.Create(i, now)).ToArray();
            var versions = await SubmitAgreementsAsync([.. agreements.Select(a => a.Rows)], cancellationToken);
            var batches = new List<(TableClient Table, TableEntity[] Entities)>();
            for (var n = 0; n < agreements.Length; n++)
            {
                var (record, zone, _) = agreements[n];
                var entries = DeadlineIndex.EntriesFor(record with { Agreement = record.Agreement with { Version = versions[n] } }, now);
                if (entries.Count > 0)
                {
                    batches.Add((index.DeadlineIndexByAgreement, [.. entries.Select(TableDeadlineIndex.ByAgreementEntity)]));
                }

                foreach (var entity in entries.Select(TableDeadlineIndex.DateEntity))
                {
                    if (!pendingDates.TryGetValue(entity.PartitionKey, out var list))
                    {
                        pendingDates[entity.PartitionKey] = list = [];
                    }

                    list.Add(entity);
                    if (list.Count == TableBatch.MaxOperations)
                    {
                        batches.Add((index.DeadlineIndex, [.. list]));
                        list.Clear();
                    }
                }

                IndexRows += entries.Count;
                OverdueRows += entries.Count(e => e.RemindWhenOverdue && e.LastPermittedDay < now.InZone(zone).Date);
                Agreements++;
            }

            if (start + Chunk >= first + count)
            {
                batches.AddRange(pendingDates.Values.Where(l => l.Count > 0).Select(l => (index.DeadlineIndex, l.ToArray())));
                pendingDates.Clear();
            }

            await SubmitAsync(batches, cancellationToken);
            if (watch.Elapsed - last > TimeSpan.FromSeconds(15) || start + Chunk >= first + count)
            {
                last = watch.Elapsed;
                var done = Math.Min(first + count, start + Chunk) - first;
                Console.WriteLine($"  seeded {done:N0}/{count:N0} agreements in {watch.Elapsed.TotalSeconds:N0} s ({done / watch.Elapsed.TotalSeconds:N0} agreements/s)");
            }
        }
    }

    private async Task<StoredVersion[]> SubmitAgreementsAsync(TableEntity[][] agreements, CancellationToken cancellationToken)
    {
        var versions = new StoredVersion[agreements.Length];
        await Parallel.ForEachAsync(Enumerable.Range(0, agreements.Length), new ParallelOptions { MaxDegreeOfParallelism = parallelism, CancellationToken = cancellationToken },
            async (n, ct) =>
            {
                var response = await TableBatch.SubmitAsync(tables.Agreements,
                    [.. agreements[n].Select(e => new TableTransactionAction(TableTransactionActionType.Add, e))], ct);
                versions[n] = (response.Value[0].Headers.ETag ?? default).ToVersion();
            });
        Batches += agreements.Length;
        return versions;
    }

    private async Task SubmitAsync(List<(TableClient Table, TableEntity[] Entities)> batches, CancellationToken cancellationToken)
    {
        await Parallel.ForEachAsync(batches, new ParallelOptions { MaxDegreeOfParallelism = parallelism, CancellationToken = cancellationToken },
            async (batch, ct) => await TableBatch.SubmitAsync(batch.Table,
                [.. batch.Entities.Select(e => new TableTransactionAction(TableTransactionActionType.Add, e))], ct));
        Batches += batches.Count;
    }
}

using Azure;
using Azure.Data.Tables;
using NodaTime;
using RegRights.Application;
using RegRights.Application.Agreements;
using RegRights.Application.Reminders;
using RegRights.Infrastructure.Storage;

namespace RegRights.Infrastructure.Reminders;

/// <summary>
/// The deadline index over Table Storage (<see cref="ReminderTables"/>): an agreement's open, reminded deadline
/// instances, partitioned by last permitted day.
/// </summary>
/// <remarks>
/// The partition is the last permitted day, not the stated due date: the ladder counts Business Days back from the
/// last day a party may act (§ 1 Business Day; a Filing Date on a Sunday is met by the next Business Day only under a
/// roll convention), so that is the date every reminder derives from.
/// <para>
/// A row is written for every reminded deadline whose status, as of today in the agreement's zone, is Open or Missed:
/// met and waived instances drop out at the write that records the event. An obligation that ends by lapse is Met once
/// its day has passed, so it leaves the index at the agreement's next write; until then the overdue scan skips it by
/// <see cref="DeadlineIndexEntry.RemindWhenOverdue"/>.
/// </para>
/// <para>
/// A rewrite never leaves an agreement half-indexed: <c>DeadlineIndexByAgreement</c> first gains the new rows, then
/// the date partitions are written, then stale date rows are removed, and only then are stale rows dropped from
/// <c>DeadlineIndexByAgreement</c>. Should the process die on the way, the next rewrite (or
/// <see cref="RebuildAsync"/>) still knows every row it may have left behind. The scan checks each due reminder
/// against the agreement before it writes to the ledger (<see cref="DeadlineIndexEntry.RecordVersion"/>), so a stale
/// row costs a read, never a wrong email.
/// </para>
/// </remarks>
public class TableDeadlineIndex : DeadlineIndex
{
    private readonly ReminderTables tables;
    private readonly AgreementStore agreements;
    private readonly IClock clock;

    /// <summary>Creates the index over <paramref name="tables"/>, reading agreements from <paramref name="agreements"/>.</summary>
    public TableDeadlineIndex(ReminderTables tables, AgreementStore agreements, IClock clock)
    {
        this.tables = tables ?? throw new ArgumentNullException(nameof(tables));
        this.agreements = agreements ?? throw new ArgumentNullException(nameof(agreements));
        this.clock = clock ?? throw new ArgumentNullException(nameof(clock));
    }

    /// <summary>Reads the agreement and rewrites its rows; an agreement that does not exist loses its rows.</summary>
    public override async Task IndexAsync(string agreementId, CancellationToken cancellationToken = default)
    {
        var record = await agreements.GetRecordAsync(agreementId, cancellationToken).ConfigureAwait(false);
        var desired = record is null ? [] : EntriesFor(record, clock.GetCurrentInstant());
        await WriteAsync(agreementId, desired, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Rewrites the rows of <paramref name="record"/> (the record just written, so no read is needed).</summary>
    public override Task IndexAsync(AgreementRecord record, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(record);
        return WriteAsync(record.Agreement.Id, EntriesFor(record, clock.GetCurrentInstant()), cancellationToken);
    }

    /// <inheritdoc/>
    public override async Task<DeadlineIndexRebuild> RebuildWithReportAsync(CancellationToken cancellationToken = default)
    {
        var now = clock.GetCurrentInstant();
        var desired = new List<DeadlineIndexEntry>();
        var skipped = new List<SkippedAgreement>();
        var unreadable = new HashSet<string>(StringComparer.Ordinal);
        var count = 0;
        string? token = null;
        do
        {
            var page = await agreements.ListIdsAsync(token, 1000, cancellationToken).ConfigureAwait(false);
            foreach (var id in page.Ids)
            {
                try
                {
                    if (await agreements.GetRecordAsync(id, cancellationToken).ConfigureAwait(false) is { } record)
                    {
                        desired.AddRange(EntriesFor(record, now));
                        count++;
                    }
                }
                catch (InvalidDataException ex)
                {
                    // A row of a later shape or an unknown stored name: a later version wrote it, and its rows, which this
                    // version cannot recompute, are the reminders of a good agreement, kept as they are.
                    unreadable.Add(id);
                    skipped.Add(new SkippedAgreement(id, ex.Message));
                }
                catch (ArgumentException ex) when (ex is not ArgumentNullException)
                {
                    // ArgumentOutOfRangeException from the calendar, or stored terms that ToTerms refuses.
                    skipped.Add(new SkippedAgreement(id, ex.Message.Split('\n')[0].Trim()));
                }
            }

            token = page.ContinuationToken;
        }
        while (token is not null);

        await UpsertAsync(tables.DeadlineIndexByAgreement, desired.Select(ByAgreementEntity), cancellationToken).ConfigureAwait(false);
        await UpsertAsync(tables.DeadlineIndex, desired.Select(DateEntity), cancellationToken).ConfigureAwait(false);

        var wantedDates = desired.Select(e => (DatePartition(e.LastPermittedDay), DateRowKey(e))).ToHashSet();
        var wantedByAgreement = desired.Select(e => (e.AgreementId, ByAgreementRowKey(e))).ToHashSet();
        await DeleteUnwantedAsync(tables.DeadlineIndex, wantedDates, e => e.GetString("AgreementId") is { } id && unreadable.Contains(id), cancellationToken).ConfigureAwait(false);
        await DeleteUnwantedAsync(tables.DeadlineIndexByAgreement, wantedByAgreement, e => unreadable.Contains(e.PartitionKey), cancellationToken).ConfigureAwait(false);
        return new DeadlineIndexRebuild(count, desired.Count, skipped);
    }

    /// <summary>
    /// The rows whose last permitted day lies in [<paramref name="first"/>, <paramref name="last"/>] (one range query
    /// over those partitions), and, when <paramref name="includeOverdueBefore"/> is set, the rows before
    /// <paramref name="first"/> that are reminded when overdue.
    /// </summary>
    public override async Task<IReadOnlyList<DeadlineIndexEntry>> ReadAsync(
        LocalDate first, LocalDate last, bool includeOverdueBefore, CancellationToken cancellationToken = default)
    {
        var rows = new List<DeadlineIndexEntry>();
        var lo = DatePartition(first);
        var hi = DatePartition(last);
        await foreach (var e in tables.DeadlineIndex.QueryAsync<TableEntity>(
            TableClient.CreateQueryFilter($"PartitionKey ge {lo} and PartitionKey le {hi}"), cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            rows.Add(ToEntry(e));
        }

        if (includeOverdueBefore)
        {
            // Only instances still open after their day are left in past partitions (met and waived ones are removed
            // when the event is written), so this reads the overdue deadlines, not history.
            await foreach (var e in tables.DeadlineIndex.QueryAsync<TableEntity>(
                TableClient.CreateQueryFilter($"PartitionKey lt {lo} and RemindWhenOverdue eq true"), cancellationToken: cancellationToken).ConfigureAwait(false))
            {
                rows.Add(ToEntry(e));
            }
        }

        return rows;
    }

    /// <summary>Every row of the index, for the rebuild test and for inspection.</summary>
    public override async Task<IReadOnlyList<DeadlineIndexEntry>> ReadAllAsync(CancellationToken cancellationToken = default)
    {
        var rows = new List<DeadlineIndexEntry>();
        await foreach (var e in tables.DeadlineIndex.QueryAsync<TableEntity>(cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            rows.Add(ToEntry(e));
        }

        return rows;
    }

    /// <summary>The rows <c>DeadlineIndexByAgreement</c> holds for an agreement, as (deadline key, last permitted day).</summary>
    public override async Task<IReadOnlyList<(string DeadlineKey, LocalDate LastPermittedDay)>> ReadAgreementAsync(
        string agreementId, CancellationToken cancellationToken = default)
    {
        var rows = new List<(string, LocalDate)>();
        await foreach (var e in tables.DeadlineIndexByAgreement.QueryAsync<TableEntity>(
            TableClient.CreateQueryFilter($"PartitionKey eq {agreementId}"), cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            rows.Add((e.GetString("DeadlineKey"), TableValues.ParseDate(e.GetString("LastPermittedDay"))));
        }

        return rows;
    }

    private async Task WriteAsync(string agreementId, IReadOnlyList<DeadlineIndexEntry> desired, CancellationToken cancellationToken)
    {
        var existing = await ReadAgreementAsync(agreementId, cancellationToken).ConfigureAwait(false);
        var wanted = desired.Select(e => (e.DeadlineKey, e.LastPermittedDay)).ToHashSet();
        var stale = existing.Where(e => !wanted.Contains(e)).ToList();

        // The order keeps DeadlineIndexByAgreement a superset of the date rows at every step (see remarks).
        await UpsertAsync(tables.DeadlineIndexByAgreement, desired.Select(ByAgreementEntity), cancellationToken).ConfigureAwait(false);
        await UpsertAsync(tables.DeadlineIndex, desired.Select(DateEntity), cancellationToken).ConfigureAwait(false);
        foreach (var (key, day) in stale)
        {
            await tables.DeadlineIndex.DeleteEntityAsync(DatePartition(day), DateRowKey(agreementId, key), ETag.All, cancellationToken)
                .ConfigureAwait(false);
        }

        await DeleteAsync(tables.DeadlineIndexByAgreement, agreementId,
            [.. stale.Select(s => ByAgreementRowKey(s.DeadlineKey, s.LastPermittedDay))], cancellationToken).ConfigureAwait(false);
    }

    private static async Task UpsertAsync(TableClient table, IEnumerable<TableEntity> entities, CancellationToken cancellationToken)
    {
        // Azure: a transaction is one partition and at most 100 operations.
        foreach (var partition in entities.GroupBy(e => e.PartitionKey, StringComparer.Ordinal))
        {
            foreach (var chunk in partition.Chunk(TableBatch.MaxOperations))
            {
                await TableBatch.SubmitAsync(table,
                    [.. chunk.Select(e => new TableTransactionAction(TableTransactionActionType.UpsertReplace, e))], cancellationToken)
                    .ConfigureAwait(false);
            }
        }
    }

    private static async Task DeleteAsync(TableClient table, string partitionKey, IReadOnlyList<string> rowKeys, CancellationToken cancellationToken)
    {
        // Deleted one by one: a delete of a missing row fails a whole transaction, and after a crash some may be gone.
        foreach (var rowKey in rowKeys)
        {
            await table.DeleteEntityAsync(partitionKey, rowKey, ETag.All, cancellationToken).ConfigureAwait(false);
        }
    }

    private static async Task DeleteUnwantedAsync(
        TableClient table, HashSet<(string, string)> wanted, Func<TableEntity, bool> kept, CancellationToken cancellationToken)
    {
        var unwanted = new List<(string, string)>();
        await foreach (var e in table.QueryAsync<TableEntity>(select: ["PartitionKey", "RowKey", "AgreementId"], cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            if (!wanted.Contains((e.PartitionKey, e.RowKey)) && !kept(e))
            {
                unwanted.Add((e.PartitionKey, e.RowKey));
            }
        }

        foreach (var (partitionKey, rowKey) in unwanted)
        {
            await table.DeleteEntityAsync(partitionKey, rowKey, ETag.All, cancellationToken).ConfigureAwait(false);
        }
    }

    internal static string DatePartition(LocalDate day) => TableValues.Format(day);

    private static string DateRowKey(DeadlineIndexEntry e) => DateRowKey(e.AgreementId, e.DeadlineKey);

    private static string DateRowKey(string agreementId, string deadlineKey) => agreementId + "." + ReminderTables.KeySegment(deadlineKey);

    private static string ByAgreementRowKey(DeadlineIndexEntry e) => ByAgreementRowKey(e.DeadlineKey, e.LastPermittedDay);

    private static string ByAgreementRowKey(string deadlineKey, LocalDate day) => ReminderTables.KeySegment(deadlineKey) + "." + DatePartition(day);

    internal static TableEntity DateEntity(DeadlineIndexEntry e)
    {
        var entity = DateEntityWithoutOverdueFrom(e);
        if (e.OverdueFrom is { } from)
        {
            entity["OverdueFrom"] = TableValues.Format(from);
        }

        return entity;
    }

    private static TableEntity DateEntityWithoutOverdueFrom(DeadlineIndexEntry e) => new(DatePartition(e.LastPermittedDay), DateRowKey(e))
    {
        ["AgreementId"] = e.AgreementId,
        ["DeadlineKey"] = e.DeadlineKey,
        ["LastPermittedDay"] = TableValues.Format(e.LastPermittedDay),
        ["DueDate"] = TableValues.Format(e.DueDate),
        ["RemindWhenOverdue"] = e.RemindWhenOverdue,
        ["Terms"] = e.Terms,
        // The agreement's ETag, under the column's first name, so rows already stored read as they were written.
        ["RecordETag"] = e.RecordVersion.ToString(),
    };

    internal static TableEntity ByAgreementEntity(DeadlineIndexEntry e) => new(e.AgreementId, ByAgreementRowKey(e))
    {
        ["DeadlineKey"] = e.DeadlineKey,
        ["LastPermittedDay"] = TableValues.Format(e.LastPermittedDay),
    };

    private static DeadlineIndexEntry ToEntry(TableEntity e) => new(
        e.GetString("AgreementId"),
        e.GetString("DeadlineKey"),
        TableValues.ParseDate(e.GetString("LastPermittedDay")),
        TableValues.ParseDate(e.GetString("DueDate")),
        e.GetBoolean("RemindWhenOverdue") ?? true,
        e.GetString("Terms"),
        e.GetString("RecordETag") is { Length: > 0 } version ? new StoredVersion(version) : default,
        e.GetString("OverdueFrom") is { Length: > 0 } from ? TableValues.ParseDate(from) : null);
}

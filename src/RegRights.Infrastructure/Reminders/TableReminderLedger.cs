using Azure;
using Azure.Data.Tables;
using NodaTime;
using RegRights.Application;
using RegRights.Application.Reminders;
using RegRights.Core.Deadlines;
using RegRights.Infrastructure.Storage;

namespace RegRights.Infrastructure.Reminders;

/// <summary>
/// The reminder ledger over Table Storage (<see cref="ReminderTables"/>): its rows, its outbox and the scan's
/// watermark. A reminder is created by a conditional add, so two scans that race, or a scan that runs twice, make one
/// row; every later change is conditional on the row's ETag.
/// </summary>
public class TableReminderLedger : ReminderLedger
{
    private const string OutboxPartition = "pending";
    private const string ScanPartition = "scan";
    private const string ScanRow = "ScanDeadlines";

    private readonly ReminderTables tables;

    /// <summary>Creates the ledger over <paramref name="tables"/>.</summary>
    public TableReminderLedger(ReminderTables tables) => this.tables = tables ?? throw new ArgumentNullException(nameof(tables));

    /// <summary>
    /// Adds <paramref name="entry"/> unless its row exists; either way a pending row is left in the outbox (a scan
    /// that died between the two writes repairs it when it runs again). Returns whether this call created the row.
    /// </summary>
    public override async Task<bool> AddAsync(ReminderEntry entry, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entry);
        bool added;
        ReminderStatus status;
        try
        {
            await tables.Ledger.AddEntityAsync(ToEntity(entry), cancellationToken).ConfigureAwait(false);
            (added, status) = (true, entry.Status);
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            var existing = await GetAsync(entry.AgreementId, entry.ReminderId, cancellationToken).ConfigureAwait(false)
                ?? throw new InvalidOperationException($"Reminder {entry.IdempotencyKey} conflicted but cannot be read.", ex);
            (added, status) = (false, existing.Status);
        }

        if (status == ReminderStatus.Pending)
        {
            await EnqueueAsync(entry.AgreementId, entry.ReminderId, cancellationToken).ConfigureAwait(false);
        }

        return added;
    }

    /// <summary>One row, or null.</summary>
    public override async Task<ReminderEntry?> GetAsync(string agreementId, string reminderId, CancellationToken cancellationToken = default)
    {
        var response = await tables.Ledger.GetEntityIfExistsAsync<TableEntity>(agreementId, reminderId, cancellationToken: cancellationToken)
            .ConfigureAwait(false);
        return response.HasValue ? ToEntry(response.Value!) : null;
    }

    /// <summary>An agreement's rows (one partition), by scheduled time.</summary>
    public override async Task<IReadOnlyList<ReminderEntry>> ListAsync(string agreementId, CancellationToken cancellationToken = default)
    {
        var rows = new List<ReminderEntry>();
        await foreach (var e in tables.Ledger.QueryAsync<TableEntity>(
            TableClient.CreateQueryFilter($"PartitionKey eq {agreementId}"), cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            rows.Add(ToEntry(e));
        }

        return [.. rows.OrderBy(r => r.ScheduledAt).ThenBy(r => r.ReminderId, StringComparer.Ordinal)];
    }

    /// <summary>Replaces the row if its ETag is still the one read.</summary>
    /// <exception cref="StoredRowChangedException">Someone else changed it first.</exception>
    public override async Task<ReminderEntry> UpdateAsync(ReminderEntry entry, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var response = await TableVersions.WriteAsync(
            () => tables.Ledger.UpdateEntityAsync(ToEntity(entry), entry.Version.ToETag(), TableUpdateMode.Replace, cancellationToken),
            $"reminder {entry.IdempotencyKey}").ConfigureAwait(false);
        return entry with { Version = (response.Headers.ETag ?? default).ToVersion() };
    }

    /// <summary>The outbox: every row still to be sent (a small partition: sent rows leave it).</summary>
    public override async Task<IReadOnlyList<OutboxItem>> ReadOutboxAsync(CancellationToken cancellationToken = default)
    {
        var items = new List<OutboxItem>();
        await foreach (var e in tables.Outbox.QueryAsync<TableEntity>(
            TableClient.CreateQueryFilter($"PartitionKey eq {OutboxPartition}"), cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            items.Add(new OutboxItem(e.GetString("AgreementId"), e.GetString("ReminderId")));
        }

        return items;
    }

    /// <summary>Puts a row in the outbox (idempotent).</summary>
    public override async Task EnqueueAsync(string agreementId, string reminderId, CancellationToken cancellationToken = default)
    {
        var entity = new TableEntity(OutboxPartition, agreementId + "." + reminderId)
        {
            ["AgreementId"] = agreementId,
            ["ReminderId"] = reminderId,
        };
        await tables.Outbox.UpsertEntityAsync(entity, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Takes a row out of the outbox (idempotent).</summary>
    public override async Task DequeueAsync(string agreementId, string reminderId, CancellationToken cancellationToken = default) =>
        await tables.Outbox.DeleteEntityAsync(OutboxPartition, agreementId + "." + reminderId, ETag.All, cancellationToken).ConfigureAwait(false);

    /// <summary>The end of the last completed scan and the ETag to advance it with; null before the first.</summary>
    public override async Task<(Instant End, StoredVersion Version)?> GetScanWatermarkAsync(CancellationToken cancellationToken = default)
    {
        var response = await tables.State.GetEntityIfExistsAsync<TableEntity>(ScanPartition, ScanRow, cancellationToken: cancellationToken)
            .ConfigureAwait(false);
        return response.HasValue ? (TableValues.ParseInstant(response.Value!.GetString("LastScanEnd")), response.Value.ETag.ToVersion()) : null;
    }

    /// <summary>
    /// Moves the watermark forward to <paramref name="scanEnd"/>, never back: with the ETag read, and when another scan
    /// moved it in between, again from what that scan wrote. Returns the watermark now stored.
    /// </summary>
    public override async Task<Instant> AdvanceScanWatermarkAsync(Instant scanEnd, CancellationToken cancellationToken = default)
    {
        while (true)
        {
            var current = await GetScanWatermarkAsync(cancellationToken).ConfigureAwait(false);
            if (current is { } c && c.End >= scanEnd)
            {
                return c.End;
            }

            var entity = new TableEntity(ScanPartition, ScanRow) { ["LastScanEnd"] = TableValues.Format(scanEnd) };
            try
            {
                if (current is { } known)
                {
                    await tables.State.UpdateEntityAsync(entity, known.Version.ToETag(), TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
                }
                else
                {
                    await tables.State.AddEntityAsync(entity, cancellationToken).ConfigureAwait(false);
                }

                return scanEnd;
            }
            catch (RequestFailedException ex) when (ex.Status is 409 or 412)
            {
                // Another scan wrote first; read what it wrote and decide again.
            }
        }
    }

    private static TableEntity ToEntity(ReminderEntry r)
    {
        var entity = new TableEntity(r.AgreementId, r.ReminderId)
        {
            ["DeadlineKey"] = r.DeadlineKey,
            ["Step"] = r.Step,
            ["LastPermittedDay"] = TableValues.Format(r.LastPermittedDay),
            ["SendDate"] = TableValues.Format(r.SendDate),
            ["ScheduledAt"] = TableValues.Format(r.ScheduledAt),
            ["Status"] = r.Status.ToString(),
            ["Attempts"] = r.Attempts,
            ["To"] = StoredJson.ToJson(r.To),
            ["Cc"] = StoredJson.ToJson(r.Cc),
            ["CreatedAt"] = TableValues.Format(r.CreatedAt),
        };
        Add(entity, "NextAttemptAt", r.NextAttemptAt is { } next ? TableValues.Format(next) : null);
        Add(entity, "SentAt", r.SentAt is { } sent ? TableValues.Format(sent) : null);
        Add(entity, "Transport", r.Transport);
        Add(entity, "ProviderMessageId", r.ProviderMessageId);
        Add(entity, "ProviderDetail", Truncate(r.ProviderDetail));
        Add(entity, "LastError", Truncate(r.LastError));
        return entity;
    }

    private static ReminderEntry ToEntry(TableEntity e) => new()
    {
        AgreementId = e.PartitionKey,
        Deadline = ReadDeadline(e),
        Step = e.GetString("Step"),
        LastPermittedDay = TableValues.ParseDate(e.GetString("LastPermittedDay")),
        SendDate = TableValues.ParseDate(e.GetString("SendDate")),
        ScheduledAt = TableValues.ParseInstant(e.GetString("ScheduledAt")),
        Status = Enum.Parse<ReminderStatus>(e.GetString("Status")),
        Attempts = e.GetInt32("Attempts") ?? 0,
        NextAttemptAt = e.GetString("NextAttemptAt") is { } next ? TableValues.ParseInstant(next) : null,
        To = StoredJson.FromJson<List<ReminderRecipient>>(e.GetString("To")),
        Cc = StoredJson.FromJson<List<ReminderRecipient>>(e.GetString("Cc")),
        CreatedAt = TableValues.ParseInstant(e.GetString("CreatedAt")),
        SentAt = e.GetString("SentAt") is { } sent ? TableValues.ParseInstant(sent) : null,
        Transport = e.GetString("Transport"),
        ProviderMessageId = e.GetString("ProviderMessageId"),
        ProviderDetail = e.GetString("ProviderDetail"),
        LastError = e.GetString("LastError"),
        Version = e.ETag.ToVersion(),
    };

    private static DeadlineId ReadDeadline(TableEntity e) =>
        DeadlineId.TryParse(e.GetString("DeadlineKey"), out var id)
            ? id
            : throw new InvalidDataException(
                $"The reminder '{e.RowKey}' of agreement '{e.PartitionKey}' is stored with '{e.GetString("DeadlineKey")}', which is not a deadline key.");

    private static void Add(TableEntity entity, string name, string? value)
    {
        if (value is not null)
        {
            entity[name] = value;
        }
    }

    // A provider's error text can be long; a string property holds 32 K characters.
    private static string? Truncate(string? text) => text is { Length: > 4000 } ? text[..4000] : text;
}

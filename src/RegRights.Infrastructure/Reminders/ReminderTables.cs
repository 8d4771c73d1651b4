using Azure.Data.Tables;
using RegRights.Core.Deadlines;

namespace RegRights.Infrastructure.Reminders;

/// <summary>
/// The reminder pipeline's tables (README, "Reminders: index, ledger, scan, dispatch"):
/// <list type="bullet">
/// <item><c>DeadlineIndex</c>: PartitionKey = the deadline's last permitted day (<c>yyyy-MM-dd</c>), RowKey =
/// <c>{agreementId}.{deadlineKey}</c>: one row per open, reminded deadline instance, so a scan reads the days that
/// can have a reminder in its window.</item>
/// <item><c>DeadlineIndexByAgreement</c>: PartitionKey = agreement id, RowKey = deadline key: which index rows an
/// agreement has, so a rewrite removes the ones that no longer apply.</item>
/// <item><c>Reminders</c> (the ledger): PartitionKey = agreement id, RowKey = <c>{deadlineKey}.{step}</c>, added
/// with a conditional add, so a reminder exists once whatever races to create it.</item>
/// <item><c>ReminderOutbox</c>: PartitionKey <c>pending</c>, RowKey = <c>{agreementId}.{reminderId}</c>: the
/// ledger rows the dispatcher still has to send.</item>
/// <item><c>ReminderState</c>: PartitionKey <c>scan</c>: the end of the last completed scan.</item>
/// </list>
/// A deadline key's <c>#</c> (<c>sec-comment-response#2</c>) is not allowed in a key; it is written as <c>~</c>.
/// </summary>
public class ReminderTables
{
    /// <summary>Creates the clients; <paramref name="prefix"/> goes in front of every name, as in the other tables.</summary>
    public ReminderTables(TableServiceClient service, string prefix = "")
    {
        ArgumentNullException.ThrowIfNull(service);
        ArgumentNullException.ThrowIfNull(prefix);
        DeadlineIndex = service.GetTableClient(prefix + "DeadlineIndex");
        DeadlineIndexByAgreement = service.GetTableClient(prefix + "DeadlineIndexByAgreement");
        Ledger = service.GetTableClient(prefix + "Reminders");
        Outbox = service.GetTableClient(prefix + "ReminderOutbox");
        State = service.GetTableClient(prefix + "ReminderState");
    }

    /// <summary>Deadline instances by last permitted day.</summary>
    public TableClient DeadlineIndex { get; }

    /// <summary>The index rows of each agreement.</summary>
    public TableClient DeadlineIndexByAgreement { get; }

    /// <summary>The reminder ledger.</summary>
    public TableClient Ledger { get; }

    /// <summary>The ledger rows waiting to be sent.</summary>
    public TableClient Outbox { get; }

    /// <summary>The scan's watermark.</summary>
    public TableClient State { get; }

    /// <summary>Creates the tables that do not exist yet.</summary>
    public async Task CreateIfNotExistsAsync(CancellationToken cancellationToken = default)
    {
        foreach (var table in new[] { DeadlineIndex, DeadlineIndexByAgreement, Ledger, Outbox, State })
        {
            await table.CreateIfNotExistsAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>A deadline key as a key segment: <c>#</c> is not allowed in PartitionKey or RowKey.</summary>
    /// <exception cref="FormatException"><paramref name="deadlineKey"/> is no deadline key.</exception>
    internal static string KeySegment(string deadlineKey) => DeadlineId.Parse(deadlineKey).ToString('~');
}

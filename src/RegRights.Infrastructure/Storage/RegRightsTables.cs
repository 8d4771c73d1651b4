using Azure.Data.Tables;

namespace RegRights.Infrastructure.Storage;

/// <summary>
/// The app's tables over one <see cref="TableServiceClient"/>. Key design (README, "Tables and keys"):
/// <list type="bullet">
/// <item><c>Agreements</c>: PartitionKey = agreement id; RowKey <c>agreement|{id}</c> for the agreement itself and
/// <c>event|{id}|0000000001</c>… for its events, so one partition query reads a whole record and appending an event is
/// one transaction with the agreement's ETag. The id in the RowKey keeps every RowKey of the table distinct, which
/// Azurite's look-ups need to stay constant-time (README, "Benchmarks: the deadline scan").</item>
/// <item><c>Notices</c>: PartitionKey = agreement id, RowKey = notice id (the agreement id and a hash of source and
/// webhook id): an agreement's notices are one partition; storing a webhook's notice and checking that it is the first
/// are one conditional add; a read by notice id is one point read.</item>
/// </list>
/// </summary>
public class RegRightsTables
{
    /// <summary>Creates the tables' clients; <paramref name="prefix"/> goes in front of every name.</summary>
    public RegRightsTables(TableServiceClient service, string prefix = "")
    {
        ArgumentNullException.ThrowIfNull(service);
        ArgumentNullException.ThrowIfNull(prefix);
        Service = service;
        Agreements = service.GetTableClient(prefix + "Agreements");
        Notices = service.GetTableClient(prefix + "Notices");
    }

    /// <summary>For mocking.</summary>
    protected RegRightsTables()
    {
        Service = null!;
        Agreements = null!;
        Notices = null!;
    }

    /// <summary>The table service.</summary>
    public virtual TableServiceClient Service { get; }

    /// <summary>Agreements and their events.</summary>
    public virtual TableClient Agreements { get; }

    /// <summary>Notices as received and stamped.</summary>
    public virtual TableClient Notices { get; }

    /// <summary>Creates the tables that do not exist yet.</summary>
    public virtual async Task CreateIfNotExistsAsync(CancellationToken cancellationToken = default)
    {
        foreach (var table in new[] { Agreements, Notices })
        {
            await table.CreateIfNotExistsAsync(cancellationToken).ConfigureAwait(false);
        }
    }
}

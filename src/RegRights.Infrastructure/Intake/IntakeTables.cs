using Azure.Data.Tables;

namespace RegRights.Infrastructure.Intake;

/// <summary>
/// The provider intake's tables: <c>IntakeReceipts</c> (every verified provider webhook, append-only, one partition
/// per provider and source) and <c>ExpectedDeliveries</c> (the tracking numbers and envelope ids of notices registered
/// beforehand, each naming its notice).
/// </summary>
public class IntakeTables
{
    /// <summary>Creates the tables' clients; <paramref name="prefix"/> goes in front of every name.</summary>
    public IntakeTables(TableServiceClient service, string prefix = "")
    {
        ArgumentNullException.ThrowIfNull(service);
        ArgumentNullException.ThrowIfNull(prefix);
        Receipts = service.GetTableClient(prefix + "IntakeReceipts");
        ExpectedDeliveries = service.GetTableClient(prefix + "ExpectedDeliveries");
    }

    /// <summary>For mocking.</summary>
    protected IntakeTables()
    {
        Receipts = null!;
        ExpectedDeliveries = null!;
    }

    /// <summary>Provider webhooks as received.</summary>
    public virtual TableClient Receipts { get; }

    /// <summary>Tracking numbers and envelope ids of expected notices.</summary>
    public virtual TableClient ExpectedDeliveries { get; }

    /// <summary>Creates the tables that do not exist yet.</summary>
    public virtual async Task CreateIfNotExistsAsync(CancellationToken cancellationToken = default)
    {
        await Receipts.CreateIfNotExistsAsync(cancellationToken).ConfigureAwait(false);
        await ExpectedDeliveries.CreateIfNotExistsAsync(cancellationToken).ConfigureAwait(false);
    }
}

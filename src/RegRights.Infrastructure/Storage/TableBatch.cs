using Azure;
using Azure.Data.Tables;

namespace RegRights.Infrastructure.Storage;

/// <summary>
/// Entity group transactions as Azure accepts them. Azurite takes a batch that spans partitions or holds more than 100
/// operations; Azure refuses both, so the check is made here, before anything is sent.
/// </summary>
internal static class TableBatch
{
    public const int MaxOperations = 100;

    public static async Task<Response<IReadOnlyList<Response>>> SubmitAsync(
        TableClient table, IReadOnlyList<TableTransactionAction> actions, CancellationToken cancellationToken)
    {
        if (actions.Count is 0 or > MaxOperations)
        {
            throw new ArgumentOutOfRangeException(nameof(actions), actions.Count, $"A batch holds 1 to {MaxOperations} operations.");
        }

        if (actions.Select(a => a.Entity.PartitionKey).Distinct(StringComparer.Ordinal).Skip(1).Any())
        {
            throw new ArgumentException("A batch must stay within one partition.", nameof(actions));
        }

        return await table.SubmitTransactionAsync(actions, cancellationToken).ConfigureAwait(false);
    }
}

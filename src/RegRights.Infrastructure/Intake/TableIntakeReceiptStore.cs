using System.Security.Cryptography;
using System.Text;
using Azure;
using Azure.Data.Tables;
using NodaTime;
using RegRights.Application;
using RegRights.Application.Intake;
using RegRights.Application.Notices;
using RegRights.Infrastructure.Storage;

namespace RegRights.Infrastructure.Intake;

/// <summary>
/// Provider webhooks over Table Storage (<see cref="IntakeTables.Receipts"/>), append-only, one partition per provider
/// and source: a retried event lands on the same row and its conditional add, the idempotency check, conflicts.
/// </summary>
/// <remarks>
/// The body is kept whole, split over binary columns of at most 64 KiB (four hold the 256 KiB a request may carry);
/// the notice and link a receipt made are kept as JSON beside it, so a retry finds them even if the first try stopped
/// after the receipt and before the notice.
/// </remarks>
public class TableIntakeReceiptStore : IntakeReceiptStore
{
    private const int ChunkBytes = 64 * 1024;
    private const int MaxChunks = 4;

    private readonly IntakeTables tables;

    /// <summary>Creates the store over <paramref name="tables"/>.</summary>
    public TableIntakeReceiptStore(IntakeTables tables) => this.tables = tables ?? throw new ArgumentNullException(nameof(tables));

    /// <summary>The most body bytes a receipt keeps (256 KiB, the request limit).</summary>
    public static int MaxBodyBytes => ChunkBytes * MaxChunks;

    /// <summary>Adds the receipt, or returns the one already stored under its id (a retry of the same event).</summary>
    public override async Task<StoredReceipt> AddAsync(StoredReceipt receipt, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(receipt);
        if (receipt.Body.Length > MaxBodyBytes)
        {
            throw new ArgumentException($"A receipt keeps at most {MaxBodyBytes} body bytes.", nameof(receipt));
        }

        var entity = new TableEntity(SourcePrefix(receipt.Provider, receipt.Source), receipt.ReceiptId)
        {
            ["EventId"] = receipt.EventId,
            ["ReceivedAt"] = TableValues.Format(receipt.ReceivedAt),
            ["BodyLength"] = receipt.Body.Length,
            ["Document"] = receipt.Document,
        };
        for (var i = 0; i * ChunkBytes < receipt.Body.Length; i++)
        {
            entity[$"Body{i}"] = receipt.Body.Slice(i * ChunkBytes, Math.Min(ChunkBytes, receipt.Body.Length - (i * ChunkBytes))).ToArray();
        }

        if (receipt.Notice is { } notice)
        {
            entity["Notice"] = StoredJson.ToJson(notice);
        }

        if (receipt.Link is { } link)
        {
            entity["Link"] = StoredJson.ToJson(link);
        }

        try
        {
            await tables.Receipts.AddEntityAsync(entity, cancellationToken).ConfigureAwait(false);
            return receipt;
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            return await GetAsync(receipt.ReceiptId, cancellationToken).ConfigureAwait(false)
                ?? throw new InvalidOperationException($"Receipt {receipt.ReceiptId} conflicted but cannot be read.", ex);
        }
    }

    /// <summary>A receipt by id (one point read), or null.</summary>
    public override async Task<StoredReceipt?> GetAsync(string receiptId, CancellationToken cancellationToken = default)
    {
        var dash = receiptId?.LastIndexOf('-') ?? -1;
        if (receiptId is null || dash <= 0 || receiptId.Length - dash - 1 != 32 || receiptId.Length > 200)
        {
            return null;
        }

        var response = await tables.Receipts.GetEntityIfExistsAsync<TableEntity>(receiptId[..dash], receiptId, cancellationToken: cancellationToken)
            .ConfigureAwait(false);
        return response.HasValue ? ToReceipt(response.Value!) : null;
    }

    /// <summary>A source's receipts, in the order received (one partition).</summary>
    public override async Task<IReadOnlyList<StoredReceipt>> ListAsync(string provider, string source, CancellationToken cancellationToken = default)
    {
        var partition = SourcePrefix(provider, source);
        var receipts = new List<StoredReceipt>();
        await foreach (var e in tables.Receipts.QueryAsync<TableEntity>(
            TableClient.CreateQueryFilter($"PartitionKey eq {partition}"), cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            receipts.Add(ToReceipt(e));
        }

        return [.. receipts.OrderBy(r => r.ReceivedAt).ThenBy(r => r.ReceiptId, StringComparer.Ordinal)];
    }

    private static StoredReceipt ToReceipt(TableEntity e)
    {
        var length = e.GetInt32("BodyLength") ?? 0;
        var body = new byte[length];
        for (var i = 0; i * ChunkBytes < length; i++)
        {
            e.GetBinary($"Body{i}").CopyTo(body, i * ChunkBytes);
        }

        var dot = e.PartitionKey.IndexOf('.', StringComparison.Ordinal);
        return new StoredReceipt(
            e.RowKey, e.PartitionKey[..dot], e.PartitionKey[(dot + 1)..], e.GetString("EventId"),
            TableValues.ParseInstant(e.GetString("ReceivedAt")), body, e.GetString("Document"),
            e.GetString("Notice") is { } notice ? StoredJson.FromJson<StoredNotice>(notice) : null,
            e.GetString("Link") is { } link ? StoredJson.FromJson<StoredNoticeLink>(link) : null);
    }
}

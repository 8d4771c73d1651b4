using System.Security.Cryptography;
using System.Text;
using Azure;
using Azure.Data.Tables;
using NodaTime;
using RegRights.Application;
using RegRights.Application.Notices;
using RegRights.Infrastructure.Storage;

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

/// <summary>
/// A provider webhook as stored: the receipt document (the answer, the same on every retry), the raw body, and what a
/// retry must finish if the first try stopped between its writes (the notice it made, the link to it).
/// </summary>
/// <param name="ReceiptId">The id (<see cref="IntakeReceiptStore.ReceiptIdFor"/>).</param>
/// <param name="Provider">The provider.</param>
/// <param name="Source">The source.</param>
/// <param name="EventId">The provider's event identity.</param>
/// <param name="ReceivedAt">When this server received it.</param>
/// <param name="Body">The body, byte for byte.</param>
/// <param name="Document">The receipt's JSON (<c>IntakeReceiptDocument</c>).</param>
/// <param name="Notice">The notice this webhook made, if it made one (added again by a retry: a conflict means it is there).</param>
/// <param name="Link">The link to its notice, if any.</param>
public sealed record StoredReceipt(
    string ReceiptId, string Provider, string Source, string EventId, Instant ReceivedAt, ReadOnlyMemory<byte> Body, string Document,
    StoredNotice? Notice, StoredNoticeLink? Link);

/// <summary>
/// Provider webhooks, append-only: a receipt's id is a hash of its provider, source and the provider's event identity,
/// so a retried event lands on the same row and its conditional add, the idempotency check, conflicts.
/// </summary>
/// <remarks>
/// The body is kept whole, split over binary columns of at most 64 KiB (four hold the 256 KiB a request may carry);
/// the notice and link a receipt made are kept as JSON beside it, so a retry finds them even if the first try stopped
/// after the receipt and before the notice.
/// </remarks>
public class IntakeReceiptStore
{
    private const int ChunkBytes = 64 * 1024;
    private const int MaxChunks = 4;

    private readonly IntakeTables tables;

    /// <summary>Creates the store over <paramref name="tables"/>.</summary>
    public IntakeReceiptStore(IntakeTables tables) => this.tables = tables ?? throw new ArgumentNullException(nameof(tables));

    /// <summary>For mocking.</summary>
    protected IntakeReceiptStore() => tables = null!;

    /// <summary>The most body bytes a receipt keeps (256 KiB, the request limit).</summary>
    public static int MaxBodyBytes => ChunkBytes * MaxChunks;

    /// <summary>
    /// The receipt id of a provider event: <c>{provider}.{source}-{hash}</c>, the hash the first 128 bits of
    /// SHA-256("{provider}\n{source}\n{eventId}") in hex.
    /// </summary>
    public static string ReceiptIdFor(string provider, string source, string eventId)
    {
        ArgumentException.ThrowIfNullOrEmpty(provider);
        ArgumentException.ThrowIfNullOrEmpty(source);
        ArgumentNullException.ThrowIfNull(eventId);
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(provider + "\n" + source + "\n" + eventId)).AsSpan(0, 16);
        return Partition(provider, source) + "-" + Convert.ToHexStringLower(hash);
    }

    /// <summary>Adds the receipt, or returns the one already stored under its id (a retry of the same event).</summary>
    public virtual async Task<StoredReceipt> AddAsync(StoredReceipt receipt, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(receipt);
        if (receipt.Body.Length > MaxBodyBytes)
        {
            throw new ArgumentException($"A receipt keeps at most {MaxBodyBytes} body bytes.", nameof(receipt));
        }

        var entity = new TableEntity(Partition(receipt.Provider, receipt.Source), receipt.ReceiptId)
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
    public virtual async Task<StoredReceipt?> GetAsync(string receiptId, CancellationToken cancellationToken = default)
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
    public virtual async Task<IReadOnlyList<StoredReceipt>> ListAsync(string provider, string source, CancellationToken cancellationToken = default)
    {
        var partition = Partition(provider, source);
        var receipts = new List<StoredReceipt>();
        await foreach (var e in tables.Receipts.QueryAsync<TableEntity>(
            TableClient.CreateQueryFilter($"PartitionKey eq {partition}"), cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            receipts.Add(ToReceipt(e));
        }

        return [.. receipts.OrderBy(r => r.ReceivedAt).ThenBy(r => r.ReceiptId, StringComparer.Ordinal)];
    }

    private static string Partition(string provider, string source) => provider + "." + source;

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

/// <summary>What an expected notice is registered to receive: a tracking number, an envelope id.</summary>
public enum ExpectedKey
{
    /// <summary>A courier's tracking number (FedEx, UPS).</summary>
    Tracking,

    /// <summary>A DocuSign envelope id.</summary>
    Envelope,
}

/// <summary>The notice a tracking number or envelope id was registered for.</summary>
/// <param name="AgreementId">The agreement.</param>
/// <param name="NoticeId">The expected notice.</param>
public sealed record ExpectedDelivery(string AgreementId, string NoticeId);

/// <summary>
/// Tracking numbers and envelope ids of expected notices: one row each (PartitionKey and RowKey
/// <c>{kind}.{value}</c>), added once, so a number can name one notice only.
/// </summary>
public class ExpectedDeliveryStore
{
    private readonly IntakeTables tables;

    /// <summary>Creates the store over <paramref name="tables"/>.</summary>
    public ExpectedDeliveryStore(IntakeTables tables) => this.tables = tables ?? throw new ArgumentNullException(nameof(tables));

    /// <summary>For mocking.</summary>
    protected ExpectedDeliveryStore() => tables = null!;

    /// <summary>A tracking number as keyed: letters and digits only, upper case ("1Z 999 AA1" is <c>1Z999AA1</c>).</summary>
    public static string Normalize(ExpectedKey kind, string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return kind == ExpectedKey.Tracking
            ? string.Concat(value.Where(char.IsAsciiLetterOrDigit)).ToUpperInvariant()
            : value.Trim().ToLowerInvariant();
    }

    /// <summary>Registers <paramref name="value"/> for the notice, or returns the notice it was registered for first.</summary>
    public virtual async Task<ExpectedDelivery> AddAsync(ExpectedKey kind, string value, ExpectedDelivery delivery, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        var key = Key(kind, value);
        try
        {
            await tables.ExpectedDeliveries.AddEntityAsync(
                new TableEntity(key, key) { ["AgreementId"] = delivery.AgreementId, ["NoticeId"] = delivery.NoticeId }, cancellationToken).ConfigureAwait(false);
            return delivery;
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            return await GetAsync(kind, value, cancellationToken).ConfigureAwait(false)
                ?? throw new InvalidOperationException($"{key} conflicted but cannot be read.", ex);
        }
    }

    /// <summary>The notice <paramref name="value"/> was registered for, or null.</summary>
    public virtual async Task<ExpectedDelivery?> GetAsync(ExpectedKey kind, string value, CancellationToken cancellationToken = default)
    {
        var key = Key(kind, value);
        var response = await tables.ExpectedDeliveries.GetEntityIfExistsAsync<TableEntity>(key, key, cancellationToken: cancellationToken).ConfigureAwait(false);
        return response.HasValue ? new ExpectedDelivery(response.Value!.GetString("AgreementId"), response.Value.GetString("NoticeId")) : null;
    }

    // Keys may not hold / \ # ? or control characters: a normalized tracking number is letters and digits, and an
    // envelope id is hashed unless it is a plain GUID.
    private static string Key(ExpectedKey kind, string value)
    {
        var normalized = Normalize(kind, value);
        var safe = normalized.Length is > 0 and <= 64 && normalized.All(c => char.IsAsciiLetterOrDigit(c) || c == '-')
            ? normalized
            : Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(normalized)));
        return (kind == ExpectedKey.Tracking ? "tracking." : "envelope.") + safe;
    }
}

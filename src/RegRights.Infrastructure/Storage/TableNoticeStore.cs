using System.Buffers;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using Azure;
using Azure.Data.Tables;
using RegRights.Application.Agreements;
using RegRights.Application.Notices;

namespace RegRights.Infrastructure.Storage;

/// <summary>
/// Notices (append-only: added, never updated), one partition per agreement. A notice's id is its agreement's id and a
/// hash of its source and webhook id, so a retried webhook lands on the same row and can never become a second notice:
/// the one conditional add is both the write and the idempotency check.
/// </summary>
/// <remarks>
/// A notice's document is written gzip-compressed in <c>DocumentGzip</c> (binary; a stamp's explanations in words make
/// it about 4 KB, a quarter of that compressed), or as text in <c>Document</c> when compressing would not make it smaller.
/// Rows written before <c>DocumentGzip</c> existed hold <c>Document</c> and read as they always did. Storage's cost
/// per insert goes with the row's size: the 4 KB text cost Azurite more than the whole intake cost the worker.
/// </remarks>
public class TableNoticeStore : NoticeStore
{
    private const string TextDocument = "Document";

    private const string CompressedDocument = "DocumentGzip";

    private readonly RegRightsTables tables;

    /// <summary>Creates the store over <paramref name="tables"/>.</summary>
    public TableNoticeStore(RegRightsTables tables) => this.tables = tables ?? throw new ArgumentNullException(nameof(tables));

    /// <summary>For mocking.</summary>
    protected TableNoticeStore() => tables = null!;

    /// <summary>
    /// Adds <paramref name="notice"/>, or returns the notice already stored under its id (from an earlier try of the same
    /// webhook whose response was lost, or a replay) unchanged.
    /// </summary>
    /// <exception cref="ArgumentException">The document is larger than a table property holds.</exception>
    public override async Task<StoredNotice> AddAsync(StoredNotice notice, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(notice);
        if (notice.Document.Length > MaxDocumentChars)
        {
            throw new ArgumentException($"A notice document holds at most {MaxDocumentChars} characters.", nameof(notice));
        }

        var entity = new TableEntity(notice.AgreementId, notice.NoticeId)
        {
            ["Source"] = notice.Source,
            ["WebhookId"] = notice.WebhookId,
            ["BodySha256"] = notice.BodySha256,
            ["ReceivedAt"] = TableValues.Format(notice.ReceivedAt),
            ["Methods"] = notice.Methods,
        };
        var compressed = Compress(notice.Document);
        if (compressed.Length < notice.Document.Length * sizeof(char))
        {
            entity[CompressedDocument] = compressed;
        }
        else
        {
            entity[TextDocument] = notice.Document;
        }

        try
        {
            await tables.Notices.AddEntityAsync(entity, cancellationToken).ConfigureAwait(false);
            return notice;
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            return await GetAsync(notice.NoticeId, cancellationToken).ConfigureAwait(false)
                ?? throw new InvalidOperationException($"Notice {notice.NoticeId} conflicted but cannot be read.", ex);
        }
    }

    /// <summary>
    /// Links a provider's webhook to a notice (<see cref="StoredNoticeLink"/>), once: a retry of the same webhook finds
    /// its link there and adds nothing.
    /// </summary>
    public override async Task AddLinkAsync(StoredNoticeLink link, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(link);
        var entity = new TableEntity(link.AgreementId, LinkRowKey(link.NoticeId, link.ReceiptId))
        {
            ["ReceiptId"] = link.ReceiptId,
            ["ReceivedAt"] = TableValues.Format(link.ReceivedAt),
            ["Link"] = link.Document,
        };
        try
        {
            await tables.Notices.AddEntityAsync(entity, cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            // An earlier try of the same webhook linked it.
        }
    }

    /// <summary>The webhooks linked to a notice, in the order received (one range query after the notice's own row).</summary>
    public override async Task<IReadOnlyList<StoredNoticeLink>> ListLinksAsync(string noticeId, CancellationToken cancellationToken = default)
    {
        if (!TryGetAgreementId(noticeId, out var agreementId))
        {
            return [];
        }

        var links = new List<StoredNoticeLink>();
        var from = noticeId + "|";
        var to = noticeId + "}";
        await foreach (var e in tables.Notices.QueryAsync<TableEntity>(
            TableClient.CreateQueryFilter($"PartitionKey eq {agreementId} and RowKey gt {from} and RowKey lt {to}"), cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            links.Add(ToLink(e));
        }

        return [.. links.OrderBy(l => l.ReceivedAt).ThenBy(l => l.ReceiptId, StringComparer.Ordinal)];
    }

    /// <summary>An agreement's notices and every webhook linked to them: one partition query.</summary>
    public override async Task<(IReadOnlyList<StoredNotice> Notices, IReadOnlyList<StoredNoticeLink> Links)> ListWithLinksAsync(
        string agreementId, CancellationToken cancellationToken = default)
    {
        if (!AgreementStore.IsWellFormedId(agreementId))
        {
            return ([], []);
        }

        var notices = new List<StoredNotice>();
        var links = new List<StoredNoticeLink>();
        await foreach (var e in tables.Notices.QueryAsync<TableEntity>(
            TableClient.CreateQueryFilter($"PartitionKey eq {agreementId}"), cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            if (IsLink(e))
            {
                links.Add(ToLink(e));
            }
            else
            {
                notices.Add(ToNotice(e));
            }
        }

        return ([.. notices.OrderBy(n => n.ReceivedAt).ThenBy(n => n.NoticeId, StringComparer.Ordinal)],
            [.. links.OrderBy(l => l.ReceivedAt).ThenBy(l => l.ReceiptId, StringComparer.Ordinal)]);
    }

    /// <summary>A notice by id (one point read in its agreement's partition), or null.</summary>
    public override async Task<StoredNotice?> GetAsync(string noticeId, CancellationToken cancellationToken = default)
    {
        if (!TryGetAgreementId(noticeId, out var agreementId))
        {
            return null;
        }

        var response = await tables.Notices.GetEntityIfExistsAsync<TableEntity>(agreementId, noticeId, cancellationToken: cancellationToken)
            .ConfigureAwait(false);
        return response.HasValue ? ToNotice(response.Value!) : null;
    }

    /// <summary>The notices of an agreement (one partition), in the order this server received them.</summary>
    public override async Task<IReadOnlyList<StoredNotice>> ListByAgreementAsync(string agreementId, CancellationToken cancellationToken = default)
    {
        if (!AgreementStore.IsWellFormedId(agreementId))
        {
            return [];
        }

        var notices = new List<StoredNotice>();
        await foreach (var e in tables.Notices.QueryAsync<TableEntity>(
            TableClient.CreateQueryFilter($"PartitionKey eq {agreementId}"), cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            if (!IsLink(e))
            {
                notices.Add(ToNotice(e));
            }
        }

        return [.. notices.OrderBy(n => n.ReceivedAt).ThenBy(n => n.NoticeId, StringComparer.Ordinal)];
    }

    private static string LinkRowKey(string noticeId, string receiptId) =>
        noticeId + "|" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(receiptId)).AsSpan(0, HashChars / 2));

    private static bool IsLink(TableEntity e) => e.RowKey.Contains('|', StringComparison.Ordinal);

    private static StoredNoticeLink ToLink(TableEntity e) => new(
        e.RowKey[..e.RowKey.IndexOf('|', StringComparison.Ordinal)], e.PartitionKey, e.GetString("ReceiptId"),
        TableValues.ParseInstant(e.GetString("ReceivedAt")), e.GetString("Link"));

    private static StoredNotice ToNotice(TableEntity e) => new(
        e.RowKey, e.PartitionKey, e.GetString("Source"), e.GetString("WebhookId"), e.GetString("BodySha256"),
        TableValues.ParseInstant(e.GetString("ReceivedAt")), e.GetString("Methods"),
        e.GetBinary(CompressedDocument) is { } compressed ? Decompress(compressed) : e.GetString(TextDocument));

    private static byte[] Compress(string document)
    {
        using var buffer = new MemoryStream(document.Length / 2);
        using (var gzip = new GZipStream(buffer, CompressionLevel.Fastest, leaveOpen: true))
        {
            var utf8 = ArrayPool<byte>.Shared.Rent(Encoding.UTF8.GetMaxByteCount(document.Length));
            try
            {
                gzip.Write(utf8, 0, Encoding.UTF8.GetBytes(document, utf8));
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(utf8);
            }
        }

        return buffer.ToArray();
    }

    private static string Decompress(byte[] compressed)
    {
        using var gzip = new GZipStream(new MemoryStream(compressed), CompressionMode.Decompress);
        using var reader = new StreamReader(gzip, Encoding.UTF8);
        return reader.ReadToEnd();
    }
}

using System.Security.Cryptography;
using System.Text;
using Azure;
using Azure.Data.Tables;
using NodaTime;

namespace RegRights.Infrastructure.Storage;

/// <summary>
/// A notice as received and stamped. <see cref="Document"/> is the API's JSON of the notice (deliveries, stamp,
/// receipt time), stored as it was first returned so a replay returns the same bytes of meaning.
/// </summary>
/// <param name="NoticeId">The id, derived from the source and webhook id (<see cref="NoticeStore.NoticeIdFor"/>).</param>
/// <param name="AgreementId">The agreement it was given under.</param>
/// <param name="Source">The configured webhook source whose secret verified it.</param>
/// <param name="WebhookId">The sender's <c>webhook-id</c>.</param>
/// <param name="BodySha256">SHA-256 of the raw request body, lowercase hex.</param>
/// <param name="ReceivedAt">When this server received it (its own clock).</param>
/// <param name="Methods">The delivery methods, comma-separated, for a reader of the raw table.</param>
/// <param name="Document">The notice's JSON.</param>
public sealed record StoredNotice(
    string NoticeId, string AgreementId, string Source, string WebhookId, string BodySha256, Instant ReceivedAt, string Methods, string Document);

/// <summary>The idempotency record of one webhook id: which notice it produced.</summary>
public sealed record WebhookReceipt(string NoticeId, string AgreementId, string Source, string WebhookId, string BodySha256, Instant ReceivedAt);

/// <summary>
/// Notices (append-only: added, never updated) and the receipt of every webhook id. A notice's id is a hash of its
/// source and webhook id, so a retried webhook lands on the same row and can never become a second notice.
/// </summary>
public class NoticeStore
{
    /// <summary>A table string property holds 64 KiB, i.e. 32 K UTF-16 characters.</summary>
    public const int MaxDocumentChars = 32 * 1024;

    private readonly RegRightsTables tables;

    /// <summary>Creates the store over <paramref name="tables"/>.</summary>
    public NoticeStore(RegRightsTables tables) => this.tables = tables ?? throw new ArgumentNullException(nameof(tables));

    /// <summary>For mocking.</summary>
    protected NoticeStore() => tables = null!;

    /// <summary>The notice id of a webhook: the first 128 bits of SHA-256("{source}\n{webhookId}"), hex.</summary>
    public static string NoticeIdFor(string source, string webhookId)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(webhookId);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(source + "\n" + webhookId)).AsSpan(0, 16));
    }

    /// <summary>Whether <paramref name="id"/> has the shape of a notice id.</summary>
    public static bool IsWellFormedId(string? id) => AgreementStore.IsWellFormedId(id);

    /// <summary>The receipt of a webhook, or null if it was never (completely) received.</summary>
    public virtual async Task<WebhookReceipt?> GetReceiptAsync(string noticeId, CancellationToken cancellationToken = default)
    {
        if (!IsWellFormedId(noticeId))
        {
            return null;
        }

        var response = await tables.WebhookReceipts.GetEntityIfExistsAsync<TableEntity>(noticeId, "", cancellationToken: cancellationToken)
            .ConfigureAwait(false);
        if (!response.HasValue)
        {
            return null;
        }

        var e = response.Value!;
        return new WebhookReceipt(e.PartitionKey, e.GetString("AgreementId"), e.GetString("Source"), e.GetString("WebhookId"),
            e.GetString("BodySha256"), TableValues.ParseInstant(e.GetString("ReceivedAt")));
    }

    /// <summary>
    /// Adds <paramref name="notice"/>, or returns the notice already stored under its id (from an earlier try of the same
    /// webhook whose response was lost) unchanged.
    /// </summary>
    /// <exception cref="ArgumentException">The document is larger than a table property holds.</exception>
    public virtual async Task<StoredNotice> AddAsync(StoredNotice notice, CancellationToken cancellationToken = default)
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
            ["Document"] = notice.Document,
        };
        try
        {
            await tables.Notices.AddEntityAsync(entity, cancellationToken).ConfigureAwait(false);
            return notice;
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            return await GetAsync(notice.AgreementId, notice.NoticeId, cancellationToken).ConfigureAwait(false)
                ?? throw new InvalidOperationException($"Notice {notice.NoticeId} conflicted but cannot be read.", ex);
        }
    }

    /// <summary>Records the receipt, or returns the receipt already recorded for the same notice id.</summary>
    public virtual async Task<WebhookReceipt> AddReceiptAsync(WebhookReceipt receipt, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(receipt);
        var entity = new TableEntity(receipt.NoticeId, "")
        {
            ["AgreementId"] = receipt.AgreementId,
            ["Source"] = receipt.Source,
            ["WebhookId"] = receipt.WebhookId,
            ["BodySha256"] = receipt.BodySha256,
            ["ReceivedAt"] = TableValues.Format(receipt.ReceivedAt),
        };
        try
        {
            await tables.WebhookReceipts.AddEntityAsync(entity, cancellationToken).ConfigureAwait(false);
            return receipt;
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            return await GetReceiptAsync(receipt.NoticeId, cancellationToken).ConfigureAwait(false)
                ?? throw new InvalidOperationException($"Receipt {receipt.NoticeId} conflicted but cannot be read.", ex);
        }
    }

    /// <summary>A notice of an agreement, or null.</summary>
    public virtual async Task<StoredNotice?> GetAsync(string agreementId, string noticeId, CancellationToken cancellationToken = default)
    {
        if (!AgreementStore.IsWellFormedId(agreementId) || !IsWellFormedId(noticeId))
        {
            return null;
        }

        var response = await tables.Notices.GetEntityIfExistsAsync<TableEntity>(agreementId, noticeId, cancellationToken: cancellationToken)
            .ConfigureAwait(false);
        return response.HasValue ? ToNotice(response.Value!) : null;
    }

    /// <summary>A notice by id alone: its receipt names the agreement (two point reads), or null.</summary>
    public virtual async Task<StoredNotice?> GetAsync(string noticeId, CancellationToken cancellationToken = default)
    {
        var receipt = await GetReceiptAsync(noticeId, cancellationToken).ConfigureAwait(false);
        return receipt is null ? null : await GetAsync(receipt.AgreementId, noticeId, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The notices of an agreement (one partition), in the order this server received them.</summary>
    public virtual async Task<IReadOnlyList<StoredNotice>> ListByAgreementAsync(string agreementId, CancellationToken cancellationToken = default)
    {
        if (!AgreementStore.IsWellFormedId(agreementId))
        {
            return [];
        }

        var notices = new List<StoredNotice>();
        await foreach (var e in tables.Notices.QueryAsync<TableEntity>(
            TableClient.CreateQueryFilter($"PartitionKey eq {agreementId}"), cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            notices.Add(ToNotice(e));
        }

        return [.. notices.OrderBy(n => n.ReceivedAt).ThenBy(n => n.NoticeId, StringComparer.Ordinal)];
    }

    private static StoredNotice ToNotice(TableEntity e) => new(
        e.RowKey, e.PartitionKey, e.GetString("Source"), e.GetString("WebhookId"), e.GetString("BodySha256"),
        TableValues.ParseInstant(e.GetString("ReceivedAt")), e.GetString("Methods"), e.GetString("Document"));
}

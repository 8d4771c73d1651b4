using System.Buffers;
using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using System.Text;
using NodaTime;
using RegRights.Application.Agreements;

namespace RegRights.Application.Notices;

/// <summary>
/// A notice as received and stamped. <see cref="Document"/> is the notice's stored JSON (<c>NoticeRow</c>: deliveries,
/// stamp, receipt time), stored as it was first returned so a replay returns the same bytes of meaning.
/// </summary>
/// <param name="NoticeId">The id, derived from the agreement, source and webhook id (<see cref="NoticeStore.NoticeIdFor"/>).</param>
/// <param name="AgreementId">The agreement it was given under.</param>
/// <param name="Source">The configured webhook source whose secret verified it.</param>
/// <param name="WebhookId">The sender's <c>webhook-id</c>.</param>
/// <param name="BodySha256">SHA-256 of the raw request body, lowercase hex.</param>
/// <param name="ReceivedAt">When this server received it (its own clock).</param>
/// <param name="Methods">The delivery methods, comma-separated, for a reader of the raw table.</param>
/// <param name="Document">The notice's JSON.</param>
public sealed record StoredNotice(
    string NoticeId, string AgreementId, string Source, string WebhookId, string BodySha256, Instant ReceivedAt, string Methods, string Document);

/// <summary>
/// A provider webhook linked to a notice: a row in the notice's agreement's partition, RowKey
/// <c>{noticeId}|{receipt hash}</c>, so a notice's links follow it in key order and one range query reads them.
/// </summary>
/// <param name="NoticeId">The notice.</param>
/// <param name="AgreementId">Its agreement.</param>
/// <param name="ReceiptId">The receipt (<c>{provider}.{source}-{hash}</c>).</param>
/// <param name="ReceivedAt">When this server received the webhook.</param>
/// <param name="Document">The link's stored JSON (<c>ReceiptLinkRow</c>).</param>
public sealed record StoredNoticeLink(string NoticeId, string AgreementId, string ReceiptId, Instant ReceivedAt, string Document);

/// <summary>
/// The port the notice use cases store through: notices (append-only: added, never updated), by agreement. A notice's
/// id is its agreement's id and a hash of its source and webhook id, so a retried webhook lands on the same id and can
/// never become a second notice: the one conditional add is both the write and the idempotency check.
/// <c>RegRights.Infrastructure</c> implements it over Table Storage.
/// </summary>
public abstract class NoticeStore
{
    /// <summary>A table string property holds 64 KiB, i.e. 32 K UTF-16 characters: the most one stored notice holds.</summary>
    public const int MaxDocumentChars = 32 * 1024;

    /// <summary>The hex digits of the hash in a notice id.</summary>
    protected const int HashChars = 32;

    private static readonly SearchValues<char> LowerHex = SearchValues.Create("0123456789abcdef");

    /// <summary>
    /// The notice id of a webhook: <c>{agreementId}-{hash}</c>, the hash being the first 128 bits of
    /// SHA-256("{source}\n{webhookId}") in hex. The agreement's id in front lets a read by id alone find the partition.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="agreementId"/> is not an agreement id.</exception>
    public static string NoticeIdFor(string agreementId, string source, string webhookId)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(webhookId);
        if (!AgreementStore.IsWellFormedId(agreementId))
        {
            throw new ArgumentException($"'{agreementId}' is not an agreement id.", nameof(agreementId));
        }

        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(source + "\n" + webhookId)).AsSpan(0, HashChars / 2);
        return agreementId + "-" + Convert.ToHexStringLower(hash);
    }

    /// <summary>Whether <paramref name="id"/> has the shape of a notice id; if so, the agreement it was given under.</summary>
    public static bool TryGetAgreementId(string? id, [NotNullWhen(true)] out string? agreementId)
    {
        agreementId = null;
        if (id is not { Length: 32 + 1 + HashChars } || id[32] != '-' || !AgreementStore.IsWellFormedId(id[..32]) ||
            id.AsSpan(33).ContainsAnyExcept(LowerHex))
        {
            return false;
        }

        agreementId = id[..32];
        return true;
    }

    /// <summary>
    /// Adds <paramref name="notice"/>, or returns the notice already stored under its id (from an earlier try of the same
    /// webhook whose response was lost, or a replay) unchanged.
    /// </summary>
    /// <exception cref="ArgumentException">The document is longer than <see cref="MaxDocumentChars"/>.</exception>
    public abstract Task<StoredNotice> AddAsync(StoredNotice notice, CancellationToken cancellationToken = default);

    /// <summary>
    /// Links a provider's webhook to a notice (<see cref="StoredNoticeLink"/>), once: a retry of the same webhook finds
    /// its link there and adds nothing.
    /// </summary>
    public abstract Task AddLinkAsync(StoredNoticeLink link, CancellationToken cancellationToken = default);

    /// <summary>The webhooks linked to a notice, in the order received.</summary>
    public abstract Task<IReadOnlyList<StoredNoticeLink>> ListLinksAsync(string noticeId, CancellationToken cancellationToken = default);

    /// <summary>An agreement's notices and every webhook linked to them.</summary>
    public abstract Task<(IReadOnlyList<StoredNotice> Notices, IReadOnlyList<StoredNoticeLink> Links)> ListWithLinksAsync(
        string agreementId, CancellationToken cancellationToken = default);

    /// <summary>A notice by id, or null.</summary>
    public abstract Task<StoredNotice?> GetAsync(string noticeId, CancellationToken cancellationToken = default);

    /// <summary>The notices of an agreement, in the order this server received them.</summary>
    public abstract Task<IReadOnlyList<StoredNotice>> ListByAgreementAsync(string agreementId, CancellationToken cancellationToken = default);
}

using System.Security.Cryptography;
using System.Text;
using NodaTime;
using RegRights.Application.Notices;

namespace RegRights.Application.Intake;

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
/// <param name="Document">The receipt's stored JSON (<c>IntakeReceiptRow</c>).</param>
/// <param name="Notice">The notice this webhook made, if it made one (added again by a retry: a conflict means it is there).</param>
/// <param name="Link">The link to its notice, if any.</param>
public sealed record StoredReceipt(
    string ReceiptId, string Provider, string Source, string EventId, Instant ReceivedAt, ReadOnlyMemory<byte> Body, string Document,
    StoredNotice? Notice, StoredNoticeLink? Link);

/// <summary>
/// The port the provider intake keeps every verified provider webhook through, append-only: a receipt's id is a hash of
/// its provider, source and the provider's event identity, so a retried event has the same id, and the add of a
/// receipt whose id is taken answers the receipt already there. <c>RegRights.Infrastructure</c> implements it over
/// Table Storage.
/// </summary>
public abstract class IntakeReceiptStore
{
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
        return SourcePrefix(provider, source) + "-" + Convert.ToHexStringLower(hash);
    }

    /// <summary>Adds the receipt, or returns the one already stored under its id (a retry of the same event).</summary>
    public abstract Task<StoredReceipt> AddAsync(StoredReceipt receipt, CancellationToken cancellationToken = default);

    /// <summary>A receipt by id, or null.</summary>
    public abstract Task<StoredReceipt?> GetAsync(string receiptId, CancellationToken cancellationToken = default);

    /// <summary>A source's receipts, in the order received.</summary>
    public abstract Task<IReadOnlyList<StoredReceipt>> ListAsync(string provider, string source, CancellationToken cancellationToken = default);

    /// <summary>What the ids of one source's receipts start with: <c>{provider}.{source}</c>.</summary>
    protected static string SourcePrefix(string provider, string source) => provider + "." + source;
}

using System.Text;
using Azure;
using NodaTime;
using RegRights.Contracts.Agreements;
using RegRights.Core.Agreements;
using RegRights.Core.Deadlines;
using RegRights.Core.DelayPayments;

namespace RegRights.Application.Agreements;

/// <summary>An agreement as stored: its document, id, ETag and bookkeeping.</summary>
public sealed record StoredAgreement(
    string Id, ETag ETag, AgreementDocument Document, int EventCount, Instant CreatedAt, Instant UpdatedAt)
{
    /// <summary>The agreement's terms: its template's (the seed agreement's, April 28, 2000, by default) where its document gives none.</summary>
    public AgreementTerms Terms => Document.Terms?.ToTerms(Template.Terms) ?? Template.Terms;

    /// <summary>The agreement's template (<see cref="AgreementDocument.Template"/>; the seed's by default).</summary>
    public AgreementTemplate Template =>
        AgreementTemplates.TryGet(Document.Template ?? AgreementTemplates.DefaultName, out var template) ? template : AgreementTemplates.NeoTherapeutics2000;

    /// <summary>The Holders whose subscription amounts are recorded, by party name: the base of the Registration Delay Payments.</summary>
    public IReadOnlyList<HolderSubscription> Holders =>
        [.. (Document.Parties ?? []).SelectMany(p => p?.ToSubscriptions() ?? [])];
}

/// <summary>An event as stored: its place in the record and when the server recorded it.</summary>
public sealed record StoredEvent(int Sequence, AgreementEvent Event, Instant RecordedAt);

/// <summary>An agreement with its events, in the order recorded; <see cref="StoredAgreement.ETag"/> covers both.</summary>
public sealed record AgreementRecord(StoredAgreement Agreement, IReadOnlyList<StoredEvent> Events)
{
    /// <summary>The agreement's deadlines under its terms and events, each judged as of <paramref name="asOf"/>.</summary>
    public DeadlineSchedule ScheduleAsOf(LocalDate asOf) =>
        DeadlineEngine.Compute(Agreement.Terms, [.. Events.Select(e => e.Event)], asOf, Agreement.Holders);

    /// <summary>Today in the agreement's zone at <paramref name="now"/>: the day its deadlines are judged on.</summary>
    public LocalDate Today(Instant now) => now.InZone(Agreement.Terms.TimeZone).Date;
}

/// <summary>What a create under an idempotency key found: the agreement under the key, and whether this call stored it.</summary>
/// <param name="Agreement">The agreement the key names, as stored now.</param>
/// <param name="Created">True when this call stored it; false when a create with the key came first.</param>
/// <param name="SameRequest">Whether the first create's document is this one (always true when <paramref name="Created"/>).</param>
public sealed record IdempotentCreate(StoredAgreement Agreement, bool Created, bool SameRequest);

/// <summary>A page of agreements and the token for the next one (null on the last page).</summary>
public sealed record StoredAgreementPage(IReadOnlyList<StoredAgreement> Items, string? ContinuationToken);

/// <summary>
/// The port the agreement use cases store through: agreements and their append-only events, every change conditional
/// on the agreement's ETag, so a caller that lost a race gets a <see cref="RequestFailedException"/> with status 412,
/// never a silent overwrite. <c>RegRights.Infrastructure</c> implements it over Table Storage.
/// </summary>
public abstract class AgreementStore
{
    /// <summary>Whether <paramref name="id"/> has the shape of an agreement id (32 lowercase hex digits).</summary>
    public static bool IsWellFormedId(string? id) =>
        id is { Length: 32 } && id.All(c => c is (>= '0' and <= '9') or (>= 'a' and <= 'f'));

    /// <summary>The agreement id a create under <paramref name="idempotencyKey"/> stores: 32 hex digits of SHA-256 over the key.</summary>
    public static string IdFor(string idempotencyKey)
    {
        ArgumentNullException.ThrowIfNull(idempotencyKey);
        var digest = System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes("agreement-create\n" + idempotencyKey));
        return Convert.ToHexStringLower(digest.AsSpan(0, 16));
    }

    /// <summary>Stores a new agreement under a new id.</summary>
    public abstract Task<StoredAgreement> CreateAsync(AgreementDocument document, Instant now, CancellationToken cancellationToken = default);

    /// <summary>
    /// Stores a new agreement under the id <paramref name="idempotencyKey"/> names (<see cref="IdFor"/>), unless a
    /// create with that key came first: one conditional insert, so two racing creates with one key store one agreement.
    /// </summary>
    /// <param name="document">The document, as it is to be stored.</param>
    /// <param name="idempotencyKey">The client's key for this create.</param>
    /// <param name="now">The server's time, for CreatedAt and UpdatedAt.</param>
    /// <param name="cancellationToken">Cancels the storage calls.</param>
    public abstract Task<IdempotentCreate> CreateOnceAsync(
        AgreementDocument document, string idempotencyKey, Instant now, CancellationToken cancellationToken = default);

    /// <summary>The agreement without its events, or null.</summary>
    public abstract Task<StoredAgreement?> GetAgreementAsync(string id, CancellationToken cancellationToken = default);

    /// <summary>The agreement with its events, or null.</summary>
    public abstract Task<AgreementRecord?> GetRecordAsync(string id, CancellationToken cancellationToken = default);

    /// <summary>One page of agreements.</summary>
    /// <param name="continuationToken">The token of the previous page, or null for the first.</param>
    /// <param name="pageSize">1 to 1000.</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    /// <exception cref="ArgumentException">The token is not one this store issued.</exception>
    public abstract Task<StoredAgreementPage> ListAsync(string? continuationToken, int pageSize, CancellationToken cancellationToken = default);

    /// <summary>Replaces the agreement's document if its ETag is still <paramref name="ifMatch"/>.</summary>
    /// <exception cref="RequestFailedException">Status 412: the agreement changed since <paramref name="ifMatch"/> was read;
    /// status 404: it does not exist.</exception>
    public abstract Task<StoredAgreement> ReplaceAsync(
        string id, AgreementDocument document, ETag ifMatch, Instant now, CancellationToken cancellationToken = default);

    /// <summary>
    /// Appends <paramref name="agreementEvent"/> after the events of <paramref name="record"/>, conditional on the
    /// agreement's ETag, so two appends that read the same record cannot both succeed.
    /// </summary>
    /// <exception cref="RequestFailedException">Status 412: another change came first.</exception>
    public abstract Task<AgreementRecord> AppendEventAsync(
        AgreementRecord record, AgreementEvent agreementEvent, Instant now, CancellationToken cancellationToken = default);

    /// <summary>
    /// Field errors when <paramref name="document"/> is over what the store holds, keyed by the field's JSON path
    /// (<c>$.contacts</c>); null when it fits. Checked before a write, so that it is refused at its field.
    /// </summary>
    public abstract IReadOnlyDictionary<string, string[]>? FindTooLarge(AgreementDocument document);
}

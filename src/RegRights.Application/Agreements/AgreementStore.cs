using System.Text;
using NodaTime;
using RegRights.Application.Agreements.Rows;
using RegRights.Contracts.Agreements;
using RegRights.Core.Agreements;
using RegRights.Core.Deadlines;
using RegRights.Core.DelayPayments;

namespace RegRights.Application.Agreements;

/// <summary>An agreement as stored: its document, id, version and bookkeeping.</summary>
public sealed record StoredAgreement(
    string Id, StoredVersion Version, AgreementDocument Document, int EventCount, Instant CreatedAt, Instant UpdatedAt)
{
    /// <summary>The agreement's terms: its template's (the seed agreement's, April 28, 2000, by default) where its document gives none.</summary>
    public AgreementTerms Terms => Document.Terms?.ToTerms(Template.Terms) ?? Template.Terms;

    /// <summary>The agreement's template (<see cref="AgreementDocument.Template"/>; the seed's by default).</summary>
    public AgreementTemplate Template =>
        AgreementTemplates.TryGet(Document.Template ?? AgreementTemplates.DefaultName, out var template) ? template : AgreementTemplates.NeoTherapeutics2000;

    /// <summary>The agreement's terms whole, its template's where its document gives none: what a deadline-index row keeps.</summary>
    /// <remarks>
    /// Whole, not the document's overrides: the scan reads the row with no template (<see cref="AgreementRows.ReadTerms"/>),
    /// so a modern deal that overrides only its Filing Deadline would otherwise be reminded in the seed's zone and calendar.
    /// </remarks>
    public TermsRow StoredTerms => AgreementRows.ToRow(TermsDocument.From(Terms))!;

    /// <summary>Whether deadlines before the agreement was registered here are reminded (<see cref="AgreementDocument.RemindDeadlinesBeforeRegistration"/>).</summary>
    public bool RemindDeadlinesBeforeRegistration => Document.RemindDeadlinesBeforeRegistration == true;

    /// <summary>The Holders whose subscription amounts are recorded, by party name: the base of the Registration Delay Payments.</summary>
    public IReadOnlyList<HolderSubscription> Holders =>
        [.. (Document.Parties ?? []).SelectMany(p => p?.ToSubscriptions() ?? [])];
}

/// <summary>An event as stored: its place in the record and when the server recorded it.</summary>
public sealed record StoredEvent(int Sequence, AgreementEvent Event, Instant RecordedAt);

/// <summary>An agreement with its events, in the order recorded; <see cref="StoredAgreement.Version"/> covers both.</summary>
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

/// <summary>A page of agreement ids and the token for the next one (null on the last page).</summary>
public sealed record AgreementIdPage(IReadOnlyList<string> Ids, string? ContinuationToken);

/// <summary>An agreement's head row as the store read or wrote it.</summary>
/// <param name="Id">The agreement id.</param>
/// <param name="Version">The row's version, which covers the agreement and its events.</param>
/// <param name="Row">The agreement as stored.</param>
/// <param name="EventCount">How many events are recorded.</param>
/// <param name="CreatedAt">When it was created, by the server's clock.</param>
/// <param name="UpdatedAt">When it was last written.</param>
/// <param name="RequestSha256">For a create under an idempotency key, the SHA-256 of the row it stored; else null.</param>
public sealed record AgreementHead(string Id, StoredVersion Version, AgreementRow Row, int EventCount, Instant CreatedAt, Instant UpdatedAt, string? RequestSha256 = null);

/// <summary>
/// The port the agreement use cases store through: agreements and their append-only events, every change conditional
/// on the agreement's version, so a caller that lost a race gets a <see cref="StoredRowChangedException"/>, never a
/// silent overwrite. <c>RegRights.Infrastructure</c> implements its protected members over Table Storage, in
/// stored rows (<see cref="AgreementRow"/>); the documents of the API are mapped to rows here, and only here.
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
    public virtual async Task<StoredAgreement> CreateAsync(AgreementDocument document, Instant now, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(document);
        var id = Guid.CreateVersion7().ToString("N");
        var version = await AddHeadAsync(id, AgreementRows.ToRow(document), null, now, cancellationToken).ConfigureAwait(false);
        return new StoredAgreement(id, version, document, 0, now, now);
    }

    /// <summary>
    /// Stores a new agreement under the id <paramref name="idempotencyKey"/> names (<see cref="IdFor"/>), unless a
    /// create with that key came first: one conditional insert, so two racing creates with one key store one agreement.
    /// </summary>
    /// <remarks>
    /// The insert of the head row is what refuses the second create. The row keeps the SHA-256 of what it stored, so a
    /// repeat with another document is told apart from a retry.
    /// </remarks>
    /// <param name="document">The document, as it is to be stored.</param>
    /// <param name="idempotencyKey">The client's key for this create.</param>
    /// <param name="now">The server's time, for CreatedAt and UpdatedAt.</param>
    /// <param name="cancellationToken">Cancels the storage calls.</param>
    public virtual async Task<IdempotentCreate> CreateOnceAsync(
        AgreementDocument document, string idempotencyKey, Instant now, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentException.ThrowIfNullOrEmpty(idempotencyKey);
        var id = IdFor(idempotencyKey);
        var row = AgreementRows.ToRow(document);
        var hash = RequestHash(row);
        try
        {
            var version = await AddHeadAsync(id, row, hash, now, cancellationToken).ConfigureAwait(false);
            return new IdempotentCreate(new StoredAgreement(id, version, document, 0, now, now), Created: true, SameRequest: true);
        }
        catch (StoredRowExistsException ex)
        {
            // Agreements are never deleted, so the row that refused the insert is there to read.
            var first = await GetHeadAsync(id, cancellationToken).ConfigureAwait(false)
                ?? throw new InvalidOperationException($"The agreement '{id}' refused a create and cannot be read.", ex);
            return new IdempotentCreate(ToAgreement(first), Created: false, SameRequest: first.RequestSha256 == hash);
        }
    }

    // Over the row's JSON, which is byte for byte the API document's of shape 1, so a retry across the change to
    // stored shapes is still known for one (AgreementRowShapeTest).
    internal static string RequestHash(AgreementRow row) =>
        Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(StoredJson.ToJson(row))));

    /// <summary>The agreement without its events, or null.</summary>
    public virtual async Task<StoredAgreement?> GetAgreementAsync(string id, CancellationToken cancellationToken = default) =>
        IsWellFormedId(id) && await GetHeadAsync(id, cancellationToken).ConfigureAwait(false) is { } head ? ToAgreement(head) : null;

    /// <summary>The agreement with its events, or null.</summary>
    public virtual async Task<AgreementRecord?> GetRecordAsync(string id, CancellationToken cancellationToken = default)
    {
        if (!IsWellFormedId(id))
        {
            return null;
        }

        var (head, events) = await GetHeadAndEventsAsync(id, cancellationToken).ConfigureAwait(false);
        return head is null ? null : new AgreementRecord(ToAgreement(head), [.. events.OrderBy(e => e.Sequence)]);
    }

    /// <summary>One page of agreements.</summary>
    /// <param name="continuationToken">The token of the previous page, or null for the first.</param>
    /// <param name="pageSize">1 to 1000.</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    /// <exception cref="ArgumentException">The token is not one this store issued.</exception>
    public virtual async Task<StoredAgreementPage> ListAsync(string? continuationToken, int pageSize, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(pageSize, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(pageSize, 1000);
        var (heads, next) = await ListHeadsAsync(continuationToken, pageSize, cancellationToken).ConfigureAwait(false);
        return new StoredAgreementPage([.. heads.Select(ToAgreement)], next);
    }

    /// <summary>One page of agreement ids, whatever their rows hold.</summary>
    /// <remarks>
    /// For a reader that goes through every agreement and skips, with the reason, one it cannot read (the deadline
    /// index's rebuild): <see cref="ListAsync"/> reads each row and refuses a page with one of a later shape.
    /// </remarks>
    /// <param name="continuationToken">The token of the previous page, or null for the first.</param>
    /// <param name="pageSize">1 to 1000.</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    /// <exception cref="ArgumentException">The token is not one this store issued.</exception>
    public virtual async Task<AgreementIdPage> ListIdsAsync(string? continuationToken, int pageSize, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(pageSize, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(pageSize, 1000);
        var (ids, next) = await ListHeadIdsAsync(continuationToken, pageSize, cancellationToken).ConfigureAwait(false);
        return new AgreementIdPage(ids, next);
    }

    /// <summary>Replaces the agreement's document if its version is still <paramref name="ifMatch"/>.</summary>
    /// <exception cref="StoredRowChangedException">The agreement changed since <paramref name="ifMatch"/> was read.</exception>
    /// <exception cref="StoredRowNotFoundException">It does not exist.</exception>
    public virtual async Task<StoredAgreement> ReplaceAsync(
        string id, AgreementDocument document, StoredVersion ifMatch, Instant now, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(document);
        if (!IsWellFormedId(id))
        {
            throw new StoredRowNotFoundException($"No agreement '{id}'.");
        }

        await ReplaceHeadAsync(id, AgreementRows.ToRow(document), ifMatch, now, cancellationToken).ConfigureAwait(false);
        return await GetAgreementAsync(id, cancellationToken).ConfigureAwait(false)
            ?? throw new StoredRowNotFoundException($"No agreement '{id}'.");
    }

    /// <summary>
    /// Appends <paramref name="agreementEvent"/> after the events of <paramref name="record"/>, conditional on the
    /// agreement's version, so two appends that read the same record cannot both succeed.
    /// </summary>
    /// <exception cref="StoredRowChangedException">Another change came first.</exception>
    public virtual async Task<AgreementRecord> AppendEventAsync(
        AgreementRecord record, AgreementEvent agreementEvent, Instant now, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(agreementEvent);
        var agreement = record.Agreement;
        var sequence = agreement.EventCount + 1;
        var version = await AddEventAsync(agreement.Id, agreement.Version, new StoredEvent(sequence, agreementEvent, now), cancellationToken).ConfigureAwait(false);
        var updated = agreement with { Version = version, EventCount = sequence, UpdatedAt = now };
        return new AgreementRecord(updated, [.. record.Events, new StoredEvent(sequence, agreementEvent, now)]);
    }

    /// <summary>
    /// Field errors when <paramref name="document"/> is over what the store holds, keyed by the field's JSON path
    /// (<c>$.contacts</c>); null when it fits. Checked before a write, so that it is refused at its field.
    /// </summary>
    public virtual IReadOnlyDictionary<string, string[]>? FindTooLarge(AgreementDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        return FindTooLarge(AgreementRows.ToRow(document));
    }

    /// <summary>Inserts the head row of a new agreement, with no events; returns its version.</summary>
    /// <exception cref="StoredRowExistsException">An agreement with <paramref name="id"/> exists.</exception>
    protected abstract Task<StoredVersion> AddHeadAsync(string id, AgreementRow row, string? requestSha256, Instant now, CancellationToken cancellationToken);

    /// <summary>The head row, or null; <paramref name="id"/> is well formed.</summary>
    protected abstract Task<AgreementHead?> GetHeadAsync(string id, CancellationToken cancellationToken);

    /// <summary>The head row (or null) and the events, in any order; <paramref name="id"/> is well formed.</summary>
    protected abstract Task<(AgreementHead? Head, IReadOnlyList<StoredEvent> Events)> GetHeadAndEventsAsync(string id, CancellationToken cancellationToken);

    /// <summary>One page of head rows and the token of the next (null on the last).</summary>
    /// <exception cref="ArgumentException">The token is not one this store issued.</exception>
    protected abstract Task<(IReadOnlyList<AgreementHead> Heads, string? ContinuationToken)> ListHeadsAsync(
        string? continuationToken, int pageSize, CancellationToken cancellationToken);

    /// <summary>One page of the head rows' ids and the token of the next (null on the last); the rows are not read.</summary>
    /// <exception cref="ArgumentException">The token is not one this store issued.</exception>
    protected abstract Task<(IReadOnlyList<string> Ids, string? ContinuationToken)> ListHeadIdsAsync(
        string? continuationToken, int pageSize, CancellationToken cancellationToken);

    /// <summary>Replaces the head row's agreement, keeping its events and CreatedAt, if its version is still <paramref name="ifMatch"/>.</summary>
    /// <exception cref="StoredRowChangedException">The head row changed since <paramref name="ifMatch"/> was read.</exception>
    /// <exception cref="StoredRowNotFoundException">There is no head row.</exception>
    protected abstract Task ReplaceHeadAsync(string id, AgreementRow row, StoredVersion ifMatch, Instant now, CancellationToken cancellationToken);

    /// <summary>Adds the event row and counts it on the head row, both or neither, if the head's version is still <paramref name="ifMatch"/>; returns the head's new version.</summary>
    /// <exception cref="StoredRowChangedException">Another change came first.</exception>
    protected abstract Task<StoredVersion> AddEventAsync(string id, StoredVersion ifMatch, StoredEvent storedEvent, CancellationToken cancellationToken);

    /// <summary>Field errors when <paramref name="row"/> is over what the store holds, keyed by the field's JSON path; null when it fits.</summary>
    protected abstract IReadOnlyDictionary<string, string[]>? FindTooLarge(AgreementRow row);

    private static StoredAgreement ToAgreement(AgreementHead head) =>
        new(head.Id, head.Version, AgreementRows.ToDocument(head.Row), head.EventCount, head.CreatedAt, head.UpdatedAt);
}

using NodaTime;
using RegRights.Application.Notices;
using RegRights.Contracts.Agreements;
using RegRights.Core.Agreements;
using RegRights.Core.Calendars;
using RegRights.Core.Deadlines;
using RegRights.Core.Reminders;

namespace RegRights.Application.Agreements;

/// <summary>
/// Agreements and their events: checks a document or an event, stores it conditionally on the agreement's version, and
/// keeps the deadline index following every write.
/// </summary>
/// <remarks>
/// An event is checked against the record it is appended to (<see cref="EventRecordRules"/>: one Closing Date, § 1;
/// the Registration Statement filed before a comment letter or a declaration of effectiveness, § 2(a), § 3(b)) and
/// stored only if that record is still the latest, so two events that each fit the record but not each other (two
/// Closings posted at once) are never both stored. Nothing is edited or deleted: a correction is a new event.
/// <para>
/// The deadline index follows each successful write and is not cancelled with the caller: a caller that hung up after
/// its write was stored still needs the index to follow it. Indexing never fails the write
/// (<see cref="IAgreementIndexer"/>).
/// </para>
/// </remarks>
public class AgreementService
{
    /// <summary>The page size when none is asked for.</summary>
    public const int DefaultPageSize = 50;

    /// <summary>The largest page that may be asked for.</summary>
    public const int MaxPageSize = 200;

    /// <summary>
    /// How many times an event is appended before <see cref="AgreementEventResult.AgreementChanged"/>: each attempt
    /// that loses to another write reads the record again and checks the event against it.
    /// </summary>
    public const int MaxAppendAttempts = 100;

    private readonly AgreementStore agreements;
    private readonly IAgreementIndexer index;
    private readonly AgreementTermsCache terms;
    private readonly IClock clock;

    /// <summary>Creates the service over the store, the index updater and the clock that stamps every write.</summary>
    public AgreementService(AgreementStore agreements, IAgreementIndexer index, AgreementTermsCache terms, IClock clock)
    {
        this.agreements = agreements ?? throw new ArgumentNullException(nameof(agreements));
        this.index = index ?? throw new ArgumentNullException(nameof(index));
        this.terms = terms ?? throw new ArgumentNullException(nameof(terms));
        this.clock = clock ?? throw new ArgumentNullException(nameof(clock));
    }

    /// <summary>For mocking.</summary>
    protected AgreementService()
    {
        agreements = null!;
        index = null!;
        terms = null!;
        clock = null!;
    }

    /// <summary>Checks <paramref name="document"/> and stores it as a new agreement.</summary>
    /// <remarks>
    /// Terms left out are the seed agreement's (April 28, 2000) and are stored in full, so a later change to the
    /// template's defaults never changes a stored deal's terms.
    /// </remarks>
    /// <returns><see cref="AgreementWriteResult.Created"/> or <see cref="AgreementWriteResult.Invalid"/>.</returns>
    public virtual async Task<AgreementWriteResult> CreateAsync(AgreementDocument document, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(document);
        if (ToStored(document, out var normalized) is { } invalid)
        {
            return invalid;
        }

        var stored = await agreements.CreateAsync(normalized, clock.GetCurrentInstant(), cancellationToken).ConfigureAwait(false);
        await WrittenAsync(stored.Id, new AgreementRecord(stored, [])).ConfigureAwait(false);
        return new AgreementWriteResult.Created(ToView(stored));
    }

    /// <summary>
    /// The key of an error about the <c>Idempotency-Key</c> header: a header is named in errors by its name in lower
    /// case, as HTTP/2 writes it and as the webhook headers (<c>webhook-id</c>) are named, everywhere in the app.
    /// </summary>
    public const string IdempotencyKeyField = "idempotency-key";

    /// <summary>The most characters an idempotency key may have.</summary>
    public const int MaxIdempotencyKeyLength = 255;

    /// <summary>
    /// Checks <paramref name="document"/> and stores it as a new agreement once per <paramref name="idempotencyKey"/>:
    /// a retry after a timeout is answered with the agreement the first create stored, never a second agreement.
    /// </summary>
    /// <remarks>
    /// One conditional insert decides (<see cref="AgreementStore.CreateOnceAsync"/>), so two racing creates with one key
    /// store one agreement and the other is <see cref="AgreementWriteResult.Replayed"/>. A repeat is compared with the
    /// first by the document as stored (terms left out count as the seed's), so sending the same body again replays
    /// and a different body under the key is <see cref="AgreementWriteResult.IdempotencyKeyReused"/>. A key is 1 to
    /// <see cref="MaxIdempotencyKeyLength"/> printable ASCII characters (a UUID, say); another is
    /// <see cref="AgreementWriteResult.Invalid"/> at <see cref="IdempotencyKeyField"/>.
    /// </remarks>
    /// <param name="document">The agreement's document.</param>
    /// <param name="idempotencyKey">The client's key for this create (the <c>Idempotency-Key</c> header).</param>
    /// <param name="cancellationToken">Cancels the storage calls.</param>
    /// <returns><see cref="AgreementWriteResult.Created"/>, <see cref="AgreementWriteResult.Replayed"/>,
    /// <see cref="AgreementWriteResult.IdempotencyKeyReused"/> or <see cref="AgreementWriteResult.Invalid"/>.</returns>
    public virtual async Task<AgreementWriteResult> CreateAsync(
        AgreementDocument document, string idempotencyKey, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(idempotencyKey);
        if (idempotencyKey.Length is 0 or > MaxIdempotencyKeyLength || idempotencyKey.Any(c => c is < '!' or > '~'))
        {
            return new AgreementWriteResult.Invalid(new Dictionary<string, string[]>
            {
                [IdempotencyKeyField] = [$"Must be 1 to {MaxIdempotencyKeyLength} printable ASCII characters without spaces, e.g. a UUID."],
            });
        }

        if (ToStored(document, out var normalized) is { } invalid)
        {
            return invalid;
        }

        var once = await agreements.CreateOnceAsync(normalized, idempotencyKey, clock.GetCurrentInstant(), cancellationToken).ConfigureAwait(false);
        if (!once.Created)
        {
            return once.SameRequest
                ? new AgreementWriteResult.Replayed(ToView(once.Agreement))
                : new AgreementWriteResult.IdempotencyKeyReused(once.Agreement.Id);
        }

        await WrittenAsync(once.Agreement.Id, new AgreementRecord(once.Agreement, [])).ConfigureAwait(false);
        return new AgreementWriteResult.Created(ToView(once.Agreement));
    }

    /// <summary>Checks <paramref name="document"/> and replaces the agreement's document with it, if the agreement is unchanged since <paramref name="ifMatch"/> was read.</summary>
    /// <remarks>
    /// Events are kept; an event recorded since <paramref name="ifMatch"/> was read changed the agreement. A replace is
    /// the whole document: one that leaves out the terms (or any term), the parties or the contacts is refused at each
    /// missing field (<see cref="AgreementDocumentRules.MissingForReplace"/>), since taking the seed's terms or no
    /// contacts for them would lose what is stored without a word; so is one that leaves out the template of an
    /// agreement made from another than the seed's (<c>$.template</c>). A change of some fields is <see cref="PatchAsync"/>.
    /// </remarks>
    /// <param name="agreementId">The agreement's id.</param>
    /// <param name="document">The whole new document.</param>
    /// <param name="ifMatch">The version last read (the view's <see cref="AgreementView.ETag"/>); never none, since a blind replace could undo a change made in between.</param>
    /// <param name="cancellationToken">Cancels the storage calls.</param>
    /// <returns><see cref="AgreementWriteResult.Replaced"/>, <see cref="AgreementWriteResult.NotFound"/>,
    /// <see cref="AgreementWriteResult.PreconditionFailed"/> or <see cref="AgreementWriteResult.Invalid"/>.</returns>
    /// <exception cref="ArgumentException"><paramref name="ifMatch"/> is none.</exception>
    public virtual async Task<AgreementWriteResult> ReplaceAsync(
        string agreementId, AgreementDocument document, StoredVersion ifMatch, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(agreementId);
        ArgumentNullException.ThrowIfNull(document);
        if (ifMatch.IsNone)
        {
            throw new ArgumentException("A replace is conditional: pass the version last read.", nameof(ifMatch));
        }

        var missing = AgreementDocumentRules.MissingForReplace(document);
        if (missing.Count > 0)
        {
            return new AgreementWriteResult.Invalid(missing);
        }

        return await ReplaceCoreAsync(agreementId, document, ifMatch, current: null, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// <see cref="ReplaceAsync(string, AgreementDocument, StoredVersion, CancellationToken)"/> under an If-Match list (RFC 9110
    /// § 13.1.1): the write is conditional on the listed version that is current, or on the first when none is, which then
    /// fails as stale.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="ifMatch"/> is empty.</exception>
    public virtual async Task<AgreementWriteResult> ReplaceAsync(
        string agreementId, AgreementDocument document, IReadOnlyList<StoredVersion> ifMatch, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(ifMatch);
        if (ifMatch.Count == 0)
        {
            throw new ArgumentException("A replace is conditional: pass the version last read.", nameof(ifMatch));
        }

        var chosen = ifMatch[0];
        if (ifMatch.Count > 1)
        {
            // Only a list costs the read that finds which of its tags is current.
            if (await agreements.GetAgreementAsync(agreementId, cancellationToken).ConfigureAwait(false) is not { } current)
            {
                return new AgreementWriteResult.NotFound(agreementId);
            }

            chosen = ifMatch.Contains(current.Version) ? current.Version : chosen;
        }

        return await ReplaceAsync(agreementId, document, chosen, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Applies a JSON Merge Patch (RFC 7396, <see cref="AgreementMergePatch"/>) to the agreement's document, if the
    /// agreement's current version is one of <paramref name="ifMatch"/>: only the members the patch names change.
    /// </summary>
    /// <remarks>
    /// The patch is applied to the document as stored under the current version and the result is written conditionally
    /// on that version, so a change made between the read and the write is never overwritten (412). The merged document
    /// is checked as a replace's is. Events are kept.
    /// </remarks>
    /// <param name="agreementId">The agreement's id.</param>
    /// <param name="mergePatch">The patch as received (UTF-8 JSON).</param>
    /// <param name="ifMatch">The versions the client holds (If-Match); at least one, and none of them none.</param>
    /// <param name="options">The JSON options to read the patch with; null for <see cref="RegRights.Contracts.RegRightsJson.Options"/>.</param>
    /// <param name="cancellationToken">Cancels the storage calls.</param>
    /// <returns><see cref="AgreementWriteResult.Replaced"/>, <see cref="AgreementWriteResult.NotFound"/>,
    /// <see cref="AgreementWriteResult.PreconditionFailed"/> or <see cref="AgreementWriteResult.Invalid"/> (keyed by
    /// the patch's JSON paths).</returns>
    /// <exception cref="ArgumentException"><paramref name="ifMatch"/> is empty or holds none.</exception>
    public virtual async Task<AgreementWriteResult> PatchAsync(
        string agreementId, ReadOnlyMemory<byte> mergePatch, IReadOnlyList<StoredVersion> ifMatch, System.Text.Json.JsonSerializerOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(agreementId);
        ArgumentNullException.ThrowIfNull(ifMatch);
        if (ifMatch.Count == 0 || ifMatch.Any(v => v.IsNone))
        {
            throw new ArgumentException("A patch is conditional: pass the version last read.", nameof(ifMatch));
        }

        if (await agreements.GetRecordAsync(agreementId, cancellationToken).ConfigureAwait(false) is not { } current)
        {
            return new AgreementWriteResult.NotFound(agreementId);
        }

        var version = current.Agreement.Version;
        if (!ifMatch.Contains(version))
        {
            return new AgreementWriteResult.PreconditionFailed(agreementId);
        }

        var merged = AgreementMergePatch.Apply(current.Agreement.Document, mergePatch.Span, options);
        if (!merged.TryGetValue(out var document))
        {
            return new AgreementWriteResult.Invalid(merged.Errors);
        }

        return await ReplaceCoreAsync(agreementId, document, version, current, cancellationToken).ConfigureAwait(false);
    }

    private async Task<AgreementWriteResult> ReplaceCoreAsync(
        string agreementId, AgreementDocument document, StoredVersion ifMatch, AgreementRecord? current, CancellationToken cancellationToken)
    {
        if (ToStored(document, out var normalized) is { } invalid)
        {
            return invalid;
        }

        // New terms must still compute the events already recorded (a 1,000-day Effectiveness Date after a closing in
        // 2098 runs past the calendar). Events recorded after this read change the version, so the conditional replace
        // below refuses the document rather than store it unchecked against them.
        current ??= await agreements.GetRecordAsync(agreementId, cancellationToken).ConfigureAwait(false);
        if (current is null)
        {
            return new AgreementWriteResult.NotFound(agreementId);
        }

        if (AgreementDocumentRules.MissingNoticeForReplace(document, current.Agreement.Terms) is { } noticeMissing)
        {
            return new AgreementWriteResult.Invalid(noticeMissing);
        }

        // Left out, the template would fall back to the seed's: the terms are stored whole and would not change, but
        // the agreement would name a form it was not made from.
        if (document.Template is null && current.Agreement.Template.Name != AgreementTemplates.DefaultName)
        {
            return new AgreementWriteResult.Invalid(new Dictionary<string, string[]>
            {
                ["$.template"] = [$"Required: this agreement's template is '{current.Agreement.Template.Name}', and left out it would be reset to the seed's ('{AgreementTemplates.DefaultName}'). Send it as GET returns it, or PATCH only what changes (application/merge-patch+json)."],
            });
        }

        var newTerms = (document.Terms ?? new TermsDocument()).ToTerms(AgreementTemplates.Get(document.Template ?? AgreementTemplates.DefaultName).Terms);
        if (ScheduleRange.FindOutOfRange(newTerms, [.. current.Events.Select(e => e.Event)], ReminderLadder.Default) is { } outside)
        {
            return new AgreementWriteResult.Invalid(new Dictionary<string, string[]> { ["$.terms"] = ["Under these terms, the recorded events cannot be computed: " + outside] });
        }

        StoredAgreement stored;
        try
        {
            stored = await agreements.ReplaceAsync(agreementId, normalized, ifMatch, clock.GetCurrentInstant(), cancellationToken)
                .ConfigureAwait(false);
        }
        catch (StoredRowNotFoundException)
        {
            return new AgreementWriteResult.NotFound(agreementId);
        }
        catch (StoredRowChangedException)
        {
            return new AgreementWriteResult.PreconditionFailed(agreementId);
        }

        await WrittenAsync(agreementId, written: null).ConfigureAwait(false);
        return new AgreementWriteResult.Replaced(ToView(stored));
    }

    /// <summary>The agreement, with its ETag, or null when there is none with that id.</summary>
    public virtual async Task<AgreementView?> GetAsync(string agreementId, CancellationToken cancellationToken = default) =>
        await agreements.GetAgreementAsync(agreementId, cancellationToken).ConfigureAwait(false) is { } stored ? ToView(stored) : null;

    /// <summary>One page of agreements.</summary>
    /// <param name="continuationToken">The token of the previous page, or null for the first.</param>
    /// <param name="pageSize">1 to <see cref="MaxPageSize"/>; null for <see cref="DefaultPageSize"/>.</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    /// <returns><see cref="AgreementPageResult.Listed"/>, or <see cref="AgreementPageResult.Invalid"/> for a page size
    /// out of range or a token this service did not issue.</returns>
    public virtual async Task<AgreementPageResult> ListAsync(string? continuationToken, int? pageSize, CancellationToken cancellationToken = default)
    {
        if (pageSize is < 1 or > MaxPageSize)
        {
            return Invalid(nameof(pageSize), $"Must be 1 to {MaxPageSize}.");
        }

        try
        {
            var page = await agreements.ListAsync(continuationToken, pageSize ?? DefaultPageSize, cancellationToken).ConfigureAwait(false);
            return new AgreementPageResult.Listed(new AgreementPage([.. page.Items.Select(ToView)], page.ContinuationToken));
        }
        catch (ArgumentException ex) when (ex.ParamName == nameof(continuationToken))
        {
            return Invalid(nameof(continuationToken), "Not a token this API issued; start again without one.");
        }

        static AgreementPageResult.Invalid Invalid(string name, string message) => new(new Dictionary<string, string[]> { [name] = [message] });
    }

    /// <summary>
    /// The agreement with its events, to record an event against (<see cref="RecordEventAsync"/>), or null when there
    /// is none with that id.
    /// </summary>
    /// <remarks>
    /// A separate step so that a caller can tell an unknown agreement before it reads the event at all, as the HTTP API
    /// does (404 whatever the body).
    /// </remarks>
    public virtual Task<AgreementRecord?> GetRecordAsync(string agreementId, CancellationToken cancellationToken = default) =>
        agreements.GetRecordAsync(agreementId, cancellationToken);

    /// <summary>Checks <paramref name="document"/> against <paramref name="record"/> and appends it.</summary>
    /// <remarks>
    /// Checks in order: the fields; then the event's id (the same event again is a retry, answered with the first; the
    /// same id for another event is refused); then the record (<see cref="EventRecordRules.FindContradiction"/>, e.g. a
    /// filing dated before the Closing Date, § 1); then the dates its clocks reach (<see cref="ScheduleRange"/>). The
    /// append is conditional on the record's version. If another write was stored since the record was read (50 document
    /// systems posting distinct notices' events at once), the record is read again, the event checked again against
    /// it, and appended after it, up to <see cref="MaxAppendAttempts"/> times: so a client sees
    /// <see cref="AgreementEventResult.AgreementChanged"/> only when the agreement kept changing under every attempt,
    /// and a true conflict (two Closings posted at once) as the second one's <see cref="AgreementEventResult.Contradicted"/>.
    /// </remarks>
    /// <param name="record">The record from <see cref="GetRecordAsync"/>.</param>
    /// <param name="document">The event as posted; <see cref="AgreementEventDocument.RecordedAt"/> is ignored.</param>
    /// <param name="cancellationToken">Cancels the storage calls.</param>
    public virtual async Task<AgreementEventResult> RecordEventAsync(
        AgreementRecord record, AgreementEventDocument document, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(document);
        var errors = AgreementValidation.Validate(document);
        if (errors.Count > 0)
        {
            return new AgreementEventResult.Invalid(errors);
        }

        var next = AgreementValidation.ToEvent(document);
        var current = record;
        for (var attempt = 1; ; attempt++)
        {
            if (CheckAgainst(current, next) is { } refused)
            {
                return refused;
            }

            var now = clock.GetCurrentInstant();
            try
            {
                var appended = await agreements.AppendEventAsync(current, next, now, cancellationToken).ConfigureAwait(false);
                await WrittenAsync(record.Agreement.Id, appended).ConfigureAwait(false);
                return new AgreementEventResult.Recorded(AgreementEventDocument.From(next, Local(now, record.Agreement)));
            }
            catch (StoredRowChangedException)
            {
                // Another write landed first. Distinct events commute, so the event is checked again against the record
                // as it now is and appended after it; only a true conflict (the same id, a contradiction) is answered.
                if (attempt == MaxAppendAttempts)
                {
                    return new AgreementEventResult.AgreementChanged(record.Agreement.Id);
                }
            }

            // A random pause spreads the writers that lost the same race, so each round lets more of them through.
            await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(1, 5 * Math.Min(attempt, 10))), cancellationToken).ConfigureAwait(false);
            if (await agreements.GetRecordAsync(record.Agreement.Id, cancellationToken).ConfigureAwait(false) is not { } reread)
            {
                return new AgreementEventResult.AgreementChanged(record.Agreement.Id);
            }

            current = reread;
        }
    }

    // The checks of an event against one state of the record; null when it may be appended to it.
    private static AgreementEventResult? CheckAgainst(AgreementRecord record, AgreementEvent next)
    {
        if (record.Events.FirstOrDefault(e => e.Event.Id == next.Id) is { } existing)
        {
            // The same event again is a client's retry; the same id for another event is a mistake.
            return existing.Event == next
                ? new AgreementEventResult.Replayed(AgreementEventDocument.From(existing.Event, Local(existing.RecordedAt, record.Agreement)))
                : new AgreementEventResult.EventIdReused(existing.Event);
        }

        var contradiction = EventRecordRules.FindContradiction([.. record.Events.Select(e => e.Event)], next);
        if (contradiction is not null)
        {
            return new AgreementEventResult.Contradicted(contradiction);
        }

        // A payment or a Rule 144 event names one of this agreement's Holders; a payment is in the deal's currency.
        if (next.Kind is AgreementEventKind.DelayPaymentMade or AgreementEventKind.Rule144Saleable)
        {
            var holder = record.Agreement.Holders.FirstOrDefault(h => h.HolderId == next.Holder);
            if (holder is null)
            {
                return new AgreementEventResult.Invalid(new Dictionary<string, string[]>
                {
                    ["$.holder"] = [$"'{next.Holder}' is not a Holder with a subscription amount; Holders: {string.Join(", ", record.Agreement.Holders.Select(h => h.HolderId))}."],
                });
            }

            if (next.Amount is { } amount && holder.Amount.Currency != amount.Currency)
            {
                return new AgreementEventResult.Invalid(new Dictionary<string, string[]>
                {
                    ["$.amount.currency"] = [$"The deal's amounts are in {holder.Amount.Currency}."],
                });
            }
        }

        // Checked at the write, so a record the engine cannot compute is never stored to fail every read after it.
        return ScheduleRange.FindOutOfRange(record.Agreement.Terms, [.. record.Events.Select(e => e.Event), next], ReminderLadder.Default) is { } outside
            ? new AgreementEventResult.Invalid(new Dictionary<string, string[]> { ["$.date"] = [outside] })
            : null;
    }

    /// <summary>The agreement's events in the order recorded, or null when there is no agreement with that id.</summary>
    public virtual async Task<IReadOnlyList<AgreementEventDocument>?> ListEventsAsync(string agreementId, CancellationToken cancellationToken = default) =>
        await agreements.GetRecordAsync(agreementId, cancellationToken).ConfigureAwait(false) is { } record
            ? [.. record.Events.Select(e => AgreementEventDocument.From(e.Event, Local(e.RecordedAt, record.Agreement)))]
            : null;

    /// <summary>
    /// The agreement's deadlines under its terms and events, each judged as of <paramref name="asOf"/>, or null when
    /// there is no agreement with that id.
    /// </summary>
    /// <remarks>
    /// Without <paramref name="asOf"/> the day is today in the agreement's zone, not in UTC: at 5:30 p.m. on Sunday
    /// 2000-05-28 in California (00:30 UTC on the 29th) the seed agreement's Filing Date, that Sunday under § 2(a),
    /// is still open, as it is for the people who must meet it. Terms an agreement was stored without are the seed
    /// agreement's (April 28, 2000).
    /// </remarks>
    /// <param name="agreementId">The agreement's id.</param>
    /// <param name="asOf">The day statuses are judged on; null for today in the agreement's zone.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    public virtual async Task<DeadlineSchedule?> GetScheduleAsync(string agreementId, LocalDate? asOf, CancellationToken cancellationToken = default)
    {
        if (await agreements.GetRecordAsync(agreementId, cancellationToken).ConfigureAwait(false) is not { } record)
        {
            return null;
        }

        return record.ScheduleAsOf(asOf ?? record.Today(clock.GetCurrentInstant()));
    }

    /// <summary>
    /// Errors for an <paramref name="asOf"/> day the engine cannot judge statuses on, keyed <c>asOf</c>, or null when
    /// it lies within the § 1 calendar (1971-01-01 to 2100-12-31).
    /// </summary>
    /// <remarks>A query parameter is an input like any other: 0001-01-01 is refused, not passed to the engine.</remarks>
    public static IReadOnlyDictionary<string, string[]>? ValidateAsOf(LocalDate asOf) =>
        asOf >= BusinessDayCalendar.MinDate && asOf <= BusinessDayCalendar.MaxDate
            ? null
            : new Dictionary<string, string[]>
            {
                ["asOf"] = [$"{asOf:uuuu-MM-dd} is outside the dates the § 1 Business Day calendar covers, {BusinessDayCalendar.MinDate:uuuu-MM-dd} to {BusinessDayCalendar.MaxDate:uuuu-MM-dd}."],
            };

    /// <summary>
    /// <see cref="GetScheduleAsync"/> with every outcome named: the schedule, no such agreement, an
    /// <paramref name="asOf"/> out of range (<see cref="ValidateAsOf"/>), or a stored record the engine cannot compute
    /// (stored before writes were checked), which is that agreement's problem alone and never an exception.
    /// </summary>
    /// <param name="agreementId">The agreement's id.</param>
    /// <param name="asOf">The day statuses are judged on; null for today in the agreement's zone.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    public virtual async Task<ScheduleResult> GetScheduleResultAsync(string agreementId, LocalDate? asOf, CancellationToken cancellationToken = default)
    {
        if (asOf is { } day && ValidateAsOf(day) is { } errors)
        {
            return new ScheduleResult.Invalid(errors);
        }

        if (await agreements.GetRecordAsync(agreementId, cancellationToken).ConfigureAwait(false) is not { } record)
        {
            return new ScheduleResult.NotFound(agreementId);
        }

        try
        {
            return new ScheduleResult.Computed(record.ScheduleAsOf(asOf ?? record.Today(clock.GetCurrentInstant())));
        }
        catch (ArgumentException ex) when (ex is not ArgumentNullException)
        {
            return new ScheduleResult.Uncomputable(agreementId, ex.Message.Split('\n')[0].Trim());
        }
    }

    // Every successful write that changes an agreement's head row comes through here, once, after it is stored and
    // before the caller is answered: create and replace (the document) and an event (the head's version, EventCount and
    // UpdatedAt). written is the record the write left, when the store returned it. The notice intake's kept terms go
    // first, so the next notice through this instance is stamped under the record just written.
    private Task WrittenAsync(string agreementId, AgreementRecord? written)
    {
        terms.Invalidate(agreementId);
        return index.IndexAfterWriteAsync(agreementId, written);
    }

    /// <summary>
    /// <paramref name="document"/> as it is stored (<see cref="Normalize"/>), or why it cannot be: a field the checks
    /// refuse, or one over what the store holds, found before the write so that it is refused at its field.
    /// </summary>
    private AgreementWriteResult.Invalid? ToStored(AgreementDocument document, out AgreementDocument normalized)
    {
        normalized = document;
        var errors = AgreementValidation.Validate(document);
        if (errors.Count > 0)
        {
            return new AgreementWriteResult.Invalid(errors);
        }

        normalized = Normalize(document);
        return agreements.FindTooLarge(normalized) is { } tooLarge ? new AgreementWriteResult.Invalid(tooLarge) : null;
    }

    // Stored complete, so a later change to the template's defaults never changes a stored deal's terms.
    private static AgreementDocument Normalize(AgreementDocument document)
    {
        var template = AgreementTemplates.Get(document.Template ?? AgreementTemplates.DefaultName);
        return document with
        {
            Template = template.Name,
            Terms = TermsDocument.From((document.Terms ?? new TermsDocument()).ToTerms(template.Terms)),
            Parties = document.Parties ?? [],
            Contacts = document.Contacts ?? [],
        };
    }

    private static AgreementView ToView(StoredAgreement stored) => new()
    {
        Id = stored.Id,
        ETag = stored.Version.ToString(),
        Name = stored.Document.Name ?? "",
        Template = stored.Template.Name,
        // Stored before the deal clauses (or the Rule 415 cutback clause) were terms: shown with them filled from its
        // template, so a PUT can send it back.
        Terms = stored.Document.Terms is { } old && (old.FilingDeadline is null || old.AdditionalRegistration is null) ? TermsDocument.From(old.ToTerms(stored.Template.Terms))
            : stored.Document.Terms ?? TermsDocument.From(stored.Template.Terms),
        Parties = stored.Document.Parties ?? [],
        Contacts = stored.Document.Contacts ?? [],
        RemindDeadlinesBeforeRegistration = stored.Document.RemindDeadlinesBeforeRegistration ?? false,
        EventCount = stored.EventCount,
        CreatedAt = Local(stored.CreatedAt, stored),
        UpdatedAt = Local(stored.UpdatedAt, stored),
    };

    // A moment as the people of the deal read it: in the agreement's zone, with the offset.
    private static OffsetDateTime Local(Instant instant, StoredAgreement agreement) => instant.InZone(agreement.Terms.TimeZone).ToOffsetDateTime();
}

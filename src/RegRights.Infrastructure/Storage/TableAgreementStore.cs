using System.Text;
using Azure;
using Azure.Data.Tables;
using NodaTime;
using RegRights.Application;
using RegRights.Application.Agreements;
using RegRights.Contracts.Agreements;
using RegRights.Core.Agreements;

namespace RegRights.Infrastructure.Storage;

/// <summary>
/// Agreements and their append-only events in one table, one partition per agreement. Every change is conditional on
/// the agreement's ETag: a caller that lost a race gets a <see cref="RequestFailedException"/> with status 412 (a
/// <see cref="TableTransactionFailedException"/> for an event), never a silent overwrite.
/// </summary>
public class TableAgreementStore : AgreementStore
{
    // Each RowKey carries its partition's id, so no two rows of the table share one: harmless on Azure, which looks a row
    // up by PartitionKey first, and it keeps Azurite's look-ups constant (its store finds a row by RowKey, then walks
    // every row that shares that RowKey).
    internal const string HeadRowPrefix = "agreement|";
    internal const string EventRowPrefix = "event|";

    private readonly RegRightsTables tables;

    /// <summary>Creates the store over <paramref name="tables"/>.</summary>
    public TableAgreementStore(RegRightsTables tables) => this.tables = tables ?? throw new ArgumentNullException(nameof(tables));

    /// <summary>For mocking.</summary>
    protected TableAgreementStore() => tables = null!;

    /// <summary>Stores a new agreement under a new id.</summary>
    public override async Task<StoredAgreement> CreateAsync(AgreementDocument document, Instant now, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(document);
        var id = Guid.CreateVersion7().ToString("N");
        var entity = HeadEntity(id, document);
        entity["EventCount"] = 0;
        entity["CreatedAt"] = TableValues.Format(now);
        entity["UpdatedAt"] = TableValues.Format(now);
        var response = await tables.Agreements.AddEntityAsync(entity, cancellationToken).ConfigureAwait(false);
        return new StoredAgreement(id, response.Headers.ETag ?? default, document, 0, now, now);
    }

    /// <summary>
    /// Stores a new agreement under the id <paramref name="idempotencyKey"/> names, unless a create with that key came
    /// first: one conditional insert, so two racing creates with one key store one agreement.
    /// </summary>
    /// <remarks>
    /// The id is the first 128 bits of SHA-256 over the key, as 32 hex digits: the same shape as any agreement id, and
    /// the insert of its row is what refuses the second create. The head row keeps the SHA-256 of the document as
    /// stored (<c>RequestSha256</c>), so a repeat with another document is told apart from a retry.
    /// </remarks>
    /// <param name="document">The document, as it is to be stored.</param>
    /// <param name="idempotencyKey">The client's key for this create.</param>
    /// <param name="now">The server's time, for CreatedAt and UpdatedAt.</param>
    /// <param name="cancellationToken">Cancels the storage calls.</param>
    public override async Task<IdempotentCreate> CreateOnceAsync(
        AgreementDocument document, string idempotencyKey, Instant now, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentException.ThrowIfNullOrEmpty(idempotencyKey);
        var id = IdFor(idempotencyKey);
        var hash = RequestHash(document);
        var entity = HeadEntity(id, document);
        entity["EventCount"] = 0;
        entity["CreatedAt"] = TableValues.Format(now);
        entity["UpdatedAt"] = TableValues.Format(now);
        entity["RequestSha256"] = hash;
        try
        {
            var response = await tables.Agreements.AddEntityAsync(entity, cancellationToken).ConfigureAwait(false);
            return new IdempotentCreate(new StoredAgreement(id, response.Headers.ETag ?? default, document, 0, now, now), Created: true, SameRequest: true);
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            // Agreements are never deleted, so the row that refused the insert is there to read.
            var first = await tables.Agreements.GetEntityAsync<TableEntity>(id, HeadRowKey(id), cancellationToken: cancellationToken).ConfigureAwait(false);
            return new IdempotentCreate(ToAgreement(first.Value), Created: false, SameRequest: first.Value.GetString("RequestSha256") == hash);
        }
    }

    private static string RequestHash(AgreementDocument document) =>
        Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(StoredJson.ToJson(document))));

    /// <summary>The agreement without its events, or null.</summary>
    public override async Task<StoredAgreement?> GetAgreementAsync(string id, CancellationToken cancellationToken = default)
    {
        if (!IsWellFormedId(id))
        {
            return null;
        }

        var response = await tables.Agreements.GetEntityIfExistsAsync<TableEntity>(id, HeadRowKey(id), cancellationToken: cancellationToken)
            .ConfigureAwait(false);
        return response.HasValue ? ToAgreement(response.Value!) : null;
    }

    /// <summary>The agreement with its events (one partition query), or null.</summary>
    public override async Task<AgreementRecord?> GetRecordAsync(string id, CancellationToken cancellationToken = default)
    {
        if (!IsWellFormedId(id))
        {
            return null;
        }

        StoredAgreement? agreement = null;
        var events = new List<StoredEvent>();
        await foreach (var entity in tables.Agreements.QueryAsync<TableEntity>(
            TableClient.CreateQueryFilter($"PartitionKey eq {id}"), cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            if (entity.RowKey == HeadRowKey(id))
            {
                agreement = ToAgreement(entity);
            }
            else
            {
                events.Add(ToEvent(entity));
            }
        }

        return agreement is null ? null : new AgreementRecord(agreement, [.. events.OrderBy(e => e.Sequence)]);
    }

    /// <summary>One page of agreements (a query on RowKey across partitions).</summary>
    /// <param name="continuationToken">The token of the previous page, or null for the first.</param>
    /// <param name="pageSize">1 to 1000.</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    /// <exception cref="ArgumentException">The token is not one this store issued.</exception>
    public override async Task<StoredAgreementPage> ListAsync(string? continuationToken, int pageSize, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(pageSize, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(pageSize, 1000);
        var token = DecodeToken(continuationToken);
        var pages = tables.Agreements.QueryAsync<TableEntity>(
            TableClient.CreateQueryFilter($"RowKey ge {HeadRowPrefix} and RowKey lt {HeadRowEnd}"), maxPerPage: pageSize, cancellationToken: cancellationToken)
            .AsPages(token, pageSize);
        await foreach (var page in pages.ConfigureAwait(false))
        {
            return new StoredAgreementPage([.. page.Values.Select(ToAgreement)], EncodeToken(page.ContinuationToken));
        }

        return new StoredAgreementPage([], null);
    }

    /// <summary>Replaces the agreement's document if its ETag is still <paramref name="ifMatch"/>.</summary>
    /// <exception cref="RequestFailedException">Status 412: the agreement changed since <paramref name="ifMatch"/> was read;
    /// status 404: it does not exist.</exception>
    public override async Task<StoredAgreement> ReplaceAsync(
        string id, AgreementDocument document, ETag ifMatch, Instant now, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(document);
        if (!IsWellFormedId(id))
        {
            throw new RequestFailedException(404, $"No agreement '{id}'.");
        }

        var entity = HeadEntity(id, document);
        entity["UpdatedAt"] = TableValues.Format(now);

        // Merge keeps EventCount and CreatedAt; the ETag makes it conditional on the whole record, events included.
        await tables.Agreements.UpdateEntityAsync(entity, ifMatch, TableUpdateMode.Merge, cancellationToken).ConfigureAwait(false);
        return await GetAgreementAsync(id, cancellationToken).ConfigureAwait(false)
            ?? throw new RequestFailedException(404, $"No agreement '{id}'.");
    }

    /// <summary>
    /// Appends <paramref name="agreementEvent"/> after the events of <paramref name="record"/>, in one transaction with
    /// the agreement's ETag, so two appends that read the same record cannot both succeed.
    /// </summary>
    /// <exception cref="TableTransactionFailedException">Status 412: another change came first.</exception>
    public override async Task<AgreementRecord> AppendEventAsync(
        AgreementRecord record, AgreementEvent agreementEvent, Instant now, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(agreementEvent);
        var agreement = record.Agreement;
        var sequence = agreement.EventCount + 1;
        var head = new TableEntity(agreement.Id, HeadRowKey(agreement.Id)) { ["EventCount"] = sequence, ["UpdatedAt"] = TableValues.Format(now) };
        var row = EventEntity(agreement.Id, sequence, agreementEvent, now);
        var response = await TableBatch.SubmitAsync(tables.Agreements,
            [new TableTransactionAction(TableTransactionActionType.UpdateMerge, head, agreement.ETag),
             new TableTransactionAction(TableTransactionActionType.Add, row)],
            cancellationToken).ConfigureAwait(false);

        var updated = agreement with { ETag = response.Value[0].Headers.ETag ?? default, EventCount = sequence, UpdatedAt = now };
        return new AgreementRecord(updated, [.. record.Events, new StoredEvent(sequence, agreementEvent, now)]);
    }

    /// <summary>
    /// Field errors when <paramref name="document"/> is over Table Storage's limits as stored (a column over 64 KiB, the
    /// entity over 1 MiB), keyed by the field's JSON path (<c>$.contacts</c>); null when it fits.
    /// </summary>
    /// <remarks>
    /// The service answers <c>PropertyValueTooLarge</c> only after the request is sent; this check makes it a refusal
    /// that names the field, with nothing stored. 100 contacts with 1,000-character addresses are refused at
    /// <c>$.contacts</c>.
    /// </remarks>
    public override IReadOnlyDictionary<string, string[]>? FindTooLarge(AgreementDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var entity = HeadEntity(new string('0', 32), document);
        entity["EventCount"] = 0;
        entity["CreatedAt"] = TableValues.Format(NodaTime.Instant.MinValue);
        entity["UpdatedAt"] = TableValues.Format(NodaTime.Instant.MinValue);
        return TableEntityLimits.FindTooLarge(entity, HeadPaths);
    }

    private static readonly Dictionary<string, string> HeadPaths = new()
    {
        ["Name"] = "$.name",
        ["Terms"] = "$.terms",
        ["Parties"] = "$.parties",
        ["Contacts"] = "$.contacts",
    };

    // Template and RemindDeadlinesBeforeRegistration are columns of their own, added after the others: a head row
    // written without them reads as the seed's template and no reminders before registration, as it always did.
    internal static TableEntity HeadEntity(string id, AgreementDocument document)
    {
        var entity = new TableEntity(id, HeadRowKey(id))
        {
            ["Name"] = document.Name ?? "",
            ["Terms"] = StoredJson.ToJson(document.Terms),
            ["Parties"] = StoredJson.ToJson(document.Parties ?? []),
            ["Contacts"] = StoredJson.ToJson(document.Contacts ?? []),
            // Always written, so that a replace (a merge of the head row) that leaves it out turns it off.
            ["RemindDeadlinesBeforeRegistration"] = document.RemindDeadlinesBeforeRegistration ?? false,
        };
        AddIfNotNull(entity, "Template", document.Template);
        return entity;
    }

    internal static StoredAgreement ToAgreement(TableEntity e) => new(
        e.PartitionKey,
        e.ETag,
        new AgreementDocument
        {
            Name = e.GetString("Name"),
            Terms = StoredJson.FromJson<TermsDocument>(e.GetString("Terms")),
            Parties = StoredJson.FromJson<List<PartyDocument>>(e.GetString("Parties")),
            Contacts = StoredJson.FromJson<List<ContactDocument>>(e.GetString("Contacts")),
            Template = e.GetString("Template"),
            RemindDeadlinesBeforeRegistration = e.GetBoolean("RemindDeadlinesBeforeRegistration"),
        },
        e.GetInt32("EventCount") ?? 0,
        TableValues.ParseInstant(e.GetString("CreatedAt")),
        TableValues.ParseInstant(e.GetString("UpdatedAt")));

    internal static TableEntity EventEntity(string id, int sequence, AgreementEvent e, Instant now)
    {
        var entity = new TableEntity(id, EventRowKey(id, sequence))
        {
            ["EventId"] = e.Id,
            ["Kind"] = e.Kind.ToString(),
            ["Date"] = TableValues.Format(e.Date),
            ["RecordedAt"] = TableValues.Format(now),
        };
        AddIfNotNull(entity, "RefersTo", e.RefersTo);
        AddIfNotNull(entity, "Days", e.Days);
        AddIfNotNull(entity, "DeadlineKey", e.DeadlineKey);
        AddIfNotNull(entity, "Note", e.Note);
        AddIfNotNull(entity, "Tranche", e.Tranche);
        AddIfNotNull(entity, "Holder", e.Holder);

        // Money as its exact decimal text and currency, never a floating-point column.
        AddIfNotNull(entity, "Amount", e.Amount?.Amount.ToString(System.Globalization.CultureInfo.InvariantCulture));
        AddIfNotNull(entity, "Currency", e.Amount?.Currency);
        return entity;
    }

    internal static StoredEvent ToEvent(TableEntity e) => new(
        int.Parse(e.RowKey.AsSpan(e.RowKey.LastIndexOf('|') + 1), System.Globalization.CultureInfo.InvariantCulture),
        new AgreementEvent(e.GetString("EventId"), Enum.Parse<AgreementEventKind>(e.GetString("Kind")), TableValues.ParseDate(e.GetString("Date")))
        {
            RefersTo = e.GetString("RefersTo"),
            Days = e.GetInt32("Days"),
            DeadlineKey = e.GetString("DeadlineKey"),
            Note = e.GetString("Note"),
            Tranche = e.GetString("Tranche"),
            Holder = e.GetString("Holder"),
            Amount = e.GetString("Amount") is { } amount
                ? new RegRights.Core.DelayPayments.Money(
                    decimal.Parse(amount, System.Globalization.NumberStyles.Number, System.Globalization.CultureInfo.InvariantCulture), e.GetString("Currency"))
                : null,
        },
        TableValues.ParseInstant(e.GetString("RecordedAt")));

    internal static string HeadRowKey(string id) => HeadRowPrefix + id;

    internal static string EventRowKey(string id, int sequence) =>
        EventRowPrefix + id + "|" + sequence.ToString("D10", System.Globalization.CultureInfo.InvariantCulture);

    // The first string after every head RowKey: '}' follows '|'.
    private const string HeadRowEnd = "agreement}";

    private static void AddIfNotNull(TableEntity entity, string name, object? value)
    {
        if (value is not null)
        {
            entity[name] = value;
        }
    }

    // The SDK's token carries the next partition and row keys; it is wrapped, with a marker, so a client sees one
    // opaque URL-safe value and a token from elsewhere is refused here rather than sent to the service.
    private const string TokenMarker = "agreements:";

    private static string? EncodeToken(string? token) =>
        token is null ? null : Convert.ToBase64String(Encoding.UTF8.GetBytes(TokenMarker + token)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static string? DecodeToken(string? continuationToken)
    {
        if (string.IsNullOrEmpty(continuationToken))
        {
            return null;
        }

        try
        {
            var base64 = continuationToken.Replace('-', '+').Replace('_', '/');
            base64 += new string('=', (4 - (base64.Length % 4)) % 4);
            var decoded = Encoding.UTF8.GetString(Convert.FromBase64String(base64));
            if (decoded.StartsWith(TokenMarker, StringComparison.Ordinal) && decoded.Length > TokenMarker.Length)
            {
                return decoded[TokenMarker.Length..];
            }
        }
        catch (FormatException)
        {
            // Falls through to the one error below.
        }

        throw new ArgumentException("The continuation token is not one this API issued.", nameof(continuationToken));
    }
}

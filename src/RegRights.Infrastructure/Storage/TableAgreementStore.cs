using System.Text;
using Azure.Data.Tables;
using NodaTime;
using RegRights.Application;
using RegRights.Application.Agreements;
using RegRights.Application.Agreements.Rows;
using RegRights.Core.Agreements;
using RegRights.Core.Deadlines;

namespace RegRights.Infrastructure.Storage;

/// <summary>
/// Agreements and their append-only events in one table, one partition per agreement: a head row of the agreement's
/// <see cref="AgreementRow"/> columns, and a row per event. Every change is conditional on the agreement's ETag (its
/// <see cref="StoredVersion"/>): a caller that lost a race gets a <see cref="StoredRowChangedException"/>, never a
/// silent overwrite.
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

    /// <inheritdoc/>
    protected override async Task<StoredVersion> AddHeadAsync(string id, AgreementRow row, string? requestSha256, Instant now, CancellationToken cancellationToken)
    {
        var entity = HeadEntity(id, row);
        entity["EventCount"] = 0;
        entity["CreatedAt"] = TableValues.Format(now);
        entity["UpdatedAt"] = TableValues.Format(now);
        AddIfNotNull(entity, "RequestSha256", requestSha256);
        var response = await TableVersions.WriteAsync(() => tables.Agreements.AddEntityAsync(entity, cancellationToken), Named(id))
            .ConfigureAwait(false);
        return (response.Headers.ETag ?? default).ToVersion();
    }

    /// <inheritdoc/>
    protected override async Task<AgreementHead?> GetHeadAsync(string id, CancellationToken cancellationToken)
    {
        var response = await tables.Agreements.GetEntityIfExistsAsync<TableEntity>(id, HeadRowKey(id), cancellationToken: cancellationToken)
            .ConfigureAwait(false);
        return response.HasValue ? ToHead(response.Value!) : null;
    }

    /// <inheritdoc/>
    /// <remarks>One partition query.</remarks>
    protected override async Task<(AgreementHead? Head, IReadOnlyList<StoredEvent> Events)> GetHeadAndEventsAsync(string id, CancellationToken cancellationToken)
    {
        AgreementHead? head = null;
        var events = new List<StoredEvent>();
        await foreach (var entity in tables.Agreements.QueryAsync<TableEntity>(
            TableClient.CreateQueryFilter($"PartitionKey eq {id}"), cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            if (entity.RowKey == HeadRowKey(id))
            {
                head = ToHead(entity);
            }
            else
            {
                events.Add(ToEvent(entity));
            }
        }

        return (head, events);
    }

    /// <inheritdoc/>
    /// <remarks>A query on RowKey across partitions.</remarks>
    protected override async Task<(IReadOnlyList<AgreementHead> Heads, string? ContinuationToken)> ListHeadsAsync(
        string? continuationToken, int pageSize, CancellationToken cancellationToken)
    {
        var (rows, next) = await HeadPageAsync(continuationToken, pageSize, select: null, cancellationToken).ConfigureAwait(false);
        return ([.. rows.Select(ToHead)], next);
    }

    /// <inheritdoc/>
    /// <remarks>The query of <see cref="ListHeadsAsync"/>, selecting only the partition key.</remarks>
    protected override async Task<(IReadOnlyList<string> Ids, string? ContinuationToken)> ListHeadIdsAsync(
        string? continuationToken, int pageSize, CancellationToken cancellationToken)
    {
        var (rows, next) = await HeadPageAsync(continuationToken, pageSize, ["PartitionKey"], cancellationToken).ConfigureAwait(false);
        return ([.. rows.Select(e => e.PartitionKey)], next);
    }

    /// <inheritdoc/>
    protected override async Task ReplaceHeadAsync(string id, AgreementRow row, StoredVersion ifMatch, Instant now, CancellationToken cancellationToken)
    {
        var entity = HeadEntity(id, row);
        entity["UpdatedAt"] = TableValues.Format(now);

        // Merge keeps EventCount and CreatedAt; the ETag makes it conditional on the whole record, events included.
        await TableVersions.WriteAsync(() => tables.Agreements.UpdateEntityAsync(entity, ifMatch.ToETag(), TableUpdateMode.Merge, cancellationToken), Named(id))
            .ConfigureAwait(false);
    }

    /// <inheritdoc/>
    /// <remarks>One transaction, which the service refuses whole (412) when another change came first.</remarks>
    protected override async Task<StoredVersion> AddEventAsync(string id, StoredVersion ifMatch, StoredEvent storedEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(storedEvent);
        var head = new TableEntity(id, HeadRowKey(id)) { ["EventCount"] = storedEvent.Sequence, ["UpdatedAt"] = TableValues.Format(storedEvent.RecordedAt) };
        var row = EventEntity(id, storedEvent.Sequence, storedEvent.Event, storedEvent.RecordedAt);
        var response = await TableVersions.WriteAsync(() => TableBatch.SubmitAsync(tables.Agreements,
            [new TableTransactionAction(TableTransactionActionType.UpdateMerge, head, ifMatch.ToETag()),
             new TableTransactionAction(TableTransactionActionType.Add, row)],
            cancellationToken), Named(id)).ConfigureAwait(false);
        return (response.Value[0].Headers.ETag ?? default).ToVersion();
    }

    /// <summary>
    /// Field errors when <paramref name="row"/> is over Table Storage's limits as stored (a column over 64 KiB, the
    /// entity over 1 MiB), keyed by the field's JSON path (<c>$.contacts</c>); null when it fits.
    /// </summary>
    /// <remarks>
    /// The service answers <c>PropertyValueTooLarge</c> only after the request is sent; this check makes it a refusal
    /// that names the field, with nothing stored. 100 contacts with 1,000-character addresses are refused at
    /// <c>$.contacts</c>.
    /// </remarks>
    protected override IReadOnlyDictionary<string, string[]>? FindTooLarge(AgreementRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        var entity = HeadEntity(new string('0', 32), row);
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
    // Shape is the row's AgreementRow shape; a row without one is shape 1.
    internal static TableEntity HeadEntity(string id, AgreementRow row)
    {
        var entity = new TableEntity(id, HeadRowKey(id))
        {
            ["Shape"] = AgreementRow.CurrentShape,
            ["Name"] = row.Name ?? "",
            ["Terms"] = StoredJson.ToJson(row.Terms),
            ["Parties"] = StoredJson.ToJson(row.Parties ?? []),
            ["Contacts"] = StoredJson.ToJson(row.Contacts ?? []),
            // Always written, so that a replace (a merge of the head row) that leaves it out turns it off.
            ["RemindDeadlinesBeforeRegistration"] = row.RemindDeadlinesBeforeRegistration ?? false,
        };
        AddIfNotNull(entity, "Template", row.Template);
        return entity;
    }

    internal static AgreementHead ToHead(TableEntity e)
    {
        StoredShape.Check(e.GetInt32("Shape"), AgreementRow.CurrentShape, "agreement", e.PartitionKey);

        return new(
            e.PartitionKey,
            e.ETag.ToVersion(),
            new AgreementRow
            {
                Name = e.GetString("Name"),
                Terms = StoredJson.FromJson<TermsRow?>(e.GetString("Terms")),
                Parties = StoredJson.FromJson<List<PartyRow>>(e.GetString("Parties")),
                Contacts = StoredJson.FromJson<List<ContactRow>>(e.GetString("Contacts")),
                Template = e.GetString("Template"),
                RemindDeadlinesBeforeRegistration = e.GetBoolean("RemindDeadlinesBeforeRegistration"),
            },
            e.GetInt32("EventCount") ?? 0,
            TableValues.ParseInstant(e.GetString("CreatedAt")),
            TableValues.ParseInstant(e.GetString("UpdatedAt")),
            e.GetString("RequestSha256"));
    }

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
            DeadlineKey = ReadDeadlineKey(e.GetString("DeadlineKey")),
            Note = e.GetString("Note"),
            Tranche = e.GetString("Tranche"),
            Holder = e.GetString("Holder"),
            Amount = e.GetString("Amount") is { } amount
                ? new RegRights.Core.DelayPayments.Money(
                    decimal.Parse(amount, System.Globalization.NumberStyles.Number, System.Globalization.CultureInfo.InvariantCulture), e.GetString("Currency"))
                : null,
        },
        TableValues.ParseInstant(e.GetString("RecordedAt")));

    // Before DeadlineId, an event's key was checked with its instance read as a number, so "filing-failure-payment#01"
    // was stored and meant period 1. DeadlineId refuses the leading zero; such a key is read as the period it stood for,
    // not left to match nothing (a payment made would show unpaid).
    internal static string? ReadDeadlineKey(string? stored)
    {
        var hash = stored?.LastIndexOf(DeadlineId.InstanceSeparator) ?? -1;
        if (stored is null || hash < 1 || DeadlineId.TryParse(stored, out _)
            || !int.TryParse(stored.AsSpan(hash + 1), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n))
        {
            return stored;
        }

        var read = $"{stored[..hash]}{DeadlineId.InstanceSeparator}{n.ToString(System.Globalization.CultureInfo.InvariantCulture)}";
        return DeadlineId.TryParse(read, out _) ? read : stored;
    }

    internal static string HeadRowKey(string id) => HeadRowPrefix + id;

    private static string Named(string id) => $"agreement '{id}'";

    internal static string EventRowKey(string id, int sequence) =>
        EventRowPrefix + id + "|" + sequence.ToString("D10", System.Globalization.CultureInfo.InvariantCulture);

    // The first string after every head RowKey: '}' follows '|'.
    private const string HeadRowEnd = "agreement}";

    /// <summary>Every head row and nothing else, across partitions.</summary>
    internal static readonly string HeadRowsFilter = TableClient.CreateQueryFilter($"RowKey ge {HeadRowPrefix} and RowKey lt {HeadRowEnd}");

    private static void AddIfNotNull(TableEntity entity, string name, object? value)
    {
        if (value is not null)
        {
            entity[name] = value;
        }
    }

    private async Task<(IReadOnlyList<TableEntity> Rows, string? ContinuationToken)> HeadPageAsync(
        string? continuationToken, int pageSize, IEnumerable<string>? select, CancellationToken cancellationToken)
    {
        var pages = tables.Agreements.QueryAsync<TableEntity>(HeadRowsFilter, maxPerPage: pageSize, select: select, cancellationToken: cancellationToken)
            .AsPages(DecodeToken(continuationToken), pageSize);
        await foreach (var page in pages.ConfigureAwait(false))
        {
            return (page.Values, EncodeToken(page.ContinuationToken));
        }

        return ([], null);
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

using Azure.Data.Tables;
using NodaTime;
using RegRights.Application;
using RegRights.Application.Agreements.Rows;
using RegRights.Application.Intake;
using RegRights.Core.Agreements;
using RegRights.Infrastructure.Storage;

namespace RegRights.Infrastructure.Intake;

/// <summary>
/// The fax-number directory over the agreements' head rows in Table Storage, kept in memory for a minute.
/// </summary>
/// <remarks>
/// Built by one query over the agreements' head rows that reads their terms column only, kept for
/// <see cref="KeepFor"/> (one minute), and built again at once when a number is not found and the directory is older
/// than <see cref="RetryMissAfter"/> (5 s), so an agreement whose numbers were just set is found by its first fax. Faxes
/// are few (a notice clause's numbers receive a handful a day), so a query of every agreement's terms per minute of
/// faxes costs little; with many thousands of agreements, an index written beside each agreement write is the next
/// step. Several agreements may name one number (one company's fax under two deals): all are returned.
/// </remarks>
public class TableFaxNumberDirectory : FaxNumberDirectory, IDisposable
{
    /// <summary>How long a directory is used before it is built again.</summary>
    public static readonly Duration KeepFor = Duration.FromMinutes(1);

    /// <summary>How old a directory must be before a number it lacks makes it be built again.</summary>
    public static readonly Duration RetryMissAfter = Duration.FromSeconds(5);

    private readonly RegRightsTables tables;
    private readonly IClock clock;
    private readonly SemaphoreSlim building = new(1, 1);
    private (Instant BuiltAt, IReadOnlyDictionary<string, IReadOnlyList<string>> Numbers)? current;

    /// <summary>Creates the directory over the app's tables.</summary>
    public TableFaxNumberDirectory(RegRightsTables tables, IClock clock)
    {
        this.tables = tables ?? throw new ArgumentNullException(nameof(tables));
        this.clock = clock ?? throw new ArgumentNullException(nameof(clock));
    }

    /// <inheritdoc/>
    public override async Task<IReadOnlyList<string>> FindAsync(string number, CancellationToken cancellationToken = default)
    {
        if (!FaxNumber.TryNormalize(number, out var e164))
        {
            return [];
        }

        var now = clock.GetCurrentInstant();
        var directory = current;
        if (directory is null || now - directory.Value.BuiltAt > KeepFor ||
            (!directory.Value.Numbers.ContainsKey(e164) && now - directory.Value.BuiltAt > RetryMissAfter))
        {
            directory = await BuildAsync(directory, cancellationToken).ConfigureAwait(false);
        }

        return directory.Value.Numbers.TryGetValue(e164, out var ids) ? ids : [];
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    /// <summary>Releases the lock that serializes builds.</summary>
    protected virtual void Dispose(bool disposing)
    {
        if (disposing)
        {
            building.Dispose();
        }
    }

    /// <summary>Forgets the directory, so the next fax builds it again (after an agreement's terms change here).</summary>
    public void Invalidate() => current = null;

    // One agreement's unreadable terms (written by a later version, say) must not stop every fax: it names no number here.
    private static TermsRow? TermsOf(string json)
    {
        try
        {
            return StoredJson.FromJson<TermsRow>(json);
        }
        catch (Exception ex) when (ex is System.Text.Json.JsonException or InvalidDataException)
        {
            return null;
        }
    }

    private async Task<(Instant, IReadOnlyDictionary<string, IReadOnlyList<string>>)> BuildAsync(
        (Instant BuiltAt, IReadOnlyDictionary<string, IReadOnlyList<string>> Numbers)? seen, CancellationToken cancellationToken)
    {
        await building.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            // Another fax built it while this one waited.
            if (current is { } built && (seen is null || built.BuiltAt > seen.Value.BuiltAt))
            {
                return built;
            }

            var startedAt = clock.GetCurrentInstant();
            var numbers = new Dictionary<string, List<string>>(StringComparer.Ordinal);
            await foreach (var e in tables.Agreements.QueryAsync<TableEntity>(TableAgreementStore.HeadRowsFilter, maxPerPage: 1000, select: ["PartitionKey", "RowKey", "Shape", "Terms"],
                cancellationToken: cancellationToken).ConfigureAwait(false))
            {
                // A head of another shape (a later version wrote it) may mean its terms otherwise: it names no number here.
                if (!StoredShape.IsReadable(e.GetInt32("Shape"), AgreementRow.CurrentShape)
                    || e.GetString("Terms") is not { Length: > 0 } json || TermsOf(json)?.NoticeFaxNumbers is not { } listed)
                {
                    continue;
                }

                foreach (var n in listed)
                {
                    if (FaxNumber.TryNormalize(n, out var e164))
                    {
                        if (!numbers.TryGetValue(e164, out var ids))
                        {
                            numbers[e164] = ids = [];
                        }

                        if (!ids.Contains(e.PartitionKey))
                        {
                            ids.Add(e.PartitionKey);
                        }
                    }
                }
            }

            var result = (startedAt, (IReadOnlyDictionary<string, IReadOnlyList<string>>)numbers.ToDictionary(n => n.Key, n => (IReadOnlyList<string>)n.Value, StringComparer.Ordinal));
            current = result;
            return result;
        }
        finally
        {
            building.Release();
        }
    }
}

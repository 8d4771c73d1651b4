using Microsoft.Extensions.Logging;
using RegRights.Application.Agreements;

namespace RegRights.Application.Reminders;

/// <summary>
/// Rewrites an agreement's rows in the deadline index after every write to the agreement (create, replace, event), so
/// the scan sees each deadline as soon as it exists and stops seeing it once it is met or waived.
/// </summary>
/// <remarks>
/// The write is the system of record and has already succeeded when this runs: a failure here is logged as an error
/// and never undoes or fails the write. <see cref="DeadlineIndex.IndexAsync(AgreementRecord, CancellationToken)"/>
/// rewrites all of the agreement's rows from its whole record, so the next write to the agreement repairs the rows a
/// failed run left behind; until then <c>POST /api/deadline-index/rebuild</c> repairs every agreement at once.
/// <para>
/// Two writes to one agreement can finish their indexing in the other order, the older record last. So after writing
/// the rows it re-reads the agreement's version; if another write came in meanwhile it indexes again from the newer
/// record: whichever indexing finishes last has seen the latest record.
/// </para>
/// </remarks>
public sealed partial class DeadlineIndexUpdater(DeadlineIndex index, ReminderScanner scanner, AgreementStore store, ILogger<DeadlineIndexUpdater> logger)
    : IAgreementIndexer
{
    private const int MaxPasses = 3;

    /// <inheritdoc/>
    /// <remarks>
    /// Not cancelled with the request: a client that hung up after its write was stored still needs the index to
    /// follow the write.
    /// </remarks>
    public async Task IndexAfterWriteAsync(string agreementId, AgreementRecord? written)
    {
        try
        {
            var record = written ?? await store.GetRecordAsync(agreementId, CancellationToken.None).ConfigureAwait(false);
            for (var pass = 1; record is not null; pass++)
            {
                await index.IndexAsync(record, CancellationToken.None).ConfigureAwait(false);
                var head = await store.GetAgreementAsync(agreementId, CancellationToken.None).ConfigureAwait(false);
                if (head is null || head.Version == record.Agreement.Version || pass == MaxPasses)
                {
                    // Today's reminders that the last scan passed over before this agreement was indexed.
                    await scanner.CatchUpAsync(record, CancellationToken.None).ConfigureAwait(false);
                    return;
                }

                record = await store.GetRecordAsync(agreementId, CancellationToken.None).ConfigureAwait(false);
            }
        }
#pragma warning disable CA1031 // The write stands whatever went wrong here; the error is logged and the next write repairs it.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            LogIndexFailed(ex, agreementId);
        }
    }

    [LoggerMessage(Level = LogLevel.Error,
        Message = "Deadline index not updated for agreement {AgreementId} after its write succeeded; the next write to it or POST /api/deadline-index/rebuild repairs it")]
    private partial void LogIndexFailed(Exception exception, string agreementId);
}

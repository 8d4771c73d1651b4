using NodaTime;

namespace RegRights.Application.Reminders;

/// <summary>A ledger row the dispatcher still has to send.</summary>
/// <param name="AgreementId">The agreement.</param>
/// <param name="ReminderId">The row within the agreement.</param>
public sealed record OutboxItem(string AgreementId, string ReminderId);

/// <summary>
/// The port the reminder use cases keep their reminders through: the ledger (one row per deadline instance and ladder
/// step), its outbox (the rows still to be sent) and the end of the last completed scan. A reminder is created once
/// whatever races to create it, and every later change is conditional on the row's version.
/// <c>RegRights.Infrastructure</c> implements it over Table Storage.
/// </summary>
public abstract class ReminderLedger
{
    /// <summary>
    /// Adds <paramref name="entry"/> unless its row exists; either way a pending row is left in the outbox (a scan
    /// that died between the two writes repairs it when it runs again). Returns whether this call created the row.
    /// </summary>
    public abstract Task<bool> AddAsync(ReminderEntry entry, CancellationToken cancellationToken = default);

    /// <summary>One row, or null.</summary>
    public abstract Task<ReminderEntry?> GetAsync(string agreementId, string reminderId, CancellationToken cancellationToken = default);

    /// <summary>An agreement's rows, by scheduled time.</summary>
    public abstract Task<IReadOnlyList<ReminderEntry>> ListAsync(string agreementId, CancellationToken cancellationToken = default);

    /// <summary>Replaces the row if its version is still the one read; returns it with its new version.</summary>
    /// <exception cref="StoredRowChangedException">Someone else changed it first.</exception>
    public abstract Task<ReminderEntry> UpdateAsync(ReminderEntry entry, CancellationToken cancellationToken = default);

    /// <summary>The outbox: every row still to be sent.</summary>
    public abstract Task<IReadOnlyList<OutboxItem>> ReadOutboxAsync(CancellationToken cancellationToken = default);

    /// <summary>Puts a row in the outbox (idempotent).</summary>
    public abstract Task EnqueueAsync(string agreementId, string reminderId, CancellationToken cancellationToken = default);

    /// <summary>Takes a row out of the outbox (idempotent).</summary>
    public abstract Task DequeueAsync(string agreementId, string reminderId, CancellationToken cancellationToken = default);

    /// <summary>The end of the last completed scan and the version to advance it with; null before the first.</summary>
    public abstract Task<(Instant End, StoredVersion Version)?> GetScanWatermarkAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Moves the watermark forward to <paramref name="scanEnd"/>, never back: when another scan moved it in between,
    /// again from what that scan wrote. Returns the watermark now stored.
    /// </summary>
    public abstract Task<Instant> AdvanceScanWatermarkAsync(Instant scanEnd, CancellationToken cancellationToken = default);
}

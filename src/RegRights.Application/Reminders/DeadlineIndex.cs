using NodaTime;
using RegRights.Application.Agreements;
using RegRights.Core.Agreements;
using RegRights.Core.Deadlines;

namespace RegRights.Application.Reminders;

/// <summary>One row of the deadline index: an open, reminded deadline instance of an agreement.</summary>
/// <param name="AgreementId">The agreement.</param>
/// <param name="DeadlineKey">The instance, e.g. <c>sec-comment-response#2</c>.</param>
/// <param name="LastPermittedDay">The partition: the day the reminder ladder counts from.</param>
/// <param name="DueDate">The date as the agreement states it (may be a non-Business Day).</param>
/// <param name="RemindWhenOverdue">False for an obligation that ends by lapse (§ 6(g) election, § 6(b) standstill):
/// nobody is late when it passes.</param>
/// <param name="Terms">The agreement's terms, whole, as stored JSON (<c>TermsRow</c>): the zone and the calendar the
/// ladder needs, so the scan reads no agreement until a reminder is due.</param>
/// <param name="RecordVersion">The version of the agreement record the row was computed from: while the agreement still
/// has it, the row is exactly what its record gives, and the scan need not read the events again. None when unknown.</param>
/// <param name="OverdueFrom">For a deadline already past when the agreement was registered, reminded because the
/// agreement asks for it (<c>remindDeadlinesBeforeRegistration</c>): the day it was registered, from which its overdue
/// reminders count. Null for every other deadline.</param>
public sealed record DeadlineIndexEntry(
    string AgreementId, string DeadlineKey, LocalDate LastPermittedDay, LocalDate DueDate, bool RemindWhenOverdue, string Terms,
    StoredVersion RecordVersion, LocalDate? OverdueFrom = null);

/// <summary>What <see cref="DeadlineIndex.RebuildWithReportAsync"/> did.</summary>
/// <param name="Agreements">The agreements indexed.</param>
/// <param name="Rows">The rows written for the agreements indexed.</param>
/// <param name="Skipped">The agreements whose record this version cannot read (their rows are kept as they were) or the
/// engine cannot compute (they have no rows), with the reason.</param>
public sealed record DeadlineIndexRebuild(int Agreements, int Rows, IReadOnlyList<SkippedAgreement> Skipped);

/// <summary>An agreement a rebuild skipped, and why, in the engine's words.</summary>
public sealed record SkippedAgreement(string AgreementId, string Reason);

/// <summary>
/// The port the reminder use cases find deadlines through: an agreement's open, reminded deadline instances, by the
/// last permitted day the reminder ladder counts from. <c>RegRights.Infrastructure</c> implements it over Table Storage.
/// </summary>
/// <remarks>
/// The index is a way to find deadlines, never the truth: the scan checks each due reminder against the agreement's
/// record (<see cref="DeadlineIndexEntry.RecordVersion"/>), so a stale row costs a read, never a wrong email.
/// </remarks>
public abstract class DeadlineIndex
{
    /// <summary>The index rows <paramref name="record"/> should have today.</summary>
    /// <remarks>
    /// A deadline whose last permitted day was before the day the agreement was registered (its <c>CreatedAt</c>, in
    /// its zone) has no row, so it is never reminded, unless the agreement asks for it
    /// (<see cref="StoredAgreement.RemindDeadlinesBeforeRegistration"/>): a deal of 2000 loaded in 2026 would
    /// otherwise be mailed "Filing Date is overdue" for a date 26 years past. Asked for, the row's overdue reminders
    /// count from the registration day (<see cref="DeadlineIndexEntry.OverdueFrom"/>). The deadlines document shows them
    /// either way.
    /// </remarks>
    public static IReadOnlyList<DeadlineIndexEntry> EntriesFor(AgreementRecord record, Instant now)
    {
        ArgumentNullException.ThrowIfNull(record);
        var schedule = record.ScheduleAsOf(record.Today(now));
        var json = StoredJson.ToJson(record.Agreement.StoredTerms);
        var registered = record.Agreement.CreatedAt.InZone(record.Agreement.Terms.TimeZone).Date;
        var remindPast = record.Agreement.RemindDeadlinesBeforeRegistration;
        return
        [
            .. schedule.Deadlines
                .Where(d => d.Reminded && d.Status is DeadlineStatus.Open or DeadlineStatus.Missed)
                .Where(d => remindPast || d.LastPermittedDay >= registered)
                .Select(d => new DeadlineIndexEntry(
                    record.Agreement.Id, d.Key, d.LastPermittedDay, d.DueDate, d.Obligation.End == ObligationEnd.Act, json,
                    record.Agreement.Version,
                    d.LastPermittedDay < registered ? registered : null)),
        ];
    }

    /// <summary>Reads the agreement and rewrites its rows; an agreement that does not exist loses its rows.</summary>
    public abstract Task IndexAsync(string agreementId, CancellationToken cancellationToken = default);

    /// <summary>Rewrites the rows of <paramref name="record"/> (the record just written, so no read is needed).</summary>
    public abstract Task IndexAsync(AgreementRecord record, CancellationToken cancellationToken = default);

    /// <summary>
    /// Rebuilds the whole index from the agreements: every agreement is indexed afresh, and every row that no agreement
    /// asks for is removed. Returns how many agreements and rows the index now holds.
    /// </summary>
    /// <remarks>An agreement whose record cannot be read or computed is skipped; <see cref="RebuildWithReportAsync"/> names it.</remarks>
    public async Task<(int Agreements, int Rows)> RebuildAsync(CancellationToken cancellationToken = default)
    {
        var report = await RebuildWithReportAsync(cancellationToken).ConfigureAwait(false);
        return (report.Agreements, report.Rows);
    }

    /// <summary>
    /// <see cref="RebuildAsync"/>, and the agreements it skipped, each reported with the reason, so one bad record
    /// never fails the rebuild of every other agreement: a stored record the engine cannot compute (stored before writes
    /// were checked, e.g. a closure dated 0001-01-01 or a closing whose clocks run past 2100) has no rows; one this
    /// version cannot read (a later version wrote it, during a rolling deployment or after a rollback) keeps the rows it
    /// had, which are a good agreement's reminders that this version cannot recompute.
    /// </summary>
    public abstract Task<DeadlineIndexRebuild> RebuildWithReportAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// The rows whose last permitted day lies in [<paramref name="first"/>, <paramref name="last"/>], and, when
    /// <paramref name="includeOverdueBefore"/> is set, the rows before <paramref name="first"/> that are reminded when
    /// overdue.
    /// </summary>
    public abstract Task<IReadOnlyList<DeadlineIndexEntry>> ReadAsync(
        LocalDate first, LocalDate last, bool includeOverdueBefore, CancellationToken cancellationToken = default);

    /// <summary>Every row of the index, for the rebuild test and for inspection.</summary>
    public abstract Task<IReadOnlyList<DeadlineIndexEntry>> ReadAllAsync(CancellationToken cancellationToken = default);

    /// <summary>The rows the index holds for an agreement, as (deadline key, last permitted day).</summary>
    public abstract Task<IReadOnlyList<(string DeadlineKey, LocalDate LastPermittedDay)>> ReadAgreementAsync(
        string agreementId, CancellationToken cancellationToken = default);
}

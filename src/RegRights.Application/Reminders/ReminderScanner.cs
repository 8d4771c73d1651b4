using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NodaTime;
using RegRights.Application.Agreements;
using RegRights.Application.Agreements.Rows;
using RegRights.Core.Calendars;
using RegRights.Core.Deadlines;
using RegRights.Core.Reminders;

namespace RegRights.Application.Reminders;

/// <summary>What one scan did.</summary>
/// <param name="Window">The moments it covered: [end of the last completed scan, now).</param>
/// <param name="IndexRows">Index rows read.</param>
/// <param name="Due">Reminders whose moment lies in the window.</param>
/// <param name="Added">Ledger rows this scan created (the others already existed).</param>
/// <param name="Skipped">Due by the index but no longer by the agreement's record (met, waived or moved since).</param>
/// <param name="Unreadable">Due by the index, of agreements this version cannot read (a later version wrote them): not
/// recorded, each agreement logged as an error.</param>
public sealed record ScanResult(Interval Window, int IndexRows, int Due, int Added, int Skipped, int Unreadable = 0);

/// <summary>
/// <c>ScanDeadlines</c>: finds the reminder steps whose moment lies in [last completed scan end, now) and writes one
/// ledger row for each; then, and only then, moves the watermark to now.
/// </summary>
/// <remarks>
/// It reads the index partitions whose last permitted day can carry a reminder in the window: from the day before the
/// window's first UTC date (the earliest local date anywhere) to the day after its last, plus
/// <c>2 × (largest Business Days before) + 14</c> days ahead, because a step <i>n</i> Business Days before falls at most
/// that many calendar days before its deadline (10 Business Days are 14 calendar days, plus holidays and closures);
/// and, for the overdue steps, the partitions before that, which hold only the instances still open after their day.
/// A scan that dies half-way writes no watermark, so the next one covers the same window again; the ledger's
/// conditional add makes the rows it wrote the first time count once.
/// </remarks>
public sealed partial class ReminderScanner
{
    private readonly DeadlineIndex index;
    private readonly ReminderLedger ledger;
    private readonly AgreementStore agreements;
    private readonly IClock clock;
    private readonly ReminderOptions options;
    private readonly ILogger<ReminderScanner> logger;

    /// <summary>Creates the scanner.</summary>
    public ReminderScanner(
        DeadlineIndex index, ReminderLedger ledger, AgreementStore agreements, IClock clock, IOptions<ReminderOptions> options, ILogger<ReminderScanner> logger)
    {
        this.index = index ?? throw new ArgumentNullException(nameof(index));
        this.ledger = ledger ?? throw new ArgumentNullException(nameof(ledger));
        this.agreements = agreements ?? throw new ArgumentNullException(nameof(agreements));
        this.clock = clock ?? throw new ArgumentNullException(nameof(clock));
        this.options = options?.Value ?? throw new ArgumentNullException(nameof(options));
        this.logger = logger ?? throw new ArgumentNullException(nameof(logger));
    }

    /// <summary>Scans the window since the last completed scan.</summary>
    public async Task<ScanResult> ScanAsync(CancellationToken cancellationToken = default)
    {
        var now = clock.GetCurrentInstant();
        var watermark = await ledger.GetScanWatermarkAsync(cancellationToken).ConfigureAwait(false);
        var start = watermark?.End ?? now - Duration.FromTimeSpan(options.FirstScanLookBack);
        if (start >= now)
        {
            return new ScanResult(new Interval(now, now), 0, 0, 0, 0);
        }

        var window = new Interval(start, now);
        var ladder = options.Ladder;
        var from = start.InUtc().Date.PlusDays(-1);
        var to = now.InUtc().Date.PlusDays(1 + (2 * ladder.BusinessDaysBefore.DefaultIfEmpty(0).Max()) + 14);
        var rows = await index.ReadAsync(from, to, ladder.Overdue, cancellationToken).ConfigureAwait(false);

        var due = DueIn(rows, window);
        // Agreements are independent (each ledger row is a conditional add), so a busy morning's reads and writes
        // go out a few at a time rather than one after another.
        var added = 0;
        var skipped = 0;
        var unreadable = 0;
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = options.ScanParallelism, CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(due.GroupBy(d => d.Row.AgreementId, StringComparer.Ordinal), parallel, async (group, ct) =>
        {
            try
            {
                var (a, s) = await RecordAsync(group.Key, [.. group], now, ct).ConfigureAwait(false);
                Interlocked.Add(ref added, a);
                Interlocked.Add(ref skipped, s);
            }
            catch (InvalidDataException ex)
            {
                // A row of a later shape or an unknown stored name: its reminders cannot be judged here, and failing the
                // scan would hold back every other agreement's, scan after scan, for as long as the row stays.
                LogUnreadable(group.Key, ex.Message);
                Interlocked.Add(ref unreadable, group.Count());
            }
        }).ConfigureAwait(false);

        await ledger.AdvanceScanWatermarkAsync(now, cancellationToken).ConfigureAwait(false);
        LogScanned(window.Start, window.End, rows.Count, due.Count, added, skipped, unreadable);
        return new ScanResult(window, rows.Count, due.Count, added, skipped, unreadable);
    }

    /// <summary>
    /// Records the reminders of one agreement that fell due earlier today, in its zone, but before the end of the last
    /// completed scan, which could not see them because the agreement, or the deadline, was not yet in the index.
    /// Called after the agreement's index rows are rewritten, so an agreement entered at 10:00 whose Filing Date is
    /// 5 Business Days away still gets that morning's reminder, once. Reminders of earlier days are not sent late:
    /// "in 5 Business Days" would no longer be true.
    /// </summary>
    /// <param name="record">The agreement as just written.</param>
    /// <param name="cancellationToken">Cancels the storage calls.</param>
    /// <returns>The window caught up and what it found; an empty window when no scan has completed yet (the first
    /// scan's look-back covers the agreement) or none has run today.</returns>
    public async Task<ScanResult> CatchUpAsync(AgreementRecord record, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(record);
        var now = clock.GetCurrentInstant();
        var watermark = await ledger.GetScanWatermarkAsync(cancellationToken).ConfigureAwait(false);
        var zone = record.Agreement.Terms.TimeZone;
        var todayStart = now.InZone(zone).Date.AtStartOfDayInZone(zone).ToInstant();
        var end = watermark is { } w && w.End < now ? w.End : now;
        if (watermark is null || end <= todayStart)
        {
            return new ScanResult(new Interval(now, now), 0, 0, 0, 0);
        }

        var window = new Interval(todayStart, end);
        var rows = DeadlineIndex.EntriesFor(record, now);
        var due = DueIn(rows, window);
        var (added, skipped) = due.Count == 0 ? (0, 0) : await RecordAsync(record, due, now, cancellationToken).ConfigureAwait(false);
        return new ScanResult(window, rows.Count, due.Count, added, skipped);
    }

    private List<(DeadlineIndexEntry Row, ScheduledReminder Reminder)> DueIn(IReadOnlyList<DeadlineIndexEntry> rows, Interval window)
    {
        var calendars = new Dictionary<string, (BusinessDayCalendar Calendar, DateTimeZone Zone)>(StringComparer.Ordinal);
        var due = new List<(DeadlineIndexEntry Row, ScheduledReminder Reminder)>();
        foreach (var row in rows)
        {
            if (!calendars.TryGetValue(row.Terms, out var terms))
            {
                var parsed = AgreementRows.ReadTerms(row.Terms);
                terms = (parsed.Calendar, parsed.TimeZone);
                calendars[row.Terms] = terms;
            }

            foreach (var reminder in options.Ladder.DueIn(row.LastPermittedDay, terms.Calendar, terms.Zone, window, row.OverdueFrom))
            {
                if (reminder.Step.Kind != ReminderStepKind.Overdue || row.RemindWhenOverdue)
                {
                    due.Add((row, reminder));
                }
            }
        }

        return due;
    }

    // The record is the truth; the index is a way to find it. An agreement whose version is still the one its rows were
    // computed from has had no write since: its rows are exactly what its record gives, and the agreement row alone (one
    // point read) supplies the contacts. Otherwise the whole record is read and each due reminder checked against it.
    private async Task<(int Added, int Skipped)> RecordAsync(
        string agreementId, IReadOnlyList<(DeadlineIndexEntry Row, ScheduledReminder Reminder)> due, Instant now, CancellationToken cancellationToken)
    {
        if (await agreements.GetAgreementAsync(agreementId, cancellationToken).ConfigureAwait(false) is not { } agreement)
        {
            return (0, due.Count);
        }

        if (!agreement.Version.IsNone && due.All(d => d.Row.RecordVersion == agreement.Version))
        {
            return await AddAsync(agreement, due, 0, now, cancellationToken).ConfigureAwait(false);
        }

        var record = await agreements.GetRecordAsync(agreementId, cancellationToken).ConfigureAwait(false);
        return record is null ? (0, due.Count) : await RecordAsync(record, due, now, cancellationToken).ConfigureAwait(false);
    }

    private async Task<(int Added, int Skipped)> RecordAsync(
        AgreementRecord record, IReadOnlyList<(DeadlineIndexEntry Row, ScheduledReminder Reminder)> due, Instant now, CancellationToken cancellationToken)
    {
        // As of the earliest send date every instance that is neither met nor waived is Open, so one computation serves
        // every step.
        var schedule = record.ScheduleAsOf(due.Min(d => d.Reminder.SendDate));
        var current = due.Where(d => schedule.Find(d.Row.DeadlineKey).StandsFor(d.Row.LastPermittedDay)).ToList();
        return await AddAsync(record.Agreement, current, due.Count - current.Count, now, cancellationToken).ConfigureAwait(false);
    }

    private async Task<(int Added, int Skipped)> AddAsync(
        StoredAgreement agreement, IReadOnlyList<(DeadlineIndexEntry Row, ScheduledReminder Reminder)> current, int skipped, Instant now,
        CancellationToken cancellationToken)
    {
        var added = 0;
        foreach (var (row, reminder) in current)
        {
            var (to, cc) = ReminderRecipients.Resolve(ReminderAudience.For(row.DeadlineKey), agreement.Document.Contacts ?? []);
            var entry = new ReminderEntry
            {
                AgreementId = agreement.Id,
                Deadline = DeadlineId.Parse(row.DeadlineKey),
                Step = reminder.Step.Key,
                LastPermittedDay = row.LastPermittedDay,
                SendDate = reminder.SendDate,
                ScheduledAt = reminder.SendAt,
                Status = to.Count == 0 ? ReminderStatus.Failed : ReminderStatus.Pending,
                NextAttemptAt = to.Count == 0 ? null : reminder.SendAt,
                To = to,
                Cc = cc,
                CreatedAt = now,
                LastError = to.Count == 0 ? ReminderRecipients.NoneMessage(row.DeadlineKey) : null,
            };
            if (await ledger.AddAsync(entry, cancellationToken).ConfigureAwait(false))
            {
                added++;
                if (entry.Status == ReminderStatus.Failed)
                {
                    LogNoRecipients(entry.IdempotencyKey);
                }
            }
        }

        return (added, skipped);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "ScanDeadlines [{Start}, {End}): {Rows} index rows, {Due} due, {Added} new ledger rows, {Skipped} no longer due, {Unreadable} of agreements this version cannot read")]
    private partial void LogScanned(Instant start, Instant end, int rows, int due, int added, int skipped, int unreadable);

    [LoggerMessage(Level = LogLevel.Error, Message = "ScanDeadlines: agreement {AgreementId} cannot be read by this version, so its due reminders are not recorded: {Reason}")]
    private partial void LogUnreadable(string agreementId, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Reminder {Reminder} has no recipient: no contact with an email address for its roles")]
    private partial void LogNoRecipients(string reminder);
}

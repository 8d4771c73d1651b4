using Azure.Data.Tables;
using NodaTime;
using RegRights.Application.Agreements;
using RegRights.Application.Agreements.Rows;
using RegRights.Contracts.Agreements;
using RegRights.Core.Agreements;
using RegRights.Core.Deadlines;
using RegRights.Core.Reminders;
using RegRights.Infrastructure.Storage;

namespace RegRights.ScanBenchmark;

/// <summary>A reminder a scan found due: (agreement, deadline instance, ladder step), the ledger row's identity.</summary>
internal readonly record struct DueReminder(string AgreementId, string DeadlineKey, string Step);

/// <summary>
/// The scan without an index: read every agreement with its events, compute its schedule
/// (<see cref="DeadlineEngine.Compute"/>) and ask the ladder which steps fall in the window
/// (<see cref="ReminderLadder.DueIn"/>), with the same rules the index applies (reminded obligations, open or missed,
/// overdue only for one that ends by an act: § 6(b) and § 6(g) lapse).
/// </summary>
internal static class NaiveScan
{
    /// <summary>
    /// One pass over the whole agreements table, 1,000 rows a page: a partition is an agreement's head row and its
    /// events, in key order, so each page completes the records it holds. The fewest requests any scan that reads every
    /// agreement can make.
    /// </summary>
    public static async Task<(int Agreements, IReadOnlyList<HashSet<DueReminder>> Due)> TablePassAsync(
        TableClient table, ReminderLadder ladder, IReadOnlyList<Interval> windows, CancellationToken cancellationToken)
    {
        var due = windows.Select(_ => new HashSet<DueReminder>()).ToArray();
        var count = 0;
        TableEntity? head = null;
        var events = new List<AgreementEvent>();
        void Flush()
        {
            if (head is not null)
            {
                var document = AgreementRows.ToDocument(TableAgreementStore.ToHead(head).Row);
                for (var w = 0; w < windows.Count; w++)
                {
                    Decide(head.PartitionKey, document, events, ladder, windows[w], due[w]);
                }

                count++;
            }

            head = null;
            events.Clear();
        }

        string? partition = null;
        await foreach (var entity in table.QueryAsync<TableEntity>(maxPerPage: 1000, cancellationToken: cancellationToken))
        {
            if (entity.PartitionKey != partition)
            {
                Flush();
                partition = entity.PartitionKey;
            }

            if (entity.RowKey == TableAgreementStore.HeadRowKey(entity.PartitionKey))
            {
                head = entity;
            }
            else
            {
                events.Add(TableAgreementStore.ToEvent(entity).Event);
            }
        }

        Flush();
        return (count, due);
    }

    /// <summary>
    /// The scan as the store's API invites it (and as <c>DeadlineIndex.RebuildAsync</c> reads): list the agreements a
    /// page at a time, then read each record, one query per agreement. Stops after <paramref name="limit"/> agreements.
    /// </summary>
    public static async Task<int> StoreApiAsync(
        AgreementStore store, ReminderLadder ladder, Interval window, int limit, HashSet<DueReminder> due, CancellationToken cancellationToken)
    {
        var count = 0;
        string? token = null;
        do
        {
            var page = await store.ListIdsAsync(token, Math.Min(1000, limit - count), cancellationToken);
            foreach (var id in page.Ids)
            {
                var record = await store.GetRecordAsync(id, cancellationToken)
                    ?? throw new InvalidOperationException($"Agreement {id} listed but not found.");
                Decide(id, record.Agreement.Document, [.. record.Events.Select(e => e.Event)], ladder, window, due);
                count++;
            }

            token = page.ContinuationToken;
        }
        while (token is not null && count < limit);

        return count;
    }

    private static void Decide(
        string agreementId, AgreementDocument document, IReadOnlyList<AgreementEvent> events, ReminderLadder ladder, Interval window,
        HashSet<DueReminder> due)
    {
        var terms = (document.Terms ?? TermsDocument.From(AgreementTerms.NeoTherapeutics2000)).ToTerms();
        var schedule = DeadlineEngine.Compute(terms, events, window.Start.InZone(terms.TimeZone).Date);
        foreach (var deadline in schedule.Deadlines)
        {
            if (!deadline.Reminded || deadline.Status is not (DeadlineStatus.Open or DeadlineStatus.Missed))
            {
                continue;
            }

            foreach (var reminder in ladder.DueIn(deadline.LastPermittedDay, terms.Calendar, terms.TimeZone, window))
            {
                if (reminder.Step.Kind != ReminderStepKind.Overdue || deadline.Obligation.End == ObligationEnd.Act)
                {
                    due.Add(new DueReminder(agreementId, deadline.Key, reminder.Step.Key));
                }
            }
        }
    }
}

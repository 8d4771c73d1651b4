using System.Text;
using NodaTime;
using RegRights.Application;
using RegRights.Application.Reminders;
using RegRights.Infrastructure.IntegrationTests.Storage;
using RegRights.Infrastructure.Reminders;
using RegRights.Testing;
using IcalCalendar = Ical.Net.Calendar;

namespace RegRights.Infrastructure.IntegrationTests.Reminders;

/// <summary>Scan and dispatch end to end: real Azurite, real maildev, a pinned clock.</summary>
[Collection(StorageTests.Name)]
public sealed class ReminderPipelineTest(StorageFixture fixture)
{
    // Tuesday 4 March 2025, 08:30 in California (PST, UTC-8): the first scan looks back a day, to Monday 08:30, so
    // it covers Tuesday 08:00 and nothing of Monday's.
    private static readonly Instant Now = Instant.FromUtc(2025, 3, 4, 16, 30);
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    // Closing + 30 days is the Filing Date (§ 2(a)); each lands on a Business Day, so it is also the last permitted day.
    // Wed 2025-03-05 is 1 Business Day after Tue 03-04; Tue 03-11 is 5; Tue 03-18 is 10; Mon 03-03 was the day before,
    // so Tue 03-04 is the first Business Day after it: overdue week 0.
    private static readonly (string Name, LocalDate Closing, string Subject)[] Cases =
    [
        ("One Day RRA", new LocalDate(2025, 2, 3), "Filing Date in 1 Business Day — One Day RRA"),
        ("Five Days RRA", new LocalDate(2025, 2, 9), "Filing Date in 5 Business Days — Five Days RRA"),
        ("Ten Days RRA", new LocalDate(2025, 2, 16), "Filing Date in 10 Business Days — Ten Days RRA"),
        ("Overdue RRA", new LocalDate(2025, 2, 1), "Filing Date is overdue — Overdue RRA"),
    ];

    // Each Closing also starts the § 3(a) pre-filing review, 5 Business Days before the Filing Date: Five Days' is due
    // today (Tue 03-04), Ten Days' (Tue 03-11) is 5 Business Days away, and Overdue's (Mon 02-24) was first overdue
    // Tue 02-25, so today is its second weekly reminder, overdue-1. One Day's (Wed 02-26) is overdue on Thursdays.
    private static readonly (string Agreement, string Deadline, string Step)[] Expected =
    [
        ("One Day RRA", "filing-date", "bd-1"),
        ("Five Days RRA", "filing-date", "bd-5"),
        ("Five Days RRA", "pre-filing-review", "last-day"),
        ("Ten Days RRA", "filing-date", "bd-10"),
        ("Ten Days RRA", "pre-filing-review", "bd-5"),
        ("Overdue RRA", "filing-date", "overdue-0"),
        ("Overdue RRA", "pre-filing-review", "overdue-1"),
    ];

    private static readonly int Seven = Expected.Length;

    [Fact]
    public async Task ScanThenDispatch_TenFiveOneDaysAndOverdue_SendsExactlyTheExpectedReminders()
    {
        // Arrange
        await using var maildev = await LocalServices.StartMaildevAsync(Cancel);
        var pipeline = await ReminderPipeline.CreateAsync(fixture.Azurite, maildev, Now);
        var ids = await AddCasesAsync(pipeline);

        // Act
        var scan = await pipeline.Scanner.ScanAsync(Cancel);
        var dispatch = await pipeline.Dispatcher.DispatchAsync(Cancel);

        // Assert: one email per case, to Company counsel with the Holder and its counsel in copy (§ 2(a) concerns them).
        Assert.Equal((Seven, Seven), (scan.Added, dispatch.Sent));
        var rows = new List<(string, string, string)>();
        foreach (var (id, name) in ids.Zip(Cases.Select(c => c.Name)))
        {
            rows.AddRange((await pipeline.Ledger.ListAsync(id, Cancel)).Select(r => (name, r.DeadlineKey, r.Step)));
        }

        Assert.Equal(Expected.Order(), rows.Order());
        var inbox = await pipeline.InboxAsync();
        Assert.Equal(Seven, inbox.Count);
        Assert.Equal(Cases.Select(c => c.Subject).Order(),
            inbox.Where(e => e.Subject.StartsWith("Filing Date", StringComparison.Ordinal)).Select(e => e.Subject[..e.Subject.IndexOf(" § ", StringComparison.Ordinal)]).Order());
        foreach (var email in inbox)
        {
            Assert.Equal(["apettis@lw.example"], email.To.Select(a => a.Address));
            Assert.Equal(["ops@rcgf.example", "sferruolo@hewm.example"], email.Cc.Select(a => a.Address).Order());
            var ics = Assert.Single(email.Attachments);
            var calendar = IcalCalendar.Load(Encoding.UTF8.GetString(await pipeline.AttachmentAsync(email, ics)));
            Assert.Single(calendar!.Events);

            // Replies go to the deal's company counsel, not to the sending address; the headers name the rung.
            Assert.Contains("apettis@lw.example", email.Headers!["reply-to"].ToString(), StringComparison.Ordinal);
            Assert.Contains(".", email.Headers["x-regrights-reminder"].ToString(), StringComparison.Ordinal);
        }

        // The overdue one is counted from Monday 3 March, the 1-day one is due Wednesday 5 March.
        Assert.Contains(inbox, e => e.Subject.StartsWith("Filing Date is overdue", StringComparison.Ordinal) && e.Subject.Contains("Mon 3 Mar 2025", StringComparison.Ordinal));
        Assert.Contains(inbox, e => e.Subject.StartsWith("Filing Date in 1 Business Day", StringComparison.Ordinal) && e.Subject.Contains("Wed 5 Mar 2025", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Dispatch_OneAgreementRewrittenByALaterVersion_SendsEveryOtherReminderAndLeavesItsOwnPending()
    {
        // Arrange: two agreements scanned, two reminders each; a later version then rewrites one head row.
        await using var maildev = await LocalServices.StartMaildevAsync(Cancel);
        var pipeline = await ReminderPipeline.CreateAsync(fixture.Azurite, maildev, Now);
        var later = await pipeline.AddAgreementAsync("Rewritten RRA", new LocalDate(2025, 2, 9));
        var good = await pipeline.AddAgreementAsync("Five Days RRA", new LocalDate(2025, 2, 9));
        await pipeline.Scanner.ScanAsync(Cancel);
        await pipeline.RewriteAsALaterVersionAsync(later);

        // Act
        var dispatch = await pipeline.Dispatcher.DispatchAsync(Cancel);

        // Assert: the readable agreement's two are sent; the other's stay pending, for a version that can read it.
        Assert.Equal((2, 0, 0, 2), (dispatch.Sent, dispatch.Failed, dispatch.Cancelled, dispatch.Waiting));
        Assert.All(await pipeline.Ledger.ListAsync(good, Cancel), r => Assert.Equal(ReminderStatus.Sent, r.Status));
        Assert.All(await pipeline.Ledger.ListAsync(later, Cancel), r => Assert.Equal(ReminderStatus.Pending, r.Status));
        Assert.Equal(2, (await pipeline.InboxAsync()).Count);
    }

    [Fact]
    public async Task ScanAsync_SecondScanAnHourLater_SendsNothingNew()
    {
        // Arrange
        await using var maildev = await LocalServices.StartMaildevAsync(Cancel);
        var pipeline = await ReminderPipeline.CreateAsync(fixture.Azurite, maildev, Now);
        await AddCasesAsync(pipeline);
        await pipeline.Scanner.ScanAsync(Cancel);
        await pipeline.Dispatcher.DispatchAsync(Cancel);

        // Act
        pipeline.Clock.Advance(Duration.FromHours(1));
        var scan = await pipeline.Scanner.ScanAsync(Cancel);
        var dispatch = await pipeline.Dispatcher.DispatchAsync(Cancel);

        // Assert: the window [08:30, 09:30) holds no reminder.
        Assert.Equal(Now, scan.Window.Start);
        Assert.Equal((0, 0), (scan.Added, dispatch.Sent));
        Assert.Equal(Seven, (await pipeline.InboxAsync()).Count);
    }

    [Fact]
    public async Task UpdateAsync_RowChangedSinceRead_IsRowChangedAndKeepsTheFirstChange()
    {
        // Arrange: one reminder row, read once, then changed through that read.
        var pipeline = await ReminderPipeline.CreateAsync(fixture.Azurite, null, Now);
        var id = await pipeline.AddAgreementAsync(Cases[0].Name, Cases[0].Closing);
        await pipeline.Scanner.ScanAsync(Cancel);
        var read = Assert.Single(await pipeline.Ledger.ListAsync(id, Cancel));
        var first = await pipeline.Ledger.UpdateAsync(read with { LastError = "first" }, Cancel);

        // Act
        await Assert.ThrowsAsync<StoredRowChangedException>(() => pipeline.Ledger.UpdateAsync(read with { LastError = "second" }, Cancel));

        // Assert: the first change stands, under the version its write returned.
        var stored = Assert.Single(await pipeline.Ledger.ListAsync(id, Cancel));
        Assert.Equal(("first", first.Version), (stored.LastError, stored.Version));
        Assert.NotEqual(read.Version, stored.Version);
    }

    [Fact]
    public async Task CatchUpAsync_AgreementEnteredAfterTheMorningScan_GetsTodaysReminderOnce()
    {
        // Arrange: the 08:30 scan has run; at 10:00 someone enters Five Days RRA, whose Filing Date (Tue 03-11) is
        // 5 Business Days away: its bd-5 reminder was due at 08:00, before the agreement was indexed.
        var pipeline = await ReminderPipeline.CreateAsync(fixture.Azurite, null, Now);
        await pipeline.Scanner.ScanAsync(Cancel);
        pipeline.Clock.Advance(Duration.FromMinutes(90));
        var id = await pipeline.AddAgreementAsync("Five Days RRA", new LocalDate(2025, 2, 9));
        var record = (await pipeline.Agreements.GetRecordAsync(id, Cancel))!;

        // Act: the catch-up after indexing, then it again, then the next hourly scan.
        var first = await pipeline.Scanner.CatchUpAsync(record, Cancel);
        var again = await pipeline.Scanner.CatchUpAsync(record, Cancel);
        var scan = await pipeline.Scanner.ScanAsync(Cancel);

        // Assert: today's two reminders (bd-5 of the Filing Date, last-day of the § 3(a) review), each once.
        Assert.Equal(2, first.Added);
        Assert.Equal((0, 0), (again.Added, scan.Added));
        Assert.Equal([("filing-date", "bd-5"), ("pre-filing-review", "last-day")],
            (await pipeline.Ledger.ListAsync(id, Cancel)).Select(r => (r.DeadlineKey, r.Step)).Order());
    }

    [Fact]
    public async Task CatchUpAsync_YesterdaysReminder_IsNotSentLate()
    {
        // Arrange: scanned through Wednesday 03-05 08:30; Ten Days RRA (Filing Date Tue 03-18) is entered at 10:00.
        // Its bd-10 reminder was Tuesday 03-04, a day before it existed: "in 10 Business Days" would now be untrue.
        var wednesday = Now + Duration.FromDays(1);
        var pipeline = await ReminderPipeline.CreateAsync(fixture.Azurite, null, wednesday);
        await pipeline.Scanner.ScanAsync(Cancel);
        pipeline.Clock.Advance(Duration.FromMinutes(90));
        var id = await pipeline.AddAgreementAsync("Ten Days RRA", new LocalDate(2025, 2, 16));

        // Act
        var result = await pipeline.Scanner.CatchUpAsync((await pipeline.Agreements.GetRecordAsync(id, Cancel))!, Cancel);

        // Assert: the window is today's only, and nothing in it was due.
        Assert.Equal(new LocalDate(2025, 3, 5), result.Window.Start.InZone(ReminderPipeline.California).Date);
        Assert.Equal(0, result.Added);
        Assert.Empty(await pipeline.Ledger.ListAsync(id, Cancel));
    }

    [Fact]
    public async Task ScanAndDispatch_TwiceInParallel_SendEachEmailOnce()
    {
        // Arrange
        await using var maildev = await LocalServices.StartMaildevAsync(Cancel);
        var pipeline = await ReminderPipeline.CreateAsync(fixture.Azurite, maildev, Now);
        await AddCasesAsync(pipeline);

        // Act: two scans over the same window race on the ledger, then two dispatchers race on its rows.
        var scans = await Task.WhenAll(pipeline.Scanner.ScanAsync(Cancel), pipeline.Scanner.ScanAsync(Cancel));
        var dispatches = await Task.WhenAll(pipeline.Dispatcher.DispatchAsync(Cancel), pipeline.Dispatcher.DispatchAsync(Cancel));

        // Assert
        Assert.Equal(Seven, scans.Sum(s => s.Added));
        Assert.Equal(Seven, dispatches.Sum(d => d.Sent));
        var inbox = await pipeline.InboxAsync();
        Assert.Equal(Seven, inbox.Count);
        Assert.Equal(Seven, inbox.Select(e => e.MessageId).Distinct().Count());
    }

    [Fact]
    public async Task ScanAsync_DiedBeforeTheWatermark_RunsAgainAndAddsNoSecondRow()
    {
        // Arrange: the rows of a scan are written, but its watermark is not (as if it died just before).
        var pipeline = await ReminderPipeline.CreateAsync(fixture.Azurite, null, Now);
        var ids = await AddCasesAsync(pipeline);
        await pipeline.Scanner.ScanAsync(Cancel);
        await pipeline.ReminderTables.State.DeleteEntityAsync("scan", "ScanDeadlines", Azure.ETag.All, Cancel);

        // Act
        var again = await pipeline.Scanner.ScanAsync(Cancel);

        // Assert: the same window found the same seven reminders and created none.
        Assert.Equal((Seven, 0), (again.Due, again.Added));
        var rows = new List<ReminderEntry>();
        foreach (var id in ids)
        {
            rows.AddRange(await pipeline.Ledger.ListAsync(id, Cancel));
        }

        Assert.Equal(Seven, rows.Count);
        Assert.Equal(Seven, (await pipeline.Ledger.ReadOutboxAsync(Cancel)).Count);
    }

    [Fact]
    public async Task DispatchAsync_MaildevStopped_LosesNothingAndSendsOnceWhenItReturns()
    {
        // Arrange
        await using var maildev = await LocalServices.StartMaildevAsync(Cancel);
        var pipeline = await ReminderPipeline.CreateAsync(fixture.Azurite, maildev, Now);
        var ids = await AddCasesAsync(pipeline);
        await pipeline.Scanner.ScanAsync(Cancel);
        await maildev.StopAsync();

        // Act: a failed try, a run before the backoff has passed, then maildev back and the clock past the backoff.
        var down = await pipeline.Dispatcher.DispatchAsync(Cancel);
        var early = await pipeline.Dispatcher.DispatchAsync(Cancel);
        var pendingWhileDown = (await Task.WhenAll(ids.Select(id => pipeline.Ledger.ListAsync(id, Cancel)))).SelectMany(r => r).ToList();
        await maildev.StartAsync(Cancel);
        pipeline.Clock.Advance(Duration.FromMinutes(2));
        var up = await pipeline.Dispatcher.DispatchAsync(Cancel);
        var after = await pipeline.Dispatcher.DispatchAsync(Cancel);

        // Assert
        Assert.Equal((Seven, 0), (down.Retrying, down.Sent));
        Assert.Equal((0, Seven), (early.Sent, early.Waiting));
        Assert.All(pendingWhileDown, r => Assert.Equal((ReminderStatus.Pending, 1, Now + Duration.FromMinutes(1)), (r.Status, r.Attempts, r.NextAttemptAt)));
        Assert.All(pendingWhileDown, r => Assert.Contains("not known to have been sent", r.LastError, StringComparison.Ordinal));
        Assert.Equal((Seven, 0), (up.Sent, after.Sent));
        Assert.Equal(Seven, (await pipeline.InboxAsync()).Count);
        Assert.Empty(await pipeline.Ledger.ReadOutboxAsync(Cancel));
    }

    [Fact]
    public async Task DispatchAsync_MaildevNeverReturns_MarksFailedAfterTheLastTryAndARetryRequeues()
    {
        // Arrange: MaxAttempts is 4; waits of 1, 2 and 4 minutes between them.
        await using var maildev = await LocalServices.StartMaildevAsync(Cancel);
        var pipeline = await ReminderPipeline.CreateAsync(fixture.Azurite, maildev, Now);
        var id = await pipeline.AddAgreementAsync(Cases[0].Name, Cases[0].Closing);
        await pipeline.Scanner.ScanAsync(Cancel);
        await maildev.StopAsync();

        // Act
        var results = new List<DispatchResult>();
        for (var i = 0; i < 4; i++)
        {
            results.Add(await pipeline.Dispatcher.DispatchAsync(Cancel));
            pipeline.Clock.Advance(Duration.FromMinutes(5));
        }

        var failed = Assert.Single(await pipeline.Ledger.ListAsync(id, Cancel));
        await maildev.StartAsync(Cancel);
        var requeue = await pipeline.Dispatcher.RequeueAsync(id, failed.ReminderId, Cancel);
        var resent = await pipeline.Dispatcher.DispatchAsync(Cancel);

        // Assert
        Assert.Equal([1, 1, 1, 0], results.Select(r => r.Retrying));
        Assert.Equal(1, results[3].Failed);
        Assert.Equal((ReminderStatus.Failed, 4, "filing-date.bd-1"), (failed.Status, failed.Attempts, failed.ReminderId));
        Assert.Equal(RequeueOutcome.Requeued, requeue);
        Assert.Equal(1, resent.Sent);
        Assert.Equal(ReminderStatus.Sent, Assert.Single(await pipeline.Ledger.ListAsync(id, Cancel)).Status);
        Assert.Single(await pipeline.InboxAsync());
        Assert.Equal(RequeueOutcome.NotFailed, await pipeline.Dispatcher.RequeueAsync(id, failed.ReminderId, Cancel));
    }

    [Fact]
    public async Task HourlyScans_DaylightSavingWeek_EveryReminderAt0800California()
    {
        // Filing Date Wed 2025-03-12 (Closing 2025-02-10). Clocks go forward Sunday 9 March: bd-5 (Wed 5 March) is
        // 08:00 PST = 16:00 UTC, bd-2 (Mon 10 March), bd-1 and the last day are 08:00 PDT = 15:00 UTC.
        var created = await HourlyAsync(new LocalDate(2025, 2, 10), Instant.FromUtc(2025, 3, 3, 0, 5), Instant.FromUtc(2025, 3, 13, 0, 5));

        Assert.Equal(
            [("bd-5", Instant.FromUtc(2025, 3, 5, 16, 0)), ("bd-2", Instant.FromUtc(2025, 3, 10, 15, 0)),
             ("bd-1", Instant.FromUtc(2025, 3, 11, 15, 0)), ("last-day", Instant.FromUtc(2025, 3, 12, 15, 0))],
            created.Select(c => (c.Row.Step, c.Row.ScheduledAt)));
        Assert.All(created, c => Assert.Equal(new LocalTime(8, 5), c.FoundAt.InZone(ReminderPipeline.California).TimeOfDay));
    }

    [Fact]
    public async Task HourlyScans_HolidayMondayWeek_SkipsTheHolidayAndSendsAt0800()
    {
        // Filing Date Tue 2025-02-18 (Closing 2025-01-19). Monday 17 February is Washington's Birthday, not a Business
        // Day (§ 1): bd-2 is Thu 13, bd-1 Fri 14, the last day Tue 18; nothing goes out on the holiday.
        var created = await HourlyAsync(new LocalDate(2025, 1, 19), Instant.FromUtc(2025, 2, 12, 0, 5), Instant.FromUtc(2025, 2, 19, 0, 5));

        Assert.Equal(
            [("bd-2", new LocalDate(2025, 2, 13)), ("bd-1", new LocalDate(2025, 2, 14)), ("last-day", new LocalDate(2025, 2, 18))],
            created.Select(c => (c.Row.Step, c.Row.SendDate)));
        Assert.All(created, c => Assert.Equal(new LocalTime(8, 5), c.FoundAt.InZone(ReminderPipeline.California).TimeOfDay));
    }

    // Scans every hour at five past, from start to end, and says which scan first wrote each ledger row.
    private async Task<List<(ReminderEntry Row, Instant FoundAt)>> HourlyAsync(LocalDate closing, Instant start, Instant end)
    {
        var pipeline = await ReminderPipeline.CreateAsync(fixture.Azurite, null, start - Duration.FromHours(1));
        var id = await pipeline.AddAgreementAsync("Hourly RRA", closing);
        await pipeline.Ledger.AdvanceScanWatermarkAsync(start - Duration.FromHours(1), Cancel);
        var created = new List<(ReminderEntry, Instant)>();
        var known = new HashSet<string>(StringComparer.Ordinal);
        for (var now = start; now <= end; now += Duration.FromHours(1))
        {
            pipeline.Clock.Reset(now);
            await pipeline.Scanner.ScanAsync(Cancel);
            foreach (var row in await pipeline.Ledger.ListAsync(id, Cancel))
            {
                if (row.DeadlineKey == "filing-date" && known.Add(row.ReminderId))
                {
                    created.Add((row, now));
                }
            }
        }

        return created;
    }

    private static async Task<List<string>> AddCasesAsync(ReminderPipeline pipeline)
    {
        var ids = new List<string>();
        foreach (var (name, closing, _) in Cases)
        {
            ids.Add(await pipeline.AddAgreementAsync(name, closing));
        }

        return ids;
    }
}

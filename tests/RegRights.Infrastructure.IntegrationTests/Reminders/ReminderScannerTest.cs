using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using NodaTime;
using RegRights.Application.Agreements;
using RegRights.Application.Reminders;
using RegRights.Core.Agreements;
using RegRights.Infrastructure.IntegrationTests.Storage;
using RegRights.Infrastructure.Storage;

namespace RegRights.Infrastructure.IntegrationTests.Reminders;

/// <summary>How the scan checks a due reminder against the agreement: a point read while the record is unchanged since it was indexed, the whole record otherwise.</summary>
[Collection(StorageTests.Name)]
public sealed class ReminderScannerTest(StorageFixture fixture)
{
    // Tuesday 4 March 2025, 08:30 in California (PST): the first scan covers 08:00 that day.
    private static readonly Instant Now = Instant.FromUtc(2025, 3, 4, 16, 30);

    // Closing Sun 2025-02-09: the Filing Date (§ 2(a), Closing + 30 days) is Tue 2025-03-11, 5 Business Days away, and
    // the § 3(a) pre-filing review 5 Business Days before it is due today: two reminders at 08:00.
    private static readonly LocalDate Closing = new(2025, 2, 9);

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static ReminderScanner Scanner(ReminderPipeline pipeline, AgreementStore agreements) =>
        new(pipeline.Index, pipeline.Ledger, agreements, pipeline.Clock, Options.Create(new ReminderOptions()), NullLogger<ReminderScanner>.Instance);

    [Fact]
    public async Task ScanAsync_AgreementUnchangedSinceIndexed_ReadsTheAgreementRowNotTheRecord()
    {
        var pipeline = await ReminderPipeline.CreateAsync(fixture.Azurite, maildev: null, Now);
        var id = await pipeline.AddAgreementAsync("Five Days RRA", Closing);
        var counting = new CountingAgreementStore(pipeline.Tables);

        var scan = await Scanner(pipeline, counting).ScanAsync(Cancel);

        Assert.Equal((2, 0), (scan.Added, scan.Skipped));
        Assert.Equal((1, 0), (counting.AgreementReads, counting.RecordReads));
        Assert.Equal(["filing-date.bd-5", "pre-filing-review.last-day"], (await pipeline.Ledger.ListAsync(id, Cancel)).Select(r => $"{r.DeadlineKey}.{r.Step}").Order());
    }

    [Fact]
    public async Task ScanAsync_OneAgreementOfALaterShape_RecordsEveryOtherAgreementsRemindersAndCountsItsOwn()
    {
        // Arrange: two agreements with the same two reminders due; a later version then rewrites one head row.
        var pipeline = await ReminderPipeline.CreateAsync(fixture.Azurite, maildev: null, Now);
        var good = await pipeline.AddAgreementAsync("Five Days RRA", Closing);
        var later = await pipeline.AddAgreementAsync("Rewritten RRA", Closing);
        await pipeline.RewriteAsALaterVersionAsync(later);

        // Act
        var scan = await Scanner(pipeline, pipeline.Agreements).ScanAsync(Cancel);

        // Assert: the scan completes, the readable agreement's reminders are recorded, the other's are counted apart.
        Assert.Equal((4, 2, 0, 2), (scan.Due, scan.Added, scan.Skipped, scan.Unreadable));
        Assert.Equal(["filing-date.bd-5", "pre-filing-review.last-day"], (await pipeline.Ledger.ListAsync(good, Cancel)).Select(r => r.ReminderId).Order());
        Assert.Empty(await pipeline.Ledger.ListAsync(later, Cancel));
        Assert.Equal(Now, (await pipeline.Ledger.GetScanWatermarkAsync(Cancel))?.End);
    }

    [Fact]
    public async Task ListAsync_LedgerRowWithAKeyThatIsNoDeadline_IsRefusedByName()
    {
        // Arrange: the scan's two rows, one then edited by hand so its key names no deadline.
        var pipeline = await ReminderPipeline.CreateAsync(fixture.Azurite, maildev: null, Now);
        var id = await pipeline.AddAgreementAsync("Five Days RRA", Closing);
        await Scanner(pipeline, pipeline.Agreements).ScanAsync(Cancel);
        var row = (await pipeline.ReminderTables.Ledger.GetEntityAsync<Azure.Data.Tables.TableEntity>(id, "filing-date.bd-5", cancellationToken: Cancel)).Value;
        row["DeadlineKey"] = "filing-date#01";
        await pipeline.ReminderTables.Ledger.UpdateEntityAsync(row, row.ETag, cancellationToken: Cancel);

        // Act
        var ex = await Assert.ThrowsAsync<InvalidDataException>(() => pipeline.Ledger.ListAsync(id, Cancel));

        // Assert: which row, and what it holds, so it can be found and mended.
        Assert.Equal($"The reminder 'filing-date.bd-5' of agreement '{id}' is stored with 'filing-date#01', which is not a deadline key.", ex.Message);
    }

    [Fact]
    public async Task ScanAsync_FilingRecordedButNotIndexed_ReadsTheRecordAndSendsNeitherReminder()
    {
        // Arrange: the Registration Statement was filed Mon 2025-03-03, but the index missed that write (its rows still
        // say the Filing Date is open).
        var pipeline = await ReminderPipeline.CreateAsync(fixture.Azurite, maildev: null, Now);
        var id = await pipeline.AddAgreementAsync("Five Days RRA", Closing);
        var record = await pipeline.Agreements.GetRecordAsync(id, Cancel);
        await pipeline.Agreements.AppendEventAsync(record!, new AgreementEvent("filed", AgreementEventKind.Filed, new LocalDate(2025, 3, 3)), Now, Cancel);
        var counting = new CountingAgreementStore(pipeline.Tables);

        // Act
        var scan = await Scanner(pipeline, counting).ScanAsync(Cancel);

        // Assert: the changed ETag sends the scan to the record. There the Filing Date is met, and the § 3(a) review now
        // counts back from the actual filing, 5 Business Days before Mon 03-03: its last day moved to Mon 2025-02-24, so
        // the reminder for today's last day is not sent either.
        Assert.Equal((1, 1), (counting.AgreementReads, counting.RecordReads));
        Assert.Equal((0, 2), (scan.Added, scan.Skipped));
        Assert.Empty(await pipeline.Ledger.ListAsync(id, Cancel));
    }

    [Fact]
    public async Task ScanAsync_AgreementRenamedButNotIndexed_ChecksTheRecordAndStillReminds()
    {
        // A write that leaves every deadline as it was still changes the ETag: the scan checks the record, and both
        // reminders go out, to the contacts as they are now.
        var pipeline = await ReminderPipeline.CreateAsync(fixture.Azurite, maildev: null, Now);
        var id = await pipeline.AddAgreementAsync("Five Days RRA", Closing);
        var stored = await pipeline.Agreements.GetAgreementAsync(id, Cancel);
        await pipeline.Agreements.ReplaceAsync(id, stored!.Document with { Name = "Five Days RRA (renamed)" }, stored.Version, Now, Cancel);
        var counting = new CountingAgreementStore(pipeline.Tables);

        var scan = await Scanner(pipeline, counting).ScanAsync(Cancel);

        Assert.Equal((2, 0), (scan.Added, scan.Skipped));
        Assert.Equal((1, 1), (counting.AgreementReads, counting.RecordReads));
    }

    /// <summary>The real store, counting the scan's reads.</summary>
    private sealed class CountingAgreementStore(RegRightsTables tables) : TableAgreementStore(tables)
    {
        private int agreementReads;
        private int recordReads;

        public int AgreementReads => agreementReads;

        public int RecordReads => recordReads;

        public override Task<StoredAgreement?> GetAgreementAsync(string id, CancellationToken cancellationToken = default)
        {
            Interlocked.Increment(ref agreementReads);
            return base.GetAgreementAsync(id, cancellationToken);
        }

        public override Task<AgreementRecord?> GetRecordAsync(string id, CancellationToken cancellationToken = default)
        {
            Interlocked.Increment(ref recordReads);
            return base.GetRecordAsync(id, cancellationToken);
        }
    }
}

using NodaTime;
using RegRights.Application.Reminders;
using RegRights.Contracts.Agreements;
using RegRights.Core.Agreements;
using RegRights.Infrastructure.IntegrationTests.Storage;
using IcalCalendar = Ical.Net.Calendar;

namespace RegRights.Infrastructure.IntegrationTests.Reminders;

/// <summary>The reminder service over fresh tables in Azurite (behind the Azure rules), its clock pinned.</summary>
[Collection(StorageTests.Name)]
public sealed class ReminderServiceTest(StorageFixture fixture)
{
    // Tuesday 4 March 2025, 08:30 in California (PST, UTC-8), as in ReminderPipelineTest.
    private static readonly Instant Now = Instant.FromUtc(2025, 3, 4, 16, 30);
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    // Closing 2025-02-03 + 30 days = Filing Date Wed 2025-03-05 (§ 2(a)), a Business Day: 1 Business Day after today,
    // so the scan writes the bd-1 reminder, Tue 2025-03-04 08:00 PST. Its § 3(a) pre-filing review (Wed 2025-02-26)
    // is overdue on Thursdays only, so that is the one row.
    private static readonly LocalDate OneDayClosing = new(2025, 2, 3);

    [Fact]
    public async Task ListAsync_ScannedAgreement_TheRowWithCaliforniaToShowItIn()
    {
        // Arrange
        var (service, pipeline) = await CreateAsync();
        var id = await pipeline.AddAgreementAsync("One Day RRA", OneDayClosing);
        await pipeline.Scanner.ScanAsync(Cancel);

        // Act
        var listed = await service.ListAsync(id, Cancel);

        // Assert: 08:00 PST on Tuesday 4 March is 16:00 UTC; shown in California it reads 08:00 -08:00.
        Assert.NotNull(listed);
        Assert.Equal(ReminderPipeline.California, listed.Zone);
        var row = Assert.Single(listed.Rows);
        Assert.Equal(("filing-date.bd-1", ReminderStatus.Pending, new LocalDate(2025, 3, 5)), (row.ReminderId, row.Status, row.LastPermittedDay));
        Assert.Equal(Instant.FromUtc(2025, 3, 4, 16, 0), row.ScheduledAt);
        Assert.Equal(new LocalDateTime(2025, 3, 4, 8, 0).WithOffset(Offset.FromHours(-8)), row.ScheduledAt.InZone(listed.Zone).ToOffsetDateTime());
    }

    [Fact]
    public async Task ListAsync_NewYorkAgreementNotYetScanned_EmptyRowsInNewYork()
    {
        // Arrange: a deal governed by New York time; the zone comes from its terms, not from the seed's.
        var (service, pipeline) = await CreateAsync();
        var document = new AgreementDocument
        {
            Name = "New York RRA",
            Terms = TermsDocument.From(AgreementTerms.NeoTherapeutics2000) with { TimeZone = "America/New_York" },
        };
        var stored = await pipeline.Agreements.CreateAsync(document, Now, Cancel);

        // Act
        var listed = await service.ListAsync(stored.Id, Cancel);

        // Assert: an agreement with no rows yet has an empty ledger, not "no agreement".
        Assert.NotNull(listed);
        Assert.Equal("America/New_York", listed.Zone.Id);
        Assert.Empty(listed.Rows);
    }

    [Fact]
    public async Task ListAsync_UnknownOrMalformedAgreement_IsNull()
    {
        var (service, _) = await CreateAsync();

        Assert.Null(await service.ListAsync(Guid.NewGuid().ToString("N"), Cancel));
        Assert.Null(await service.ListAsync("a/b", Cancel));
    }

    [Fact]
    public async Task RetryAsync_FailedRowAddressCorrected_RequeuedToTheCorrectedAddress()
    {
        // Arrange: no SMTP server listens, so four tries (MaxAttempts) fail the row; then Company counsel's address is corrected.
        var (service, pipeline) = await CreateAsync();
        var id = await pipeline.AddAgreementAsync("One Day RRA", OneDayClosing);
        await pipeline.Scanner.ScanAsync(Cancel);
        await FailAllAsync(pipeline);
        var failed = Assert.Single(await pipeline.Ledger.ListAsync(id, Cancel));
        Assert.Equal((ReminderStatus.Failed, 4), (failed.Status, failed.Attempts));
        var head = (await pipeline.Agreements.GetAgreementAsync(id, Cancel))!;
        var corrected = ReminderPipeline.CompanyCounsel with { Email = "alan.pettis@lw.example" };
        await pipeline.Agreements.ReplaceAsync(
            id, head.Document with { Contacts = [corrected, ReminderPipeline.Holder, ReminderPipeline.HoldersCounsel] }, head.Version, pipeline.Clock.GetCurrentInstant(), Cancel);

        // Act
        var result = await service.RetryAsync(id, "filing-date.bd-1", Cancel);

        // Assert: pending again with its tries reset, due now, to the corrected address, and in the outbox; the row
        // handed back is the one as requeued, in California.
        var requeued = Assert.IsType<ReminderRetryResult.Requeued>(result);
        Assert.Equal(ReminderPipeline.California, requeued.Zone);
        var row = requeued.Reminder;
        Assert.Equal((ReminderStatus.Pending, 0, pipeline.Clock.GetCurrentInstant()), (row.Status, row.Attempts, row.NextAttemptAt));
        Assert.Equal(["alan.pettis@lw.example"], row.To.Select(r => r.Address));
        Assert.Equal(new OutboxItem(id, "filing-date.bd-1"), Assert.Single(await pipeline.Ledger.ReadOutboxAsync(Cancel)));
    }

    [Fact]
    public async Task RetryAsync_PendingRow_IsNotFailedAndChangesNothing()
    {
        // Arrange: scanned, never dispatched.
        var (service, pipeline) = await CreateAsync();
        var id = await pipeline.AddAgreementAsync("One Day RRA", OneDayClosing);
        await pipeline.Scanner.ScanAsync(Cancel);
        var before = Assert.Single(await pipeline.Ledger.ListAsync(id, Cancel));

        // Act
        var result = await service.RetryAsync(id, before.ReminderId, Cancel);

        // Assert
        var notFailed = Assert.IsType<ReminderRetryResult.NotFailed>(result);
        Assert.Equal((ReminderStatus.Pending, before.Version), (notFailed.Reminder.Status, notFailed.Reminder.Version));
        Assert.Equal(before.Version, Assert.Single(await pipeline.Ledger.ListAsync(id, Cancel)).Version);
    }

    [Fact]
    public async Task RetryAsync_UnknownOrOverlongReminder_IsReminderNotFound()
    {
        // Arrange
        var (service, pipeline) = await CreateAsync();
        var id = await pipeline.AddAgreementAsync("One Day RRA", OneDayClosing);
        await pipeline.Scanner.ScanAsync(Cancel);
        var overlong = new string('x', 201);

        // Act
        var unknown = await service.RetryAsync(id, "filing-date.bd-7", Cancel);
        var tooLong = await service.RetryAsync(id, overlong, Cancel);

        // Assert: bd-7 is no step of the ladder; an id over 200 characters is never a row's.
        Assert.Equal(new ReminderRetryResult.ReminderNotFound(id, "filing-date.bd-7"), unknown);
        Assert.Equal(new ReminderRetryResult.ReminderNotFound(id, overlong), tooLong);
    }

    [Fact]
    public async Task RetryAsync_UnknownOrMalformedAgreement_IsAgreementNotFound()
    {
        var (service, _) = await CreateAsync();
        var unknown = Guid.NewGuid().ToString("N");

        Assert.Equal(new ReminderRetryResult.AgreementNotFound(unknown), await service.RetryAsync(unknown, "filing-date.bd-1", Cancel));
        Assert.Equal(new ReminderRetryResult.AgreementNotFound("a/b"), await service.RetryAsync("a/b", "filing-date.bd-1", Cancel));
    }

    [Fact]
    public async Task GetCalendarAsync_SundayEveningInCalifornia_KeepsTheEffectivenessPeriodEndOnThatSunday()
    {
        // Arrange: the seed agreement, Closing 2000-04-28, nothing filed. 5:30 p.m. PDT on Sunday 28 April 2002 is
        // 00:30 UTC on Monday the 29th.
        var (service, pipeline) = await CreateAsync();
        var id = await pipeline.AddAgreementAsync("NeoTherapeutics RRA", new LocalDate(2000, 4, 28));
        pipeline.Clock.Reset(Instant.FromUtc(2002, 4, 29, 0, 30));

        // Act
        var text = await service.GetCalendarAsync(id, Cancel);
        pipeline.Clock.Advance(Duration.FromHours(7));
        var monday = IcalCalendar.Load((await service.GetCalendarAsync(id, Cancel))!)!;

        // Assert: the § 2(a) Effectiveness Period end is estimated as Closing + 730 days (Rule 144(k)) = Sunday
        // 2002-04-28, and lapses: it is in the feed through that Sunday in California, and gone at 00:30 PDT Monday.
        // The § 2(a) Filing Date, Sunday 2000-05-28, was missed and stays in the feed. Every event is stamped with the clock.
        var sunday = IcalCalendar.Load(text!)!;
        Assert.Equal(new DateOnly(2002, 4, 28), Event(sunday, id, "effectiveness-period-end").DtStart!.Date);
        Assert.Equal(new DateOnly(2000, 5, 28), Event(sunday, id, "filing-date").DtStart!.Date);
        Assert.DoesNotContain(monday.Events, e => e.Uid == $"{id}/effectiveness-period-end@regrights");
        Assert.Equal(new DateOnly(2000, 5, 28), Event(monday, id, "filing-date").DtStart!.Date);
        Assert.Contains("X-WR-CALNAME:NeoTherapeutics RRA: deadlines\r\n", text, StringComparison.Ordinal);
        Assert.Contains("DTSTAMP:20020429T003000Z\r\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetCalendarAsync_NamelessAgreement_IsNamedByItsId()
    {
        // Arrange
        var (service, pipeline) = await CreateAsync();
        var stored = await pipeline.Agreements.CreateAsync(new AgreementDocument { Name = " ", Terms = TermsDocument.From(AgreementTerms.NeoTherapeutics2000) }, Now, Cancel);

        // Act
        var text = await service.GetCalendarAsync(stored.Id, Cancel);

        // Assert
        Assert.Contains($"X-WR-CALNAME:{stored.Id}: deadlines\r\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetCalendarAsync_UnknownOrMalformedAgreement_IsNull()
    {
        var (service, _) = await CreateAsync();

        Assert.Null(await service.GetCalendarAsync(Guid.NewGuid().ToString("N"), Cancel));
        Assert.Null(await service.GetCalendarAsync("a/b", Cancel));
    }

    private static Ical.Net.CalendarComponents.CalendarEvent Event(IcalCalendar calendar, string id, string key) =>
        Assert.Single(calendar.Events, e => e.Uid == $"{id}/{key}@regrights");

    // The pipeline's SMTP port is 1, where nothing listens: each try fails at once. Four tries, waits of 1, 2 and 4 minutes.
    private static async Task FailAllAsync(ReminderPipeline pipeline)
    {
        for (var i = 0; i < 4; i++)
        {
            await pipeline.Dispatcher.DispatchAsync(Cancel);
            pipeline.Clock.Advance(Duration.FromMinutes(5));
        }
    }

    private async Task<(ReminderService Service, ReminderPipeline Pipeline)> CreateAsync()
    {
        var pipeline = await ReminderPipeline.CreateAsync(fixture.Azurite, maildev: null, Now);
        return (new ReminderService(pipeline.Agreements, pipeline.Ledger, pipeline.Dispatcher, pipeline.Clock), pipeline);
    }
}

using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using NodaTime;
using RegRights.Application.Agreements;
using RegRights.Application.Reminders;
using RegRights.Contracts.Agreements;
using RegRights.Core.Agreements;
using RegRights.Core.Deadlines;
using RegRights.Infrastructure.IntegrationTests.Storage;
using RegRights.Infrastructure.Reminders;
using RegRights.Infrastructure.Storage;
using RegRights.Testing;

namespace RegRights.Infrastructure.IntegrationTests.Reminders;

/// <summary>
/// A deal that closed in 2000, loaded in 2026: its deadlines are long past. They are shown, and not reminded, unless
/// the agreement asks (remindDeadlinesBeforeRegistration); and no deadline is mailed "overdue" more than
/// Reminders:MaxOverdueReminders times.
/// </summary>
[Collection(StorageTests.Name)]
public sealed class PastDeadlinesTest(StorageFixture fixture)
{
    // Tuesday 3 March 2026, 08:30 in California (PST): the agreement is registered now; the first scan covers 08:00.
    private static readonly Instant Now = Instant.FromUtc(2026, 3, 3, 16, 30);

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Scan_DealClosedIn2000LoadedIn2026_RemindsNothingAndShowsTheMissedDeadlines()
    {
        // Arrange
        var pipeline = await ReminderPipeline.CreateAsync(fixture.Azurite, maildev: null, Now);
        var id = await RegisterNowAsync(pipeline, remindPast: null);

        // Act: the first scan, then one a week for two months.
        var added = (await pipeline.Scanner.ScanAsync(Cancel)).Added;
        for (var week = 0; week < 8; week++)
        {
            pipeline.Clock.AdvanceDays(7);
            added += (await pipeline.Scanner.ScanAsync(Cancel)).Added;
        }

        // Assert: no index row, no ledger row; the deadlines document still shows the Filing Date of 2000-05-28, missed.
        Assert.Equal(0, added);
        Assert.Empty(await pipeline.Index.ReadAgreementAsync(id, Cancel));
        Assert.Empty(await pipeline.Ledger.ListAsync(id, Cancel));
        var record = await pipeline.Agreements.GetRecordAsync(id, Cancel);
        var filing = record!.ScheduleAsOf(new LocalDate(2026, 3, 3)).Find("filing-date")!;
        Assert.Equal((new LocalDate(2000, 5, 28), DeadlineStatus.Missed), (filing.LastPermittedDay, filing.Status));
    }

    [Fact]
    public async Task Scan_DealClosedIn2000AskingForPastDeadlines_OverdueFromRegistrationFourTimes()
    {
        // Arrange: the same deal, with remindDeadlinesBeforeRegistration.
        var pipeline = await ReminderPipeline.CreateAsync(fixture.Azurite, maildev: null, Now);
        var id = await RegisterNowAsync(pipeline, remindPast: true);

        // Act: the first scan (Tuesday 08:00), then one a week for two months.
        await pipeline.Scanner.ScanAsync(Cancel);
        for (var week = 0; week < 8; week++)
        {
            pipeline.Clock.AdvanceDays(7);
            await pipeline.Scanner.ScanAsync(Cancel);
        }

        // Assert: the Filing Date is reminded overdue on the registration day, Tuesday 2026-03-03, and weekly after,
        // four times (Reminders:MaxOverdueReminders), then never again.
        var filing = (await pipeline.Ledger.ListAsync(id, Cancel)).Where(r => r.DeadlineKey == "filing-date").OrderBy(r => r.ScheduledAt).ToList();
        Assert.Equal(
        [
            ("overdue-0", new LocalDate(2026, 3, 3)),
            ("overdue-1", new LocalDate(2026, 3, 10)),
            ("overdue-2", new LocalDate(2026, 3, 17)),
            ("overdue-3", new LocalDate(2026, 3, 24)),
        ], filing.Select(r => (r.Step, r.SendDate)));
    }

    [Fact]
    public async Task Scan_OverdueStopsWhenTheDeadlineIsMet()
    {
        // Arrange: a deal registered at its Closing, Sunday 2026-01-25: the Filing Date, Closing + 30 days, is Tuesday
        // 2026-02-24, and is missed; the first overdue reminder goes out Wednesday 02-25.
        var pipeline = await ReminderPipeline.CreateAsync(fixture.Azurite, maildev: null, Instant.FromUtc(2026, 2, 25, 16, 30));
        var id = await pipeline.AddAgreementAsync("Late filer RRA", new LocalDate(2026, 1, 25));
        await pipeline.Scanner.ScanAsync(Cancel);

        // Act: the Registration Statement is filed on Friday 02-27 and the index follows the write; scans go on weekly.
        var record = await pipeline.Agreements.GetRecordAsync(id, Cancel);
        record = await pipeline.Agreements.AppendEventAsync(record!, new AgreementEvent("filed", AgreementEventKind.Filed, new LocalDate(2026, 2, 27)), pipeline.Clock.GetCurrentInstant(), Cancel);
        await pipeline.Index.IndexAsync(record, Cancel);
        for (var week = 0; week < 4; week++)
        {
            pipeline.Clock.AdvanceDays(7);
            await pipeline.Scanner.ScanAsync(Cancel);
        }

        // Assert: the one overdue reminder before the filing, none after.
        var filing = (await pipeline.Ledger.ListAsync(id, Cancel)).Where(r => r.DeadlineKey == "filing-date").Select(r => r.Step);
        Assert.Equal(["overdue-0"], filing);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("53")]
    public void MaxOverdueReminders_OutOfRange_FailsAtStartNamingTheSetting(string value)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Reminders:MaxOverdueReminders"] = value });
        builder.AddReminders();
        using var host = builder.Build();

        var ex = Assert.Throws<OptionsValidationException>(() => host.Services.GetRequiredService<IOptions<ReminderOptions>>().Value);
        Assert.Contains("Reminders:MaxOverdueReminders", ex.Message, StringComparison.Ordinal);
    }

    // The seed agreement with the three contacts and its Closing of 2000-04-28, registered now.
    private static async Task<string> RegisterNowAsync(ReminderPipeline pipeline, bool? remindPast)
    {
        var document = new AgreementDocument
        {
            Name = SeedAgreements.Name,
            Terms = SeedAgreements.Terms,
            Contacts = [ReminderPipeline.CompanyCounsel, ReminderPipeline.Holder, ReminderPipeline.HoldersCounsel],
            RemindDeadlinesBeforeRegistration = remindPast,
        };
        var now = pipeline.Clock.GetCurrentInstant();
        var stored = await pipeline.Agreements.CreateAsync(document, now, Cancel);
        var record = await pipeline.Agreements.AppendEventAsync(
            new AgreementRecord(stored, []), new AgreementEvent("closing", AgreementEventKind.Closing, new LocalDate(2000, 4, 28)), now, Cancel);
        await pipeline.Index.IndexAsync(record, Cancel);
        return stored.Id;
    }
}

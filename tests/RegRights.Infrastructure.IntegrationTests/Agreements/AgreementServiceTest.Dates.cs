using NodaTime;
using RegRights.Application;
using RegRights.Application.Agreements;
using RegRights.Contracts.Agreements;
using RegRights.Core.Agreements;
using RegRights.Core.Calendars;
using RegRights.Infrastructure.IntegrationTests.Reminders;
using RegRights.Testing;

namespace RegRights.Infrastructure.IntegrationTests.Agreements;

/// <summary>Every date that enters is one the engine can compute, with every date its clocks reach (issue 12, defect 1).</summary>
public sealed partial class AgreementServiceTest
{
    [Theory]
    // Each was stored with 201 and then made the agreement's deadlines, its calendar and every rebuild 500.
    [InlineData(9999, 12, 31)]
    [InlineData(1970, 12, 31)]
    // Inside the calendar, but the two-year Effectiveness Period (Rule 144(k)) runs to 2101-01-01.
    [InlineData(2099, 1, 1)]
    public async Task RecordEventAsync_ClosingWhoseClocksLeaveTheCalendar_InvalidAtDateAndNothingStored(int year, int month, int day)
    {
        // Arrange
        var (service, _) = await CreateAsync();
        var id = await CreateSeedAsync(service);

        // Act
        var result = await RecordAsync(service, id, Event("closing", AgreementEventKind.Closing, year, month, day));

        // Assert
        var invalid = Assert.IsType<AgreementEventResult.Invalid>(result);
        Assert.Contains("2100-12-31", Assert.Single(Assert.Contains("$.date", invalid.Errors)), StringComparison.Ordinal);
        Assert.Empty((await service.GetRecordAsync(id, Cancel))!.Events);
    }

    [Fact]
    public async Task CreateAsync_ClosureDatedYearOne_InvalidAtTheClosuresDate()
    {
        // Arrange
        var (service, _) = await CreateAsync();
        var document = SeedAgreements.Document(companyCfo: false) with
        {
            Terms = new TermsDocument
            {
                Closures =
                [
                    new ClosureDocument { Date = new LocalDate(2001, 9, 11), Name = "September 11", Source = "SEC Release 34-44791" },
                    new ClosureDocument { Date = new LocalDate(1, 1, 1), Name = "Year one", Source = "None" },
                ],
            },
        };

        // Act
        var result = await service.CreateAsync(document, Cancel);

        // Assert
        var invalid = Assert.IsType<AgreementWriteResult.Invalid>(result);
        Assert.Equal(
            "0001-01-01 is outside the dates the § 1 Business Day calendar covers, 1971-01-01 to 2100-12-31.",
            Assert.Single(Assert.Single(invalid.Errors, e => e.Key == "$.terms.closures[1].date").Value));
        var page = Assert.IsType<AgreementPageResult.Listed>(await service.ListAsync(null, null, Cancel)).Page;
        Assert.Empty(page.Items);
    }

    [Fact]
    public async Task CreateAsync_ClosureWithoutSource_KeyedByItsPlaceInTheList()
    {
        // Arrange: the second closure has no legal source.
        var (service, _) = await CreateAsync();
        var document = SeedAgreements.Document(companyCfo: false) with
        {
            Terms = new TermsDocument
            {
                Closures =
                [
                    new ClosureDocument { Date = new LocalDate(2001, 9, 11), Name = "September 11", Source = "SEC Release 34-44791" },
                    new ClosureDocument { Date = new LocalDate(2001, 9, 12), Name = "September 12" },
                ],
            },
        };

        // Act
        var result = await service.CreateAsync(document, Cancel);

        // Assert
        var invalid = Assert.IsType<AgreementWriteResult.Invalid>(result);
        Assert.Equal("A closure needs its legal source.", Assert.Single(invalid.Errors["$.terms.closures[1].source"]));
    }

    [Fact]
    public async Task ReplaceAsync_TermsUnderWhichTheRecordedClosingRunsPast2100_InvalidAndNothingStored()
    {
        // Arrange: closing Wednesday 2098-06-30; a 1,000-day Effectiveness Date would fall on 2101-03-26.
        var (service, _) = await CreateAsync();
        var id = await CreateSeedAsync(service, Event("closing", AgreementEventKind.Closing, 2098, 6, 30));
        var read = await service.GetAsync(id, Cancel);

        // Act
        var result = await service.ReplaceAsync(id, SeedAgreements.Document(companyCfo: false) with { Terms = read!.Terms with { EffectivenessDays = 1000 } }, new StoredVersion(read.ETag), Cancel);

        // Assert
        var invalid = Assert.IsType<AgreementWriteResult.Invalid>(result);
        Assert.StartsWith("Under these terms, the recorded events cannot be computed", Assert.Single(invalid.Errors["$.terms"]), StringComparison.Ordinal);
        Assert.Equal(read.ETag, (await service.GetAsync(id, Cancel))!.ETag);
    }

    [Theory]
    [InlineData(1, 1, 1)]
    [InlineData(1970, 12, 31)]
    [InlineData(2101, 1, 1)]
    public async Task GetScheduleResultAsync_AsOfOutsideTheCalendar_InvalidAtAsOf(int year, int month, int day)
    {
        // Arrange
        var (service, _) = await CreateAsync();
        var id = await CreateSeedAsync(service, Closing);

        // Act
        var result = await service.GetScheduleResultAsync(id, new LocalDate(year, month, day), Cancel);

        // Assert
        var invalid = Assert.IsType<ScheduleResult.Invalid>(result);
        Assert.Contains("1971-01-01 to 2100-12-31", Assert.Single(invalid.Errors["asOf"]), StringComparison.Ordinal);
        Assert.Null(AgreementService.ValidateAsOf(BusinessDayCalendar.MaxDate));
        Assert.NotNull(AgreementService.ValidateAsOf(BusinessDayCalendar.MinDate.PlusDays(-1)));
    }

    [Fact]
    public async Task GetScheduleResultAsync_StoredRecordTheEngineCannotCompute_UncomputableForThatAgreementOnly()
    {
        // Arrange: a closing on 2099-01-01 stored straight through the store, as one was before writes were checked.
        var (service, pipeline) = await CreateAsync();
        var good = await CreateSeedAsync(service, Closing);
        var bad = await StoreUncheckedClosingAsync(pipeline, new LocalDate(2099, 1, 1));

        // Act
        var badResult = await service.GetScheduleResultAsync(bad, asOf: null, Cancel);
        var goodResult = await service.GetScheduleResultAsync(good, asOf: null, Cancel);

        // Assert
        Assert.Contains("2100-12-31", Assert.IsType<ScheduleResult.Uncomputable>(badResult).Reason, StringComparison.Ordinal);
        Assert.NotNull(Assert.IsType<ScheduleResult.Computed>(goodResult).Schedule.Find("filing-date"));
        Assert.IsType<ScheduleResult.NotFound>(await service.GetScheduleResultAsync(Guid.NewGuid().ToString("N"), asOf: null, Cancel));
    }

    [Fact]
    public async Task RebuildWithReportAsync_OneStoredRecordTheEngineCannotCompute_SkipsAndReportsItAndIndexesTheRest()
    {
        // Arrange
        var (service, pipeline) = await CreateAsync();
        var good = await CreateSeedAsync(service, Closing);
        var bad = await StoreUncheckedClosingAsync(pipeline, new LocalDate(2099, 1, 1));

        // Act
        var report = await pipeline.Index.RebuildWithReportAsync(Cancel);

        // Assert: the good agreement is indexed (its Filing Date and the rest), the bad one named with the reason.
        Assert.Equal(1, report.Agreements);
        Assert.True(report.Rows > 0);
        var skipped = Assert.Single(report.Skipped);
        Assert.Equal(bad, skipped.AgreementId);
        Assert.Contains("2100-12-31", skipped.Reason, StringComparison.Ordinal);
        var rows = await pipeline.Index.ReadAsync(new LocalDate(2000, 1, 1), new LocalDate(2001, 12, 31), includeOverdueBefore: false, Cancel);
        Assert.Contains(rows, r => r.AgreementId == good && r.DeadlineKey == "filing-date");
    }

    [Fact]
    public async Task RebuildWithReportAsync_OneHeadRowOfALaterShape_ReportsItKeepsItsRowsAndIndexesTheRest()
    {
        // Arrange: a later version rewrote one head row (a rolling deployment); its terms may mean something else, so it is
        // not computed here, and its rows, written from the record before, are its reminders.
        var (service, pipeline) = await CreateAsync();
        var good = await CreateSeedAsync(service, Closing);
        var later = await CreateSeedAsync(service, Closing);
        await pipeline.RewriteAsALaterVersionAsync(later);
        var before = await pipeline.Index.ReadAsync(new LocalDate(2000, 1, 1), new LocalDate(2001, 12, 31), includeOverdueBefore: false, Cancel);

        // Act
        var report = await pipeline.Index.RebuildWithReportAsync(Cancel);

        // Assert: the rebuild names it and leaves its rows; the listing of agreements still refuses the page (nothing
        // dropped silently).
        Assert.Equal(1, report.Agreements);
        var skipped = Assert.Single(report.Skipped);
        Assert.Equal(later, skipped.AgreementId);
        Assert.Contains("shape 2", skipped.Reason, StringComparison.Ordinal);
        var rows = await pipeline.Index.ReadAsync(new LocalDate(2000, 1, 1), new LocalDate(2001, 12, 31), includeOverdueBefore: false, Cancel);
        Assert.Contains(rows, r => r.AgreementId == good && r.DeadlineKey == "filing-date");
        Assert.Contains(rows, r => r.AgreementId == later && r.DeadlineKey == "filing-date");
        Assert.Equal(
            before.Where(r => r.AgreementId == later).Select(r => (r.DeadlineKey, r.LastPermittedDay)).Order(),
            rows.Where(r => r.AgreementId == later).Select(r => (r.DeadlineKey, r.LastPermittedDay)).Order());
        Assert.NotEmpty(await pipeline.Index.ReadAgreementAsync(later, Cancel));
        await Assert.ThrowsAsync<InvalidDataException>(() => service.ListAsync(null, null, Cancel));
    }

    [Fact]
    public async Task CreateAsync_ContactEmailNotAnAddress_InvalidAtTheEmailAndNothingStored()
    {
        // Arrange: issue 12's address; stored, every reminder to the Company side would fail.
        var (service, _) = await CreateAsync();
        var document = SeedAgreements.Document(companyCfo: false) with
        {
            Contacts =
            [
                new ContactDocument { Name = "Alan W. Pettis", Role = ContactRole.CompanyCounsel, Email = "apettis@lw.example" },
                new ContactDocument { Name = "Somebody", Role = ContactRole.Holder, Email = "not an email <script>" },
            ],
        };

        // Act
        var result = await service.CreateAsync(document, Cancel);

        // Assert
        var invalid = Assert.IsType<AgreementWriteResult.Invalid>(result);
        Assert.Equal(["$.contacts[1].email"], invalid.Errors.Keys);
        Assert.Empty(Assert.IsType<AgreementPageResult.Listed>(await service.ListAsync(null, null, Cancel)).Page.Items);
    }

    [Fact]
    public async Task RecordEventAsync_WaiverOfAnUnknownDeadline_InvalidAtDeadlineKey()
    {
        // Arrange: "filing-day" for filing-date; stored, it would waive nothing while the record read as a waiver (§ 6(f)).
        var (service, _) = await CreateAsync();
        var id = await CreateSeedAsync(service, Closing);

        // Act
        var result = await RecordAsync(service, id, Event("waiver", AgreementEventKind.Waiver, 2000, 5, 1) with { DeadlineKey = "filing-day" });

        // Assert
        var invalid = Assert.IsType<AgreementEventResult.Invalid>(result);
        Assert.StartsWith("'filing-day' names no deadline; use one of filing-date, ", Assert.Single(invalid.Errors["$.deadlineKey"]), StringComparison.Ordinal);
        Assert.Single((await service.ListEventsAsync(id, Cancel))!);
    }

    [Theory]
    [InlineData("Registration Rights Agreement\0")]
    [InlineData("Registration Rights Agreement\r\nX-Injected: yes")]
    public async Task CreateAsync_NameWithNulOrLineBreak_InvalidAtName(string name)
    {
        // Arrange
        var (service, _) = await CreateAsync();

        // Act
        var result = await service.CreateAsync(SeedAgreements.Document(companyCfo: false) with { Name = name }, Cancel);

        // Assert
        var invalid = Assert.IsType<AgreementWriteResult.Invalid>(result);
        Assert.StartsWith("Control characters", Assert.Single(invalid.Errors["$.name"]), StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateAsync_ThousandEmojiName_AcceptedAndOneMoreRefusedCountingTextElements()
    {
        // Arrange: 1,000 fax-machine emoji are 2,000 UTF-16 units, but 1,000 characters as a reader counts them.
        var (service, _) = await CreateAsync();
        var thousand = string.Concat(Enumerable.Repeat("\U0001F4E0", 1000));

        // Act
        var accepted = await service.CreateAsync(SeedAgreements.Document(companyCfo: false) with { Name = thousand }, Cancel);
        var refused = await service.CreateAsync(SeedAgreements.Document(companyCfo: false) with { Name = thousand + "\U0001F4E0" }, Cancel);

        // Assert
        Assert.IsType<AgreementWriteResult.Created>(accepted);
        Assert.Equal(
            "At most 1000 characters, counted as text elements (an emoji or an accented letter is one); 1001 were given.",
            Assert.Single(Assert.IsType<AgreementWriteResult.Invalid>(refused).Errors["$.name"]));
    }

    private static async Task<string> StoreUncheckedClosingAsync(ReminderPipeline pipeline, LocalDate closing)
    {
        var stored = await pipeline.Agreements.CreateAsync(
            SeedAgreements.Document(companyCfo: false) with { Terms = TermsDocument.From(AgreementTerms.NeoTherapeutics2000) }, pipeline.Clock.GetCurrentInstant(), Cancel);
        await pipeline.Agreements.AppendEventAsync(
            new RegRights.Application.Agreements.AgreementRecord(stored, []), new AgreementEvent("closing", AgreementEventKind.Closing, closing), pipeline.Clock.GetCurrentInstant(), Cancel);
        return stored.Id;
    }
}

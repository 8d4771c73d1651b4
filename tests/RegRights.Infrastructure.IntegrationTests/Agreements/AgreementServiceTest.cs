using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using NodaTime;
using NodaTime.Text;
using RegRights.Application;
using RegRights.Application.Agreements;
using RegRights.Application.Notices;
using RegRights.Application.Reminders;
using RegRights.Contracts.Agreements;
using RegRights.Core.Agreements;
using RegRights.Core.Deadlines;
using RegRights.Infrastructure.IntegrationTests.Reminders;
using RegRights.Infrastructure.IntegrationTests.Storage;
using RegRights.Testing;

namespace RegRights.Infrastructure.IntegrationTests.Agreements;

/// <summary>The agreement service over fresh tables in Azurite (behind the Azure rules), its clock pinned.</summary>
[Collection(StorageTests.Name)]
public sealed partial class AgreementServiceTest(StorageFixture fixture) : IDisposable
{
    // Monday 1 May 2000, noon in California (PDT, UTC-7): three days after the agreement of April 28, 2000 was signed.
    private static readonly Instant Now = Instant.FromUtc(2000, 5, 1, 19, 0);
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    /// <summary>A moment as the service shows it: in the seed agreement's zone, California, with the offset.</summary>
    private static OffsetDateTime Pacific(Instant instant) => instant.InZone(ReminderPipeline.California).ToOffsetDateTime();

    private static readonly AgreementEventDocument Closing = Event("closing", AgreementEventKind.Closing, 2000, 4, 28);

    /// <summary>The notice intake's terms, kept as long as the clock stands still: only the service's writes refresh them.</summary>
    private AgreementTermsCache? terms;

    public void Dispose() => terms?.Dispose();

    [Fact]
    public async Task CreateAsync_OmittedTerms_StoresTheSeedTermsInFullWithTheClockTime()
    {
        // Arrange
        var (service, _) = await CreateAsync();

        // Act
        var result = await service.CreateAsync(new AgreementDocument { Name = SeedAgreements.Name }, Cancel);

        // Assert: the template's terms are stored, so the deal keeps them if the template changes; GET reads the same ETag.
        var created = Assert.IsType<AgreementWriteResult.Created>(result).Agreement;
        Assert.Equal(AgreementTerms.NeoTherapeutics2000, created.Terms.ToTerms());
        Assert.Equal((Pacific(Now), Pacific(Now), 0), (created.CreatedAt, created.UpdatedAt, created.EventCount));
        Assert.Equal("2000-05-01T12:00:00-07:00", OffsetDateTimePattern.Rfc3339.Format(created.CreatedAt));
        var read = await service.GetAsync(created.Id, Cancel);
        Assert.Equal(created.ETag, read!.ETag);
        Assert.Equal(AgreementTerms.NeoTherapeutics2000, read.Terms.ToTerms());
    }

    [Fact]
    public async Task CreateAsync_NoNameAndAHolderWithoutRole_IsInvalidAtEachFieldAndStoresNothing()
    {
        // Arrange
        var (service, _) = await CreateAsync();
        var document = new AgreementDocument { Parties = [new PartyDocument { Name = "Royal Canadian Growth Fund" }] };

        // Act
        var result = await service.CreateAsync(document, Cancel);

        // Assert
        var invalid = Assert.IsType<AgreementWriteResult.Invalid>(result);
        Assert.Equal(["$.name", "$.parties[0].role"], invalid.Errors.Keys.Order(StringComparer.Ordinal));
        var page = Assert.IsType<AgreementPageResult.Listed>(await service.ListAsync(null, null, Cancel)).Page;
        Assert.Empty(page.Items);
    }

    [Fact]
    public async Task ReplaceAsync_CurrentETag_ReplacesTheDocumentAndKeepsTheEvents()
    {
        // Arrange: the agreement with its Closing, read as a client would before a PUT; a day passes.
        var (service, pipeline) = await CreateAsync();
        var id = await CreateSeedAsync(service, Closing);
        var read = await service.GetAsync(id, Cancel);
        pipeline.Clock.AdvanceDays(1);

        // Act: the Filing Date moved to 45 days by amendment.
        var result = await service.ReplaceAsync(
            id, SeedAgreements.Document(companyCfo: false) with { Terms = TermsDocument.From(AgreementTerms.NeoTherapeutics2000 with { FilingDays = 45 }) }, new StoredVersion(read!.ETag), Cancel);

        // Assert: a new ETag, the new term, the Closing kept, and the update stamped with the clock.
        var replaced = Assert.IsType<AgreementWriteResult.Replaced>(result).Agreement;
        Assert.NotEqual(read.ETag, replaced.ETag);
        Assert.Equal(45, replaced.Terms.FilingDays);
        Assert.Equal((1, Pacific(Now), Pacific(Now.Plus(Duration.FromDays(1)))), (replaced.EventCount, replaced.CreatedAt, replaced.UpdatedAt));
        Assert.Equal(replaced.ETag, (await service.GetAsync(id, Cancel))!.ETag);
    }

    [Fact]
    public async Task ReplaceAsync_NewFaxCutoff_TheNoticeIntakeSeesItAtOnce()
    {
        // Arrange: the intake has the seed's terms (fax cutoff 2:00 p.m., § 6(h)) in hand; the clock does not move.
        var (service, _) = await CreateAsync();
        var id = await CreateSeedAsync(service);
        Assert.Equal(new LocalTime(14, 0), (await terms!.GetAsync(id, Cancel))!.Terms.FaxCutoff);
        var read = await service.GetAsync(id, Cancel);

        // Act: the record is corrected to 3:00 p.m. through this instance.
        var corrected = SeedAgreements.Document(companyCfo: false) with { Terms = TermsDocument.From(AgreementTerms.NeoTherapeutics2000 with { FaxCutoff = new LocalTime(15, 0) }) };
        Assert.IsType<AgreementWriteResult.Replaced>(await service.ReplaceAsync(id, corrected, new StoredVersion(read!.ETag), Cancel));

        // Assert: the next notice would be stamped under the corrected record.
        Assert.Equal(new LocalTime(15, 0), (await terms.GetAsync(id, Cancel))!.Terms.FaxCutoff);
    }

    [Fact]
    public async Task ReplaceAsync_ETagReadBeforeAnEvent_IsPreconditionFailedAndKeepsTheDocument()
    {
        // Arrange: the ETag is read, then the Closing is recorded (an event changes the agreement's ETag).
        var (service, _) = await CreateAsync();
        var id = await CreateSeedAsync(service);
        var read = await service.GetAsync(id, Cancel);
        await RecordAsync(service, id, Closing);

        // Act
        var result = await service.ReplaceAsync(id, SeedAgreements.Document(companyCfo: false) with { Name = "Renamed" }, new StoredVersion(read!.ETag), Cancel);

        // Assert
        Assert.Equal(new AgreementWriteResult.PreconditionFailed(id), result);
        Assert.Equal(SeedAgreements.Document(companyCfo: false).Name, (await service.GetAsync(id, Cancel))!.Name);
    }

    [Fact]
    public async Task ReplaceAsync_UnknownOrMalformedId_IsNotFound()
    {
        var (service, _) = await CreateAsync();
        var unknown = Guid.NewGuid().ToString("N");

        Assert.Equal(new AgreementWriteResult.NotFound(unknown), await service.ReplaceAsync(unknown, SeedAgreements.Document(companyCfo: false), new StoredVersion("W/\"x\""), Cancel));
        // A key Azure would refuse ('/' is not allowed in a PartitionKey) never reaches the service.
        Assert.Equal(new AgreementWriteResult.NotFound("a/b"), await service.ReplaceAsync("a/b", SeedAgreements.Document(companyCfo: false), new StoredVersion("W/\"x\""), Cancel));
    }

    [Fact]
    public async Task ReplaceAsync_NoVersion_IsRefusedBeforeAnyWrite()
    {
        var (service, _) = await CreateAsync();
        var id = await CreateSeedAsync(service);

        // A blind replace could undo a change made in between; the endpoint answers 428 before it gets here.
        var ex = await Assert.ThrowsAsync<ArgumentException>(() => service.ReplaceAsync(id, SeedAgreements.Document(companyCfo: false), default(StoredVersion), Cancel));
        Assert.Equal("ifMatch", ex.ParamName);
    }

    [Fact]
    public async Task RecordEventAsync_Closing_IsRecordedAndIndexesItsDeadlines()
    {
        // Arrange
        var (service, pipeline) = await CreateAsync();
        var id = await CreateSeedAsync(service);

        // Act
        var result = await RecordAsync(service, id, Closing);

        // Assert: recorded at the clock's time; the index now holds the Filing Date, Closing + 30 days = Sunday
        // 2000-05-28 as the agreement names it (§ 2(a)), and the pre-filing review 5 Business Days before it, Monday
        // 2000-05-22 (§ 3(a)).
        var recorded = Assert.IsType<AgreementEventResult.Recorded>(result).Event;
        Assert.Equal((Closing.Id, Closing.Date, (OffsetDateTime?)Pacific(Now)), (recorded.Id, recorded.Date, recorded.RecordedAt));
        var rows = await pipeline.Index.ReadAgreementAsync(id, Cancel);
        Assert.Contains(("filing-date", new LocalDate(2000, 5, 28)), rows);
        Assert.Contains(("pre-filing-review", new LocalDate(2000, 5, 22)), rows);
    }

    [Fact]
    public async Task RecordEventAsync_FilingBeforeTheClosing_IsContradictedWithTheReasonAndStoresNothing()
    {
        // Arrange
        var (service, _) = await CreateAsync();
        var id = await CreateSeedAsync(service, Closing);

        // Act: a filing dated the day before the Closing Date; nothing may be dated before it (§ 1).
        var result = await RecordAsync(service, id, Event("filed", AgreementEventKind.Filed, 2000, 4, 27));

        // Assert
        var reason = Assert.IsType<AgreementEventResult.Contradicted>(result).Reason;
        Assert.Equal("Filed on 2000-04-27 is before the Closing Date 2000-04-28.", reason);
        Assert.Single((await service.ListEventsAsync(id, Cancel))!);
    }

    [Fact]
    public async Task RecordEventAsync_SameEventAgainLater_IsReplayedWithTheFirstRecordedAt()
    {
        // Arrange: the Closing is recorded; an hour later a client retries the same post.
        var (service, pipeline) = await CreateAsync();
        var id = await CreateSeedAsync(service, Closing);
        pipeline.Clock.AdvanceHours(1);

        // Act
        var result = await RecordAsync(service, id, Closing);

        // Assert: the first recording's time, not the retry's, and still one event.
        Assert.Equal(Pacific(Now), Assert.IsType<AgreementEventResult.Replayed>(result).Event.RecordedAt);
        Assert.Single((await service.ListEventsAsync(id, Cancel))!);
    }

    [Fact]
    public async Task RecordEventAsync_SameIdForAnotherEvent_IsEventIdReusedNamingTheFirst()
    {
        // Arrange
        var (service, _) = await CreateAsync();
        var id = await CreateSeedAsync(service, Closing);

        // Act: "closing" again, but dated a day later: a correction must be a new event, never an edit.
        var result = await RecordAsync(service, id, Event("closing", AgreementEventKind.Closing, 2000, 4, 29));

        // Assert
        var first = Assert.IsType<AgreementEventResult.EventIdReused>(result).First;
        Assert.Equal(new LocalDate(2000, 4, 28), first.Date);
        Assert.Single((await service.ListEventsAsync(id, Cancel))!);
    }

    [Fact]
    public async Task RecordEventAsync_TwoClosingsAgainstTheSameRecord_StoresOnlyTheFirst()
    {
        // Arrange: two clients read the record with no Closing; each Closing fits that record, but not the other (§ 1).
        var (service, _) = await CreateAsync();
        var id = await CreateSeedAsync(service);
        var first = await service.GetRecordAsync(id, Cancel);
        var second = await service.GetRecordAsync(id, Cancel);

        // Act
        var won = await service.RecordEventAsync(first!, Closing, Cancel);
        var lost = await service.RecordEventAsync(second!, Event("closing-2", AgreementEventKind.Closing, 2000, 4, 29), Cancel);

        // Assert: the second is checked again against the record as it now is, which has its Closing: a true
        // conflict, refused with the reason, and nothing of it stored.
        Assert.IsType<AgreementEventResult.Recorded>(won);
        Assert.Equal(
            "The Closing Date is already recorded (2000-04-28, event 'closing'); an agreement has one (§ 1).",
            Assert.IsType<AgreementEventResult.Contradicted>(lost).Reason);
        Assert.Equal(["closing"], (await service.ListEventsAsync(id, Cancel))!.Select(e => e.Id));
    }

    [Fact]
    public async Task RecordEventAsync_FiftyDistinctEventsInParallel_AllStoredOnce()
    {
        // Arrange: 50 indemnification notices (§ 5(c)) posted at once, each checked against the record its client read.
        var (service, _) = await CreateAsync();
        var id = await CreateSeedAsync(service, Closing);
        var record = await service.GetRecordAsync(id, Cancel);
        var events = Enumerable.Range(1, 50)
            .Select(i => Event($"indemnity-{i:00}", AgreementEventKind.IndemnificationNotice, 2000, 6, 1 + (i % 28)))
            .ToList();

        // Act
        var results = await Task.WhenAll(events.Select(e => Task.Run(() => service.RecordEventAsync(record!, e, Cancel), Cancel)));

        // Assert: distinct events commute, so every one is recorded, each once, after the Closing.
        Assert.All(results, r => Assert.IsType<AgreementEventResult.Recorded>(r));
        var stored = (await service.ListEventsAsync(id, Cancel))!;
        Assert.Equal(51, stored.Count);
        Assert.Equal(events.Select(e => e.Id).Order(StringComparer.Ordinal), stored.Skip(1).Select(e => e.Id!).Order(StringComparer.Ordinal));
        Assert.Equal(51, (await service.GetAsync(id, Cancel))!.EventCount);
    }

    [Fact]
    public async Task RecordEventAsync_TheSameEventTwiceInParallel_StoredOnceAndTheOtherReplayed()
    {
        // Arrange: a client's retry racing its own first attempt.
        var (service, _) = await CreateAsync();
        var id = await CreateSeedAsync(service, Closing);
        var record = await service.GetRecordAsync(id, Cancel);
        var filed = Event("filed", AgreementEventKind.Filed, 2000, 5, 26);

        // Act
        var results = await Task.WhenAll(Task.Run(() => service.RecordEventAsync(record!, filed, Cancel), Cancel),
            Task.Run(() => service.RecordEventAsync(record!, filed, Cancel), Cancel));

        // Assert
        Assert.Single(results, r => r is AgreementEventResult.Recorded);
        Assert.Single(results, r => r is AgreementEventResult.Replayed);
        Assert.Equal(["closing", "filed"], (await service.ListEventsAsync(id, Cancel))!.Select(e => e.Id));
    }

    [Fact]
    public async Task RecordEventAsync_ResponseWithoutRefersTo_IsInvalidAtRefersTo()
    {
        var (service, _) = await CreateAsync();
        var id = await CreateSeedAsync(service, Closing);

        // A response to SEC comments answers one comment letter and must name it (§ 3(b)(iii)).
        var result = await RecordAsync(service, id, Event("response", AgreementEventKind.CommentResponseFiled, 2000, 6, 29));

        Assert.Equal(["$.refersTo"], Assert.IsType<AgreementEventResult.Invalid>(result).Errors.Keys);
    }

    [Fact]
    public async Task ListAsync_PageSizeOrTokenNotAccepted_IsInvalidNamingTheParameter()
    {
        var (service, _) = await CreateAsync();

        var tooBig = await service.ListAsync(null, AgreementService.MaxPageSize + 1, Cancel);
        var zero = await service.ListAsync(null, 0, Cancel);
        var foreign = await service.ListAsync("not-a-token", null, Cancel);

        Assert.Equal(["pageSize"], Assert.IsType<AgreementPageResult.Invalid>(tooBig).Errors.Keys);
        Assert.Equal(["pageSize"], Assert.IsType<AgreementPageResult.Invalid>(zero).Errors.Keys);
        Assert.Equal(["continuationToken"], Assert.IsType<AgreementPageResult.Invalid>(foreign).Errors.Keys);
    }

    [Fact]
    public async Task ListAsync_PagesOfTwo_ListEveryAgreementOnce()
    {
        // Arrange
        var (service, _) = await CreateAsync();
        var ids = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            ids.Add(await CreateSeedAsync(service));
        }

        // Act
        var seen = new List<string>();
        string? token = null;
        do
        {
            var page = Assert.IsType<AgreementPageResult.Listed>(await service.ListAsync(token, 2, Cancel)).Page;
            Assert.InRange(page.Items.Count, 0, 2);
            seen.AddRange(page.Items.Select(a => a.Id));
            token = page.ContinuationToken;
        }
        while (token is not null);

        // Assert
        Assert.Equal(ids.Order(StringComparer.Ordinal), seen.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task GetAndListEvents_UnknownAgreement_AreNull()
    {
        var (service, _) = await CreateAsync();
        var unknown = Guid.NewGuid().ToString("N");

        Assert.Null(await service.GetAsync(unknown, Cancel));
        Assert.Null(await service.GetRecordAsync(unknown, Cancel));
        Assert.Null(await service.ListEventsAsync(unknown, Cancel));
    }

    [Fact]
    public async Task GetScheduleAsync_NoAsOfSundayEveningInCalifornia_JudgesTheFilingDateOnTheLocalSunday()
    {
        // Arrange: 5:30 p.m. PDT on Sunday 28 May 2000 is already 00:30 UTC on Monday the 29th.
        var (service, pipeline) = await CreateAsync();
        var id = await CreateSeedAsync(service, Closing);
        pipeline.Clock.Reset(Instant.FromUtc(2000, 5, 29, 0, 30));

        // Act
        var schedule = await service.GetScheduleAsync(id, asOf: null, Cancel);

        // Assert: § 2(a) Filing Date = Closing 2000-04-28 + 30 days = Sunday 2000-05-28, "on or prior to", and the
        // agreement has no roll rule, so the Sunday itself is the last permitted day; in California it is still that
        // Sunday, so the Filing Date is open, not missed.
        Assert.NotNull(schedule);
        Assert.Equal(new LocalDate(2000, 5, 28), schedule.AsOf);
        var filing = schedule.Find("filing-date")!;
        Assert.Equal((new LocalDate(2000, 5, 28), new LocalDate(2000, 5, 28), DeadlineStatus.Open), (filing.DueDate, filing.LastPermittedDay, filing.Status));
    }

    [Fact]
    public async Task GetScheduleAsync_AsOfTheMondayAfter_FilingDateMissedWhateverTheClock()
    {
        // Arrange: the clock is Monday 1 May 2000; the day asked for wins.
        var (service, _) = await CreateAsync();
        var id = await CreateSeedAsync(service, Closing);

        // Act
        var schedule = await service.GetScheduleAsync(id, new LocalDate(2000, 5, 29), Cancel);

        // Assert: nothing was filed by Sunday 2000-05-28 (§ 2(a)), so on Monday 2000-05-29 the Filing Date is missed.
        Assert.NotNull(schedule);
        Assert.Equal(new LocalDate(2000, 5, 29), schedule.AsOf);
        Assert.Equal(DeadlineStatus.Missed, schedule.Find("filing-date")!.Status);
    }

    [Fact]
    public async Task GetScheduleAsync_FilingRecorded_FilingDateMetAndTheSecCommentClockRuns()
    {
        // Arrange: filed Friday 2000-05-26; the SEC's comment letter received Friday 2000-06-09.
        var (service, _) = await CreateAsync();
        var id = await CreateSeedAsync(service, Closing, Event("filed", AgreementEventKind.Filed, 2000, 5, 26),
            Event("comment-1", AgreementEventKind.SecCommentReceived, 2000, 6, 9));

        // Act
        var schedule = await service.GetScheduleAsync(id, new LocalDate(2000, 6, 15), Cancel);

        // Assert: the filing met the § 2(a) Filing Date on time; § 3(b)(iii) response within 10 days: 2000-06-09 + 10 = 2000-06-19.
        var filing = schedule!.Find("filing-date")!;
        Assert.Equal((DeadlineStatus.Met, true), (filing.Status, filing.OnTime));
        var response = Assert.Single(schedule.Deadlines, d => d.Obligation == ObligationCatalog.SecCommentResponse);
        Assert.Equal((new LocalDate(2000, 6, 19), DeadlineStatus.Open), (response.DueDate, response.Status));
    }

    [Fact]
    public async Task GetScheduleAsync_UnknownOrMalformedId_IsNull()
    {
        var (service, _) = await CreateAsync();

        Assert.Null(await service.GetScheduleAsync(Guid.NewGuid().ToString("N"), asOf: null, Cancel));
        Assert.Null(await service.GetScheduleAsync("a/b", new LocalDate(2000, 6, 1), Cancel));
    }

    private static AgreementEventDocument Event(string id, AgreementEventKind kind, int year, int month, int day) =>
        new() { Id = id, Kind = kind, Date = new LocalDate(year, month, day) };

    private async Task<(AgreementService Service, ReminderPipeline Pipeline)> CreateAsync()
    {
        var pipeline = await ReminderPipeline.CreateAsync(fixture.Azurite, maildev: null, Now);
        var updater = new DeadlineIndexUpdater(pipeline.Index, pipeline.Scanner, pipeline.Agreements, NullLogger<DeadlineIndexUpdater>.Instance);
        terms = new AgreementTermsCache(pipeline.Agreements, Options.Create(new NoticeIntakeOptions { TermsCacheDuration = TimeSpan.FromMinutes(1) }), pipeline.Clock);
        return (new AgreementService(pipeline.Agreements, updater, terms, pipeline.Clock), pipeline);
    }

    private static async Task<string> CreateSeedAsync(AgreementService service, params AgreementEventDocument[] events)
    {
        var id = Assert.IsType<AgreementWriteResult.Created>(await service.CreateAsync(SeedAgreements.Document(companyCfo: false), Cancel)).Agreement.Id;
        foreach (var e in events)
        {
            Assert.IsType<AgreementEventResult.Recorded>(await RecordAsync(service, id, e));
        }

        return id;
    }

    private static async Task<AgreementEventResult> RecordAsync(AgreementService service, string id, AgreementEventDocument document)
    {
        var record = await service.GetRecordAsync(id, Cancel);
        return await service.RecordEventAsync(record!, document, Cancel);
    }
}

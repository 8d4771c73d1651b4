using NodaTime;
using RegRights.Application;
using RegRights.Application.Agreements;
using RegRights.Application.Agreements.Rows;
using RegRights.Contracts.Agreements;
using RegRights.Core.Agreements;
using RegRights.Infrastructure.Storage;
using RegRights.Testing;

namespace RegRights.Infrastructure.IntegrationTests.Storage;

[Collection(StorageTests.Name)]
public sealed class AgreementStoreTest(StorageFixture fixture)
{
    private static readonly Instant Now = Instant.FromUtc(2000, 4, 28, 17, 0);
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    // The seed agreement: NeoTherapeutics, Inc., its counsel Latham & Watkins, the Holders' counsel Heller Ehrman (§ 6(h)).
    [Fact]
    public async Task CreateAsync_ThenGetRecord_ReturnsTheDocumentAndNoEvents()
    {
        var store = new TableAgreementStore(await fixture.CreateTablesAsync());

        var created = await store.CreateAsync(SeedAgreements.Document(companyCfo: false), Now, Cancel);
        var record = await store.GetRecordAsync(created.Id, Cancel);

        Assert.NotNull(record);
        Assert.Equal(created.Version, record.Agreement.Version);
        Assert.Equal(AgreementTerms.NeoTherapeutics2000, record.Agreement.Document.Terms!.ToTerms());
        Assert.Equal("Latham & Watkins", record.Agreement.Document.Contacts![0].Represents);
        Assert.Equal(ContactRole.HoldersCounsel, record.Agreement.Document.Contacts[1].Role);
        Assert.Empty(record.Events);
        Assert.Equal(Now, record.Agreement.CreatedAt);
    }

    [Fact]
    public async Task GetAgreementAsync_HeadRowWrittenBeforeTheTemplateColumns_ReadsAsTheSeedsTemplateWithoutEarlyReminders()
    {
        // Arrange: a head row as the store wrote it before Template and RemindDeadlinesBeforeRegistration were columns.
        var tables = await fixture.CreateTablesAsync();
        var id = Guid.NewGuid().ToString("N");
        var row = TableAgreementStore.HeadEntity(id, AgreementRows.ToRow(SeedAgreements.Document(companyCfo: false) with { Template = "modern-pipe", RemindDeadlinesBeforeRegistration = true }));
        Assert.True(row.Remove("Template") && row.Remove("RemindDeadlinesBeforeRegistration"));
        row["EventCount"] = 0;
        row["CreatedAt"] = "2000-04-28T17:00:00Z";
        row["UpdatedAt"] = "2000-04-28T17:00:00Z";
        await tables.Agreements.AddEntityAsync(row, Cancel);

        // Act
        var read = await new TableAgreementStore(tables).GetAgreementAsync(id, Cancel);

        // Assert: as such a row always read, the seed's template (its terms are stored whole) and no early reminders.
        Assert.Equal(("neotherapeutics-2000", null, AgreementTerms.NeoTherapeutics2000),
            (read!.Template.Name, read.Document.RemindDeadlinesBeforeRegistration, read.Terms));
    }

    [Fact]
    public async Task GetRecordAsync_UnknownOrMalformedId_IsNull()
    {
        var store = new TableAgreementStore(await fixture.CreateTablesAsync());

        Assert.Null(await store.GetRecordAsync(Guid.NewGuid().ToString("N"), Cancel));
        // A key Azure would refuse ('/' is not allowed in a PartitionKey) never reaches the service.
        Assert.Null(await store.GetRecordAsync("a/b", Cancel));
    }

    [Fact]
    public async Task ListAsync_PagesThroughEveryAgreementOnce()
    {
        var store = new TableAgreementStore(await fixture.CreateTablesAsync());
        var ids = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            ids.Add((await store.CreateAsync(SeedAgreements.Document(companyCfo: false), Now, Cancel)).Id);
        }

        var seen = new List<string>();
        string? token = null;
        var pages = 0;
        do
        {
            var page = await store.ListAsync(token, 2, Cancel);
            seen.AddRange(page.Items.Select(a => a.Id));
            token = page.ContinuationToken;
            pages++;
        }
        while (token is not null);

        Assert.Equal(ids.Order(), seen.Order());
        Assert.True(pages >= 3, $"5 agreements in pages of 2 take at least 3 pages, took {pages}");
    }

    [Fact]
    public async Task ListAsync_ForeignToken_IsArgumentException()
    {
        var store = new TableAgreementStore(await fixture.CreateTablesAsync());

        var ex = await Assert.ThrowsAsync<ArgumentException>(() => store.ListAsync("not-a-token", 10, Cancel));

        Assert.Equal("continuationToken", ex.ParamName);
    }

    [Fact]
    public async Task ReplaceAsync_WithStaleVersion_IsRowChangedAndKeepsTheWinner()
    {
        var store = new TableAgreementStore(await fixture.CreateTablesAsync());
        var created = await store.CreateAsync(SeedAgreements.Document(companyCfo: false), Now, Cancel);
        await store.ReplaceAsync(created.Id, SeedAgreements.Document(companyCfo: false) with { Name = "first writer" }, created.Version, Now, Cancel);

        await Assert.ThrowsAsync<StoredRowChangedException>(
            () => store.ReplaceAsync(created.Id, SeedAgreements.Document(companyCfo: false) with { Name = "second writer" }, created.Version, Now, Cancel));

        Assert.Equal("first writer", (await store.GetAgreementAsync(created.Id, Cancel))!.Document.Name);
    }

    [Fact]
    public async Task ReplaceAsync_NoSuchAgreement_IsRowNotFoundAndStoresNothing()
    {
        // A well-formed id with no row: the service's 404, not the store's own refusal of a malformed id.
        var store = new TableAgreementStore(await fixture.CreateTablesAsync());
        var created = await store.CreateAsync(SeedAgreements.Document(companyCfo: false), Now, Cancel);
        var unknown = new string('0', 32);

        await Assert.ThrowsAsync<StoredRowNotFoundException>(
            () => store.ReplaceAsync(unknown, SeedAgreements.Document(companyCfo: false), created.Version, Now, Cancel));

        Assert.Null(await store.GetAgreementAsync(unknown, Cancel));
    }

    [Fact]
    public async Task AddHeadAsync_IdTaken_IsRowExistsAndKeepsTheFirst()
    {
        var store = new HeadStore(await fixture.CreateTablesAsync());
        var created = await store.CreateAsync(SeedAgreements.Document(companyCfo: false) with { Name = "first" }, Now, Cancel);

        await Assert.ThrowsAsync<StoredRowExistsException>(
            () => store.AddHeadAsync(created.Id, AgreementRows.ToRow(SeedAgreements.Document(companyCfo: false) with { Name = "second" })));

        var stored = (await store.GetAgreementAsync(created.Id, Cancel))!;
        Assert.Equal(("first", created.Version), (stored.Document.Name, stored.Version));
    }

    [Fact]
    public async Task AppendEventAsync_TwoAppendsFromOneRead_SecondLosesAndOneEventIsStored()
    {
        var store = new TableAgreementStore(await fixture.CreateTablesAsync());
        var created = await store.CreateAsync(SeedAgreements.Document(companyCfo: false), Now, Cancel);
        var read = (await store.GetRecordAsync(created.Id, Cancel))!;
        var closing = new AgreementEvent("closing", AgreementEventKind.Closing, new LocalDate(2000, 4, 28));

        var after = await store.AppendEventAsync(read, closing, Now, Cancel);
        await Assert.ThrowsAsync<StoredRowChangedException>(() => store.AppendEventAsync(read, closing with { }, Now, Cancel));

        var stored = (await store.GetRecordAsync(created.Id, Cancel))!;
        Assert.Equal(closing, Assert.Single(stored.Events).Event);
        Assert.Equal(1, stored.Agreement.EventCount);
        Assert.Equal(after.Agreement.Version, stored.Agreement.Version);
    }

    [Fact]
    public async Task AppendEventAsync_KeepsOrderAndEveryField()
    {
        var store = new TableAgreementStore(await fixture.CreateTablesAsync());
        var record = (await store.GetRecordAsync((await store.CreateAsync(SeedAgreements.Document(companyCfo: false), Now, Cancel)).Id, Cancel))!;
        AgreementEvent[] events =
        [
            new("closing", AgreementEventKind.Closing, new LocalDate(2000, 4, 28)),
            new("delay", AgreementEventKind.ExcusedDelay, new LocalDate(2000, 7, 3)) { Days = 4, Note = "SEC staff backlog" },
            new("waiver", AgreementEventKind.Waiver, new LocalDate(2000, 7, 5)) { DeadlineKey = "filing-date", RefersTo = "closing" },
        ];

        foreach (var e in events)
        {
            record = await store.AppendEventAsync(record, e, Now, Cancel);
        }

        var stored = (await store.GetRecordAsync(record.Agreement.Id, Cancel))!;
        Assert.Equal(events, stored.Events.Select(e => e.Event));
        Assert.Equal([1, 2, 3], stored.Events.Select(e => e.Sequence));
    }

    [Fact]
    public async Task AppendEventAsync_DateBefore1601_IsStoredAsTextAzureAccepts()
    {
        // A LocalDate is written as an ISO string, so a date Azure could not hold as Edm.DateTime still round-trips;
        // the rules policy would have refused the request otherwise.
        var store = new TableAgreementStore(await fixture.CreateTablesAsync());
        var record = (await store.GetRecordAsync((await store.CreateAsync(SeedAgreements.Document(companyCfo: false), Now, Cancel)).Id, Cancel))!;
        var old = new AgreementEvent("old", AgreementEventKind.Closing, new LocalDate(1600, 2, 29));

        await store.AppendEventAsync(record, old, Instant.FromUtc(1500, 1, 1, 0, 0), Cancel);

        var stored = Assert.Single((await store.GetRecordAsync(record.Agreement.Id, Cancel))!.Events);
        Assert.Equal(new LocalDate(1600, 2, 29), stored.Event.Date);
        Assert.Equal(Instant.FromUtc(1500, 1, 1, 0, 0), stored.RecordedAt);
    }

    [Fact]
    public async Task CreateIfNotExistsAsync_CreatesEveryTableAndIsRepeatable()
    {
        var tables = await fixture.CreateTablesAsync();

        await tables.CreateIfNotExistsAsync(Cancel);

        var names = new List<string>();
        await foreach (var table in tables.Service.QueryAsync(cancellationToken: Cancel))
        {
            names.Add(table.Name);
        }

        Assert.Contains(tables.Agreements.Name, names);
        Assert.Contains(tables.Notices.Name, names);
    }

    // The head insert alone, as a create makes it, to see what the port says of an id taken.
    private sealed class HeadStore(RegRightsTables tables) : TableAgreementStore(tables)
    {
        public Task<StoredVersion> AddHeadAsync(string id, AgreementRow row) => AddHeadAsync(id, row, null, Now, Cancel);
    }
}

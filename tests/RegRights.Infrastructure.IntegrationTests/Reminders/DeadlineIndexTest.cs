using NodaTime;
using RegRights.Application.Reminders;
using RegRights.Core.Agreements;
using RegRights.Infrastructure.IntegrationTests.Storage;

namespace RegRights.Infrastructure.IntegrationTests.Reminders;

[Collection(StorageTests.Name)]
public sealed class DeadlineIndexTest(StorageFixture fixture)
{
    // Tuesday 4 March 2025, 08:30 in California (PST, UTC-8).
    private static readonly Instant Now = Instant.FromUtc(2025, 3, 4, 16, 30);
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task IndexAsync_FiledEventRecorded_FilingDateLeavesTheIndexAndEffectivenessStays()
    {
        // Arrange: Closing Sunday 2025-02-09: Filing Date = +30 days = Tuesday 2025-03-11 (§ 2(a)), Effectiveness Date
        // = +120 days = Sunday 2025-06-09.
        var pipeline = await ReminderPipeline.CreateAsync(fixture.Azurite, null, Now);
        var id = await pipeline.AddAgreementAsync("Index RRA", new LocalDate(2025, 2, 9));
        var before = await pipeline.Index.ReadAgreementAsync(id, Cancel);

        // Act: the registration statement is filed on Monday 2025-03-10.
        var record = (await pipeline.Agreements.GetRecordAsync(id, Cancel))!;
        record = await pipeline.Agreements.AppendEventAsync(record, new AgreementEvent("filed", AgreementEventKind.Filed, new LocalDate(2025, 3, 10)), Now, Cancel);
        await pipeline.Index.IndexAsync(record, Cancel);

        // Assert: the met instance is gone from both tables; the date row sits in its last permitted day's partition.
        Assert.Contains(("filing-date", new LocalDate(2025, 3, 11)), before);
        var after = await pipeline.Index.ReadAgreementAsync(id, Cancel);
        Assert.DoesNotContain(after, r => r.DeadlineKey == "filing-date");
        Assert.Contains(after, r => r.DeadlineKey == "effectiveness-date");
        var march11 = await pipeline.Index.ReadAsync(new LocalDate(2025, 3, 11), new LocalDate(2025, 3, 11), false, Cancel);
        Assert.DoesNotContain(march11, r => r.AgreementId == id);
        var all = await pipeline.Index.ReadAllAsync(Cancel);
        Assert.Equal(after.Order(), all.Where(r => r.AgreementId == id).Select(r => (r.DeadlineKey, r.LastPermittedDay)).Order());
    }

    [Fact]
    public async Task RebuildAsync_AfterIncrementalWrites_EqualsTheIncrementalIndex()
    {
        // Arrange: 120 agreements closing the same day share Filing Date partitions (more than one 100-row
        // transaction), then a third of them change: filed (met), waived, or with an SEC comment letter.
        var pipeline = await ReminderPipeline.CreateAsync(fixture.Azurite, null, Now);
        var ids = new List<string>();
        for (var i = 0; i < 120; i++)
        {
            ids.Add(await pipeline.AddAgreementAsync($"RRA {i}", new LocalDate(2025, 2, 9)));
        }

        for (var i = 0; i < 120; i += 3)
        {
            var record = (await pipeline.Agreements.GetRecordAsync(ids[i], Cancel))!;
            var change = (i / 3 % 3) switch
            {
                0 => new AgreementEvent("filed", AgreementEventKind.Filed, new LocalDate(2025, 3, 3)),
                1 => new AgreementEvent("waiver", AgreementEventKind.Waiver, new LocalDate(2025, 3, 3)) { DeadlineKey = "filing-date" },
                _ => new AgreementEvent("filed", AgreementEventKind.Filed, new LocalDate(2025, 2, 20)),
            };
            record = await pipeline.Agreements.AppendEventAsync(record, change, Now, Cancel);
            if (i / 3 % 3 == 2)
            {
                record = await pipeline.Agreements.AppendEventAsync(
                    record, new AgreementEvent("comments", AgreementEventKind.SecCommentReceived, new LocalDate(2025, 3, 3)), Now, Cancel);
            }

            await pipeline.Index.IndexAsync(record, Cancel);
        }

        // Act
        var fresh = await pipeline.FreshIndexAsync();
        var (agreements, rows) = await fresh.RebuildAsync(Cancel);

        // Assert
        var incremental = await pipeline.Index.ReadAllAsync(Cancel);
        var rebuilt = await fresh.ReadAllAsync(Cancel);
        Assert.Equal(120, agreements);
        Assert.Equal(rows, rebuilt.Count);
        Assert.Equal(Sorted(incremental), Sorted(rebuilt));
        Assert.Contains(rebuilt, r => r.DeadlineKey.StartsWith("sec-comment-response", StringComparison.Ordinal));
        foreach (var id in ids.Take(9))
        {
            Assert.Equal((await pipeline.Index.ReadAgreementAsync(id, Cancel)).Order(), (await fresh.ReadAgreementAsync(id, Cancel)).Order());
        }
    }

    [Fact]
    public async Task RebuildAsync_StaleRowsInTheIndex_RemovesThem()
    {
        // Arrange: an index built, then the agreement's Filing Date met without the index being told.
        var pipeline = await ReminderPipeline.CreateAsync(fixture.Azurite, null, Now);
        var id = await pipeline.AddAgreementAsync("Stale RRA", new LocalDate(2025, 2, 9));
        var record = (await pipeline.Agreements.GetRecordAsync(id, Cancel))!;
        await pipeline.Agreements.AppendEventAsync(record, new AgreementEvent("filed", AgreementEventKind.Filed, new LocalDate(2025, 3, 3)), Now, Cancel);

        // Act
        await pipeline.Index.RebuildAsync(Cancel);

        // Assert
        var rows = await pipeline.Index.ReadAllAsync(Cancel);
        Assert.DoesNotContain(rows, r => r.DeadlineKey == "filing-date");
        Assert.Contains(rows, r => r.DeadlineKey == "effectiveness-date");
        Assert.DoesNotContain(await pipeline.Index.ReadAgreementAsync(id, Cancel), r => r.DeadlineKey == "filing-date");
    }

    private static List<string> Sorted(IEnumerable<DeadlineIndexEntry> rows) =>
        [.. rows.Select(r => $"{r.LastPermittedDay:uuuu-MM-dd}|{r.AgreementId}|{r.DeadlineKey}|{r.DueDate:uuuu-MM-dd}|{r.RemindWhenOverdue}|{r.Terms}").Order(StringComparer.Ordinal)];
}

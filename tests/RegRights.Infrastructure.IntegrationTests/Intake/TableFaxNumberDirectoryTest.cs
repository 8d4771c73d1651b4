using Azure.Data.Tables;
using NodaTime;
using NodaTime.Testing;
using RegRights.Application.Agreements.Rows;
using RegRights.Infrastructure.Intake;
using RegRights.Infrastructure.IntegrationTests.Storage;
using RegRights.Infrastructure.Storage;
using RegRights.Testing;

namespace RegRights.Infrastructure.IntegrationTests.Intake;

/// <summary>The fax directory over Azurite: which agreements list the number a fax reached, read from their head rows.</summary>
[Collection(StorageTests.Name)]
public sealed class TableFaxNumberDirectoryTest(StorageFixture fixture)
{
    private const string Number = "+19497886706";

    private static readonly Instant Now = Instant.FromUtc(2000, 5, 25, 21, 3);

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task FindAsync_AgreementListsTheNumber_FindsIt()
    {
        var (tables, id) = await CreateAsync();
        using var directory = new TableFaxNumberDirectory(tables, new FakeClock(Now));

        Assert.Equal([id], await directory.FindAsync("(949) 788-6706", Cancel));
    }

    [Fact]
    public async Task FindAsync_HeadRowOfALaterShape_IsNotReadAsThisOne()
    {
        // Arrange: a later version rewrote the head; its terms may mean something else, so its numbers are not trusted.
        var (tables, id) = await CreateAsync();
        var head = (await tables.Agreements.GetEntityAsync<TableEntity>(id, TableAgreementStore.HeadRowKey(id), cancellationToken: Cancel)).Value;
        head["Shape"] = AgreementRow.CurrentShape + 1;
        await tables.Agreements.UpdateEntityAsync(head, head.ETag, TableUpdateMode.Merge, Cancel);
        using var directory = new TableFaxNumberDirectory(tables, new FakeClock(Now));

        Assert.Empty(await directory.FindAsync(Number, Cancel));
    }

    private async Task<(RegRightsTables Tables, string Id)> CreateAsync()
    {
        var tables = await fixture.CreateTablesAsync();
        var seed = SeedAgreements.Document(companyCfo: false);
        var agreement = await new TableAgreementStore(tables).CreateAsync(seed with { Terms = seed.Terms! with { NoticeFaxNumbers = [Number] } }, Now, Cancel);
        return (tables, agreement.Id);
    }
}

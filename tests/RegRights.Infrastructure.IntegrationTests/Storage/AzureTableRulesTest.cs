using Azure.Data.Tables;
using RegRights.Infrastructure.Storage;

namespace RegRights.Infrastructure.IntegrationTests.Storage;

/// <summary>
/// The rules policy the store tests run under must itself be able to fail: each request Azure would reject, sent
/// straight through the SDK, is refused; the stores' own guard refuses the same batches before they are built.
/// </summary>
[Collection(StorageTests.Name)]
public sealed class AzureTableRulesTest(StorageFixture fixture)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Policy_BatchAcrossPartitions_IsRefused()
    {
        var tables = await fixture.CreateTablesAsync();

        var ex = await Assert.ThrowsAsync<InvalidOperationException>(() => tables.Agreements.SubmitTransactionAsync(
            [new(TableTransactionActionType.Add, new TableEntity("a", "1")), new(TableTransactionActionType.Add, new TableEntity("b", "1"))],
            Cancel));

        Assert.Contains("spanning partitions", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Policy_BatchOf101_IsRefused()
    {
        var tables = await fixture.CreateTablesAsync();
        var actions = Enumerable.Range(0, 101).Select(i => new TableTransactionAction(TableTransactionActionType.Add, new TableEntity("a", $"{i:D3}")));

        var ex = await Assert.ThrowsAsync<InvalidOperationException>(() => tables.Agreements.SubmitTransactionAsync(actions, Cancel));

        Assert.Contains("101 operations", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Policy_DateTimeBefore1601_IsRefused()
    {
        var tables = await fixture.CreateTablesAsync();
        var entity = new TableEntity("a", "1") { ["When"] = new DateTimeOffset(1600, 12, 31, 0, 0, 0, TimeSpan.Zero) };

        var ex = await Assert.ThrowsAsync<InvalidOperationException>(() => tables.Agreements.AddEntityAsync(entity, Cancel));

        Assert.Contains("before 1601", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TableBatch_AcrossPartitionsOrOver100_IsRefusedBeforeSending()
    {
        var tables = await fixture.CreateTablesAsync();

        await Assert.ThrowsAsync<ArgumentException>(() => TableBatch.SubmitAsync(tables.Agreements,
            [new(TableTransactionActionType.Add, new TableEntity("a", "1")), new(TableTransactionActionType.Add, new TableEntity("b", "1"))],
            Cancel));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => TableBatch.SubmitAsync(tables.Agreements,
            [.. Enumerable.Range(0, 101).Select(i => new TableTransactionAction(TableTransactionActionType.Add, new TableEntity("a", $"{i:D3}")))],
            Cancel));
    }
}

using RegRights.Infrastructure.Storage;
using RegRights.Testing;

namespace RegRights.Infrastructure.IntegrationTests.Storage;

[CollectionDefinition(Name)]
public sealed class StorageTests : ICollectionFixture<StorageFixture>
{
    public const string Name = "Storage";
}

/// <summary>One Azurite for the storage tests; each test gets its own tables (a fresh name prefix).</summary>
public sealed class StorageFixture : IAsyncLifetime
{
    private int next;

    public AzuriteTables Azurite { get; private set; } = null!;

    public async ValueTask InitializeAsync() => Azurite = await LocalServices.StartAzuriteAsync();

    /// <summary>New, empty tables behind a client that refuses what Azure would refuse.</summary>
    /// <param name="policies">More policies for the tables' pipeline (a request counter, say).</param>
    public async Task<RegRightsTables> CreateTablesAsync(params Azure.Core.Pipeline.HttpPipelinePolicy[] policies)
    {
        var options = new TableStorageOptions { ConnectionString = Azurite.ConnectionString, MaxRetries = 0 };
        var tables = new RegRightsTables(
            StorageExtensions.CreateServiceClient(options, [new AzureTableRulesPolicy(), .. policies]), $"t{Interlocked.Increment(ref next)}x");
        await tables.CreateIfNotExistsAsync(TestContext.Current.CancellationToken);
        return tables;
    }

    public async ValueTask DisposeAsync() => await Azurite.DisposeAsync();
}

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
    /// <summary>
    /// The tests' network timeout for Azurite: they judge behaviour, not speed, and Azurite answering fifty requests at
    /// once on a loaded machine took longer than the app's 10 s.
    /// </summary>
    public static readonly TimeSpan NetworkTimeout = TimeSpan.FromMinutes(2);

    private int next;

    public AzuriteTables Azurite { get; private set; } = null!;

    public async ValueTask InitializeAsync() => Azurite = await LocalServices.StartAzuriteAsync();

    /// <summary>New, empty tables behind a client that refuses what Azure would refuse.</summary>
    /// <param name="policies">More policies for the tables' pipeline (a request counter, say).</param>
    public async Task<RegRightsTables> CreateTablesAsync(params Azure.Core.Pipeline.HttpPipelinePolicy[] policies)
    {
        var options = new TableStorageOptions { ConnectionString = Azurite.ConnectionString, MaxRetries = 0, NetworkTimeout = NetworkTimeout };
        var tables = new RegRightsTables(
            StorageExtensions.CreateServiceClient(options, [new AzureTableRulesPolicy(), .. policies]), $"t{Interlocked.Increment(ref next)}x");
        await tables.CreateIfNotExistsAsync(TestContext.Current.CancellationToken);
        return tables;
    }

    public async ValueTask DisposeAsync() => await Azurite.DisposeAsync();
}

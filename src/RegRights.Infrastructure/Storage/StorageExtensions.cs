using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Data.Tables;
using Azure.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using RegRights.Application.Agreements;
using RegRights.Application.Notices;

namespace RegRights.Infrastructure.Storage;

/// <summary>Registers the table service, the stores, and the creation of missing tables at start.</summary>
public static class StorageExtensions
{
    /// <summary>Binds <see cref="TableStorageOptions"/> and registers <see cref="RegRightsTables"/> and the stores.</summary>
    public static IHostApplicationBuilder AddTableStorage(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOptions<TableStorageOptions>()
            .BindConfiguration(TableStorageOptions.SectionName)
            .Validate(o => !string.IsNullOrEmpty(o.ConnectionString) || o.TableEndpoint is not null,
                "Storage:ConnectionString (Azurite) or Storage:TableEndpoint (Azure, with a managed identity) is required.")
            .ValidateOnStart();
        builder.Services.AddSingleton(sp => CreateServiceClient(sp.GetRequiredService<IOptions<TableStorageOptions>>().Value));
        builder.Services.AddSingleton(sp => new RegRightsTables(
            sp.GetRequiredService<TableServiceClient>(), sp.GetRequiredService<IOptions<TableStorageOptions>>().Value.TablePrefix));
        builder.Services.AddSingleton<AgreementStore, TableAgreementStore>();
        builder.Services.AddSingleton<NoticeStore, TableNoticeStore>();
        builder.Services.AddHostedService<TableCreator>();
        return builder;
    }

    /// <summary>A table service client with the retry settings of <paramref name="options"/>.</summary>
    public static TableServiceClient CreateServiceClient(TableStorageOptions options, params HttpPipelinePolicy[] policies)
    {
        ArgumentNullException.ThrowIfNull(options);
        var clientOptions = new TableClientOptions();
        clientOptions.Retry.MaxRetries = options.MaxRetries;
        clientOptions.Retry.Delay = TimeSpan.FromMilliseconds(200);
        clientOptions.Retry.MaxDelay = TimeSpan.FromSeconds(2);
        clientOptions.Retry.NetworkTimeout = options.NetworkTimeout;
        foreach (var policy in policies)
        {
            clientOptions.AddPolicy(policy, HttpPipelinePosition.PerCall);
        }

        return string.IsNullOrEmpty(options.ConnectionString)
            ? new TableServiceClient(options.TableEndpoint, new DefaultAzureCredential(), clientOptions)
            : new TableServiceClient(options.ConnectionString, clientOptions);
    }

    private sealed class TableCreator(RegRightsTables tables) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken) => tables.CreateIfNotExistsAsync(cancellationToken);

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}

using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using NodaTime;
using RegRights.Application.Intake;
using RegRights.Application.Notices;
using RegRights.Infrastructure.Storage;

namespace RegRights.Infrastructure.Intake;

/// <summary>Registers the provider intake: its options, tables, stores, providers and the shared path.</summary>
public static class IntakeExtensions
{
    /// <summary>
    /// Binds <see cref="IntakeOptions"/> (section <c>Webhooks</c>) and registers <see cref="ProviderIntake"/> with every
    /// provider, <see cref="ExpectedNotices"/>, their tables (created at start when missing) and the fax number directory.
    /// </summary>
    /// <remarks>Call after <c>AddTableStorage</c>. A new provider is one more <see cref="IntakeProvider"/> registration here.</remarks>
    public static IHostApplicationBuilder AddProviderIntake(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOptions<IntakeOptions>().BindConfiguration(IntakeOptions.SectionName).ValidateOnStart();
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<IntakeOptions>, IntakeOptionsValidator>());
        builder.Services.AddSingleton(sp => new IntakeTables(
            sp.GetRequiredService<TableServiceClient>(), sp.GetRequiredService<IOptions<TableStorageOptions>>().Value.TablePrefix));
        builder.Services.AddSingleton<IntakeReceiptStore, TableIntakeReceiptStore>();
        builder.Services.AddSingleton<ExpectedDeliveryStore, TableExpectedDeliveryStore>();
        builder.Services.AddSingleton<FaxNumberDirectory>(sp =>
        {
            // A change to an agreement's terms through this instance is seen by the next fax at once.
            var directory = new TableFaxNumberDirectory(sp.GetRequiredService<RegRightsTables>(), sp.GetRequiredService<IClock>());
            sp.GetRequiredService<AgreementTermsCache>().Invalidated += _ => directory.Invalidate();
            return directory;
        });
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IntakeProvider, TelnyxFax>());
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IntakeProvider, DocuSignConnect>());
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IntakeProvider, FedExTracking>());
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IntakeProvider, UpsTrackAlert>());
        builder.Services.AddSingleton<ProviderIntake>();
        builder.Services.AddSingleton<ExpectedNotices>();
        builder.Services.AddHostedService<IntakeTableCreator>();
        return builder;
    }

    private sealed class IntakeTableCreator(IntakeTables tables) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken) => tables.CreateIfNotExistsAsync(cancellationToken);

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}

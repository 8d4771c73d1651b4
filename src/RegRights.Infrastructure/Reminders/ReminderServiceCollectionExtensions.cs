using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using RegRights.Application.Agreements;
using RegRights.Application.Email;
using RegRights.Application.Reminders;
using RegRights.Infrastructure.Email;
using RegRights.Infrastructure.Storage;

namespace RegRights.Infrastructure.Reminders;

/// <summary>Registers the deadline index and its updater, the ledger, the scan, the dispatcher and the reminder service the endpoints use.</summary>
public static class ReminderServiceCollectionExtensions
{
    /// <summary>
    /// Binds <see cref="ReminderOptions"/> and registers the reminder services, over the table storage of
    /// <c>AddTableStorage</c> and the email transport of <c>AddEmail</c>.
    /// </summary>
    public static IHostApplicationBuilder AddReminders(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOptions<ReminderOptions>().BindConfiguration(ReminderOptions.SectionName).ValidateOnStart();
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ReminderOptions>, ReminderOptionsValidator>());
        builder.Services.AddSingleton(sp => new ReminderTables(
            sp.GetRequiredService<Azure.Data.Tables.TableServiceClient>(), sp.GetRequiredService<IOptions<TableStorageOptions>>().Value.TablePrefix));
        builder.Services.AddSingleton<DeadlineIndex, TableDeadlineIndex>();
        builder.Services.AddSingleton<IAgreementIndexer, DeadlineIndexUpdater>();
        builder.Services.AddSingleton<ReminderLedger, TableReminderLedger>();
        builder.Services.AddSingleton<ReminderScanner>();
        builder.Services.AddSingleton(sp =>
        {
            var email = sp.GetRequiredService<IOptions<EmailOptions>>().Value;
            var reminders = sp.GetRequiredService<IOptions<ReminderOptions>>().Value;
            return new ReminderEmailComposer(new EmailAddress(email.From, email.FromDisplayName), reminders.AppBaseUrl);
        });
        builder.Services.AddSingleton<ReminderDispatcher>();
        builder.Services.AddSingleton<ReminderService>();
        builder.Services.AddHostedService<ReminderTableCreator>();
        return builder;
    }

    private sealed class ReminderTableCreator(ReminderTables tables) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken) => tables.CreateIfNotExistsAsync(cancellationToken);

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}

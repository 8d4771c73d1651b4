using Azure.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using RegRights.Application.Email;
using RegRights.Infrastructure.Email.Acs;
using RegRights.Infrastructure.Email.Smtp;

namespace RegRights.Infrastructure.Email;

/// <summary>Registers the email transport chosen by <c>Email:Transport</c>.</summary>
public static class EmailServiceCollectionExtensions
{
    /// <summary>
    /// Binds <see cref="EmailOptions"/> from the <c>Email</c> section, validates it at start, and registers
    /// <see cref="IEmailSender"/> as the ACS or the SMTP sender.
    /// </summary>
    /// <remarks>
    /// ACS with <c>Email:Acs:ConnectionString</c> signs with the access key; without one it uses
    /// <c>DefaultAzureCredential</c> (managed identity in Azure, <c>Email:Acs:ManagedIdentityClientId</c> for a
    /// user-assigned one) against <c>Email:Acs:Endpoint</c>. A missing or contradictory setting fails at start with
    /// an <see cref="OptionsValidationException"/> naming it, not at the first reminder.
    /// </remarks>
    public static IHostApplicationBuilder AddEmail(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;

        services.AddOptions<EmailOptions>().BindConfiguration(EmailOptions.SectionName).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<EmailOptions>, EmailOptionsValidator>());
        services.AddLogging();

        services.TryAddSingleton(provider => CreateAcsClient(provider.GetRequiredService<IOptions<EmailOptions>>().Value.Acs));
        services.TryAddSingleton<AcsEmailSender>();
        services.TryAddSingleton<SmtpEmailSender>();
        services.TryAddSingleton<IEmailSender>(provider =>
            provider.GetRequiredService<IOptions<EmailOptions>>().Value.Transport switch
            {
                EmailTransportKind.Smtp => provider.GetRequiredService<SmtpEmailSender>(),
                _ => provider.GetRequiredService<AcsEmailSender>(),
            });
        return builder;
    }

    private static AcsEmailClient CreateAcsClient(AcsEmailOptions acs)
    {
        var clientOptions = new AcsEmailClientOptions { MaxPollingDuration = acs.MaxPollingDuration };
        if (!string.IsNullOrWhiteSpace(acs.ConnectionString))
        {
            return new AcsEmailClient(acs.ConnectionString, clientOptions);
        }

        var credential = new DefaultAzureCredential(new DefaultAzureCredentialOptions
        {
            ManagedIdentityClientId = string.IsNullOrWhiteSpace(acs.ManagedIdentityClientId) ? null : acs.ManagedIdentityClientId,
        });
        return new AcsEmailClient(acs.Endpoint!, credential, clientOptions);
    }
}

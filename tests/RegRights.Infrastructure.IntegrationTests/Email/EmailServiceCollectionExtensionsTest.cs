using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using RegRights.Application.Email;
using RegRights.Infrastructure.Email;
using RegRights.Infrastructure.Email.Acs;
using RegRights.Infrastructure.Email.Smtp;

namespace RegRights.Infrastructure.IntegrationTests.Email;

public sealed class EmailServiceCollectionExtensionsTest
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AddEmail_AcsWithConnectionString_SendsSignedThroughTheConfiguredResource()
    {
        // Arrange: configuration as app settings would give it; the operation finishes on the send's own answer.
        await using var server = await AcsEmailServer.StartAsync();
        server.TerminalOnPoll = 0;
        using var provider = Provider(new()
        {
            ["Email:Transport"] = "Acs",
            ["Email:From"] = "reminders@regrights.example",
            ["Email:Acs:ConnectionString"] = server.ConnectionString,
        });

        // Act
        var sender = provider.Services.GetRequiredService<IEmailSender>();
        var result = await sender.SendAsync(ReminderEmails.FilingDate(), "agreement-2000-04-28|filing-date|T-7", Cancel);

        // Assert
        Assert.IsType<AcsEmailSender>(sender);
        Assert.Equal(EmailSendStatus.Succeeded, result.Status);
        Assert.Equal("reminders@regrights.example", Assert.Single(server.Emails).SenderAddress);
    }

    [Fact]
    public void AddEmail_AcsWithEndpointOnly_UsesEntraIdTokens()
    {
        using var provider = Provider(new()
        {
            ["Email:From"] = "reminders@regrights.example",
            ["Email:Acs:Endpoint"] = "https://contoso.communication.azure.com",
        });

        Assert.IsType<AcsEmailSender>(provider.Services.GetRequiredService<IEmailSender>());
        Assert.Equal(new Uri("https://contoso.communication.azure.com"), provider.Services.GetRequiredService<AcsEmailClient>().Endpoint);
    }

    [Fact]
    public void AddEmail_Smtp_RegistersTheSmtpSender()
    {
        using var provider = Provider(new()
        {
            ["Email:Transport"] = "Smtp",
            ["Email:From"] = "reminders@regrights.example",
            ["Email:Smtp:Host"] = "127.0.0.1",
            ["Email:Smtp:Port"] = "1025",
            ["Email:Smtp:UseTls"] = "false",
        });

        Assert.IsType<SmtpEmailSender>(provider.Services.GetRequiredService<IEmailSender>());
        Assert.Equal(1025, provider.Services.GetRequiredService<IOptions<EmailOptions>>().Value.Smtp.Port);
    }

    [Theory]
    [InlineData("Acs", "", "", "Email:From")] // no sender
    [InlineData("Acs", "reminders@regrights.example", "", "Email:Acs:Endpoint")] // neither key nor endpoint
    [InlineData("Acs", "reminders@regrights.example", "endpoint=https://contoso.communication.azure.com/", "Email:Acs:ConnectionString")] // key missing
    [InlineData("Smtp", "reminders@regrights.example", "", "Email:Smtp:Host")] // no SMTP host
    public void AddEmail_MissingSetting_FailsNamingIt(string transport, string from, string connectionString, string named)
    {
        using var provider = Provider(new()
        {
            ["Email:Transport"] = transport,
            ["Email:From"] = from,
            ["Email:Acs:ConnectionString"] = connectionString,
        });

        var ex = Assert.Throws<OptionsValidationException>(() => provider.Services.GetRequiredService<IEmailSender>());

        Assert.Contains(ex.Failures, failure => failure.Contains(named, StringComparison.Ordinal));
    }

    [Fact]
    public void AddEmail_SmtpPasswordWithoutTls_Fails()
    {
        // A password must not cross the network in the clear.
        using var provider = Provider(new()
        {
            ["Email:Transport"] = "Smtp",
            ["Email:From"] = "reminders@regrights.example",
            ["Email:Smtp:Host"] = "smtp.azurecomm.net",
            ["Email:Smtp:UserName"] = "acs-resource|app-id|tenant-id",
            ["Email:Smtp:Password"] = "secret",
            ["Email:Smtp:UseTls"] = "false",
        });

        var ex = Assert.Throws<OptionsValidationException>(() => provider.Services.GetRequiredService<IEmailSender>());

        Assert.Contains(ex.Failures, failure => failure.Contains("Email:Smtp:UseTls", StringComparison.Ordinal));
    }

    // The services of a host built as the app builds its own, so that registration is tested as it runs.
    private static IHost Provider(Dictionary<string, string?> settings)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(settings);
        builder.AddEmail();
        return builder.Build();
    }
}

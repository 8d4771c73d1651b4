using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using NodaTime;
using NodaTime.Testing;
using RegRights.Functions.FunctionalTests.Timers;
using RegRights.Testing;

[assembly: AssemblyFixture(typeof(RegRights.Functions.FunctionalTests.FunctionsAppFixture))]

namespace RegRights.Functions.FunctionalTests;

/// <summary>
/// The app over real HTTP on Kestrel (127.0.0.1, a free port), its clock pinned by a <see cref="FakeClock"/>,
/// shared by every test in the assembly.
/// </summary>
public sealed class FunctionsAppFixture : WebApplicationFactory<Program>, IAsyncLifetime
{
    /// <summary>The function key the management endpoints require.</summary>
    public const string FunctionKey = "test-function-key";

    /// <summary>The webhook source <c>docsystem</c>'s Standard Webhooks secret (whsec_ + base64 of the key).</summary>
    public const string WebhookSecret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

    private readonly Action<IServiceCollection>? configureServices;

    /// <summary>The shared app.</summary>
    public FunctionsAppFixture()
    {
    }

    /// <summary>An app of its own, with services replaced by <paramref name="configureServices"/>.</summary>
    internal FunctionsAppFixture(Action<IServiceCollection> configureServices) => this.configureServices = configureServices;

    /// <summary>The app's clock: 2000-05-01T19:00:00Z, noon in California, unless a test moves it.</summary>
    public FakeClock Clock { get; } = new(Instant.FromUtc(2000, 5, 1, 19, 0));

    /// <summary>A client with the function key, for the management endpoints.</summary>
    public HttpClient Management { get; private set; } = null!;

    /// <summary>A client without any key, as a webhook sender or a stranger would call.</summary>
    public HttpClient Anonymous { get; private set; } = null!;

    /// <summary>The Azurite table service behind the app; a test may stop and restart it.</summary>
    public AzuriteTables Azurite { get; private set; } = null!;

    /// <summary>maildev, the SMTP server the app's email transport sends to (its web inbox and REST API on the second port).</summary>
    public LocalServiceProcess Maildev { get; private set; } = null!;

    /// <summary>The test-only timer function ProbeTimer, registered in this app beside the app's own.</summary>
    internal ProbeTimerFunction Probe { get; } = new();

    public async ValueTask InitializeAsync()
    {
        Azurite = await LocalServices.StartAzuriteAsync();
        Maildev = await LocalServices.StartMaildevAsync();
        UseKestrel();
        StartServer();
        Management = CreateClient();
        Management.DefaultRequestHeaders.Add("x-functions-key", FunctionKey);
        Anonymous = CreateClient();
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Functions:LocalUrl", "http://127.0.0.1:0");
        builder.UseSetting("Functions:Key", FunctionKey);
        builder.UseSetting("Storage:ConnectionString", Azurite.ConnectionString);
        builder.UseSetting("Storage:MaxRetries", "1");
        builder.UseSetting("Timers:RunLocally", "false");
        builder.UseSetting("Webhooks:Sources:docsystem:Secret", WebhookSecret);
        UseMaildev(builder, Maildev);
        builder.ConfigureServices(services =>
        {
            services.Replace(ServiceDescriptor.Singleton<IClock>(Clock)).AddTimerProbes(Probe);
            configureServices?.Invoke(services);
        });
    }

    /// <summary>Points the app's email at <paramref name="maildev"/>'s SMTP port, in the clear as maildev speaks.</summary>
    internal static void UseMaildev(IWebHostBuilder builder, LocalServiceProcess maildev)
    {
        builder.UseSetting("Email:Transport", "Smtp");
        builder.UseSetting("Email:Smtp:Host", "127.0.0.1");
        builder.UseSetting("Email:Smtp:Port", maildev.Ports[0].ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Email:Smtp:UseTls", "false");
        builder.UseSetting("Email:From", "reminders@regrights.test");
    }

    public override async ValueTask DisposeAsync()
    {
        Management?.Dispose();
        Anonymous?.Dispose();
        await base.DisposeAsync();
        // Null when a service failed to start: its own error is the one to see, not a NullReferenceException after it.
        if (Azurite is not null)
        {
            await Azurite.DisposeAsync();
        }

        if (Maildev is not null)
        {
            await Maildev.DisposeAsync();
        }
    }
}

using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Azure.Functions.Worker.Core.FunctionMetadata;
using Microsoft.Azure.Functions.Worker.Invocation;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using NodaTime;
using NodaTime.Testing;
using RegRights.Functions.Extensions;
using RegRights.Functions.FunctionalTests.Reminders;
using RegRights.LocalHost;
using RegRights.Testing;

[assembly: AssemblyFixture(typeof(RegRights.Functions.FunctionalTests.FunctionsAppFixture))]

namespace RegRights.Functions.FunctionalTests;

/// <summary>
/// The app as the Functions host runs it: the real worker (the app's own registrations, its generated function
/// metadata and executor) under the repository's local Functions host, over gRPC and real HTTP on 127.0.0.1, against
/// real Azurite and maildev. The worker runs in this process so that a test can pin its clock with a
/// <see cref="FakeClock"/> and replace a service; everything between the client and the function is the host's.
/// </summary>
public sealed class FunctionsAppFixture : IAsyncLifetime
{
    /// <summary>The function key the management endpoints require.</summary>
    public const string FunctionKey = "test-function-key";

    /// <summary>The master key, for the host's admin endpoints (<c>POST /admin/functions/{name}</c>).</summary>
    public const string MasterKey = "test-master-key";

    /// <summary>The webhook source <c>docsystem</c>'s Standard Webhooks secret (whsec_ + base64 of the key).</summary>
    public const string WebhookSecret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

    private readonly Action<IServiceCollection>? configureServices;
    private readonly IReadOnlyDictionary<string, string?> settings;
    private IHost? worker;

    /// <summary>The shared app.</summary>
    public FunctionsAppFixture()
        : this(null, null)
    {
    }

    /// <summary>An app of its own, with services replaced by <paramref name="configureServices"/> and <paramref name="settings"/> added to its configuration.</summary>
    internal FunctionsAppFixture(Action<IServiceCollection>? configureServices, IReadOnlyDictionary<string, string?>? settings = null)
    {
        this.configureServices = configureServices;
        this.settings = settings ?? new Dictionary<string, string?>();
    }

    /// <summary>The app's clock: 2000-05-01T19:00:00Z, noon in California, unless a test moves it.</summary>
    public FakeClock Clock { get; } = new(Instant.FromUtc(2000, 5, 1, 19, 0));

    /// <summary>What the local Functions host logged (each invocation's "Executed 'Functions.X' (Succeeded|Failed…)").</summary>
    public HostLog HostLog { get; } = new();

    /// <summary>The local Functions host the app runs under.</summary>
    public LocalFunctionsHost Host { get; private set; } = null!;

    /// <summary>The worker's services.</summary>
    public IServiceProvider Services => worker?.Services ?? throw new InvalidOperationException("The worker has not started.");

    /// <summary>A client with the function key, for the management endpoints.</summary>
    public HttpClient Management { get; private set; } = null!;

    /// <summary>A client with the master key, for the host's admin endpoints.</summary>
    public HttpClient Admin { get; private set; } = null!;

    /// <summary>A client without any key, as a webhook sender or a stranger would call.</summary>
    public HttpClient Anonymous { get; private set; } = null!;

    /// <summary>The Azurite table service behind the app; a test may stop and restart it.</summary>
    public AzuriteTables Azurite { get; private set; } = null!;

    /// <summary>maildev, the SMTP server the app's email transport sends to (its web inbox and REST API on the second port).</summary>
    public LocalServiceProcess Maildev { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        Azurite = await LocalServices.StartAzuriteAsync();
        Maildev = await LocalServices.StartMaildevAsync();
        Host = await LocalFunctionsHost.StartAsync(new LocalHostOptions
        {
            AppDirectory = AppContext.BaseDirectory,
            HttpPort = 0,
            FunctionKey = FunctionKey,
            MasterKey = MasterKey,
            TimersEnabled = false,
            WorkerLauncher = new DelegateWorkerLauncher(StartWorkerAsync),
            LoggerFactory = HostLog.Factory,
        }, TestContext.Current.CancellationToken);
        Management = Client(FunctionKey);
        Admin = Client(MasterKey);
        Anonymous = Client(null);
    }

    /// <summary>Runs a function that has no HTTP trigger now, as <c>POST /admin/functions/{name}</c> does, and waits for it.</summary>
    public async Task RunAsync(string function)
    {
        var result = await Host.InvokeAsync(function, cancellationToken: TestContext.Current.CancellationToken);
        Assert.True(result.Succeeded, $"{function} failed: {result.Error}");
    }

    /// <summary>Every email maildev holds, as its REST API lists them.</summary>
    internal async Task<List<MaildevEmail>> InboxAsync()
    {
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{Maildev.Ports[1]}") };
        return await http.GetFromJsonAsync<List<MaildevEmail>>("/email", TestContext.Current.CancellationToken) ?? [];
    }

    private HttpClient Client(string? key)
    {
        var client = new HttpClient { BaseAddress = Host.HttpBaseAddress };
        if (key is not null)
        {
            client.DefaultRequestHeaders.Add("x-functions-key", key);
        }

        return client;
    }

    /// <summary>
    /// Starts the worker in this process as Program.cs does, with the arguments the host gives it as configuration.
    /// The worker SDK finds its generated metadata provider and executor in the entry assembly, which here is the test
    /// assembly, so they are registered by hand; and each in-process worker binds a port of its own, which it reports
    /// to the host, since the worker's own HTTP address is one per process.
    /// </summary>
    private async Task<IWorkerHandle> StartWorkerAsync(WorkerStartInfo start, CancellationToken cancellationToken)
    {
        Environment.SetEnvironmentVariable("FUNCTIONS_APPLICATION_DIRECTORY", start.AppDirectory);
        Environment.SetEnvironmentVariable("FUNCTIONS_WORKER_DIRECTORY", start.WorkerDirectory);

        var builder = FunctionsApplication.CreateBuilder([]);
        builder.Configuration.AddInMemoryCollection(start.Configuration);
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage:ConnectionString"] = Azurite.ConnectionString,
            ["Storage:MaxRetries"] = "1",
            ["Webhooks:Sources:docsystem:Secret"] = WebhookSecret,
            ["Email:Transport"] = "Smtp",
            ["Email:Smtp:Host"] = "127.0.0.1",
            ["Email:Smtp:Port"] = Maildev.Ports[0].ToString(CultureInfo.InvariantCulture),
            ["Email:Smtp:UseTls"] = "false",
            ["Email:From"] = "reminders@regrights.test",
        });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.AddRegRightsFunctions();
        builder.Services.AddSingleton<IFunctionMetadataProvider, GeneratedFunctionMetadataProvider>();
        builder.Services.AddSingleton<IFunctionExecutor, DirectFunctionExecutor>();
        builder.Services.Configure<KestrelServerOptions>(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        builder.Services.Replace(ServiceDescriptor.Singleton<IClock>(Clock));
        configureServices?.Invoke(builder.Services);

        var host = builder.Build();
        await host.StartAsync(cancellationToken);
        worker = host;
        var address = host.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        return WorkerHandle.Create(
            async () =>
            {
                await host.StopAsync(CancellationToken.None);
                host.Dispose();
            },
            httpUri: new Uri(address),
            description: "in-process worker");
    }

    public async ValueTask DisposeAsync()
    {
        Management?.Dispose();
        Admin?.Dispose();
        Anonymous?.Dispose();
        if (Host is not null)
        {
            await Host.DisposeAsync();
        }

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

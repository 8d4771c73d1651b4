using Microsoft.Extensions.Logging;

[assembly: AssemblyFixture(typeof(RegRights.LocalHost.Tests.LocalHostFixture))]

namespace RegRights.LocalHost.Tests;

/// <summary>
/// One local host running the test worker out of process, shared by the HTTP and admin tests: a worker start is the
/// expensive part, so the tests share it. Timers are off here; the schedule has its own host in <see cref="TimerScheduleTests"/>.
/// </summary>
public sealed class LocalHostFixture : IAsyncLifetime
{
    private readonly ILoggerFactory _loggerFactory;

    /// <summary>Creates the fixture; the host starts in <see cref="InitializeAsync"/>.</summary>
    public LocalHostFixture()
    {
        _loggerFactory = LoggerFactory.Create(b => b.AddProvider(Logs).SetMinimumLevel(LogLevel.Debug));
        TimerLog = Path.Combine(Path.GetTempPath(), $"localhost-tests-{Guid.NewGuid():N}.log");
    }

    /// <summary>Every line the host and the worker logged.</summary>
    internal CollectingLoggerProvider Logs { get; } = new();

    /// <summary>The file the worker's timer function appends each TimerInfo to.</summary>
    public string TimerLog { get; }

    /// <summary>The running host.</summary>
    public LocalFunctionsHost Host { get; private set; } = null!;

    /// <summary>A client for the host's HTTP address.</summary>
    public HttpClient Client { get; private set; } = null!;

    /// <inheritdoc />
    public async ValueTask InitializeAsync()
    {
        Host = await LocalFunctionsHost.StartAsync(TestWorker.Options(TimerLog, timers: false, _loggerFactory));
        Client = new HttpClient { BaseAddress = Host.HttpBaseAddress, Timeout = TimeSpan.FromSeconds(30) };
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        Client?.Dispose();
        if (Host is not null)
        {
            await Host.DisposeAsync();
        }

        _loggerFactory.Dispose();
        File.Delete(TimerLog);
    }
}

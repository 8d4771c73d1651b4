using System.Diagnostics;
using System.Net;
using System.Text.Json;
using Microsoft.Extensions.Logging;

namespace RegRights.LocalHost.Tests;

/// <summary>Hosts of their own: the timer schedule, refusing non-loopback, a worker that never connects, and disposal.</summary>
public sealed class HostLifecycleTests : IDisposable
{
    private readonly CollectingLoggerProvider _logs = new();
    private readonly ILoggerFactory _loggerFactory;
    private readonly string _timerLog = Path.Combine(Path.GetTempPath(), $"localhost-tests-{Guid.NewGuid():N}.log");

    /// <summary>Creates the test class's logger.</summary>
    public HostLifecycleTests() => _loggerFactory = LoggerFactory.Create(b => b.AddProvider(_logs).SetMinimumLevel(LogLevel.Debug));

    /// <summary>
    /// With timers on, the */5-second schedule fires by itself, and the worker gets a TimerInfo whose status is that
    /// occurrence (Last, on a 5-second boundary), the next one 5 s later, and when it was taken. Disposal then stops the
    /// worker process, leaving nothing behind.
    /// </summary>
    [Fact]
    public async Task StartAsync_TimersOn_FireOnScheduleAndDisposeKillsWorker()
    {
        // Arrange
        LocalFunctionsHost host = await LocalFunctionsHost.StartAsync(TestWorker.Options(_timerLog, timers: true, _loggerFactory), TestContext.Current.CancellationToken);
        int processId = int.Parse(host.Worker.Description.Split(' ')[1], System.Globalization.CultureInfo.InvariantCulture);

        // Act: the schedule fires every 5 s; wait at most two periods.
        JsonElement? fired = null;
        for (int i = 0; i < 120 && fired is null; i++)
        {
            await Task.Delay(100, TestContext.Current.CancellationToken);
            fired = File.Exists(_timerLog) ? File.ReadAllLines(_timerLog).Where(l => l.EndsWith('}')).Select(l => (JsonElement?)JsonDocument.Parse(l).RootElement.Clone()).FirstOrDefault() : null;
        }

        var stopwatch = Stopwatch.StartNew();
        await host.DisposeAsync();
        stopwatch.Stop();

        // Assert
        Assert.NotNull(fired);
        JsonElement status = fired.Value.GetProperty("ScheduleStatus");
        DateTime last = status.GetProperty("Last").GetDateTime();
        DateTime next = status.GetProperty("Next").GetDateTime();
        Assert.Equal(0, last.Second % 5);
        Assert.Equal(TimeSpan.FromSeconds(5), next - last);
        Assert.InRange(status.GetProperty("LastUpdated").GetDateTime(), last, next);
        Assert.False(fired.Value.GetProperty("IsPastDue").GetBoolean());
        Assert.Contains(_logs.Lines, l => l.Contains("Executing 'Functions.Tick' (Reason='Timer fired at", StringComparison.Ordinal));
        Assert.False(IsRunning(processId), $"The worker process {processId} is still running after DisposeAsync.");
        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(10), $"Shutdown took {stopwatch.Elapsed}.");
    }

    /// <summary>Anything but loopback is refused before anything starts: the keys are development keys.</summary>
    [Fact]
    public async Task StartAsync_NonLoopbackAddress_Throws()
    {
        // Arrange
        LocalHostOptions options = TestWorker.Options(_timerLog, timers: false, _loggerFactory);
        options.HttpAddress = IPAddress.Any;

        // Act
        ArgumentException error = await Assert.ThrowsAsync<ArgumentException>(() => LocalFunctionsHost.StartAsync(options, TestContext.Current.CancellationToken));

        // Assert
        Assert.Contains("loopback only", error.Message, StringComparison.Ordinal);
        Assert.Equal("options", error.ParamName);
    }

    /// <summary>A worker that never connects fails the start with a timeout that says what it waited for.</summary>
    [Fact]
    public async Task StartAsync_WorkerNeverConnects_ThrowsTimeout()
    {
        // Arrange: a launcher that starts nothing, and keeps "running" until disposed.
        var stopped = new TaskCompletionSource();
        LocalHostOptions options = TestWorker.Options(_timerLog, timers: false, _loggerFactory);
        options.WorkerStartupTimeout = TimeSpan.FromMilliseconds(500);
        WorkerStartInfo? seen = null;
        options.WorkerLauncher = new DelegateWorkerLauncher((start, _) =>
        {
            seen = start;
            return Task.FromResult(WorkerHandle.Create(() => { stopped.TrySetResult(); return ValueTask.CompletedTask; }, stopped.Task, description: "silent worker"));
        });

        // Act
        TimeoutException error = await Assert.ThrowsAsync<TimeoutException>(() => LocalFunctionsHost.StartAsync(options, TestContext.Current.CancellationToken));

        // Assert
        Assert.Contains("silent worker", error.Message, StringComparison.Ordinal);
        Assert.Contains("did not connect (StartStream)", error.Message, StringComparison.Ordinal);
        Assert.True(stopped.Task.IsCompleted, "The failed start did not dispose the worker handle.");
        Assert.NotNull(seen);
        Assert.Equal(seen.HostEndpoint.AbsoluteUri, seen.Configuration[WorkerStartInfo.HostEndpointKey]);
        Assert.Contains("--functions-uri", seen.Arguments);
        Assert.Contains("--workerId", seen.Arguments);
        Assert.Equal(TestWorker.Directory.TrimEnd('/'), seen.Environment["FUNCTIONS_APPLICATION_DIRECTORY"].TrimEnd('/'));
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _loggerFactory.Dispose();
        File.Delete(_timerLog);
    }

    private static bool IsRunning(int processId)
    {
        try
        {
            using var process = Process.GetProcessById(processId);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}

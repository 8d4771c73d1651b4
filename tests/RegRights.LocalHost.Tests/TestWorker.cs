using System.Collections.Concurrent;
using System.Reflection;
using Microsoft.Extensions.Logging;

namespace RegRights.LocalHost.Tests;

/// <summary>Where the test worker's build output is, and the settings it reads.</summary>
internal static class TestWorker
{
    /// <summary>The app setting (an environment variable of the worker) naming the file its timer function appends to.</summary>
    public const string TimerLogSetting = "TestWorker__TimerLog";

    /// <summary>The test worker's output folder, as this project's build recorded it (same configuration).</summary>
    public static string Directory { get; } = typeof(TestWorker).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == "TestWorkerDirectory").Value!;

    /// <summary>Options for the test worker on a free port, with fixed keys and the timer log in <paramref name="timerLog"/>.</summary>
    public static LocalHostOptions Options(string timerLog, bool timers, ILoggerFactory loggerFactory)
    {
        var options = new LocalHostOptions
        {
            AppDirectory = Directory,
            HttpPort = 0,
            FunctionKey = "test-function-key",
            MasterKey = "test-master-key",
            TimersEnabled = timers,
            LoggerFactory = loggerFactory,
            // Shutdown is part of every test's time: one second is plenty for a worker that honours WorkerTerminate.
            WorkerTerminateGracePeriod = TimeSpan.FromSeconds(1),
        };
        options.AppSettings["FUNCTIONS_WORKER_RUNTIME"] = "dotnet-isolated";
        options.AppSettings[TimerLogSetting] = timerLog;
        return options;
    }
}

/// <summary>Keeps every log line, so tests can check what the host logged and a failure shows the worker's output.</summary>
internal sealed class CollectingLoggerProvider : ILoggerProvider
{
    public ConcurrentQueue<string> Lines { get; } = new();

    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, Lines);

    public void Dispose()
    {
    }

    private sealed class Logger(string category, ConcurrentQueue<string> lines) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Debug;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            lines.Enqueue($"{logLevel} {category}: {formatter(state, exception)}{(exception is null ? "" : " " + exception)}");
    }
}

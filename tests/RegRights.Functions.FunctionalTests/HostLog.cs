using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace RegRights.Functions.FunctionalTests;

/// <summary>The local Functions host's log lines, kept in memory for a test to read (information and above).</summary>
public sealed class HostLog : ILoggerProvider
{
    private readonly ConcurrentQueue<string> lines = new();

    public HostLog() => Factory = LoggerFactory.Create(logging => logging.SetMinimumLevel(LogLevel.Information).AddProvider(this));

    /// <summary>The factory to hand the host.</summary>
    public ILoggerFactory Factory { get; }

    /// <summary>Every line so far, "Level Category: message".</summary>
    public IReadOnlyList<string> Lines => [.. lines];

    /// <summary>Waits up to <paramref name="timeout"/> for a line that <paramref name="match"/> accepts (the host logs an invocation after its answer).</summary>
    public async Task<string?> WaitForAsync(Func<string, bool> match, TimeSpan timeout)
    {
        var until = DateTime.UtcNow + timeout;
        while (true)
        {
            if (lines.FirstOrDefault(match) is { } line)
            {
                return line;
            }

            if (DateTime.UtcNow > until)
            {
                return null;
            }

            await Task.Delay(50, TestContext.Current.CancellationToken);
        }
    }

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose()
    {
    }

    private sealed class Logger(HostLog log, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                log.lines.Enqueue($"{logLevel} {category}: {formatter(state, exception)}");
            }
        }
    }
}

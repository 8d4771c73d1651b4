using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.Extensions.Logging;

namespace RegRights.LoadTests;

/// <summary>
/// Keeps each log line with its <see cref="Stopwatch"/> timestamp (so the cold start can tell when the host reached each
/// step of the worker's handshake), and writes warnings and errors to standard error.
/// </summary>
internal sealed class TimedLog(LogLevel minimum) : ILoggerProvider
{
    public ConcurrentQueue<Line> Lines { get; } = new();

    public LogLevel Minimum => minimum;

    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, this);

    /// <summary>When the first line containing <paramref name="text"/> was logged, or null.</summary>
    public long? FirstTime(string text) => Lines.FirstOrDefault(l => l.Message.Contains(text, StringComparison.Ordinal))?.Timestamp;

    public void Dispose()
    {
    }

    internal sealed record Line(long Timestamp, LogLevel Level, string Category, string Message);

    private sealed class Logger(string category, TimedLog log) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= log.Minimum;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (!IsEnabled(logLevel))
            {
                return;
            }

            var message = formatter(state, exception) + (exception is null ? "" : " " + exception);
            log.Lines.Enqueue(new Line(Stopwatch.GetTimestamp(), logLevel, category, message));
            if (logLevel >= LogLevel.Warning)
            {
                Console.Error.WriteLine($"{logLevel} {category}: {message}");
            }
        }
    }
}

using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using NCrontab;

namespace RegRights.LocalHost;

/// <summary>
/// A timer trigger's schedule as the host reads it: a 6-field NCRONTAB expression (seconds first), a 5-field one, or a
/// TimeSpan interval (<c>00:05:00</c>); <c>%Name%</c> is first replaced by the app setting <c>Name</c>.
/// </summary>
/// <remarks>Occurrences are in the machine's local time, as on the host where <c>WEBSITE_TIME_ZONE</c> is not set.</remarks>
internal sealed class TimerSchedule
{
    private readonly CrontabSchedule? _cron;
    private readonly TimeSpan _interval;

    private TimerSchedule(string expression, CrontabSchedule? cron, TimeSpan interval)
    {
        Expression = expression;
        _cron = cron;
        _interval = interval;
    }

    public string Expression { get; }

    /// <exception cref="FormatException">The expression is neither NCRONTAB nor a positive TimeSpan, or names a missing setting.</exception>
    public static TimerSchedule Parse(string expression, IDictionary<string, string> appSettings)
    {
        string resolved = expression.Trim();
        if (resolved.Length > 2 && resolved.StartsWith('%') && resolved.EndsWith('%'))
        {
            string name = resolved[1..^1];
            resolved = appSettings.TryGetValue(name, out string? value) ? value.Trim()
                : Environment.GetEnvironmentVariable(name)?.Trim() ?? throw new FormatException($"The schedule '{expression}' names the app setting '{name}', which is not set.");
        }

        if (TimeSpan.TryParse(resolved, CultureInfo.InvariantCulture, out TimeSpan interval) && !resolved.Contains(' ', StringComparison.Ordinal))
        {
            return interval > TimeSpan.Zero ? new TimerSchedule(resolved, null, interval) : throw new FormatException($"The schedule '{expression}' is not a positive interval.");
        }

        int fields = resolved.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
        CrontabSchedule? cron = CrontabSchedule.TryParse(resolved, new CrontabSchedule.ParseOptions { IncludingSeconds = fields == 6 });
        return cron is null ? throw new FormatException($"The schedule '{expression}' is not an NCRONTAB expression or a TimeSpan.") : new TimerSchedule(resolved, cron, TimeSpan.Zero);
    }

    /// <summary>The first occurrence strictly after <paramref name="after"/>.</summary>
    public DateTime GetNextOccurrence(DateTime after) => _cron?.GetNextOccurrence(after) ?? after + _interval;
}

/// <summary>
/// The <c>TimerInfo</c> JSON the host sends as the trigger input: <c>Schedule</c>, <c>ScheduleStatus</c>
/// (<c>Last</c>, <c>Next</c>, <c>LastUpdated</c>) and <c>IsPastDue</c>, in the host's (Json.NET's) property names.
/// </summary>
internal static class TimerInfoJson
{
    private static readonly JsonSerializerOptions Options = new() { DefaultIgnoreCondition = JsonIgnoreCondition.Never };

    /// <param name="last">The occurrence being run (the last one reached).</param>
    /// <param name="next">The next occurrence after it.</param>
    /// <param name="lastUpdated">When the status was taken (now).</param>
    /// <param name="isPastDue">Whether an occurrence was missed: the run is so late that the next one has passed too.</param>
    public static string Create(DateTime last, DateTime next, DateTime lastUpdated, bool isPastDue) =>
        JsonSerializer.Serialize(
            new TimerInfoDocument(
                new ScheduleDocument(AdjustForDST: true),
                new ScheduleStatusDocument(DateTime.SpecifyKind(last, DateTimeKind.Local), DateTime.SpecifyKind(next, DateTimeKind.Local), DateTime.SpecifyKind(lastUpdated, DateTimeKind.Local)),
                isPastDue),
            Options);

    private sealed record TimerInfoDocument(ScheduleDocument Schedule, ScheduleStatusDocument ScheduleStatus, bool IsPastDue);

    private sealed record ScheduleDocument(bool AdjustForDST);

    private sealed record ScheduleStatusDocument(DateTime Last, DateTime Next, DateTime LastUpdated);
}

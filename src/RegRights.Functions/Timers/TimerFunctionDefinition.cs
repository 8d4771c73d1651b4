using System.Text.Json;
using NCrontab;

namespace RegRights.Functions.Timers;

/// <summary>A timer function as its <c>functions/&lt;Name&gt;/function.json</c> declares it to the Functions host.</summary>
/// <param name="Name">The function's name: its folder's name.</param>
/// <param name="BindingName">The <c>timerTrigger</c> binding's <c>name</c>, the key of the timer info under <c>Data</c>.</param>
/// <param name="Expression">The NCRONTAB expression with seconds, e.g. <c>0 0 * * * *</c> for every hour on the hour.</param>
/// <param name="Schedule">The parsed expression.</param>
/// <param name="RunOnStartup">The binding's <c>runOnStartup</c>.</param>
/// <param name="UseMonitor">The binding's <c>useMonitor</c> (the host's default is true).</param>
internal sealed record TimerFunctionDefinition(
    string Name, string BindingName, string Expression, CrontabSchedule Schedule, bool RunOnStartup, bool UseMonitor)
{
    /// <summary>The folder beside the app's binaries that holds one folder per function, as the build copies them.</summary>
    public static string FunctionsFolder => Path.Combine(AppContext.BaseDirectory, "functions");

    /// <summary>The NCRONTAB options the host uses: six fields, the first for seconds.</summary>
    public static CrontabSchedule.ParseOptions ParseOptions { get; } = new() { IncludingSeconds = true };

    /// <summary>Every function.json under <paramref name="folder"/> with a <c>timerTrigger</c>, by name.</summary>
    /// <exception cref="InvalidDataException">A timer function.json that the host would refuse, naming the file and why.</exception>
    public static IReadOnlyList<TimerFunctionDefinition> ReadAll(string folder)
    {
        if (!Directory.Exists(folder))
        {
            return [];
        }

        return Directory.GetFiles(folder, "function.json", SearchOption.AllDirectories)
            .Select(Read)
            .OfType<TimerFunctionDefinition>()
            .OrderBy(d => d.Name, StringComparer.Ordinal)
            .ToArray();
    }

    /// <summary>The timer function <paramref name="file"/> declares, or null when it declares another kind.</summary>
    /// <exception cref="InvalidDataException">A timer function.json that the host would refuse, naming the file and why.</exception>
    public static TimerFunctionDefinition? Read(string file)
    {
        var name = Path.GetFileName(Path.GetDirectoryName(Path.GetFullPath(file)))!;
        try
        {
            using var json = JsonDocument.Parse(File.ReadAllText(file));
            var triggers = json.RootElement.GetProperty("bindings").EnumerateArray()
                .Where(b => b.TryGetProperty("type", out var type) && type.GetString() == "timerTrigger")
                .ToArray();
            if (triggers.Length == 0)
            {
                return null;
            }

            if (triggers.Length > 1)
            {
                throw new InvalidDataException($"{file}: a function has one trigger; this one declares {triggers.Length} timerTriggers.");
            }

            var trigger = triggers[0];
            var bindingName = trigger.TryGetProperty("name", out var n) ? n.GetString() : null;
            var expression = trigger.TryGetProperty("schedule", out var s) ? s.GetString() : null;
            if (string.IsNullOrWhiteSpace(bindingName) || string.IsNullOrWhiteSpace(expression))
            {
                throw new InvalidDataException($"{file}: the timerTrigger binding needs a name and a schedule.");
            }

            var schedule = CrontabSchedule.TryParse(expression, ParseOptions)
                ?? throw new InvalidDataException($"{file}: schedule '{expression}' is not an NCRONTAB expression with six fields (second minute hour day month day-of-week).");
            return new TimerFunctionDefinition(
                name, bindingName, expression, schedule,
                RunOnStartup: trigger.TryGetProperty("runOnStartup", out var r) && r.GetBoolean(),
                UseMonitor: !trigger.TryGetProperty("useMonitor", out var m) || m.GetBoolean());
        }
        catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            throw new InvalidDataException($"{file}: not a function.json the host can read: {ex.Message}", ex);
        }
    }
}

using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using NodaTime;

namespace RegRights.Functions.Timers;

/// <summary>
/// The custom-handler invocation payload of a timer function, as the Functions host POSTs it to <c>/{FunctionName}</c>:
/// <c>{"Data":{"myTimer":{"Schedule":{…},"ScheduleStatus":{"Last":…,"Next":…,"LastUpdated":…},"IsPastDue":false}},
/// "Metadata":{"sys":{"MethodName":…,"UtcNow":…,"RandGuid":…}}}</c>.
/// </summary>
/// <remarks>
/// The host serializes the timer info with Json.NET, so its shape varies with the host version: an object or the same
/// object as a JSON-encoded string; times with an offset (<c>2000-05-01T12:00:00-07:00</c>) or without one, which is
/// read as UTC; <c>0001-01-01T00:00:00</c> for "never" (the host's default status); <c>ScheduleStatus</c> null when
/// <c>useMonitor</c> is off; <c>Metadata.sys</c> absent in hosts that no longer send it. All of these are accepted.
/// Property names are matched case-insensitively.
/// </remarks>
internal static class TimerInvocationPayload
{
    /// <summary>Reads a timer invocation payload.</summary>
    /// <param name="functionName">The function the payload was posted to.</param>
    /// <param name="body">The request body.</param>
    /// <param name="invocation">The invocation when the payload is one.</param>
    /// <param name="error">Why the payload is not a timer invocation, for the response's Logs.</param>
    /// <returns>Whether <paramref name="body"/> is a timer invocation payload.</returns>
    public static bool TryParse(string functionName, ReadOnlySpan<byte> body, out TimerInvocation? invocation, out string? error)
    {
        invocation = null;
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(body);
        }
        catch (JsonException ex)
        {
            error = $"The invocation payload is not JSON: {ex.Message}";
            return false;
        }

        if (Property(root, "Data") is not JsonObject data)
        {
            error = "The invocation payload has no Data object.";
            return false;
        }

        var timers = new List<(string Binding, JsonObject Info)>();
        foreach (var (binding, value) in data)
        {
            if (AsTimerInfo(value) is { } info)
            {
                timers.Add((binding, info));
            }
        }

        if (timers.Count != 1)
        {
            error = timers.Count == 0
                ? "The invocation payload's Data holds no timer info (an object or JSON string with IsPastDue or ScheduleStatus)."
                : $"The invocation payload's Data holds {timers.Count} timer infos ({string.Join(", ", timers.Select(t => t.Binding))}); a timer function has one.";
            return false;
        }

        var (bindingName, timer) = timers[0];
        var status = Property(timer, "ScheduleStatus") as JsonObject;
        if (!TryReadBoolean(Property(timer, "IsPastDue"), out var isPastDue)
            || !TryReadTime(Property(status, "Last"), out var last)
            || !TryReadTime(Property(status, "Next"), out var next)
            || !TryReadTime(Property(Property(Property(root, "Metadata"), "sys"), "UtcNow"), out var utcNow))
        {
            error = $"The timer info under Data.{bindingName} has an IsPastDue that is not a boolean or a time that is not ISO 8601.";
            return false;
        }

        invocation = new TimerInvocation(functionName, bindingName, isPastDue, last, next, utcNow);
        error = null;
        return true;
    }

    /// <summary>The payload the local runner and the admin endpoint send, shaped as the host's own.</summary>
    /// <param name="functionName">The function, for <c>Metadata.sys.MethodName</c>.</param>
    /// <param name="bindingName">The timer binding's name in function.json.</param>
    /// <param name="isPastDue">Whether the run is late.</param>
    /// <param name="status">The schedule status before this run, or null for an unscheduled run.</param>
    /// <param name="utcNow">The clock when the payload is built.</param>
    public static JsonObject Create(string functionName, string bindingName, bool isPastDue, TimerScheduleStatus? status, Instant utcNow) =>
        new()
        {
            ["Data"] = new JsonObject
            {
                [bindingName] = new JsonObject
                {
                    ["Schedule"] = new JsonObject { ["AdjustForDST"] = true },
                    ["ScheduleStatus"] = status is null
                        ? null
                        : new JsonObject
                        {
                            ["Last"] = Format(status.Last),
                            ["Next"] = Format(status.Next),
                            ["LastUpdated"] = Format(status.LastUpdated),
                        },
                    ["IsPastDue"] = isPastDue,
                },
            },
            ["Metadata"] = new JsonObject
            {
                ["sys"] = new JsonObject
                {
                    ["MethodName"] = functionName,
                    ["UtcNow"] = Format(utcNow),
                    ["RandGuid"] = Guid.NewGuid().ToString(),
                },
            },
        };

    // Json.NET's rendering of the host's times: an offset, and default(DateTime) without one for "never".
    private static string Format(Instant? instant) =>
        instant?.ToDateTimeOffset().ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz", CultureInfo.InvariantCulture)
        ?? "0001-01-01T00:00:00";

    private static JsonObject? AsTimerInfo(JsonNode? value)
    {
        if (value is JsonValue text && text.TryGetValue<string>(out var encoded))
        {
            try
            {
                value = JsonNode.Parse(encoded);
            }
            catch (JsonException)
            {
                return null;
            }
        }

        return value is JsonObject info && (Has(info, "IsPastDue") || Has(info, "ScheduleStatus")) ? info : null;
    }

    private static bool Has(JsonObject node, string name) =>
        node.Any(p => string.Equals(p.Key, name, StringComparison.OrdinalIgnoreCase));

    private static JsonNode? Property(JsonNode? node, string name) =>
        node is JsonObject obj
            ? obj.FirstOrDefault(p => string.Equals(p.Key, name, StringComparison.OrdinalIgnoreCase)).Value
            : null;

    private static bool TryReadBoolean(JsonNode? node, out bool value)
    {
        // Absent or null reads as false, as the host's TimerInfo defaults it.
        value = node?.GetValueKind() == JsonValueKind.True;
        return node is null || node.GetValueKind() is JsonValueKind.True or JsonValueKind.False;
    }

    private static bool TryReadTime(JsonNode? node, out Instant? value)
    {
        value = null;
        if (node is null || node.GetValueKind() == JsonValueKind.Null)
        {
            return true;
        }

        if (node.GetValueKind() != JsonValueKind.String
            || !DateTimeOffset.TryParse(node.GetValue<string>(), CultureInfo.InvariantCulture,
                DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var parsed))
        {
            return false;
        }

        // default(DateTime) is the host's "no status yet", not a moment in year 1.
        value = parsed.Year <= 1 ? null : Instant.FromDateTimeOffset(parsed);
        return true;
    }
}

/// <summary>The schedule status the local runner keeps per function, in the host's terms.</summary>
/// <param name="Last">The previous run's time, or null before the first.</param>
/// <param name="Next">The occurrence the coming run is for.</param>
/// <param name="LastUpdated">When the status was last written, or null before the first run.</param>
internal sealed record TimerScheduleStatus(Instant? Last, Instant Next, Instant? LastUpdated);

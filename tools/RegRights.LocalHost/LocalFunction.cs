using System.Text.Json;

namespace RegRights.LocalHost;

/// <summary>Who may call an HTTP function, as the trigger's <c>authLevel</c> says.</summary>
public enum FunctionAuthorizationLevel
{
    /// <summary>No key needed.</summary>
    Anonymous = 0,

    /// <summary>A key is needed; the host-level function key here. (The host's "User" level.)</summary>
    User = 1,

    /// <summary>The function key or the master key.</summary>
    Function = 2,

    /// <summary>The master key only. (The host's "System" level is served as Admin.)</summary>
    Admin = 4,
}

/// <summary>One function as the worker's metadata describes it, with what the local host needs to serve it.</summary>
/// <remarks>
/// <see cref="Route"/> is the full path template, the route prefix included (<c>api/items/{id:int}</c>); a trigger with
/// no route takes the function's name, as the host does.
/// </remarks>
public sealed class LocalFunction
{
    internal LocalFunction(string name, string functionId, string triggerType, string triggerBindingName, IReadOnlyList<string> rawBindings)
    {
        Name = name;
        FunctionId = functionId;
        TriggerType = triggerType;
        TriggerBindingName = triggerBindingName;
        RawBindings = rawBindings;
    }

    /// <summary>The function's name (<c>[Function("Name")]</c>).</summary>
    public string Name { get; }

    /// <summary>The id the worker gave the function.</summary>
    public string FunctionId { get; }

    /// <summary>The trigger's binding type, such as <c>httpTrigger</c> or <c>timerTrigger</c>.</summary>
    public string TriggerType { get; }

    /// <summary>The trigger's binding name (the parameter's name).</summary>
    public string TriggerBindingName { get; }

    /// <summary>The bindings as the worker sent them (JSON, one per binding).</summary>
    public IReadOnlyList<string> RawBindings { get; }

    /// <summary>Whether the trigger is HTTP.</summary>
    public bool IsHttpTrigger => TriggerType.Equals("httpTrigger", StringComparison.OrdinalIgnoreCase);

    /// <summary>Whether the trigger is a timer.</summary>
    public bool IsTimerTrigger => TriggerType.Equals("timerTrigger", StringComparison.OrdinalIgnoreCase);

    /// <summary>The full route template, route prefix included, for an HTTP trigger; else null.</summary>
    public string? Route { get; private set; }

    /// <summary>The HTTP methods, upper case; empty for all methods (and for a non-HTTP trigger).</summary>
    public IReadOnlyList<string> Methods { get; private set; } = [];

    /// <summary>The authorization level of an HTTP trigger; Anonymous for other triggers.</summary>
    public FunctionAuthorizationLevel AuthorizationLevel { get; private set; }

    /// <summary>The timer's schedule as written (NCRONTAB, a TimeSpan, or <c>%Setting%</c>); else null.</summary>
    public string? Schedule { get; private set; }

    /// <summary>Whether the timer also runs once when the host starts (<c>RunOnStartup</c>).</summary>
    public bool RunOnStartup { get; private set; }

    /// <summary>Whether the worker failed to load the function; invoking it then fails, as on the host.</summary>
    public bool LoadFailed { get; internal set; }

    /// <summary>The bindings, parsed: name, type, direction, data type and the rest of the properties.</summary>
    internal IReadOnlyList<ParsedBinding> Bindings { get; private set; } = [];

    /// <summary>Reads a function from the worker's metadata.</summary>
    /// <exception cref="InvalidOperationException">The function has no trigger binding or a binding is not JSON.</exception>
    internal static LocalFunction FromMetadata(Rpc.RpcFunctionMetadata metadata, string routePrefix)
    {
        var bindings = new List<ParsedBinding>();
        foreach (string raw in metadata.RawBindings)
        {
            bindings.Add(ParsedBinding.Parse(raw, metadata.Name));
        }

        ParsedBinding trigger = bindings.FirstOrDefault(b => b.Type.EndsWith("Trigger", StringComparison.OrdinalIgnoreCase) && b.Direction == Rpc.BindingInfo.Types.Direction.In)
            ?? throw new InvalidOperationException($"Function '{metadata.Name}' has no trigger binding.");

        var function = new LocalFunction(metadata.Name, metadata.FunctionId, trigger.Type, trigger.Name, metadata.RawBindings.ToArray())
        {
            Bindings = bindings,
        };

        if (function.IsHttpTrigger)
        {
            string route = trigger.GetString("route") is { Length: > 0 } r ? r : metadata.Name;
            route = route.Trim('/');
            function.Route = string.IsNullOrEmpty(routePrefix) ? route : $"{routePrefix}/{route}";
            function.Methods = trigger.GetStrings("methods").Select(m => m.ToUpperInvariant()).ToArray();
            function.AuthorizationLevel = ParseAuthorizationLevel(trigger.GetString("authLevel"));
        }
        else if (function.IsTimerTrigger)
        {
            function.Schedule = trigger.GetString("schedule");
            function.RunOnStartup = trigger.GetBool("runOnStartup");
        }

        return function;
    }

    private static FunctionAuthorizationLevel ParseAuthorizationLevel(string? value) => value?.ToUpperInvariant() switch
    {
        null or "" or "FUNCTION" => FunctionAuthorizationLevel.Function, // the attribute's default
        "ANONYMOUS" => FunctionAuthorizationLevel.Anonymous,
        "USER" => FunctionAuthorizationLevel.User,
        "ADMIN" or "SYSTEM" => FunctionAuthorizationLevel.Admin,
        _ => throw new InvalidOperationException($"Unknown authLevel '{value}'."),
    };
}

/// <summary>One raw binding, parsed as the host parses it.</summary>
internal sealed class ParsedBinding
{
    private readonly JsonElement _json;

    private ParsedBinding(JsonElement json, string name, string type, Rpc.BindingInfo.Types.Direction direction, Rpc.BindingInfo.Types.DataType? dataType)
    {
        _json = json;
        Name = name;
        Type = type;
        Direction = direction;
        DataType = dataType;
    }

    public string Name { get; }

    public string Type { get; }

    public Rpc.BindingInfo.Types.Direction Direction { get; }

    public Rpc.BindingInfo.Types.DataType? DataType { get; }

    public static ParsedBinding Parse(string raw, string functionName)
    {
        JsonElement json;
        try
        {
            json = JsonDocument.Parse(raw).RootElement.Clone();
        }
        catch (JsonException ex)
        {
            throw new InvalidOperationException($"Function '{functionName}' has a binding that is not JSON: {raw}", ex);
        }

        string name = GetProperty(json, "name")?.GetString() ?? throw new InvalidOperationException($"Function '{functionName}' has a binding without a name: {raw}");
        string type = GetProperty(json, "type")?.GetString() ?? throw new InvalidOperationException($"Function '{functionName}' has a binding without a type: {raw}");
        Rpc.BindingInfo.Types.Direction direction = (GetProperty(json, "direction")?.GetString()?.ToUpperInvariant()) switch
        {
            "OUT" => Rpc.BindingInfo.Types.Direction.Out,
            "INOUT" => Rpc.BindingInfo.Types.Direction.Inout,
            _ => Rpc.BindingInfo.Types.Direction.In,
        };
        Rpc.BindingInfo.Types.DataType? dataType = (GetProperty(json, "dataType")?.GetString()?.ToUpperInvariant()) switch
        {
            "STRING" => Rpc.BindingInfo.Types.DataType.String,
            "BINARY" => Rpc.BindingInfo.Types.DataType.Binary,
            "STREAM" => Rpc.BindingInfo.Types.DataType.Stream,
            _ => null,
        };
        return new ParsedBinding(json, name, type, direction, dataType);
    }

    public string? GetString(string name) => GetProperty(_json, name) is { ValueKind: JsonValueKind.String } v ? v.GetString() : null;

    public bool GetBool(string name) => GetProperty(_json, name) is { ValueKind: JsonValueKind.True };

    public string[] GetStrings(string name) => GetProperty(_json, name) is { ValueKind: JsonValueKind.Array } v
        ? v.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.String).Select(e => e.GetString()!).ToArray()
        : [];

    /// <summary>The binding as the host sends it in a FunctionLoadRequest: type, direction and data type.</summary>
    public Rpc.BindingInfo ToBindingInfo()
    {
        var info = new Rpc.BindingInfo { Type = Type, Direction = Direction };
        if (DataType is { } dataType)
        {
            info.DataType = dataType;
        }

        return info;
    }

    // Binding JSON is case-insensitive on the host (it reads it into a JObject with ignore-case lookups).
    private static JsonElement? GetProperty(JsonElement json, string name)
    {
        foreach (JsonProperty property in json.EnumerateObject())
        {
            if (property.Name.Equals(name, StringComparison.OrdinalIgnoreCase))
            {
                return property.Value;
            }
        }

        return null;
    }
}

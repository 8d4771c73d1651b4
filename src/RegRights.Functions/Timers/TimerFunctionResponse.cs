using System.Text.Json.Serialization;

namespace RegRights.Functions.Timers;

/// <summary>
/// The custom-handler response payload: <c>{"Outputs":{},"Logs":[…],"ReturnValue":null}</c>, in the host's casing
/// whatever the app's JSON naming policy.
/// </summary>
/// <remarks>
/// A timer function has no output bindings, so <see cref="Outputs"/> is empty and <see cref="ReturnValue"/> null.
/// The host copies <see cref="Logs"/> into the invocation's logs only for a 2xx answer; on a 500 it records the failed
/// invocation with the status code, so the app also writes each failure to its own log.
/// </remarks>
/// <param name="Logs">Lines for the invocation's log: what ran, and on failure why it failed.</param>
internal sealed record TimerFunctionResponse(
    [property: JsonPropertyName("Logs")] IReadOnlyList<string> Logs)
{
    /// <summary>Output binding values by binding name; none for a timer function.</summary>
    [JsonPropertyName("Outputs")]
    public IReadOnlyDictionary<string, object?> Outputs { get; init; } = new Dictionary<string, object?>();

    /// <summary>The <c>$return</c> binding's value; none for a timer function.</summary>
    [JsonPropertyName("ReturnValue")]
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public object? ReturnValue { get; init; }
}

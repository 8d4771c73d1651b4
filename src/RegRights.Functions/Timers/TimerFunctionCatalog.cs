namespace RegRights.Functions.Timers;

/// <summary>A timer function registered in code: its name and how to get its body for one invocation.</summary>
/// <param name="Name">The function's name, as its function.json folder is named.</param>
/// <param name="Create">Returns the body, from the invocation's request services.</param>
internal sealed record TimerFunctionRegistration(string Name, Func<IServiceProvider, ITimerFunction> Create);

/// <summary>The timer functions the app has: those registered in code, and those the function.json files declare.</summary>
/// <remarks>
/// The two lists must agree (a test checks it): the host invokes only what a function.json declares, and the app
/// answers only what is registered. Names compare case-insensitively, as the host compares them.
/// </remarks>
internal sealed class TimerFunctionCatalog
{
    private readonly Lazy<IReadOnlyDictionary<string, TimerFunctionDefinition>> declared;

    /// <exception cref="InvalidOperationException">Two registrations share a name.</exception>
    public TimerFunctionCatalog(IEnumerable<TimerFunctionRegistration> registrations)
    {
        var registered = new Dictionary<string, TimerFunctionRegistration>(StringComparer.OrdinalIgnoreCase);
        foreach (var registration in registrations)
        {
            if (!registered.TryAdd(registration.Name, registration))
            {
                throw new InvalidOperationException($"The timer function '{registration.Name}' is registered twice.");
            }
        }

        Registered = registered;
        declared = new(() => TimerFunctionDefinition.ReadAll(TimerFunctionDefinition.FunctionsFolder)
            .ToDictionary(d => d.Name, StringComparer.OrdinalIgnoreCase));
    }

    /// <summary>The timer functions registered in code, by name.</summary>
    public IReadOnlyDictionary<string, TimerFunctionRegistration> Registered { get; }

    /// <summary>The timer functions the function.json files beside the app declare, by name.</summary>
    /// <exception cref="InvalidDataException">A timer function.json the host would refuse.</exception>
    public IReadOnlyDictionary<string, TimerFunctionDefinition> Declared => declared.Value;

    /// <summary>The function named <paramref name="name"/> if it is both declared and registered, as the host would run it.</summary>
    public TimerFunctionDefinition? GetRunnable(string name) =>
        Registered.ContainsKey(name) && Declared.TryGetValue(name, out var definition) ? definition : null;
}

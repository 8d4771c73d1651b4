namespace RegRights.Functions.Timers;

/// <summary>The <c>Timers</c> configuration section: whether the app runs its own timer schedules.</summary>
public sealed class TimerOptions
{
    /// <summary>The configuration section, <c>Timers</c>.</summary>
    public const string SectionName = "Timers";

    /// <summary>
    /// Whether the local runner fires the function.json schedules when the app runs outside the Functions host (no
    /// <c>FUNCTIONS_CUSTOMHANDLER_PORT</c>). Off unless set: on in appsettings.Development.json and scripts/run.sh,
    /// off in the tests' app unless a test turns it on. Ignored under the host, which fires the schedules itself.
    /// </summary>
    public bool RunLocally { get; set; }
}

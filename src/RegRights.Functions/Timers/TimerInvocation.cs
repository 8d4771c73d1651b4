using NodaTime;

namespace RegRights.Functions.Timers;

/// <summary>One invocation of a timer function, as the Functions host (or the local runner) describes it.</summary>
/// <remarks>
/// The schedule status is the host's record before this run: <see cref="Next"/> is the occurrence this run is for and
/// <see cref="Last"/> the previous run. Both are null when the host has none (the first run, <c>useMonitor</c> off, or
/// a run started by <c>POST /admin/functions/{name}</c>). A function that must not miss a window keeps its own
/// watermark rather than trusting <see cref="Last"/>: the host's record is best-effort and lost when monitoring is off.
/// </remarks>
/// <param name="FunctionName">The function's name, its folder under <c>functions/</c>, e.g. <c>ScanDeadlines</c>.</param>
/// <param name="BindingName">The timer binding's <c>name</c> in function.json, the key under <c>Data</c>.</param>
/// <param name="IsPastDue">
/// True when this run is later than its schedule said: the host caught up a missed occurrence, or the local runner woke
/// more than <see cref="LocalTimerRunner.LateAfter"/> after the occurrence (a long previous run, a suspended machine).
/// </param>
/// <param name="Last">The previous run's time from the schedule status, or null.</param>
/// <param name="Next">The scheduled occurrence this run is for, from the schedule status, or null.</param>
/// <param name="UtcNow">The host's clock when it built the payload (<c>Metadata.sys.UtcNow</c>), or null when absent.</param>
public sealed record TimerInvocation(
    string FunctionName,
    string BindingName,
    bool IsPastDue,
    Instant? Last,
    Instant? Next,
    Instant? UtcNow);

/// <summary>A timer function's body, resolved per invocation from the request's services.</summary>
/// <remarks>
/// Register one with <see cref="TimerFunctionsExtensions.AddTimerFunction{TFunction}(IServiceCollection, string)"/>; it
/// runs for <c>POST /{name}</c> from the host, the local runner and <c>POST /admin/functions/{name}</c> alike. Throwing
/// fails the invocation (500, the exception's message in the response's Logs), which the host records as a failure;
/// the next occurrence runs as scheduled, so the body must be safe to run again after a failure half-way.
/// </remarks>
public interface ITimerFunction
{
    /// <summary>Runs the function once.</summary>
    /// <param name="invocation">The parsed invocation payload.</param>
    /// <param name="cancellationToken">Cancelled when the caller goes away or the app stops.</param>
    Task RunAsync(TimerInvocation invocation, CancellationToken cancellationToken);
}

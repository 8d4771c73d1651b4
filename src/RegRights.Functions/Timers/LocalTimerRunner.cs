using Microsoft.Extensions.Options;
using NodaTime;
using RegRights.Functions.Extensions;

namespace RegRights.Functions.Timers;

/// <summary>
/// Outside the Functions host, fires each timer function.json's schedule the way the host would: at each NCRONTAB
/// occurrence (evaluated in UTC, as the host does on Linux), a POST of the host's invocation payload to the app's own
/// <c>/{FunctionName}</c> over loopback. Never on startup; one run at a time per function; a failed run is logged and
/// the schedule goes on.
/// </summary>
/// <remarks>
/// Runs only when <see cref="TimerOptions.RunLocally"/> is on and <c>FUNCTIONS_CUSTOMHANDLER_PORT</c> is not set.
/// A function is skipped when <c>AzureWebJobs.&lt;Name&gt;.Disabled</c> (or <c>AzureWebJobs__&lt;Name&gt;__Disabled</c>)
/// is true, the host's own switch. Unlike the host it keeps no schedule status across restarts, so it never catches
/// up a run missed while the app was down: a function that must not miss a window keeps its own watermark.
/// Edge case: a run that outlasts its interval (a 5-minute schedule, a run from 19:05 to 19:12) is followed at once by
/// one run for the 19:10 occurrence, marked <see cref="TimerInvocation.IsPastDue"/>, then 19:15 as usual; occurrences
/// missed together collapse into that one run.
/// </remarks>
internal sealed class LocalTimerRunner(
    TimerFunctionCatalog catalog,
    TimerFunctionInvoker invoker,
    TimeProvider time,
    IOptions<TimerOptions> options,
    IConfiguration configuration,
    IHostApplicationLifetime lifetime,
    ILogger<LocalTimerRunner> logger) : BackgroundService
{
    /// <summary>A run that starts more than this after its occurrence is past due; timers routinely wake a little late.</summary>
    public static readonly TimeSpan LateAfter = TimeSpan.FromSeconds(5);

    // Task.Delay takes at most about 49 days; a yearly schedule waits in steps.
    private static readonly TimeSpan MaxWait = TimeSpan.FromDays(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (configuration.IsUnderFunctionsHost() || !options.Value.RunLocally)
        {
            return;
        }

        // The invocations go to the app's own address, which Kestrel knows once it listens.
        await WhenStartedAsync(stoppingToken).ConfigureAwait(false);

        foreach (var name in catalog.Registered.Keys.Where(n => !catalog.Declared.ContainsKey(n)))
        {
            logger.LogWarning("Timer function {Function} is registered but no function.json declares it; it never runs on a schedule.", name);
        }

        var scheduled = new List<Task>();
        foreach (var function in catalog.Declared.Values)
        {
            if (!catalog.Registered.ContainsKey(function.Name))
            {
                logger.LogWarning("Timer function {Function} has a function.json but no registration in the app; the runner skips it.", function.Name);
            }
            else if (IsDisabled(function.Name))
            {
                logger.LogInformation("Timer function {Function} is disabled (AzureWebJobs.{Function}.Disabled).", function.Name, function.Name);
            }
            else
            {
                scheduled.Add(RunScheduleAsync(function, stoppingToken));
            }
        }

        await Task.WhenAll(scheduled).ConfigureAwait(false);
    }

    private async Task RunScheduleAsync(TimerFunctionDefinition function, CancellationToken stoppingToken)
    {
        Instant? last = null;
        var next = NextOccurrence(function, Now());
        logger.LogInformation("Timer function {Function} runs on '{Schedule}' (UTC); next at {Next}.", function.Name, function.Expression, next);

        while (!stoppingToken.IsCancellationRequested)
        {
            await WaitUntilAsync(next, stoppingToken).ConfigureAwait(false);
            var started = Now();
            var isPastDue = started - next > Duration.FromTimeSpan(LateAfter);
            await InvokeAsync(function, isPastDue, new TimerScheduleStatus(last, next, last), stoppingToken).ConfigureAwait(false);

            // The next occurrence counts from when this run started (never before its occurrence), as the host counts,
            // so occurrences that passed during a late or long run collapse into one past-due run.
            last = started;
            next = NextOccurrence(function, started);
        }
    }

    private async Task InvokeAsync(TimerFunctionDefinition function, bool isPastDue, TimerScheduleStatus status, CancellationToken stoppingToken)
    {
        try
        {
            var result = await invoker.InvokeAsync(function, isPastDue, status, stoppingToken).ConfigureAwait(false);
            if (!result.Succeeded)
            {
                logger.LogError("Timer function {Function} failed ({StatusCode}): {Logs}", function.Name, result.StatusCode, string.Join(" ", result.Logs));
            }
        }
        catch (Exception ex) when (ex is HttpRequestException || (ex is OperationCanceledException && !stoppingToken.IsCancellationRequested))
        {
            // As the host does: a failed run does not stop the schedule.
            logger.LogError(ex, "Timer function {Function} could not be invoked.", function.Name);
        }
    }

    private async Task WaitUntilAsync(Instant occurrence, CancellationToken stoppingToken)
    {
        for (var remaining = occurrence - Now(); remaining > Duration.Zero; remaining = occurrence - Now())
        {
            var wait = remaining.ToTimeSpan();
            await Task.Delay(wait < MaxWait ? wait : MaxWait, time, stoppingToken).ConfigureAwait(false);
        }
    }

    private async Task WhenStartedAsync(CancellationToken stoppingToken)
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using (lifetime.ApplicationStarted.Register(() => started.TrySetResult()))
        using (stoppingToken.Register(() => started.TrySetCanceled(stoppingToken)))
        {
            await started.Task.ConfigureAwait(false);
        }
    }

    private bool IsDisabled(string name) =>
        configuration.GetValue<bool>($"AzureWebJobs.{name}.Disabled") || configuration.GetValue<bool>($"AzureWebJobs:{name}:Disabled");

    private Instant Now() => Instant.FromDateTimeOffset(time.GetUtcNow());

    // NCrontab works in DateTime without a zone; the runner's are UTC. The next occurrence is strictly after the base.
    private static Instant NextOccurrence(TimerFunctionDefinition function, Instant after) =>
        Instant.FromDateTimeUtc(DateTime.SpecifyKind(function.Schedule.GetNextOccurrence(after.ToDateTimeUtc()), DateTimeKind.Utc));
}

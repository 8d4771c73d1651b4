using System.Threading.Channels;
using Microsoft.Extensions.DependencyInjection;
using RegRights.Functions.Timers;

namespace RegRights.Functions.FunctionalTests.Timers;

/// <summary>
/// A test-only timer function (functions/ProbeTimer/function.json in this project, every five minutes): records each
/// invocation it is given and, while <see cref="Gate"/> is pending, holds the run open, as a long scan would.
/// </summary>
internal sealed class ProbeTimerFunction : ITimerFunction
{
    public const string Name = "ProbeTimer";

    private readonly Channel<TimerInvocation> invocations = Channel.CreateUnbounded<TimerInvocation>();

    /// <summary>Runs wait for this before they return; completed unless a test holds runs open.</summary>
    public TaskCompletionSource Gate { get; init; } = Completed();

    /// <summary>The invocations run so far, oldest first.</summary>
    public ChannelReader<TimerInvocation> Invocations => invocations.Reader;

    public async Task RunAsync(TimerInvocation invocation, CancellationToken cancellationToken)
    {
        invocations.Writer.TryWrite(invocation);
        await Gate.Task.WaitAsync(cancellationToken);
    }

    /// <summary>The next invocation, waiting (in real time) at most 30 seconds for it.</summary>
    public async Task<TimerInvocation> NextInvocationAsync()
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(30));
        return await invocations.Reader.ReadAsync(timeout.Token);
    }

    private static TaskCompletionSource Completed()
    {
        var gate = new TaskCompletionSource();
        gate.SetResult();
        return gate;
    }
}

/// <summary>Registers the test-only timer functions: the probe (a class) and FailingTimer (a delegate that throws).</summary>
internal static class TimerProbes
{
    public const string FailingTimer = "FailingTimer";

    /// <summary>The reason FailingTimer gives, which its 500 answer must carry.</summary>
    public const string FailureReason = "the probe failed on purpose";

    public static IServiceCollection AddTimerProbes(this IServiceCollection services, ProbeTimerFunction probe) =>
        services
            .AddSingleton(probe)
            .AddTimerFunction<ProbeTimerFunction>(ProbeTimerFunction.Name)
            .AddTimerFunction(FailingTimer, (_, _, _) => throw new InvalidOperationException(FailureReason));
}

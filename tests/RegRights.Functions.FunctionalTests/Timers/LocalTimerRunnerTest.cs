using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;
using NodaTime;
using RegRights.Functions.Timers;

namespace RegRights.Functions.FunctionalTests.Timers;

/// <summary>
/// The local runner in a second copy of the app on Kestrel, its time driven by a fake TimeProvider: it fires
/// ProbeTimer's function.json schedule (every five minutes) over HTTP, on time and late, and never on startup.
/// </summary>
public sealed class LocalTimerRunnerTest(FunctionsAppFixture shared)
{
    private static readonly DateTimeOffset Start = new(2000, 5, 1, 19, 2, 0, TimeSpan.Zero);

    [Fact]
    public async Task Runner_FiresEachOccurrenceOnTime_NotOnStartup()
    {
        // Arrange: the app starts at 19:02; the first occurrence of "0 */5 * * * *" is 19:05.
        var probe = new ProbeTimerFunction();
        await using var app = new RunnerApp(shared, probe);
        await app.Time.WaitForTimerAsync(At(19, 5));
        Assert.False(probe.Invocations.TryRead(out _), "the runner must not run a function on startup");

        // Act: 19:05, then 19:10.
        app.Time.SetUtcNow(At(19, 5));
        var first = await probe.NextInvocationAsync();
        await app.Time.WaitForTimerAsync(At(19, 10));
        app.Time.SetUtcNow(At(19, 10));
        var second = await probe.NextInvocationAsync();

        // Assert: the host's payload, through POST /ProbeTimer: the binding named in function.json, each run's
        // occurrence in Next, the previous run in Last, and neither past due.
        Assert.Equal(new TimerInvocation("ProbeTimer", "timer", false, null, InstantAt(19, 5), InstantAt(19, 5)), first);
        Assert.Equal(new TimerInvocation("ProbeTimer", "timer", false, InstantAt(19, 5), InstantAt(19, 10), InstantAt(19, 10)), second);
    }

    [Fact]
    public async Task Runner_RunOutlastsItsInterval_NextRunIsPastDueAndTheScheduleResumes()
    {
        // Arrange: the 19:05 run is held open until 19:12, past the 19:10 occurrence.
        var probe = new ProbeTimerFunction { Gate = new TaskCompletionSource() };
        await using var app = new RunnerApp(shared, probe);
        await app.Time.WaitForTimerAsync(At(19, 5));
        app.Time.SetUtcNow(At(19, 5));
        var onTime = await probe.NextInvocationAsync();

        // Act
        app.Time.SetUtcNow(At(19, 12));
        probe.Gate.SetResult();
        var late = await probe.NextInvocationAsync();

        // Assert: the 19:10 occurrence runs at once, at 19:12, marked past due; the next wait is for 19:15 (the
        // missed occurrence is not run twice, and the schedule goes on).
        Assert.False(onTime.IsPastDue);
        Assert.Equal(new TimerInvocation("ProbeTimer", "timer", true, InstantAt(19, 5), InstantAt(19, 10), InstantAt(19, 12)), late);
        await app.Time.WaitForTimerAsync(At(19, 15));
        Assert.False(probe.Invocations.TryRead(out _));
    }

    private static DateTimeOffset At(int hour, int minute) => new(2000, 5, 1, hour, minute, 0, TimeSpan.Zero);

    private static Instant InstantAt(int hour, int minute) => Instant.FromUtc(2000, 5, 1, hour, minute);

    /// <summary>The app with the runner on, every timer function but ProbeTimer disabled the host's way.</summary>
    private sealed class RunnerApp : WebApplicationFactory<Program>
    {
        private readonly FunctionsAppFixture shared;
        private readonly ProbeTimerFunction probe;

        public RunnerApp(FunctionsAppFixture shared, ProbeTimerFunction probe)
        {
            this.shared = shared;
            this.probe = probe;
            UseKestrel();
            StartServer();
        }

        public ObservedTimeProvider Time { get; } = new(Start);

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseSetting("Functions:LocalUrl", "http://127.0.0.1:0");
            builder.UseSetting("Functions:Key", FunctionsAppFixture.FunctionKey);
            builder.UseSetting("Storage:ConnectionString", shared.Azurite.ConnectionString);
            builder.UseSetting("Timers:RunLocally", "true");
            FunctionsAppFixture.UseMaildev(builder, shared.Maildev);
            foreach (var function in TimerFunctionDefinition.ReadAll(TimerFunctionDefinition.FunctionsFolder).Where(f => f.Name != ProbeTimerFunction.Name))
            {
                builder.UseSetting($"AzureWebJobs.{function.Name}.Disabled", "true");
            }

            builder.ConfigureServices(services => services.Replace(ServiceDescriptor.Singleton<TimeProvider>(Time)).AddTimerProbes(probe));
        }
    }
}

/// <summary>A <see cref="FakeTimeProvider"/> that lets a test wait until someone is waiting for a given moment.</summary>
internal sealed class ObservedTimeProvider : FakeTimeProvider
{
    private readonly ConcurrentQueue<DateTimeOffset> wakeups = new();

    public ObservedTimeProvider(DateTimeOffset start) => SetUtcNow(start);

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = base.CreateTimer(callback, state, dueTime, period);
        // Recorded once the timer is registered, so advancing past it afterwards is sure to fire it.
        wakeups.Enqueue(GetUtcNow() + dueTime);
        return timer;
    }

    /// <summary>Waits (in real time, at most 30 seconds) until a timer is set to fire at <paramref name="wakeup"/>.</summary>
    public async Task WaitForTimerAsync(DateTimeOffset wakeup)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!wakeups.Contains(wakeup))
        {
            Assert.True(DateTime.UtcNow < deadline, $"nothing waited for {wakeup:O}; timers: {string.Join(", ", wakeups.Select(w => w.ToString("O", CultureInfo.InvariantCulture)))}");
            await Task.Delay(20, TestContext.Current.CancellationToken);
        }
    }
}

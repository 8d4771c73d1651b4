using System.Text;
using NodaTime;
using RegRights.Functions.Timers;

namespace RegRights.Functions.FunctionalTests.Timers;

/// <summary>The invocation payload the local runner writes, and the shapes the parser refuses.</summary>
public sealed class TimerInvocationPayloadTest
{
    [Fact]
    public void Create_ThenTryParse_GivesBackWhatWasWritten()
    {
        // Arrange: the runner's status for the 19:10 run of a five-minute schedule whose 19:05 run ended late.
        var status = new TimerScheduleStatus(
            Last: Instant.FromUtc(2000, 5, 1, 19, 5), Next: Instant.FromUtc(2000, 5, 1, 19, 10), LastUpdated: Instant.FromUtc(2000, 5, 1, 19, 5));
        var now = Instant.FromUtc(2000, 5, 1, 19, 12, 30);

        // Act
        var payload = TimerInvocationPayload.Create("ScanDeadlines", "timer", isPastDue: true, status, now);
        var parsed = TimerInvocationPayload.TryParse("ScanDeadlines", Encoding.UTF8.GetBytes(payload.ToJsonString()), out var invocation, out var error);

        // Assert: what the app reads is what the runner meant, and the writer used the host's property names.
        Assert.True(parsed, error);
        Assert.Equal(new TimerInvocation("ScanDeadlines", "timer", true, status.Last, status.Next, now), invocation);
        Assert.Equal("ScanDeadlines", (string?)payload["Metadata"]?["sys"]?["MethodName"]);
        Assert.True((bool?)payload["Data"]?["timer"]?["Schedule"]?["AdjustForDST"]);
    }

    [Fact]
    public void Create_UnscheduledRun_HasNoScheduleStatus()
    {
        var payload = TimerInvocationPayload.Create("ScanDeadlines", "timer", isPastDue: false, status: null, Instant.FromUtc(2000, 5, 1, 19, 0));

        Assert.True(TimerInvocationPayload.TryParse("ScanDeadlines", Encoding.UTF8.GetBytes(payload.ToJsonString()), out var invocation, out _));
        Assert.Null(invocation!.Last);
        Assert.Null(invocation.Next);
    }

    [Theory]
    [InlineData("not json", "is not JSON")]
    [InlineData("""{"Metadata":{}}""", "has no Data object")]
    [InlineData("""{"Data":{"timer":{"IsPastDue":"yes"}}}""", "IsPastDue that is not a boolean")]
    [InlineData("""{"Data":{"timer":{"ScheduleStatus":{"Next":"the fifth of May"}}}}""", "a time that is not ISO 8601")]
    [InlineData("""{"Data":{"a":{"IsPastDue":false},"b":{"IsPastDue":false}}}""", "holds 2 timer infos (a, b)")]
    [InlineData("""{"Data":{"queueItem":"hello"}}""", "holds no timer info")]
    public void TryParse_NotATimerInvocation_FailsSayingWhy(string body, string reason)
    {
        var parsed = TimerInvocationPayload.TryParse("ScanDeadlines", Encoding.UTF8.GetBytes(body), out var invocation, out var error);

        Assert.False(parsed);
        Assert.Null(invocation);
        Assert.Contains(reason, error, StringComparison.Ordinal);
    }
}

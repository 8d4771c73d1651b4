using System.Net;
using System.Text;
using System.Text.Json;

namespace RegRights.LocalHost.Tests;

/// <summary><c>POST /admin/functions/{name}</c> and <see cref="LocalFunctionsHost.InvokeAsync"/> on the shared host (timers off).</summary>
public sealed class AdminInvokeTests(LocalHostFixture fixture)
{
    /// <summary>With the master key the timer function runs now: 202 at once, then the worker gets a TimerInfo.</summary>
    [Fact]
    public async Task PostAdminFunctions_TimerWithMasterKey_Returns202AndRunsIt()
    {
        // Arrange
        int before = ReadTimerLog().Count;
        using var request = new HttpRequestMessage(HttpMethod.Post, "admin/functions/Tick")
        {
            Content = new StringContent("""{"input": ""}""", Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("x-functions-key", "test-master-key");

        // Act
        using HttpResponseMessage response = await fixture.Client.SendAsync(request, TestContext.Current.CancellationToken);
        List<JsonElement> runs = await WaitForTimerLogAsync(before + 1);

        // Assert
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        JsonElement status = runs[^1].GetProperty("ScheduleStatus");
        Assert.True(status.GetProperty("Next").GetDateTime() > status.GetProperty("LastUpdated").GetDateTime().AddSeconds(-1));
        Assert.False(runs[^1].GetProperty("IsPastDue").GetBoolean());
    }

    /// <summary>The admin endpoint takes the master key only: the function key is 401.</summary>
    [Fact]
    public async Task PostAdminFunctions_WithFunctionKey_Returns401()
    {
        // Arrange
        using var request = new HttpRequestMessage(HttpMethod.Post, "admin/functions/Tick") { Content = new StringContent("{}") };
        request.Headers.Add("x-functions-key", "test-function-key");

        // Act
        using HttpResponseMessage response = await fixture.Client.SendAsync(request, TestContext.Current.CancellationToken);

        // Assert
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    /// <summary>An unknown function is 404.</summary>
    [Fact]
    public async Task PostAdminFunctions_UnknownFunction_Returns404()
    {
        // Arrange
        using var request = new HttpRequestMessage(HttpMethod.Post, "admin/functions/NoSuchFunction") { Content = new StringContent("{}") };
        request.Headers.Add("x-functions-key", "test-master-key");

        // Act
        using HttpResponseMessage response = await fixture.Client.SendAsync(request, TestContext.Current.CancellationToken);

        // Assert
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    /// <summary>InvokeAsync runs the timer function and reports its success, with the invocation id the host logged.</summary>
    [Fact]
    public async Task InvokeAsync_Timer_Succeeds()
    {
        // Act
        FunctionInvocationResult result = await fixture.Host.InvokeAsync("Tick", cancellationToken: TestContext.Current.CancellationToken);

        // Assert
        Assert.True(result.Succeeded, result.Error);
        Assert.Contains(fixture.Logs.Lines, l => l.Contains($"Executed 'Functions.Tick' (Succeeded, Id={result.InvocationId}, Duration=", StringComparison.Ordinal));
    }

    private List<JsonElement> ReadTimerLog()
    {
        if (!File.Exists(fixture.TimerLog))
        {
            return [];
        }

        // The worker appends whole lines; a torn last line would be one still being written.
        return File.ReadAllLines(fixture.TimerLog).Where(l => l.EndsWith('}')).Select(l => JsonDocument.Parse(l).RootElement.Clone()).ToList();
    }

    private async Task<List<JsonElement>> WaitForTimerLogAsync(int count)
    {
        // Bounded: the admin endpoint answers before the run, which takes milliseconds on a warm worker.
        for (int i = 0; i < 100; i++)
        {
            List<JsonElement> runs = ReadTimerLog();
            if (runs.Count >= count)
            {
                return runs;
            }

            await Task.Delay(100, TestContext.Current.CancellationToken);
        }

        return ReadTimerLog();
    }
}

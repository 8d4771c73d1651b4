using System.Net;
using System.Text.Json.Nodes;
using NodaTime;
using RegRights.Functions.Timers;

namespace RegRights.Functions.FunctionalTests.Timers;

/// <summary>
/// Timer functions over real HTTP: the host's invocation payload POSTed to /{Name}, the response payload it reads back,
/// and POST /admin/functions/{name}. The test-only ProbeTimer and FailingTimer stand in for the app's own.
/// </summary>
public sealed class TimerFunctionsTest(FunctionsAppFixture app)
{
    [Fact]
    public async Task Invoke_TimerInfoAsObject_RunsTheFunctionWithTheParsedInvocation()
    {
        // Arrange: the payload as a current host sends it, timer info as an object. Last is 11:00 in California
        // (-07:00 in May) = 18:00Z; Next has a +00:00 offset; UtcNow carries milliseconds.
        DrainProbe();
        const string payload = """
            {"Data":{"timer":{"Schedule":{"AdjustForDST":true},
                              "ScheduleStatus":{"Last":"2000-05-01T11:00:00-07:00","Next":"2000-05-01T19:00:00+00:00","LastUpdated":"2000-05-01T11:00:00-07:00"},
                              "IsPastDue":true}},
             "Metadata":{"sys":{"MethodName":"ProbeTimer","UtcNow":"2000-05-01T19:00:03.25Z","RandGuid":"0f8fad5b-d9cb-469f-a165-70867728950e"}}}
            """;

        // Act
        using var response = await app.Anonymous.PostAsync(Api.Url("/ProbeTimer"), Api.Json(payload), Api.Cancel);

        // Assert: the custom-handler response payload, in the host's casing, and the invocation the function saw.
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = (await response.ReadJsonAsync()).AsObject();
        Assert.Empty(body["Outputs"]!.AsObject());
        Assert.True(body.ContainsKey("ReturnValue"));
        Assert.Null(body["ReturnValue"]);
        Assert.StartsWith("ProbeTimer ran in ", Assert.Single(body["Logs"]!.AsArray())!.GetValue<string>(), StringComparison.Ordinal);
        Assert.True(app.Probe.Invocations.TryRead(out var invocation));
        Assert.Equal(
            new TimerInvocation("ProbeTimer", "timer", IsPastDue: true,
                Last: Instant.FromUtc(2000, 5, 1, 18, 0), Next: Instant.FromUtc(2000, 5, 1, 19, 0),
                UtcNow: Instant.FromUtc(2000, 5, 1, 19, 0, 3).Plus(Duration.FromMilliseconds(250))),
            invocation);
    }

    [Fact]
    public async Task Invoke_TimerInfoAsJsonString_RunsTheFunctionWithTheParsedInvocation()
    {
        // Arrange: an older host's shape: the timer info JSON-encoded in a string under another binding name, times
        // without an offset (read as UTC), default(DateTime) for "never run", and no Metadata.sys.
        DrainProbe();
        var timerInfo = """{"Schedule":{"AdjustForDST":true},"ScheduleStatus":{"Last":"0001-01-01T00:00:00","Next":"2000-05-01T12:00:00","LastUpdated":"0001-01-01T00:00:00"},"IsPastDue":false}""";
        var payload = new JsonObject { ["Data"] = new JsonObject { ["myTimer"] = timerInfo }, ["Metadata"] = new JsonObject() };

        // Act
        using var response = await app.Anonymous.PostAsync(Api.Url("/ProbeTimer"), Api.Json(payload.ToJsonString()), Api.Cancel);

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(app.Probe.Invocations.TryRead(out var invocation));
        Assert.Equal(
            new TimerInvocation("ProbeTimer", "myTimer", IsPastDue: false, Last: null, Next: Instant.FromUtc(2000, 5, 1, 12, 0), UtcNow: null),
            invocation);
    }

    [Fact]
    public async Task Invoke_FunctionThrows_Is500WithTheReasonInLogs()
    {
        using var response = await app.Anonymous.PostAsync(Api.Url("/FailingTimer"), Api.Json(Payload("myTimer")), Api.Cancel);

        // The host records a failed invocation from the status; the Logs say why, for a reader of the response.
        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var log = Assert.Single((await response.ReadJsonAsync())["Logs"]!.AsArray())!.GetValue<string>();
        Assert.Contains("FailingTimer failed", log, StringComparison.Ordinal);
        Assert.Contains($"InvalidOperationException: {TimerProbes.FailureReason}", log, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Invoke_PayloadWithoutTimerInfo_Is400AndDoesNotRun()
    {
        // Arrange: an HTTP trigger's payload shape, posted to a timer function by mistake.
        DrainProbe();

        // Act
        using var response = await app.Anonymous.PostAsync(
            Api.Url("/ProbeTimer"), Api.Json("""{"Data":{"req":{"Url":"http://127.0.0.1/api/health","Method":"GET"}},"Metadata":{}}"""), Api.Cancel);

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("holds no timer info", (await response.ReadJsonAsync())["Logs"]![0]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.False(app.Probe.Invocations.TryRead(out _));
    }

    [Fact]
    public async Task RunNow_WithKey_Is202AndRunsTheFunctionThroughItsEndpoint()
    {
        DrainProbe();

        using var response = await app.Management.PostAsync(Api.Url("/admin/functions/ProbeTimer"), Api.Json("{}"), Api.Cancel);

        // The run went through POST /ProbeTimer with the host's payload: the binding name is function.json's, and an
        // unscheduled run has no schedule status and is not past due, as the host's own admin run.
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.StartsWith("ProbeTimer ran in ", (await response.ReadJsonAsync())["Logs"]![0]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.True(app.Probe.Invocations.TryRead(out var invocation));
        Assert.Equal(("ProbeTimer", "timer", false, (Instant?)null, (Instant?)null),
            (invocation.FunctionName, invocation.BindingName, invocation.IsPastDue, invocation.Last, invocation.Next));
        Assert.NotNull(invocation.UtcNow);
    }

    [Fact]
    public async Task RunNow_WithoutKey_Is401AndDoesNotRun()
    {
        DrainProbe();

        using var response = await app.Anonymous.PostAsync(Api.Url("/admin/functions/ProbeTimer"), Api.Json("{}"), Api.Cancel);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.False(app.Probe.Invocations.TryRead(out _));
    }

    [Theory]
    [InlineData("NoSuchTimer")] // no such function at all
    [InlineData("Health")]      // a function, but an HTTP trigger: the host's admin run is for timers here
    public async Task RunNow_NotATimerFunction_Is404NamingTheTimerFunctions(string name)
    {
        using var response = await app.Management.PostAsync(Api.Url($"/admin/functions/{name}"), Api.Json("{}"), Api.Cancel);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("ProbeTimer", (await response.ReadJsonAsync())["detail"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunNow_FunctionThrows_Is500WithTheReason()
    {
        using var response = await app.Management.PostAsync(Api.Url("/admin/functions/FailingTimer"), Api.Json("{}"), Api.Cancel);

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Contains(TimerProbes.FailureReason, (await response.ReadJsonAsync())["detail"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    private static string Payload(string binding) =>
        $$$"""{"Data":{"{{{binding}}}":{"Schedule":{"AdjustForDST":true},"ScheduleStatus":null,"IsPastDue":false}},"Metadata":{}}""";

    private void DrainProbe()
    {
        while (app.Probe.Invocations.TryRead(out _))
        {
        }
    }
}

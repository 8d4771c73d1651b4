using System.ComponentModel;
using System.Diagnostics;

namespace RegRights.Functions.Timers;

/// <summary>Marks the endpoint of a timer function, <c>POST /{Name}</c>: the host's invocation, not an HTTP trigger.</summary>
/// <param name="FunctionName">The function's name.</param>
internal sealed record TimerFunctionEndpointMetadata(string FunctionName);

/// <summary>
/// Marks an endpoint that only a local run serves: the Functions host answers its admin routes itself and never
/// forwards them, so no function.json declares it.
/// </summary>
internal sealed record LocalOnlyEndpointMetadata;

/// <summary>The timer functions' endpoints: the host's invocations, and the admin call that runs one now.</summary>
internal static class TimerFunctionsApi
{
    public static RouteHandlerBuilder MapTimerFunction(this IEndpointRouteBuilder app, TimerFunctionRegistration registration) =>
        app.MapPost("/" + registration.Name, (HttpContext context, ILoggerFactory loggers, CancellationToken cancellationToken) =>
                InvokeAsync(registration, context, loggers, cancellationToken))
            .WithName(registration.Name)
            .WithMetadata(new TimerFunctionEndpointMetadata(registration.Name))
            .ExcludeFromDescription();

    public static RouteHandlerBuilder MapTimerFunctionsAdmin(this IEndpointRouteBuilder app) =>
        app.MapPost("/admin/functions/{name}", RunNowAsync)
            .WithName("RunTimerFunction")
            .WithMetadata(new LocalOnlyEndpointMetadata())
            .RequireFunctionKey()
            .ExcludeFromDescription();

    /// <summary>
    /// <c>POST /{Name}</c>: reads the host's invocation payload, runs the function, and answers the response payload:
    /// 200 when it ran, 500 with the reason in Logs when it threw, 400 when the payload is not a timer invocation.
    /// </summary>
    public static async Task<JsonHttpResult<TimerFunctionResponse>> InvokeAsync(
        TimerFunctionRegistration registration, HttpContext context, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        var logger = loggers.CreateLogger("RegRights.Functions.Timers." + registration.Name);
        using var scope = logger.BeginScope(new Dictionary<string, object?>
        {
            ["FunctionName"] = registration.Name,
            ["InvocationId"] = context.Request.Headers[TimerFunctionInvoker.InvocationIdHeader].ToString(),
        });

        using var body = new MemoryStream();
        await context.Request.Body.CopyToAsync(body, cancellationToken).ConfigureAwait(false);
        if (!TimerInvocationPayload.TryParse(registration.Name, body.GetBuffer().AsSpan(0, (int)body.Length), out var invocation, out var error))
        {
            logger.LogError("Timer function {Function} refused its invocation payload: {Error}", registration.Name, error);
            return Answer(StatusCodes.Status400BadRequest, $"{registration.Name} was not run: {error}");
        }

        var schedule = $"IsPastDue: {invocation!.IsPastDue}, scheduled for {invocation.Next?.ToString() ?? "no occurrence"}";
        var elapsed = Stopwatch.StartNew();
        try
        {
            await registration.Create(context.RequestServices).RunAsync(invocation, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (!(ex is OperationCanceledException && cancellationToken.IsCancellationRequested))
        {
            // The host records the failure from the status code alone, so the app's log is where the reason is kept.
            logger.LogError(ex, "Timer function {Function} failed ({Schedule}).", registration.Name, schedule);
            return Answer(StatusCodes.Status500InternalServerError,
                $"{registration.Name} failed after {elapsed.ElapsedMilliseconds} ms ({schedule}): {ex.GetType().Name}: {ex.Message}");
        }

        logger.LogInformation("Timer function {Function} ran in {Elapsed} ms ({Schedule}).", registration.Name, elapsed.ElapsedMilliseconds, schedule);
        return Answer(StatusCodes.Status200OK, $"{registration.Name} ran in {elapsed.ElapsedMilliseconds} ms ({schedule}).");
    }

    /// <summary>
    /// <c>POST /admin/functions/{name}</c>: runs a timer function now through its own endpoint, as the host's admin API
    /// does (a disabled function too). Unlike the host, which answers 202 before the function runs, it answers once the
    /// run is over, so a script or a test reads the results straight after: 202 with the Logs when it ran, 500 when it
    /// failed, 404 for a function that is not both declared by a function.json and registered.
    /// </summary>
    public static async Task<Results<Accepted<TimerFunctionResponse>, ProblemHttpResult>> RunNowAsync(
        [Description("The timer function's name, e.g. ScanDeadlines.")] string name,
        TimerFunctionCatalog catalog,
        TimerFunctionInvoker invoker,
        CancellationToken cancellationToken)
    {
        if (catalog.GetRunnable(name) is not { } function)
        {
            var known = catalog.Registered.Keys.Where(catalog.Declared.ContainsKey).Order(StringComparer.Ordinal).ToArray();
            return TypedResults.Problem(
                detail: $"No timer function is named '{name}'. Timer functions: {(known.Length == 0 ? "none" : string.Join(", ", known))}.",
                statusCode: StatusCodes.Status404NotFound,
                title: "Unknown function",
                type: ProblemTypes.NotFound);
        }

        var result = await invoker.InvokeAsync(function, isPastDue: false, status: null, cancellationToken).ConfigureAwait(false);
        return result.Succeeded
            ? TypedResults.Accepted((string?)null, new TimerFunctionResponse(result.Logs))
            : TypedResults.Problem(
                detail: string.Join(" ", result.Logs),
                statusCode: StatusCodes.Status500InternalServerError,
                title: $"{function.Name} failed",
                type: ProblemTypes.FunctionFailed);
    }

    private static JsonHttpResult<TimerFunctionResponse> Answer(int statusCode, string log) =>
        TypedResults.Json(new TimerFunctionResponse([log]), statusCode: statusCode);
}

using System.Diagnostics;
using System.Runtime.ExceptionServices;
using Azure;
using Microsoft.Azure.Functions.Worker.Middleware;

namespace RegRights.Functions.Http;

/// <summary>
/// The one place where a failure of an HTTP function becomes its answer: a problem document (RFC 7807) with no stack
/// trace. Kestrel's <see cref="BadHttpRequestException"/> keeps its status (413 for a body over 256 KiB), Table Storage
/// out of reach is 503 with Retry-After, anything else is 500. Timer functions' failures go to the host unchanged.
/// </summary>
/// <remarks>
/// A 500 is a failure of the function, and the host must see it as one even though the client gets a problem
/// document: the invocation's span is set to Error with the exception, the problem is written to the response here,
/// and the exception is then thrown on to the worker, which reports the invocation to the host as failed (the host's
/// log, its failure counts and alerts). A 503 (storage out of reach) marks the span Error too, and is answered as the
/// invocation's result: the function did what it should, and the client retries.
/// </remarks>
internal sealed partial class ProblemDetailsMiddleware(ILogger<ProblemDetailsMiddleware> logger) : IFunctionsWorkerMiddleware
{
    public const int RetryAfterSeconds = 5;

    public async Task Invoke(FunctionContext context, FunctionExecutionDelegate next)
    {
        try
        {
            await next(context).ConfigureAwait(false);
        }
        catch (Exception ex) when (context.GetHttpContext() is { } http && !http.Response.HasStarted && !http.RequestAborted.IsCancellationRequested)
        {
            var problem = ToProblem(ex, http, context.FunctionDefinition.Name);
            if (problem.StatusCode >= StatusCodes.Status500InternalServerError && Activity.Current is { } span)
            {
                span.SetStatus(ActivityStatusCode.Error, problem.ProblemDetails.Title);
                span.AddException(ex);
            }

            if (problem.StatusCode != StatusCodes.Status500InternalServerError)
            {
                // The HTTP integration executes the invocation result once this returns, so the problem is that result.
                context.GetInvocationResult().Value = problem;
                return;
            }

            // Written now, since the invocation result is not executed when the invocation fails; then the failure
            // goes on to the worker and the host, with its stack trace, which the client never sees.
            await problem.ExecuteAsync(http).ConfigureAwait(false);
            ExceptionDispatchInfo.Capture(ex).Throw();
        }
    }

    private ProblemHttpResult ToProblem(Exception exception, HttpContext http, string function)
    {
        if (Find<BadHttpRequestException>(exception) is { } bad)
        {
            var tooLarge = bad.StatusCode == StatusCodes.Status413PayloadTooLarge;
            return TypedResults.Problem(
                detail: tooLarge ? $"The request body exceeds {RequestLimits.MaxBodyBytes / 1024} KiB." : bad.Message,
                statusCode: bad.StatusCode,
                title: tooLarge ? "Request body too large" : "Bad request",
                type: tooLarge ? ProblemTypes.TooLarge : ProblemTypes.Validation);
        }

        if (IsStorageUnavailable(exception))
        {
            LogStorageUnavailable(exception, function);
            http.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            return TypedResults.Problem(
                detail: $"Table Storage did not answer. Retry after {RetryAfterSeconds} seconds; a webhook retried with the same webhook-id is stored once.",
                statusCode: StatusCodes.Status503ServiceUnavailable,
                title: "Storage unavailable",
                type: ProblemTypes.StorageUnavailable);
        }

        LogFailed(exception, function);
        return TypedResults.Problem(
            detail: "The server failed to answer this request; the failure is logged with its invocation id. Nothing was stored unless the answer to a retry says so.",
            statusCode: StatusCodes.Status500InternalServerError,
            title: "Internal server error",
            type: ProblemTypes.FunctionFailed);
    }

    /// <summary>Table Storage out of reach: connection refused, timeouts, 5xx after the SDK's retries.</summary>
    internal static bool IsStorageUnavailable(Exception exception) => exception switch
    {
        AggregateException aggregate => aggregate.InnerExceptions.Any(IsStorageUnavailable),
        RequestFailedException failed => failed.Status is 0 or >= 500,
        HttpRequestException or TimeoutException or System.Net.Sockets.SocketException => true,
        TaskCanceledException canceled => canceled.InnerException is TimeoutException,
        _ => exception.InnerException is not null && IsStorageUnavailable(exception.InnerException),
    };

    private static T? Find<T>(Exception exception)
        where T : Exception
    {
        for (Exception? e = exception; e is not null; e = e.InnerException)
        {
            if (e is T found)
            {
                return found;
            }
        }

        return null;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Function}: Table Storage unavailable")]
    private partial void LogStorageUnavailable(Exception exception, string function);

    [LoggerMessage(Level = LogLevel.Error, Message = "{Function} failed")]
    private partial void LogFailed(Exception exception, string function);
}

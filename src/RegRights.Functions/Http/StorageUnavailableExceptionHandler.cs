using Azure;
using Microsoft.AspNetCore.Diagnostics;

namespace RegRights.Functions.Http;

/// <summary>
/// Table Storage out of reach (connection refused, timeouts, 5xx after the SDK's retries) is 503 with Retry-After:
/// nothing was stored or the write is idempotent, so the client's retry is the way forward.
/// </summary>
internal sealed class StorageUnavailableExceptionHandler(IProblemDetailsService problems, ILogger<StorageUnavailableExceptionHandler> logger)
    : IExceptionHandler
{
    public const int RetryAfterSeconds = 5;

    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (!IsUnavailable(exception) || httpContext.RequestAborted.IsCancellationRequested)
        {
            return false;
        }

        logger.LogWarning(exception, "Table Storage unavailable");
        httpContext.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        httpContext.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = exception,
            ProblemDetails =
            {
                Status = StatusCodes.Status503ServiceUnavailable,
                Title = "Storage unavailable",
                Detail = $"Table Storage did not answer. Retry after {RetryAfterSeconds} seconds; a webhook retried with the same webhook-id is stored once.",
                Type = ProblemTypes.StorageUnavailable,
            },
        }).ConfigureAwait(false);
    }

    internal static bool IsUnavailable(Exception exception) => exception switch
    {
        AggregateException aggregate => aggregate.InnerExceptions.Any(IsUnavailable),
        RequestFailedException failed => failed.Status is 0 or >= 500,
        HttpRequestException or TimeoutException or System.Net.Sockets.SocketException => true,
        TaskCanceledException canceled => canceled.InnerException is TimeoutException,
        _ => exception.InnerException is not null && IsUnavailable(exception.InnerException),
    };
}

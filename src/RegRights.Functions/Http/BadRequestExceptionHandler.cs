using Microsoft.AspNetCore.Diagnostics;

namespace RegRights.Functions.Http;

/// <summary>
/// Turns Kestrel's <see cref="BadHttpRequestException"/> (a body over the limit, a request aborted mid-read) into a
/// problem with the exception's own status, 413 for a body over 256 KiB, instead of a 500.
/// </summary>
internal sealed class BadRequestExceptionHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not BadHttpRequestException bad)
        {
            return false;
        }

        httpContext.Response.StatusCode = bad.StatusCode;
        if (bad.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            // The rest of the body is never read, so Kestrel drops the connection after answering; saying so keeps a
            // client from sending its next request on that connection and getting no answer at all.
            httpContext.Response.Headers.Connection = "close";
        }

        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = exception,
            ProblemDetails =
            {
                Status = bad.StatusCode,
                Title = bad.StatusCode == StatusCodes.Status413PayloadTooLarge ? "Request body too large" : "Bad request",
                Detail = bad.StatusCode == StatusCodes.Status413PayloadTooLarge
                    ? $"The request body exceeds {Extensions.Extensions.MaxRequestBodyBytes / 1024} KiB."
                    : bad.Message,
                Type = bad.StatusCode == StatusCodes.Status413PayloadTooLarge ? ProblemTypes.TooLarge : ProblemTypes.Validation,
            },
        }).ConfigureAwait(false);
    }
}

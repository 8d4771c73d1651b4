using Microsoft.Azure.Functions.Worker.Middleware;

namespace RegRights.Functions.Http;

/// <summary>
/// Drops an HTTP function's result from the invocation's answer to the host once the HTTP integration has written it
/// to the response. Left there, the worker serializes it again, by reflection, into the gRPC invocation response's
/// return value, which the host does not use for a request it proxied to the worker (the <c>HttpUri</c> capability):
/// for a notice, its whole stamp a third time, on every request.
/// </summary>
/// <remarks>
/// Registered before <c>ConfigureFunctionsWebApplication</c>, so it runs outside the integration's middleware, which
/// writes the result after the function returns. The integration does the same for the <c>HttpResponseData</c> results it
/// writes itself; an <c>IResult</c> or <c>IActionResult</c> it leaves in place. Timer functions have no HTTP context and
/// keep their results.
/// </remarks>
internal sealed class WrittenResultMiddleware : IFunctionsWorkerMiddleware
{
    public async Task Invoke(FunctionContext context, FunctionExecutionDelegate next)
    {
        await next(context).ConfigureAwait(false);
        if (context.GetHttpContext() is not null && context.GetInvocationResult() is { Value: IResult or Microsoft.AspNetCore.Mvc.IActionResult } result)
        {
            result.Value = null;
        }
    }
}

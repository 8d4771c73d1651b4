using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using RegRights.Functions.Extensions;

namespace RegRights.Functions.Http;

/// <summary>Marks an endpoint whose function.json says <c>"authLevel": "function"</c>.</summary>
[AttributeUsage(AttributeTargets.Method | AttributeTargets.Class)]
internal sealed class FunctionKeyRequiredAttribute : Attribute;

/// <summary>
/// The function-key check the Functions host performs for <c>"authLevel": "function"</c>, done by the app itself
/// when it runs on its own, so one client (the <c>x-functions-key</c> header or <c>?code=</c>) works in both places.
/// </summary>
internal static class FunctionKeys
{
    public const string HeaderName = "x-functions-key";

    /// <summary>Requires the function key on every endpoint of <paramref name="builder"/>.</summary>
    public static TBuilder RequireFunctionKey<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder
    {
        builder.WithMetadata(new FunctionKeyRequiredAttribute());
        builder.AddEndpointFilter(async (context, next) =>
        {
            var http = context.HttpContext;
            var key = http.RequestServices.GetRequiredService<IOptions<FunctionsHostOptions>>().Value.Key;

            // Under the host with no key configured, the host has already checked it before forwarding.
            if (string.IsNullOrEmpty(key) && http.RequestServices.GetRequiredService<IConfiguration>().IsUnderFunctionsHost())
            {
                return await next(context).ConfigureAwait(false);
            }

            string? presented = http.Request.Headers[HeaderName];
            if (string.IsNullOrEmpty(presented))
            {
                presented = http.Request.Query["code"];
            }

            return Matches(presented, key)
                ? await next(context).ConfigureAwait(false)
                : TypedResults.Problem(
                    detail: $"This endpoint requires the function key in the {HeaderName} header or the code query parameter.",
                    statusCode: StatusCodes.Status401Unauthorized,
                    title: "Function key required",
                    type: ProblemTypes.FunctionKey);
        });
        return builder;
    }

    private static bool Matches(string? presented, string? expected) =>
        !string.IsNullOrEmpty(presented) && !string.IsNullOrEmpty(expected) &&
        CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(presented), Encoding.UTF8.GetBytes(expected));
}

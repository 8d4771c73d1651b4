namespace RegRights.Functions.Apis;

/// <summary><c>GET /api/health</c>: whether the app and its table service answer.</summary>
internal static class HealthApi
{
    public static IEndpointRouteBuilder MapHealthApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/health", GetHealth)
            .WithName("Health")
            .WithSummary("Health")
            .WithDescription("200 when the app answers; anonymous, for the platform's probes.")
            .WithTags("Health");
        return app;
    }

    public static Ok<HealthReport> GetHealth() => TypedResults.Ok(new HealthReport("healthy"));
}

/// <summary>The health answer.</summary>
/// <param name="Status"><c>healthy</c> or <c>unhealthy</c>.</param>
internal sealed record HealthReport(string Status);

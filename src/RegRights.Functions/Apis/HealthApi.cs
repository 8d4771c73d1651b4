using Microsoft.AspNetCore.Mvc;
using RegRights.Infrastructure.Storage;

namespace RegRights.Functions.Apis;

/// <summary><c>GET /api/health</c>: whether the app and its table service answer.</summary>
[Tags("Health")]
public sealed class HealthApi(RegRightsTables tables)
{
    [Function("Health")]
    [EndpointSummary("Health")]
    [EndpointDescription("200 when the app answers and its tables can be read; 503 with Retry-After when Table Storage does not answer. Anonymous, for probes.")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status503ServiceUnavailable, "application/problem+json")]
    public async Task<Ok<HealthReport>> GetHealthAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "health")] HttpRequest request, CancellationToken cancellationToken)
    {
        // A read of the agreements table proves the account answers and the table exists.
        await foreach (var _ in tables.Agreements.QueryAsync<Azure.Data.Tables.TableEntity>(
            "PartitionKey eq 'health'", maxPerPage: 1, select: ["PartitionKey"], cancellationToken: cancellationToken)
            .AsPages(pageSizeHint: 1).ConfigureAwait(false))
        {
            break;
        }

        return TypedResults.Ok(new HealthReport("healthy", tables.Agreements.AccountName));
    }
}

/// <summary>The health answer.</summary>
/// <param name="Status"><c>healthy</c>.</param>
/// <param name="StorageAccount">The storage account the tables live in.</param>
public sealed record HealthReport(string Status, string StorageAccount);

using System.Security.Cryptography;
using Azure.Data.Tables;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace RegRights.Benchmarks.Worker;

/// <summary>
/// <c>POST /api/bench/insert</c>: reads the body and makes one Table insert (the body's SHA-256), nothing else: what a
/// notice costs in storage alone, for tests/RegRights.LoadTests to set the intake beside under the same host.
/// </summary>
public sealed class BareInsert(TableClient table)
{
    /// <summary>The setting holding the Table Storage connection string.</summary>
    public const string ConnectionStringSetting = "Storage:ConnectionString";

    /// <summary>The table the rows go to.</summary>
    public const string TableName = "BenchmarkInserts";

    /// <summary>Anonymous, as the notice intake: one insert per request, 201 with the row's id.</summary>
    [Function("BenchInsert")]
    public async Task<IActionResult> InsertAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "bench/insert")] HttpRequest request)
    {
        var cancellationToken = request.HttpContext.RequestAborted;
        using var body = new MemoryStream();
        await request.Body.CopyToAsync(body, cancellationToken);
        var id = Guid.CreateVersion7().ToString("N");
        await table.AddEntityAsync(new TableEntity("benchmark", id) { ["BodySha256"] = Convert.ToHexStringLower(SHA256.HashData(body.GetBuffer().AsSpan(0, (int)body.Length))) }, cancellationToken);
        return new CreatedResult($"/api/bench/insert/{id}", null);
    }
}

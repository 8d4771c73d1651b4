using System.Security.Cryptography;
using Azure.Data.Tables;
using Microsoft.Extensions.Options;
using RegRights.Functions.Extensions;
using RegRights.Infrastructure.Storage;

namespace RegRights.Functions.Apis;

/// <summary>
/// <c>POST /api/benchmark/insert</c>: reads the body and does one Table insert, nothing else, so that the notice
/// intake's throughput can be set beside the cost of its storage alone (tests/RegRights.LoadTests). Mapped only when
/// <c>Benchmark:BareInsert</c> is true, and refused under the Functions host: it has no function.json and never runs
/// in production.
/// </summary>
internal static class BenchmarkApi
{
    public const string EnabledSetting = "Benchmark:BareInsert";

    public static WebApplication MapBenchmarkApi(this WebApplication app)
    {
        if (!app.Configuration.GetValue<bool>(EnabledSetting))
        {
            return app;
        }

        if (app.Configuration.IsUnderFunctionsHost())
        {
            throw new InvalidOperationException($"{EnabledSetting} is for the local load test only; it cannot be enabled under the Functions host.");
        }

        var prefix = app.Services.GetRequiredService<IOptions<TableStorageOptions>>().Value.TablePrefix;
        var table = app.Services.GetRequiredService<RegRightsTables>().Service.GetTableClient(prefix + "BenchmarkInserts");
        table.CreateIfNotExists();
        app.MapPost("/api/benchmark/insert", async (HttpContext context, CancellationToken cancellationToken) =>
            {
                var body = await JsonBody.ReadRawAsync(context.Request, cancellationToken).ConfigureAwait(false);
                var id = Guid.CreateVersion7().ToString("N");
                await table.AddEntityAsync(new TableEntity("benchmark", id) { ["BodySha256"] = Convert.ToHexStringLower(SHA256.HashData(body)) }, cancellationToken)
                    .ConfigureAwait(false);
                return TypedResults.Created($"/api/benchmark/insert/{id}");
            })
            .WithName("BenchmarkInsert")
            .ExcludeFromDescription();
        return app;
    }
}

using Azure.Data.Tables;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using RegRights.Benchmarks.Worker;

var builder = FunctionsApplication.CreateBuilder(args);
builder.ConfigureFunctionsWebApplication();

// One table client for the process, the table made once before the worker connects, so a request does only its insert.
var connectionString = builder.Configuration[BareInsert.ConnectionStringSetting]
    ?? throw new InvalidOperationException($"Set {BareInsert.ConnectionStringSetting} (an environment variable Storage__ConnectionString).");
var table = new TableServiceClient(connectionString).GetTableClient(BareInsert.TableName);
await table.CreateIfNotExistsAsync();
builder.Services.AddSingleton(table);

await builder.Build().RunAsync();

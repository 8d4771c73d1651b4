using RegRights.Functions.Apis;
using RegRights.Functions.Extensions;

var builder = WebApplication.CreateBuilder(args);

builder.AddFunctionsHost();
builder.AddApplicationServices();

var app = builder.Build();

app.UseFunctionsHost();
app.MapHealthApi();
app.MapAgreementsApi();
app.MapNoticesApi();
app.MapDeadlinesApi();
app.MapBenchmarkApi();
app.MapOpenApiDocument();

app.Run();

/// <summary>The entry point, visible to the functional tests' <c>WebApplicationFactory</c>.</summary>
public partial class Program;

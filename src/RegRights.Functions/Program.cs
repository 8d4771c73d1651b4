using RegRights.Functions.Apis;
using RegRights.Functions.Extensions;
using RegRights.Functions.Timers;

var builder = WebApplication.CreateBuilder(args);

builder.AddFunctionsHost();
builder.AddApplicationServices();
builder.AddTimerFunctions();

var app = builder.Build();

app.UseFunctionsHost();
app.MapHealthApi();
app.MapAgreementsApi();
app.MapNoticesApi();
app.MapDeadlinesApi();
app.MapBenchmarkApi();
app.MapOpenApiDocument();
app.MapTimerFunctions();

app.Run();

/// <summary>The entry point, visible to the functional tests' <c>WebApplicationFactory</c>.</summary>
public partial class Program;

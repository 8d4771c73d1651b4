using RegRights.Functions.Apis;
using RegRights.Functions.Extensions;
using RegRights.Functions.Reminders;
using RegRights.Functions.Timers;

var builder = WebApplication.CreateBuilder(args);

builder.AddFunctionsHost();
builder.AddApplicationServices();
builder.AddTimerFunctions();
builder.AddReminderFunctions();

var app = builder.Build();

app.UseFunctionsHost();
app.MapHealthApi();
app.MapAgreementsApi();
app.MapNoticesApi();
app.MapDeadlinesApi();
app.MapRemindersApi();
app.MapBenchmarkApi();
app.MapOpenApiDocument();
app.MapTimerFunctions();

app.Run();

/// <summary>The entry point, visible to the functional tests' <c>WebApplicationFactory</c>.</summary>
public partial class Program;

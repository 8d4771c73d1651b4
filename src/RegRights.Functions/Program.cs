using Microsoft.Azure.Functions.Worker.Builder;
using RegRights.Functions.Extensions;

var builder = FunctionsApplication.CreateBuilder(args);

builder.ConfigureFunctionsWebApplication();
builder.AddHttpApi();
builder.AddApplicationServices();

builder.Build().Run();

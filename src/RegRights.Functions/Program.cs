using Microsoft.Azure.Functions.Worker.Builder;
using RegRights.Functions.Extensions;

var builder = FunctionsApplication.CreateBuilder(args);
builder.AddRegRightsFunctions();
builder.Build().Run();

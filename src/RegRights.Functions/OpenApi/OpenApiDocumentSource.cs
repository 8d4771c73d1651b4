using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using RegRights.Contracts;

namespace RegRights.Functions.OpenApi;

/// <summary>
/// The app's OpenAPI document, built once from the HTTP functions' own methods: ASP.NET Core's OpenAPI generator
/// describes each method as it would a minimal API endpoint (parameters, <c>Results&lt;…&gt;</c> result types,
/// <c>[EndpointSummary]</c>, <c>[EndpointDescription]</c>, <c>[Tags]</c>), mapped at the route its
/// <c>[HttpTrigger]</c> declares under the host's route prefix. The functions are never invoked through it: the
/// worker has no endpoint routing of its own to describe.
/// </summary>
internal sealed class OpenApiDocumentSource
{
    private const string DocumentName = "v1";

    private readonly Lazy<Task<string>> json = new(BuildAsync, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>The document as JSON (OpenAPI 3.1).</summary>
    public Task<string> GetJsonAsync() => json.Value;

    /// <summary>The route prefix the host puts in front of every HTTP route: <c>extensions.http.routePrefix</c> in host.json.</summary>
    internal static string RoutePrefix()
    {
        var hostJson = Path.Combine(AppContext.BaseDirectory, "host.json");
        var prefix = File.Exists(hostJson) ? (string?)JsonNode.Parse(File.ReadAllText(hostJson))?["extensions"]?["http"]?["routePrefix"] : null;
        return prefix ?? "api";
    }

    private static async Task<string> BuildAsync()
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            ApplicationName = typeof(OpenApiDocumentSource).Assembly.GetName().Name,
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.WebHost.UseServer(new DescribingServer());
        builder.Services.ConfigureHttpJsonOptions(o => RegRightsJson.Configure(o.SerializerOptions));
        builder.Services.AddOpenApi(DocumentName, options =>
        {
            options.AddDocumentTransformer((document, _, _) =>
            {
                document.Info.Title = "RegRights.Functions";
                document.Info.Description =
                    "Agreements, their events and deadlines, and signed notice intake under § 6(h). Management endpoints take a key in x-functions-key or ?code=.";
                return Task.CompletedTask;
            });
            options.AddOperationTransformer((operation, context, _) =>
            {
                foreach (var query in context.Description.ActionDescriptor.EndpointMetadata.OfType<QueryParameterAttribute>())
                {
                    operation.Parameters ??= [];
                    operation.Parameters.Add(new OpenApiParameter
                    {
                        Name = query.Name,
                        In = ParameterLocation.Query,
                        Description = query.Description,
                        Schema = new OpenApiSchema
                        {
                            Type = query.Type == typeof(int) ? JsonSchemaType.Integer : JsonSchemaType.String,
                            Format = query.Type == typeof(int) ? "int32" : query.Format,
                        },
                    });
                }

                return Task.CompletedTask;
            });
        });

        await using var app = builder.Build();
        var prefix = RoutePrefix();
        foreach (var function in HttpFunction.In(typeof(OpenApiDocumentSource).Assembly))
        {
            app.MapMethods($"/{prefix}/{function.Route}", function.Methods, function.DescribingDelegate()).WithName(function.Name);
        }

        // Starting builds the endpoint data sources the generator reads; the server it starts listens nowhere.
        await app.StartAsync().ConfigureAwait(false);
        var document = await app.Services.GetRequiredKeyedService<IOpenApiDocumentProvider>(DocumentName).GetOpenApiDocumentAsync().ConfigureAwait(false);
        var text = await document.SerializeAsJsonAsync(OpenApiSpecVersion.OpenApi3_1).ConfigureAwait(false);
        await app.StopAsync().ConfigureAwait(false);
        return text;
    }

    /// <summary>A server that serves nothing: the describing app is started only so that its endpoints are built.</summary>
    private sealed class DescribingServer : IServer
    {
        public IFeatureCollection Features { get; } = new FeatureCollection();

        public Task StartAsync<TContext>(IHttpApplication<TContext> application, CancellationToken cancellationToken)
            where TContext : notnull => Task.CompletedTask;

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public void Dispose()
        {
        }
    }
}

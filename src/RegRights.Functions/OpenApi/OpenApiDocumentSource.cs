using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.AspNetCore.Routing;
using System.Reflection;
using System.Text.Json;
using Microsoft.OpenApi;

namespace RegRights.Functions.OpenApi;

/// <summary>
/// The app's OpenAPI document, built once from the HTTP functions' own methods: ASP.NET Core's OpenAPI generator
/// describes each method as it would a minimal API endpoint (parameters, <c>Results&lt;…&gt;</c> result types,
/// <c>[EndpointSummary]</c>, <c>[EndpointDescription]</c>, <c>[Tags]</c>), mapped at the route its
/// <c>[HttpTrigger]</c> declares under the host's route prefix. The functions are never invoked through it: the
/// worker has no endpoint routing of its own to describe.
/// </summary>
public sealed class OpenApiDocumentSource
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
        builder.Services.ConfigureHttpJsonOptions(o => JsonBody.Configure(o.SerializerOptions));
        builder.Services.AddOpenApi(DocumentName, options =>
        {
            options.AddDocumentTransformer((document, _, _) =>
            {
                document.Info.Title = "RegRights.Functions";
                document.Info.Description =
                    "Agreements, their events and deadlines, and signed notice intake under § 6(h). Function-level endpoints take the function key in " +
                    "x-functions-key or ?code=; without it the Functions host answers 401 with no body. Every other error is application/problem+json (RFC 7807).";

                // Once every schema is a component, with nullable members as the generator writes them. A merge patch
                // names any members it changes, so its body is the agreement's members with none required.
                DescribeMergePatch(document);
                foreach (var (type, members) in RequiredOnRequest)
                {
                    if (document.Components?.Schemas?.TryGetValue(type.Name, out var component) == true && component is OpenApiSchema schema)
                    {
                        Require(schema, members);
                    }
                }

                return Task.CompletedTask;
            });
            options.AddSchemaTransformer(DescribeValues);
            options.AddOperationTransformer((operation, context, _) =>
            {
                var metadata = context.Description.ActionDescriptor.EndpointMetadata;
                foreach (var query in metadata.OfType<QueryParameterAttribute>())
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

                foreach (var header in metadata.OfType<HeaderParameterAttribute>())
                {
                    operation.Parameters ??= [];
                    operation.Parameters.Add(new OpenApiParameter
                    {
                        Name = header.Name,
                        In = ParameterLocation.Header,
                        Description = header.Description,
                        Required = header.Required,
                        Schema = new OpenApiSchema { Type = JsonSchemaType.String },
                    });
                }

                // The problems the function declares (ProblemResponseAttribute on it or its class), whose status the
                // result type does not say.
                var method = metadata.OfType<MethodInfo>().FirstOrDefault();
                var declared = method is null
                    ? []
                    : method.GetCustomAttributes<ProblemResponseAttribute>().Concat(method.DeclaringType!.GetCustomAttributes<ProblemResponseAttribute>())
                        .Select(p => (p.Status, p.Description)).ToList();
                foreach (var (status, description) in declared)
                {
                    operation.Responses ??= [];
                    operation.Responses.TryAdd(status.ToString(System.Globalization.CultureInfo.InvariantCulture), new OpenApiResponse
                    {
                        Description = description,
                        Content = new Dictionary<string, OpenApiMediaType>
                        {
                            ["application/problem+json"] = new() { Schema = new OpenApiSchemaReference("ProblemDetails", context.Document) },
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
            var endpoint = app.MapMethods($"/{prefix}/{function.Route}", function.Methods, function.DescribingDelegate()).WithName(function.Name);
            if (function.Method.DeclaringType!.GetCustomAttribute<TagsAttribute>() is { } tags)
            {
                endpoint.WithTags([.. tags.Tags]);
            }
        }

        // Starting builds the endpoint data sources the generator reads; the server it starts listens nowhere.
        await app.StartAsync().ConfigureAwait(false);
        var document = await app.Services.GetRequiredKeyedService<IOpenApiDocumentProvider>(DocumentName).GetOpenApiDocumentAsync().ConfigureAwait(false);
        var text = await document.SerializeAsJsonAsync(OpenApiSpecVersion.OpenApi3_1).ConfigureAwait(false);
        await app.StopAsync().ConfigureAwait(false);
        return text;
    }

    /// <summary>
    /// The wire form of the values the generator cannot see through: NodaTime's types are ISO strings (a date, a
    /// moment with its UTC offset), and the enums are their camelCase names, as the app's converters write them.
    /// </summary>
    private static Task DescribeValues(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        var type = Nullable.GetUnderlyingType(context.JsonTypeInfo.Type) ?? context.JsonTypeInfo.Type;
        (JsonSchemaType? wire, string? format, string? description) = type switch
        {
            _ when type == typeof(NodaTime.LocalDate) => (JsonSchemaType.String, "date", "An ISO date, yyyy-MM-dd, e.g. 2000-04-28: a day in the agreement's zone."),
            _ when type == typeof(NodaTime.OffsetDateTime) => (JsonSchemaType.String, "date-time",
                "An RFC 3339 moment with its UTC offset, e.g. 2000-05-25T13:59:00-07:00; a time without an offset is refused."),
            _ when type == typeof(NodaTime.Instant) => (JsonSchemaType.String, "date-time", "An RFC 3339 moment in UTC, e.g. 2000-05-25T20:59:00Z."),
            _ when type == typeof(NodaTime.LocalTime) => (JsonSchemaType.String, "time", "A time of day, HH:mm:ss, e.g. 14:00:00."),
            _ => ((JsonSchemaType?)null, (string?)null, (string?)null),
        };
        if (wire is { } w)
        {
            schema.Type = w;
            schema.Format = format;
            schema.Description ??= description;
        }
        else if (type.IsEnum)
        {
            schema.Type = JsonSchemaType.String;
            schema.Enum = [.. Enum.GetNames(type).Select(n => (JsonNode)JsonNamingPolicy.CamelCase.ConvertName(n))];
        }

        return Task.CompletedTask;
    }

    /// <summary>
    /// The members a request document must carry, as the services check them (400 naming the field without one): a
    /// client generated from the document sends them, and reads them back as non-null. The C# request types leave
    /// every member nullable so that a missing one reaches the checks, which name it, instead of failing the reader;
    /// response types mark theirs with <c>required</c>, which the generator reads. A replace (<c>PUT</c>) requires
    /// more (the whole document; its description says so).
    /// </summary>
    internal static readonly IReadOnlyDictionary<Type, string[]> RequiredOnRequest = new Dictionary<Type, string[]>
    {
        [typeof(RegRights.Contracts.Agreements.AgreementDocument)] = ["name"],
        [typeof(RegRights.Contracts.Agreements.PartyDocument)] = ["name", "role"],
        [typeof(RegRights.Contracts.Agreements.ContactDocument)] = ["name", "role"],
        [typeof(RegRights.Contracts.Agreements.ClosureDocument)] = ["date", "name", "source"],
        [typeof(RegRights.Contracts.Agreements.NoticeRuleDocument)] = ["method", "kind", "section"],
        [typeof(RegRights.Contracts.Agreements.AgreementEventDocument)] = ["id", "kind", "date"],
        [typeof(RegRights.Contracts.Notices.NoticeIntakeRequest)] = ["agreementId", "sender", "recipient", "kind", "deliveries"],
        [typeof(RegRights.Contracts.Notices.DeliveryRequest)] = ["method", "sentAt"],
    };

    // PATCH's body: AgreementDocument's members, none required, each nullable (null removes an optional member).
    private static void DescribeMergePatch(OpenApiDocument document)
    {
        if (document.Components?.Schemas?.TryGetValue(nameof(RegRights.Contracts.Agreements.AgreementDocument), out var component) != true
            || component is not OpenApiSchema { Properties: { } properties })
        {
            return;
        }

        document.Components.Schemas[nameof(RegRights.Contracts.Agreements.AgreementMergePatch)] = new OpenApiSchema
        {
            Type = JsonSchemaType.Object,
            Description = "A JSON Merge Patch (RFC 7396) of an agreement's document: any of its members. An object (terms) is merged member by member, " +
                "an array replaces the array, null removes an optional member; null for name, terms, a term, parties or contacts is refused.",
            Properties = new Dictionary<string, IOpenApiSchema>(properties),
            AdditionalPropertiesAllowed = false,
        };
        foreach (var path in document.Paths.Values)
        {
            foreach (var operation in path.Operations?.Values ?? Enumerable.Empty<OpenApiOperation>())
            {
                if (operation.RequestBody?.Content?.TryGetValue(RegRights.Contracts.Agreements.AgreementMergePatch.MediaType, out var media) == true)
                {
                    media.Schema = new OpenApiSchemaReference(nameof(RegRights.Contracts.Agreements.AgreementMergePatch), document);
                }
            }
        }
    }

    // Each member named is listed in required and loses its null: ["null","string"] becomes "string", and
    // oneOf [null, $ref] becomes the $ref.
    private static void Require(OpenApiSchema schema, string[] members)
    {
        if (schema.Properties is null)
        {
            return;
        }

        schema.Required ??= new HashSet<string>(StringComparer.Ordinal);
        foreach (var member in members)
        {
            if (!schema.Properties.TryGetValue(member, out var property))
            {
                continue;
            }

            schema.Required.Add(member);
            if (property is OpenApiSchema inline)
            {
                if (inline.Type is { } t && t.HasFlag(JsonSchemaType.Null) && t != JsonSchemaType.Null)
                {
                    inline.Type = t & ~JsonSchemaType.Null;
                }

                if (inline.OneOf is { Count: 2 } oneOf && oneOf.Count(IsNull) == 1)
                {
                    schema.Properties[member] = oneOf.Single(o => !IsNull(o));
                }
            }
        }

        static bool IsNull(IOpenApiSchema s) => s is OpenApiSchema { Type: JsonSchemaType.Null };
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

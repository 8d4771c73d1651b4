using Microsoft.AspNetCore.Mvc;
using RegRights.Contracts.Agreements;

namespace RegRights.Functions.Apis;

/// <summary><c>GET /api/templates</c>: the templates an agreement can be created from, with their terms.</summary>
[Tags("Agreements")]
public sealed class TemplatesApi
{
    // The catalog is compiled in: one document for the life of the worker.
    private static readonly TemplatesDocument Cached = TemplatesDocument.FromCatalog();

    private readonly TemplatesDocument catalog = Cached;

    [Function("ListTemplates")]
    [EndpointSummary("List the agreement templates")]
    [EndpointDescription(
        "Each template an agreement's template member can name (neotherapeutics-2000, the default, and modern-pipe), with every term, " +
        "the sections it cites and does not contain, and which terms are template defaults to confirm against the signed agreement.")]
    public Ok<TemplatesDocument> ListTemplates(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "templates")] HttpRequest request) => TypedResults.Ok(catalog);
}

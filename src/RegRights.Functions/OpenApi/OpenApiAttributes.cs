using Microsoft.AspNetCore.Http.Metadata;

namespace RegRights.Functions.OpenApi;

/// <summary>
/// The JSON body an HTTP function reads. Functions read their bodies raw (a webhook's signature covers the bytes as
/// sent), so the body type is declared for the OpenAPI document rather than bound.
/// </summary>
/// <param name="requestType">The document the body holds.</param>
/// <param name="contentType">The media type, <c>application/json</c> unless another is named (a merge patch's).</param>
[AttributeUsage(AttributeTargets.Method)]
internal sealed class AcceptsJsonAttribute(Type requestType, string contentType = "application/json") : Attribute, IAcceptsMetadata
{
    public IReadOnlyList<string> ContentTypes { get; } = [contentType];

    public Type? RequestType { get; } = requestType;

    public bool IsOptional => false;
}

/// <summary>A request header an HTTP function reads, declared for the OpenAPI document.</summary>
/// <param name="name">The header's name.</param>
/// <param name="description">What it carries.</param>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = true)]
internal sealed class HeaderParameterAttribute(string name, string description) : Attribute
{
    public string Name { get; } = name;

    public string Description { get; } = description;

    /// <summary>Whether a request without it is refused.</summary>
    public bool Required { get; init; }
}

/// <summary>
/// A query parameter an HTTP function reads from <see cref="HttpRequest.Query"/>. The worker binds function parameters
/// from route values only, so query parameters are parsed (and refused with a problem naming them) by the function,
/// and declared here for the OpenAPI document.
/// </summary>
/// <param name="name">The parameter's name in the query string.</param>
/// <param name="description">What it means, its format and its default.</param>
/// <param name="type">The value's type: <see cref="string"/> or <see cref="int"/>.</param>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = true)]
internal sealed class QueryParameterAttribute(string name, string description, Type? type = null) : Attribute
{
    public string Name { get; } = name;

    public string Description { get; } = description;

    public Type Type { get; } = type ?? typeof(string);

    /// <summary>The OpenAPI format of a string value, e.g. <c>date</c>.</summary>
    public string? Format { get; init; }
}

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

/// <summary>
/// A problem answer (<c>application/problem+json</c>) an HTTP function gives, declared where the function is written,
/// because its status is not in the <c>Results&lt;…&gt;</c> type (a <c>ProblemHttpResult</c> can carry any status) or
/// comes from <c>ProblemDetailsMiddleware</c> (413, 503). On a class, it holds for every function of the class. The
/// OpenAPI document lists exactly what is declared; nothing is inferred from the route's shape.
/// </summary>
/// <param name="status">The HTTP status.</param>
/// <param name="description">When the function answers it.</param>
[AttributeUsage(AttributeTargets.Method | AttributeTargets.Class, AllowMultiple = true)]
internal sealed class ProblemResponseAttribute(int status, string description) : Attribute
{
    public int Status { get; } = status;

    public string Description { get; } = description;
}

/// <summary>The descriptions the problem answers share.</summary>
internal static class ProblemAnswers
{
    public const string AgreementNotFound = "No agreement with that id.";
    public const string StorageUnavailable = "Table Storage did not answer; retry after Retry-After.";
    public const string TooLarge = "The request body is over 256 KiB.";
    public const string PreconditionFailed = "The agreement changed since the ETag in If-Match was read.";
    public const string PreconditionRequired = "If-Match is missing, or is *.";
}

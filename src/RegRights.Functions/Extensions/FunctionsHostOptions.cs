using System.ComponentModel.DataAnnotations;

namespace RegRights.Functions.Extensions;

/// <summary>How the app listens and authenticates when it runs outside the Functions host.</summary>
public sealed class FunctionsHostOptions
{
    /// <summary>The configuration section, <c>Functions</c>.</summary>
    public const string SectionName = "Functions";

    /// <summary>
    /// The loopback URL to listen on when <c>FUNCTIONS_CUSTOMHANDLER_PORT</c> is not set, e.g. http://127.0.0.1:7071
    /// (port 0 picks a free port).
    /// </summary>
    [Required]
    public Uri LocalUrl { get; set; } = new("http://127.0.0.1:7071");

    /// <summary>
    /// The key management endpoints require in <c>x-functions-key</c> or <c>?code=</c>. Under the Functions host, which
    /// checks <c>"authLevel": "function"</c> itself, it may be left empty; on its own the app refuses to start without it.
    /// </summary>
    public string? Key { get; set; }
}

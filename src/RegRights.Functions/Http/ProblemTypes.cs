namespace RegRights.Functions.Http;

/// <summary>Stable <c>type</c> URIs of the app's problem details (RFC 7807), one per kind of failure a client handles.</summary>
internal static class ProblemTypes
{
    private const string Base = "https://regrights.example/problems/";

    public const string FunctionKey = Base + "function-key";
    public const string FunctionFailed = Base + "function-failed";
    public const string Signature = Base + "signature";
    public const string Validation = Base + "validation";
    public const string MalformedJson = Base + "malformed-json";
    public const string TooLarge = Base + "request-too-large";
    public const string UnsupportedMediaType = Base + "unsupported-media-type";
    public const string NotFound = Base + "not-found";
    public const string Contradiction = Base + "contradicts-record";
    public const string PreconditionRequired = Base + "precondition-required";
    public const string Conflict = Base + "conflict";
    public const string StorageUnavailable = Base + "storage-unavailable";
    public const string WebhookReplay = Base + "webhook-id-reused";
}

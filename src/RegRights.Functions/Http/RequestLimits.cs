namespace RegRights.Functions.Http;

/// <summary>Limits every request is held to before the app reads it.</summary>
internal static class RequestLimits
{
    /// <summary>Request bodies above 256 KiB are refused with 413 before they are read (a notice is a few KiB).</summary>
    public const long MaxBodyBytes = 256 * 1024;
}

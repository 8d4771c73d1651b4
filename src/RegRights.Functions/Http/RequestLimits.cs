namespace RegRights.Functions.Http;

/// <summary>Limits every request is held to before the app reads it.</summary>
internal static class RequestLimits
{
    /// <summary>Request bodies above 256 KiB are refused with 413 (a notice is a few KiB).</summary>
    public const long MaxBodyBytes = 256 * 1024;

    /// <summary>
    /// Kestrel's own cap, past which it refuses before the app reads a byte. It is above <see cref="MaxBodyBytes"/> so
    /// that a body a little over the limit is refused by the app after reading, and Kestrel drains the rest: the host
    /// forwarding the request is then still sending when the 413 arrives, and passes it on instead of failing.
    /// </summary>
    public const long KestrelMaxBodyBytes = 4 * MaxBodyBytes;
}

namespace RegRights.Functions.Http;

/// <summary>How an error about a request header is keyed in a problem's <c>errors</c>.</summary>
/// <remarks>
/// One rule for the whole app: a header is named by its name in lower case (<c>if-match</c>, <c>idempotency-key</c>,
/// <c>content-type</c>, <c>webhook-signature</c>), as HTTP/2 writes header names and as the Standard Webhooks headers are
/// spelt. The problem's keys are written through the JSON options' camelCase dictionary-key policy, which leaves such
/// a name as it is, so the key a client reads is the key the code wrote: a name in its RFC spelling (<c>If-Match</c>)
/// would come out as <c>if-Match</c>. The application services key their header errors the same way
/// (<c>AgreementService.IdempotencyKeyField</c>), so no adapter renames a key.
/// </remarks>
internal static class HeaderErrors
{
    /// <summary>The error key for <paramref name="header"/>: its name in lower case.</summary>
    public static string Key(string header) => header.ToLowerInvariant();
}

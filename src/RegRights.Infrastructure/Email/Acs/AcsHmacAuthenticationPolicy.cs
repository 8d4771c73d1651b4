using System.Security.Cryptography;
using System.Text;
using Azure;
using Azure.Core;
using Azure.Core.Pipeline;
using NodaTime;
using NodaTime.Text;

namespace RegRights.Infrastructure.Email.Acs;

/// <summary>Signs each request with the resource's access key, as ACS defines HMAC authentication.</summary>
/// <remarks>
/// Per try (the retry policy resends, and each try needs a fresh date): <c>x-ms-date</c> is now in RFC 1123 form,
/// <c>x-ms-content-sha256</c> the base64 SHA-256 of the body (of nothing, for a GET), and the signature the base64
/// HMAC-SHA256, keyed with the base64-decoded access key, of
/// <c>METHOD\nPathAndQuery\nx-ms-date;host;x-ms-content-sha256</c>. The host is the URI's authority, so a
/// non-default port is part of it ("127.0.0.1:5001") and the default one is not ("contoso.communication.azure.com").
/// ACS rejects a date more than 15 minutes from its own clock.
/// </remarks>
internal sealed class AcsHmacAuthenticationPolicy : HttpPipelinePolicy
{
    internal const string SignedHeaders = "x-ms-date;host;x-ms-content-sha256";

    // RFC 1123 (the HTTP date of RFC 9110 § 5.6.7), e.g. "Sun, 22 Nov 2026 21:44:14 GMT".
    internal static readonly InstantPattern Rfc1123 = InstantPattern.CreateWithInvariantCulture("ddd, dd MMM uuuu HH':'mm':'ss 'GMT'");

    private readonly AzureKeyCredential credential;
    private readonly IClock clock;

    public AcsHmacAuthenticationPolicy(AzureKeyCredential credential, IClock clock)
    {
        this.credential = credential;
        this.clock = clock;
    }

    public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        Sign(message, HashContent(message));
        ProcessNext(message, pipeline);
    }

    public override async ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        using var buffer = new MemoryStream();
        if (message.Request.Content is { } content)
        {
            await content.WriteToAsync(buffer, message.CancellationToken).ConfigureAwait(false);
        }

        Sign(message, Convert.ToBase64String(SHA256.HashData(buffer.ToArray())));
        await ProcessNextAsync(message, pipeline).ConfigureAwait(false);
    }

    /// <summary>The string ACS signs; exposed so tests can show what was signed.</summary>
    internal static string StringToSign(string method, Uri uri, string date, string contentHash) =>
        $"{method}\n{uri.PathAndQuery}\n{date};{uri.Authority};{contentHash}";

    internal static string Signature(string base64Key, string stringToSign)
    {
        using var hmac = new HMACSHA256(Convert.FromBase64String(base64Key));
        return Convert.ToBase64String(hmac.ComputeHash(Encoding.UTF8.GetBytes(stringToSign)));
    }

    private static string HashContent(HttpMessage message)
    {
        using var buffer = new MemoryStream();
        message.Request.Content?.WriteTo(buffer, message.CancellationToken);
        return Convert.ToBase64String(SHA256.HashData(buffer.ToArray()));
    }

    private void Sign(HttpMessage message, string contentHash)
    {
        var date = Rfc1123.Format(clock.GetCurrentInstant());
        var uri = message.Request.Uri.ToUri();
        var signature = Signature(credential.Key, StringToSign(message.Request.Method.Method, uri, date, contentHash));
        message.Request.Headers.SetValue("x-ms-date", date);
        message.Request.Headers.SetValue("x-ms-content-sha256", contentHash);
        message.Request.Headers.SetValue(HttpHeader.Names.Authorization, $"HMAC-SHA256 SignedHeaders={SignedHeaders}&Signature={signature}");
    }
}

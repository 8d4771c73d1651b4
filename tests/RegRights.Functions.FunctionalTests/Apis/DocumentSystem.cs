using System.Globalization;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using NodaTime;
using RegRights.Testing;

namespace RegRights.Functions.FunctionalTests.Apis;

/// <summary>
/// Posts notices as a document system does: the JSON text as it writes it (its own whitespace), signed as a Standard
/// Webhook with HMAC-SHA256 of "{webhook-id}.{webhook-timestamp}.{body bytes}" under the key inside the whsec_ secret,
/// the timestamp from its own clock. Written independently of the app's verifier.
/// </summary>
internal sealed class DocumentSystem(HttpClient client, IClock clock, string secret = FunctionsAppFixture.WebhookSecret)
{
    public static string Signature(string secret, string webhookId, string timestamp, byte[] body)
    {
        var key = Convert.FromBase64String(secret["whsec_".Length..]);
        byte[] signed = [.. Encoding.UTF8.GetBytes($"{webhookId}.{timestamp}."), .. body];
        return "v1," + Convert.ToBase64String(HMACSHA256.HashData(key, signed));
    }

    /// <summary>Signs and posts <paramref name="body"/>; <paramref name="change"/> may alter the request after signing.</summary>
    public Task<HttpResponseMessage> PostAsync(string body, string webhookId, Action<HttpRequestMessage>? change = null, Duration? clockSkew = null) =>
        PostAsync(Encoding.UTF8.GetBytes(body), webhookId, change, clockSkew);

    public async Task<HttpResponseMessage> PostAsync(byte[] body, string webhookId, Action<HttpRequestMessage>? change = null, Duration? clockSkew = null)
    {
        var timestamp = clock.GetCurrentInstant().Plus(clockSkew ?? Duration.Zero).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/api/notices", UriKind.Relative)) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.Add("webhook-id", webhookId);
        request.Headers.Add("webhook-timestamp", timestamp);
        request.Headers.Add("webhook-signature", Signature(secret, webhookId, timestamp, body));
        change?.Invoke(request);
        using (request)
        {
            return await client.SendAsync(request, TestContext.Current.CancellationToken);
        }
    }

    /// <summary>A notice body as a fax server or DMS writes it, one delivery.</summary>
    public static string Notice(string agreementId, string delivery) => $$"""
        {
          "agreementId": "{{agreementId}}",
          "sender": "Royal Canadian Growth Fund",
          "recipient": "{{SeedAgreements.CompanyNoticeAddress}}",
          "kind": "Request for registration",
          "deliveries": [
            {{delivery}}
          ],
          "documentUri": "https://dms.example/notices/rcgf-0001.pdf"
        }
        """;
}

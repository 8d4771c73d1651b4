using System.Globalization;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using NodaTime;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Crypto.Signers;
using static RegRights.Functions.FunctionalTests.Api;

namespace RegRights.Functions.FunctionalTests.Intake;

/// <summary>
/// Posts webhooks as each provider signs them, written from the providers' documented schemes independently of the
/// app's verifiers: Telnyx's Ed25519 over "{timestamp}|{body}" (BouncyCastle's signer, where the app uses RFC 8032's
/// functions), DocuSign's one X-DocuSign-Signature-N per active key, FedEx's fdx-signature, UPS's credential header.
/// </summary>
internal static class ProviderPosts
{
    public static Task<HttpResponseMessage> TelnyxAsync(HttpClient client, string body, Ed25519PrivateKeyParameters key, Instant timestamp, string source = "main")
    {
        var ts = timestamp.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var signer = new Ed25519Signer();
        signer.Init(forSigning: true, key);
        var signed = Encoding.UTF8.GetBytes($"{ts}|{body}");
        signer.BlockUpdate(signed, 0, signed.Length);
        var signature = Convert.ToBase64String(signer.GenerateSignature());
        return PostAsync(client, $"/api/intake/telnyx/{source}", body, r =>
        {
            r.Headers.Add("telnyx-signature-ed25519", signature);
            r.Headers.Add("telnyx-timestamp", ts);
        });
    }

    public static Task<HttpResponseMessage> DocuSignAsync(HttpClient client, string body, params string[] keys) =>
        PostAsync(client, "/api/intake/docusign/main", body, r =>
        {
            r.Headers.Add("x-authorization-digest", "HMACSHA256");
            for (var i = 0; i < keys.Length; i++)
            {
                r.Headers.Add($"X-DocuSign-Signature-{i + 1}", Convert.ToBase64String(HMACSHA256.HashData(Encoding.UTF8.GetBytes(keys[i]), Encoding.UTF8.GetBytes(body))));
            }
        });

    public static Task<HttpResponseMessage> FedExAsync(HttpClient client, string body, string token) =>
        PostAsync(client, "/api/intake/fedex/main", body, r =>
            r.Headers.Add("fdx-signature", Convert.ToBase64String(HMACSHA256.HashData(Encoding.UTF8.GetBytes(token), Encoding.UTF8.GetBytes(body)))));

    public static Task<HttpResponseMessage> UpsAsync(HttpClient client, string body, string? credential) =>
        PostAsync(client, "/api/intake/ups/main", body, r =>
        {
            if (credential is not null)
            {
                r.Headers.Add("credential", credential);
            }
        });

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string path, string body, Action<HttpRequestMessage> sign)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, Url(path)) { Content = new ByteArrayContent(Encoding.UTF8.GetBytes(body)) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        sign(request);
        return await client.SendAsync(request, Cancel);
    }
}

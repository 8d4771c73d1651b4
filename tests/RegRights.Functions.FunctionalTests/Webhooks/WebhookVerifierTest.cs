using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using NodaTime;
using NodaTime.Testing;
using RegRights.Functions.Webhooks;

namespace RegRights.Functions.FunctionalTests.Webhooks;

/// <summary>Standard Webhooks verification, checked against a signature computed independently here.</summary>
public sealed class WebhookVerifierTest
{
    private const string Secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    private static readonly Instant Now = Instant.FromUtc(2000, 5, 1, 21, 1);
    private static readonly byte[] Body = Encoding.UTF8.GetBytes("""{"agreementId":"x"}""");

    private static WebhookVerifier Verifier()
    {
        var options = new WebhookOptions();
        options.Sources["faxserver"] = new WebhookSource { Secret = "whsec_" + Convert.ToBase64String(Encoding.UTF8.GetBytes("another source's key")) };
        options.Sources["docsystem"] = new WebhookSource { Secret = Secret };
        return new WebhookVerifier(Options.Create(options), new FakeClock(Now));
    }

    private static string Sign(string id, string timestamp, byte[] body) =>
        "v1," + Convert.ToBase64String(HMACSHA256.HashData(Convert.FromBase64String(Secret[6..]), (byte[])[.. Encoding.UTF8.GetBytes($"{id}.{timestamp}."), .. body]));

    [Fact]
    public void Verify_GoodSignature_NamesTheSource()
    {
        var ts = Now.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);

        var result = Verifier().Verify("msg_1", ts, "v1,bm90IGl0 " + Sign("msg_1", ts, Body), Body);

        Assert.Equal("docsystem", result.Source);
    }

    [Fact]
    public void Verify_BodyChangedByOneByte_IsRefused()
    {
        var ts = Now.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
        var signature = Sign("msg_1", ts, Body);
        var altered = Body.ToArray();
        altered[^2] = (byte)'y';

        Assert.False(Verifier().Verify("msg_1", ts, signature, altered).IsVerified);
        // Re-serialized JSON with other whitespace is another byte sequence: the signature covers the raw body only.
        Assert.False(Verifier().Verify("msg_1", ts, signature, Encoding.UTF8.GetBytes("""{ "agreementId": "x" }""")).IsVerified);
    }

    [Theory]
    [InlineData(-301, false)] // 5 min 1 s old: stale
    [InlineData(-300, true)]  // exactly 5 minutes: within the tolerance
    [InlineData(300, true)]   // sender's clock 5 minutes fast
    [InlineData(301, false)]
    public void Verify_Timestamp_WithinFiveMinutesEitherWay(int offsetSeconds, bool verified)
    {
        var ts = Now.Plus(Duration.FromSeconds(offsetSeconds)).ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);

        Assert.Equal(verified, Verifier().Verify("msg_1", ts, Sign("msg_1", ts, Body), Body).IsVerified);
    }

    [Fact]
    public void Verify_MissingHeaders_IsRefusedWithTheReason()
    {
        var result = Verifier().Verify(null, "1", "v1,x", Body);

        Assert.False(result.IsVerified);
        Assert.Contains("webhook-id", result.Failure, StringComparison.Ordinal);
    }

    [Fact]
    public void Verify_UnresolvedKeyVaultReference_IsAServerFaultNamingNothingSecret()
    {
        // In Azure a missing Key Vault secret leaves the app setting as the reference text itself.
        var options = new WebhookOptions();
        options.Sources["docsystem"] = new WebhookSource { Secret = "@Microsoft.KeyVault(VaultName=kv-x;SecretName=webhook-docsystem)" };
        var ts = Now.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);

        var result = new WebhookVerifier(Options.Create(options), new FakeClock(Now)).Verify("msg_1", ts, Sign("msg_1", ts, Body), Body);

        Assert.False(result.IsVerified);
        Assert.True(result.Misconfigured);
        var (source, reason) = Assert.Single(WebhookVerifier.UnusableSources(options));
        Assert.Equal("docsystem", source);
        Assert.Contains("Key Vault reference did not resolve", reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Verify_BadSignatureWithEverySecretUsable_IsTheSendersFault()
    {
        var ts = Now.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);

        var result = Verifier().Verify("msg_1", ts, "v1,bm90IGl0", Body);

        Assert.False(result.IsVerified);
        Assert.False(result.Misconfigured);
    }
}

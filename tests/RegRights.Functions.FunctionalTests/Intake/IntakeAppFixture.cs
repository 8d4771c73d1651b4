using System.Net;
using System.Text.Json;
using NodaTime;
using Org.BouncyCastle.Crypto.Generators;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Security;
using RegRights.Contracts;
using RegRights.Contracts.Agreements;
using RegRights.Contracts.Notices;
using RegRights.Core.Agreements;
using RegRights.Testing;
using static RegRights.Functions.FunctionalTests.Api;

namespace RegRights.Functions.FunctionalTests.Intake;

/// <summary>
/// An app and Azurite of their own for the provider intake tests, which move the clock: one source of each provider,
/// with key material made here (a Telnyx key pair of the tests' own, DocuSign HMAC keys, a FedEx security token and a
/// UPS credential), as the providers' consoles would give them.
/// </summary>
public sealed class IntakeAppFixture : IAsyncLifetime
{
    /// <summary>The DocuSign Connect HMAC keys configured (as Connect shows them), the second added for a rotation.</summary>
    public static readonly string[] DocuSignKeys = ["oP4mSXyvRk0Jq3sN1c8dVZ2bT6wLh9aEfG7uYiK5xQ0=", "Zx9cV2bN7mQ4wE1rT8yU5iO3pA6sD0fG2hJ4kL6zX8c="];

    /// <summary>The FedEx webhook project's security token.</summary>
    public const string FedExToken = "fdx-security-token-for-tests-0001";

    /// <summary>The UPS Track Alert subscription's credential.</summary>
    public const string UpsCredential = "ups-track-alert-credential-7f3a";

    private static int nextNumber;

    public IntakeAppFixture()
    {
        var generator = new Ed25519KeyPairGenerator();
        generator.Init(new Ed25519KeyGenerationParameters(new SecureRandom()));
        var pair = generator.GenerateKeyPair();
        TelnyxKey = (Ed25519PrivateKeyParameters)pair.Private;
        App = new FunctionsAppFixture(null, new Dictionary<string, string?>
        {
            ["Webhooks:Telnyx:main:PublicKey"] = Convert.ToBase64String(((Ed25519PublicKeyParameters)pair.Public).GetEncoded()),
            ["Webhooks:DocuSign:main:HmacKeys"] = string.Join(", ", DocuSignKeys),
            ["Webhooks:FedEx:main:SecurityToken"] = FedExToken,
            ["Webhooks:Ups:main:Credential"] = UpsCredential,
        });
    }

    public FunctionsAppFixture App { get; }

    /// <summary>The Telnyx account's private key, which signs the tests' webhooks.</summary>
    public Ed25519PrivateKeyParameters TelnyxKey { get; }

    public ValueTask InitializeAsync() => App.InitializeAsync();

    public ValueTask DisposeAsync() => App.DisposeAsync();

    /// <summary>A fax number no other test uses, so no two agreements of the shared app name the same one.</summary>
    public static string NewFaxNumber() => $"(415) 555-{Interlocked.Increment(ref nextNumber) + 1000:D4}";

    /// <summary>Sets the app's clock to <paramref name="local"/> California time.</summary>
    public void ClockAt(LocalDateTime local) => App.Clock.Reset(local.InZoneStrictly(AgreementTerms.NeoTherapeutics2000.TimeZone).ToInstant());

    /// <summary>
    /// A new agreement with the seed's terms, its notice clause naming <paramref name="noticeFax"/>, and a Holder whose
    /// contact has the fax number <paramref name="holderFax"/>.
    /// </summary>
    public async Task<string> NewAgreementAsync(string noticeFax, string holderFax)
    {
        var document = new AgreementDocument
        {
            Name = SeedAgreements.Name,
            Terms = new TermsDocument { NoticeFaxNumbers = [noticeFax] },
            Contacts =
            [
                SeedAgreements.CompanyCfo with { Facsimile = noticeFax, Email = "cfo@neotherapeutics.example" },
                new ContactDocument { Name = "Royal Canadian Growth Fund", Role = ContactRole.Holder, Represents = "Royal Canadian Growth Fund", Facsimile = holderFax, Email = "notices@rcgf.example" },
            ],
        };
        using var response = await App.Management.PostAsync(Url("/api/agreements"), Json(document), Cancel);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.ReadAsync<AgreementView>()).Id;
    }

    /// <summary>The agreement's notices, as the API lists them.</summary>
    public async Task<IReadOnlyList<NoticeDocument>> NoticesOfAsync(string agreementId)
    {
        using var response = await App.Management.GetAsync(Url($"/api/agreements/{agreementId}/notices"), Cancel);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.ReadAsync<IReadOnlyList<NoticeDocument>>();
    }

    /// <summary>A source's receipts, as the API lists them.</summary>
    public async Task<IReadOnlyList<IntakeReceiptDocument>> ReceiptsOfAsync(string provider)
    {
        using var response = await App.Management.GetAsync(Url($"/api/intake/{provider}/main/receipts"), Cancel);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.ReadAsync<IReadOnlyList<IntakeReceiptDocument>>();
    }

    /// <summary>Registers an expected notice; returns its id.</summary>
    public async Task<string> ExpectAsync(string agreementId, string deliveries)
    {
        var body = $$"""
            { "sender": "Royal Canadian Growth Fund", "recipient": "{{SeedAgreements.CompanyNoticeAddress}}",
              "kind": "Request for registration", "deliveries": {{deliveries}} }
            """;
        using var response = await App.Management.PostAsync(Url($"/api/agreements/{agreementId}/notices/expected"), Json(body), Cancel);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var notice = await response.ReadAsync<NoticeDocument>();
        Assert.Null(notice.Stamp);
        Assert.Equal(NoticeDocument.FromExpected, notice.Origin);
        return notice.Id;
    }

    public static JsonElement Parse(string json) => JsonDocument.Parse(json).RootElement;

    public static JsonSerializerOptions Json => RegRightsJson.Options;
}

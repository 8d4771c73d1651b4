namespace RegRights.Application.Intake;

/// <summary>
/// The providers' sources allowed to post to <c>POST /api/intake/{provider}/{source}</c>, in the configuration section
/// <c>Webhooks</c> beside the Standard Webhooks sources: <c>Webhooks:DocuSign:&lt;source&gt;:HmacKeys</c>,
/// <c>Webhooks:Telnyx:&lt;source&gt;:PublicKey</c>, <c>Webhooks:FedEx:&lt;source&gt;:SecurityToken</c>,
/// <c>Webhooks:Ups:&lt;source&gt;:Credential</c>. In Azure each is a Key Vault reference (<c>intake-&lt;provider&gt;-&lt;source&gt;</c>).
/// </summary>
public sealed class IntakeOptions
{
    /// <summary>The configuration section, shared with the Standard Webhooks sources.</summary>
    public const string SectionName = "Webhooks";

    /// <summary>DocuSign Connect configurations by source name.</summary>
    public Dictionary<string, IntakeSourceOptions> DocuSign { get; } = new(StringComparer.Ordinal);

    /// <summary>Telnyx fax applications by source name.</summary>
    public Dictionary<string, IntakeSourceOptions> Telnyx { get; } = new(StringComparer.Ordinal);

    /// <summary>FedEx tracking webhook projects by source name.</summary>
#pragma warning disable CA1711 // FedEx is the carrier's name, not a suffix
    public Dictionary<string, IntakeSourceOptions> FedEx { get; } = new(StringComparer.Ordinal);

#pragma warning restore CA1711

    /// <summary>UPS Track Alert subscriptions by source name.</summary>
    public Dictionary<string, IntakeSourceOptions> Ups { get; } = new(StringComparer.Ordinal);

    /// <summary>How far a provider's signed timestamp (Telnyx's <c>telnyx-timestamp</c>) may be from this server's clock (5 minutes).</summary>
    public TimeSpan Tolerance { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>The sources of the provider named <paramref name="provider"/> ("docusign", "telnyx", "fedex", "ups"), or null.</summary>
    public IReadOnlyDictionary<string, IntakeSourceOptions>? SourcesOf(string provider) => provider switch
    {
        "docusign" => DocuSign,
        "telnyx" => Telnyx,
        "fedex" => FedEx,
        "ups" => Ups,
        _ => null,
    };
}

/// <summary>One source's key material; each provider reads its own setting.</summary>
public sealed class IntakeSourceOptions
{
    /// <summary>
    /// DocuSign Connect: the configuration's HMAC keys as DocuSign shows them (base64 text), comma-separated, so a key
    /// rotation is one setting: the new key beside the old until DocuSign signs with the new one only.
    /// </summary>
    public string? HmacKeys { get; set; }

    /// <summary>Telnyx: the account's Ed25519 public key, base64 (32 bytes), from Mission Control's Keys &amp; Credentials.</summary>
    public string? PublicKey { get; set; }

    /// <summary>FedEx: the webhook project's security token, the HMAC-SHA256 key of <c>fdx-signature</c>.</summary>
    public string? SecurityToken { get; set; }

    /// <summary>UPS Track Alert: the opaque value given as <c>credential</c> at subscription, sent back in the <c>credential</c> header.</summary>
    public string? Credential { get; set; }
}

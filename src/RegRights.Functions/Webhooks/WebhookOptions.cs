namespace RegRights.Functions.Webhooks;

/// <summary>The document systems allowed to post notices (configuration <c>Webhooks:Sources:&lt;name&gt;:Secret</c>).</summary>
public sealed class WebhookOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Webhooks";

    /// <summary>Each source by name, e.g. "faxserver", "docusign".</summary>
    public Dictionary<string, WebhookSource> Sources { get; } = new(StringComparer.Ordinal);

    /// <summary>How far a <c>webhook-timestamp</c> may be from this server's clock, either way (Standard Webhooks: 5 minutes).</summary>
    public TimeSpan Tolerance { get; set; } = TimeSpan.FromMinutes(5);
}

/// <summary>One sender.</summary>
public sealed class WebhookSource
{
    /// <summary>The signing secret, <c>whsec_</c> followed by base64 (Standard Webhooks); from Key Vault in Azure.</summary>
    public string? Secret { get; set; }
}

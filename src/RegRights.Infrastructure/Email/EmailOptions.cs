namespace RegRights.Infrastructure.Email;

/// <summary>The <c>Email</c> configuration section: which transport sends reminders, and from whom.</summary>
/// <remarks>
/// Example (app settings use <c>__</c> for <c>:</c>): <c>Email:Transport=Acs</c>, <c>Email:From=reminders@contoso.com</c>,
/// <c>Email:Acs:Endpoint=https://contoso.communication.azure.com</c> (managed identity), or
/// <c>Email:Transport=Smtp</c>, <c>Email:Smtp:Host=127.0.0.1</c>, <c>Email:Smtp:Port=1025</c> (maildev).
/// </remarks>
public sealed class EmailOptions
{
    /// <summary>The configuration section these options bind from.</summary>
    public const string SectionName = "Email";

    /// <summary>Which transport sends: <see cref="EmailTransportKind.Acs"/> or <see cref="EmailTransportKind.Smtp"/>.</summary>
    public EmailTransportKind Transport { get; set; } = EmailTransportKind.Acs;

    /// <summary>The sender address for messages that name none; for ACS, an address of a verified domain.</summary>
    public string From { get; set; } = "";

    /// <summary>
    /// The name shown beside <see cref="From"/>, or empty for none. SMTP sends it in the From header. ACS's REST
    /// payload cannot carry it (its <c>senderAddress</c> is an address alone): ACS shows the display name configured
    /// on the domain's sender username (<c>Microsoft.Communication/emailServices/domains/senderUsernames</c>,
    /// <c>displayName</c>), so set it there.
    /// </summary>
    public string FromDisplayName { get; set; } = "";

    /// <summary>Azure Communication Services settings, used when <see cref="Transport"/> is Acs.</summary>
    public AcsEmailOptions Acs { get; set; } = new();

    /// <summary>SMTP settings, used when <see cref="Transport"/> is Smtp.</summary>
    public SmtpEmailOptions Smtp { get; set; } = new();
}

/// <summary>The email transports.</summary>
public enum EmailTransportKind
{
    /// <summary>Azure Communication Services' REST API.</summary>
    Acs,

    /// <summary>SMTP (ACS's SMTP relay in Azure, maildev locally).</summary>
    Smtp,
}

/// <summary>The <c>Email:Acs</c> section.</summary>
/// <remarks>
/// With a <see cref="ConnectionString"/> (<c>endpoint=https://…;accesskey=…</c>) requests are signed with the
/// resource's HMAC key. Without one, <see cref="Endpoint"/> is required and requests carry Entra ID tokens from
/// <c>DefaultAzureCredential</c> (the app's managed identity in Azure, a developer's login elsewhere).
/// </remarks>
public sealed class AcsEmailOptions
{
    /// <summary>The resource's endpoint, e.g. https://contoso.communication.azure.com.</summary>
    public Uri? Endpoint { get; set; }

    /// <summary>The resource's connection string with its access key, or empty to use Entra ID tokens.</summary>
    public string ConnectionString { get; set; } = "";

    /// <summary>The client id of a user-assigned managed identity, or empty for the system-assigned one.</summary>
    public string ManagedIdentityClientId { get; set; } = "";

    /// <summary>How long to wait for the send operation to finish before answering Running; 30 seconds unless set.</summary>
    public TimeSpan MaxPollingDuration { get; set; } = TimeSpan.FromSeconds(30);
}

/// <summary>The <c>Email:Smtp</c> section.</summary>
public sealed class SmtpEmailOptions
{
    /// <summary>The server's host name, e.g. smtp.azurecomm.net.</summary>
    public string Host { get; set; } = "";

    /// <summary>The server's port; 587 unless set.</summary>
    public int Port { get; set; } = 587;

    /// <summary>
    /// Whether to use TLS: implicit TLS on port 465, STARTTLS (required, not opportunistic) on any other port.
    /// False sends in the clear, for a loopback server such as maildev only.
    /// </summary>
    public bool UseTls { get; set; } = true;

    /// <summary>The user name to authenticate with, or empty to send unauthenticated.</summary>
    public string UserName { get; set; } = "";

    /// <summary>The password (for ACS's relay, an Entra application's client secret).</summary>
    public string Password { get; set; } = "";

    /// <summary>How long one SMTP command may take; 30 seconds unless set.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);
}

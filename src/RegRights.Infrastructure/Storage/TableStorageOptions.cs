namespace RegRights.Infrastructure.Storage;

/// <summary>Where the tables live (configuration section <c>Storage</c>).</summary>
public sealed class TableStorageOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Storage";

    /// <summary>A connection string (Azurite locally); when empty, <see cref="TableEndpoint"/> with DefaultAzureCredential.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>The table endpoint in Azure, e.g. https://account.table.core.windows.net (shared-key access is off there).</summary>
    public Uri? TableEndpoint { get; set; }

    /// <summary>A prefix for every table name, so several environments (or test runs) can share an account.</summary>
    public string TablePrefix { get; set; } = "";

    /// <summary>
    /// Retries per request. Kept small: a caller waiting on a webhook is better served by a quick 503 and its own
    /// retry than by a request that hangs while the SDK backs off.
    /// </summary>
    public int MaxRetries { get; set; } = 2;

    /// <summary>The time one try may take.</summary>
    public TimeSpan NetworkTimeout { get; set; } = TimeSpan.FromSeconds(10);
}

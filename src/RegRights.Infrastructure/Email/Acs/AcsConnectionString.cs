namespace RegRights.Infrastructure.Email.Acs;

/// <summary>An ACS resource connection string, <c>endpoint=https://…/;accesskey=…</c>, split into its parts.</summary>
internal sealed record AcsConnectionString(Uri Endpoint, string AccessKey)
{
    /// <exception cref="FormatException">A part is missing, the endpoint is not an absolute http(s) URI, or the key is not base64.</exception>
    public static AcsConnectionString Parse(string connectionString)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        string? endpoint = null;
        string? accessKey = null;
        foreach (var part in connectionString.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            // Split on the first '=' only: a base64 key ends in '=' padding.
            var equals = part.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                throw new FormatException("An ACS connection string is 'endpoint=https://...;accesskey=...'; a part has no '='.");
            }

            var name = part[..equals].Trim();
            var value = part[(equals + 1)..].Trim();
            if (name.Equals("endpoint", StringComparison.OrdinalIgnoreCase))
            {
                endpoint = value;
            }
            else if (name.Equals("accesskey", StringComparison.OrdinalIgnoreCase))
            {
                accessKey = value;
            }
        }

        if (endpoint is null || accessKey is null)
        {
            throw new FormatException("An ACS connection string needs both 'endpoint=' and 'accesskey='.");
        }

        if (!Uri.TryCreate(endpoint, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
        {
            throw new FormatException($"The ACS connection string's endpoint '{endpoint}' is not an absolute http(s) URI.");
        }

        Span<byte> decoded = stackalloc byte[accessKey.Length];
        if (!Convert.TryFromBase64String(accessKey, decoded, out _))
        {
            throw new FormatException("The ACS connection string's access key is not base64.");
        }

        return new AcsConnectionString(uri, accessKey);
    }

    // The key is a secret: keep it out of logs and exception messages that print the record.
    public override string ToString() => $"endpoint={Endpoint};accesskey=***";
}

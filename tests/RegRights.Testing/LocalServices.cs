namespace RegRights.Testing;

/// <summary>The real parts the tests run against, each started on free loopback ports.</summary>
public static class LocalServices
{
    /// <summary>The well-known Azurite development account key (public, documented; not a secret).</summary>
    public const string AzuriteAccountKey =
        "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    /// <summary>
    /// Starts Azurite's table service. Data lives in a fresh temporary folder, so it survives
    /// <see cref="LocalServiceProcess.StopAsync"/> and a restart, like the real service going away and coming back.
    /// </summary>
    public static async Task<AzuriteTables> StartAzuriteAsync(CancellationToken cancellationToken = default)
    {
        var location = Directory.CreateTempSubdirectory("regrights-azurite-").FullName;
        var process = await LocalServiceProcess.StartAsync("azurite-table", 1, ports =>
            ["--tableHost", "127.0.0.1", "--tablePort", ports[0].ToString(System.Globalization.CultureInfo.InvariantCulture),
             "--location", location, "--skipApiVersionCheck", "--disableTelemetry", "--silent"],
            cancellationToken).ConfigureAwait(false);
        return new AzuriteTables(process, location);
    }

    /// <summary>
    /// Starts Azurite's table service with its data in memory only, for the scan benchmark: with <c>--location</c>
    /// Azurite writes its whole database to disk every five seconds, which at 100,000 agreements takes longer than the
    /// requests being measured. The data is lost when the process stops.
    /// </summary>
    public static async Task<AzuriteTables> StartAzuriteInMemoryAsync(CancellationToken cancellationToken = default)
    {
        var location = Directory.CreateTempSubdirectory("regrights-azurite-").FullName;
        var process = await LocalServiceProcess.StartAsync("azurite-table", 1, ports =>
            ["--tableHost", "127.0.0.1", "--tablePort", ports[0].ToString(System.Globalization.CultureInfo.InvariantCulture),
             "--inMemoryPersistence", "--skipApiVersionCheck", "--disableTelemetry", "--silent"],
            cancellationToken).ConfigureAwait(false);
        return new AzuriteTables(process, location);
    }

    /// <summary>Starts maildev: SMTP on the first port, its web inbox and REST API on the second.</summary>
    public static Task<LocalServiceProcess> StartMaildevAsync(CancellationToken cancellationToken = default) =>
        LocalServiceProcess.StartAsync("maildev", 2, ports =>
            ["--ip", "127.0.0.1", "--smtp", ports[0].ToString(System.Globalization.CultureInfo.InvariantCulture),
             "--web", ports[1].ToString(System.Globalization.CultureInfo.InvariantCulture), "--silent"],
            cancellationToken);
}

/// <summary>A running Azurite table service.</summary>
/// <param name="Process">The process, to stop and start it again.</param>
/// <param name="Location">The folder its data lives in.</param>
public sealed record AzuriteTables(LocalServiceProcess Process, string Location) : IAsyncDisposable
{
    /// <summary>The table endpoint, e.g. http://127.0.0.1:54321/devstoreaccount1.</summary>
    public Uri TableEndpoint => new($"http://127.0.0.1:{Process.Ports[0]}/devstoreaccount1");

    /// <summary>A connection string for the Azurite development account on this port.</summary>
    public string ConnectionString =>
        $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={LocalServices.AzuriteAccountKey};TableEndpoint={TableEndpoint};";

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await Process.DisposeAsync().ConfigureAwait(false);
        try
        {
            Directory.Delete(Location, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless; the test's result is what matters.
        }
    }
}

using Azure.Core;
using NodaTime;

namespace RegRights.Infrastructure.Email.Acs;

/// <summary>Options for <see cref="AcsEmailClient"/>: the service version, retries and how long to poll.</summary>
/// <remarks>
/// Retries (429, 408, 500, 502, 503, 504 and network errors) are the pipeline's: exponential from 1 second, at most
/// 4 retries, each waiting at least what the service's <c>Retry-After</c> asks. Every retry resends the same
/// request, so the same <c>Operation-Id</c>: a send the service took before an answer was lost is the same
/// operation when retried, not a second email.
/// </remarks>
public class AcsEmailClientOptions : ClientOptions
{
    /// <summary>Creates options for <paramref name="version"/>, with the retry settings described in the remarks.</summary>
    /// <param name="version">The REST API version.</param>
    /// <exception cref="NotSupportedException"><paramref name="version"/> is not a known version.</exception>
    public AcsEmailClientOptions(ServiceVersion version = LatestVersion)
    {
        Version = version switch
        {
            ServiceVersion.V2023_03_31 => "2023-03-31",
            _ => throw new NotSupportedException($"ACS Email service version {version} is not supported."),
        };
        Retry.Mode = RetryMode.Exponential;
        Retry.MaxRetries = 4;
        Retry.Delay = TimeSpan.FromSeconds(1);
        Retry.MaxDelay = TimeSpan.FromSeconds(30);
        Retry.NetworkTimeout = TimeSpan.FromSeconds(30);
    }

    /// <summary>The REST API versions this client speaks.</summary>
    public enum ServiceVersion
    {
        /// <summary>2023-03-31, the first GA version of Email.</summary>
#pragma warning disable CA1707 // Azure SDK convention: service versions are named V{yyyy}_{MM}_{dd}.
        V2023_03_31 = 1,
#pragma warning restore CA1707
    }

    /// <summary>The latest version this client speaks.</summary>
    public const ServiceVersion LatestVersion = ServiceVersion.V2023_03_31;

    /// <summary>The <c>api-version</c> query value, e.g. "2023-03-31".</summary>
    public string Version { get; }

    /// <summary>
    /// How long <see cref="AcsEmailClient.SendAsync"/> polls the operation before it returns it still running;
    /// 30 seconds unless set. Zero returns after the first answer.
    /// </summary>
    public TimeSpan MaxPollingDuration { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The wait between polls when the service gives no <c>retry-after</c>; 1 second unless set.</summary>
    public TimeSpan PollingInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The clock that dates HMAC-signed requests; the system clock unless a test sets another.</summary>
    internal IClock Clock { get; set; } = SystemClock.Instance;
}

namespace RegRights.LocalHost;

/// <summary>
/// Retries a forwarded request whose connection to the worker's HTTP server failed, as the Functions host's proxy does:
/// the worker reports its <c>HttpUri</c> in <c>WorkerInitResponse</c> before its Kestrel listens, so a request that
/// arrives just after start can find the port closed.
/// </summary>
/// <remarks>
/// Only a connection failure (<see cref="HttpRequestError.ConnectionError"/>) is retried: then nothing of the request
/// reached the worker, so its body is still unread and sending again is safe. Up to <see cref="MaxAttempts"/> attempts,
/// waiting <see cref="InitialDelay"/> after the first failure, doubling to at most <see cref="MaximumDelay"/> (about
/// 1.9 s in all before the last attempt); the last failure is thrown, and the forwarder answers 502.
/// </remarks>
internal sealed class WorkerConnectRetryHandler(HttpMessageHandler innerHandler) : DelegatingHandler(innerHandler)
{
    /// <summary>Attempts in all, the first included.</summary>
    public const int MaxAttempts = 10;

    /// <summary>The wait after the first failure.</summary>
    public static readonly TimeSpan InitialDelay = TimeSpan.FromMilliseconds(50);

    /// <summary>The longest wait between two attempts.</summary>
    public static readonly TimeSpan MaximumDelay = TimeSpan.FromMilliseconds(250);

    /// <inheritdoc />
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        TimeSpan delay = InitialDelay;
        for (int attempt = 1; ; attempt++)
        {
            try
            {
                return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
            }
            catch (HttpRequestException ex) when (ex.HttpRequestError == HttpRequestError.ConnectionError && attempt < MaxAttempts)
            {
                await Task.Delay(delay, cancellationToken).ConfigureAwait(false);
                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, MaximumDelay.Ticks));
            }
        }
    }
}

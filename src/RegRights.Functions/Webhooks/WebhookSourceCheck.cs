using Microsoft.Extensions.Options;

namespace RegRights.Functions.Webhooks;

/// <summary>
/// Says at start, as an error naming the source, when a webhook source's secret cannot verify anything. It does not
/// stop the app: the deadline reminders must keep running while one sender's secret is fixed, and that sender's
/// notices are answered 500 meanwhile, so its retries bring them in once the secret is there.
/// </summary>
internal sealed partial class WebhookSourceCheck(IOptions<WebhookOptions> options, ILogger<WebhookSourceCheck> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        foreach (var (source, reason) in WebhookVerifier.UnusableSources(options.Value))
        {
            LogUnusable(source, reason);
        }

        if (options.Value.Sources.Count == 0)
        {
            LogNoSources();
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Error,
        Message = "Webhook source '{Source}' cannot verify notices: {Reason}. Set Webhooks:Sources:{Source}:Secret to whsec_<base64 key>; until then its notices are answered 500.")]
    private partial void LogUnusable(string source, string reason);

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "No webhook source is configured (Webhooks:Sources:<name>:Secret): POST /api/notices answers 500 to every notice.")]
    private partial void LogNoSources();
}

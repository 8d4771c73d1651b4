using RegRights.Application.Intake;

namespace RegRights.Functions.Intake;

/// <summary>
/// Says at start, as an error naming the provider and source, when a source's key cannot verify anything (an empty
/// setting, an unresolved Key Vault reference, a key that is not what the provider's scheme takes). The app keeps
/// running; that source's webhooks are answered 500 until it is fixed, so the provider's retries bring them in.
/// </summary>
internal sealed partial class IntakeSourceCheck(ProviderIntake intake, ILogger<IntakeSourceCheck> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        foreach (var (provider, source, reason) in intake.UnusableSources())
        {
            LogUnusable(provider, source, reason);
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Error,
        Message = "Intake source {Provider}/{Source} cannot verify webhooks: {Reason}. Until it is fixed (Webhooks:<Provider>:<Source>:…), its webhooks are answered 500.")]
    private partial void LogUnusable(string provider, string source, string reason);
}

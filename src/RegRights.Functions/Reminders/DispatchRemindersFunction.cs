using RegRights.Application.Reminders;

namespace RegRights.Functions.Reminders;

/// <summary>
/// <c>DispatchReminders</c>, every minute: sends the ledger rows that are pending and due (<see cref="ReminderDispatcher"/>):
/// claims each with its ETag, records the provider's answer, backs off after a transient failure, and marks a row
/// failed after <see cref="ReminderOptions.MaxAttempts"/> tries.
/// </summary>
public sealed partial class DispatchRemindersFunction(ReminderDispatcher dispatcher, ILogger<DispatchRemindersFunction> logger)
{
    public const string Name = "DispatchReminders";

    [Function(Name)]
    public async Task RunAsync([TimerTrigger("0 * * * * *")] TimerInfo timer, CancellationToken cancellationToken)
    {
        var result = await dispatcher.DispatchAsync(cancellationToken).ConfigureAwait(false);
        if (result.Sent + result.Retrying + result.Failed + result.Cancelled > 0)
        {
            LogDispatched(result.Sent, result.Retrying, result.Failed, result.Cancelled, result.Waiting);
        }
    }

    [LoggerMessage(Level = LogLevel.Information,
        Message = "DispatchReminders: {Sent} sent, {Retrying} to retry, {Failed} failed, {Cancelled} no longer due, {Waiting} waiting")]
    private partial void LogDispatched(int sent, int retrying, int failed, int cancelled, int waiting);
}

using Microsoft.Extensions.Options;

namespace RegRights.Application.Reminders;

/// <summary>Checks the <c>Reminders</c> section (<see cref="ReminderOptions"/>) at start, naming each setting that is out of range.</summary>
public sealed class ReminderOptionsValidator : IValidateOptions<ReminderOptions>
{
    /// <inheritdoc/>
    public ValidateOptionsResult Validate(string? name, ReminderOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (options.SendHour is < 0 or > 23)
        {
            failures.Add("Reminders:SendHour is an hour, 0 to 23.");
        }

        if (options.MaxAttempts < 1)
        {
            failures.Add("Reminders:MaxAttempts is at least 1.");
        }

        if (options.MaxOverdueReminders is < 1 or > 52)
        {
            failures.Add("Reminders:MaxOverdueReminders is 1 to 52.");
        }

        if (options.ScanParallelism is < 1 or > 64)
        {
            failures.Add("Reminders:ScanParallelism is 1 to 64.");
        }

        if (options.AppBaseUrl is { } url && !(url.IsAbsoluteUri && url.Scheme is "https" or "http"))
        {
            failures.Add("Reminders:AppBaseUrl is an absolute https or http URL.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}

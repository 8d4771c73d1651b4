using RegRights.Functions.Timers;
using RegRights.Infrastructure.Reminders;

namespace RegRights.Functions.Reminders;

/// <summary>The reminder pipeline in the app: its services and the deadline index kept current by every agreement write.</summary>
internal static class ReminderFunctionsExtensions
{
    /// <summary>
    /// <see cref="ReminderServiceCollectionExtensions.AddReminders"/> over the app's tables and email (with the
    /// <see cref="DeadlineIndexUpdater"/> the agreement service calls after each write), and the timer functions
    /// <c>ScanDeadlines</c> and <c>DispatchReminders</c> (their schedules in <c>functions/&lt;Name&gt;/function.json</c>).
    /// </summary>
    public static IHostApplicationBuilder AddReminderFunctions(this IHostApplicationBuilder builder)
    {
        builder.AddReminders();
        builder.Services.AddTimerFunction<ScanDeadlinesFunction>(ScanDeadlinesFunction.Name);
        builder.Services.AddTimerFunction<DispatchRemindersFunction>(DispatchRemindersFunction.Name);
        return builder;
    }
}

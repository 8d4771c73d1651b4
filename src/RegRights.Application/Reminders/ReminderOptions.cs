using NodaTime;
using RegRights.Core.Reminders;

namespace RegRights.Application.Reminders;

/// <summary>How reminders are scheduled and sent (configuration section <c>Reminders</c>).</summary>
public sealed class ReminderOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Reminders";

    /// <summary>The local hour reminders go out at, in each agreement's zone (default 8, i.e. 08:00).</summary>
    public int SendHour { get; set; } = 8;

    /// <summary>How far back the very first scan looks (default one day); later scans start where the last ended.</summary>
    public TimeSpan FirstScanLookBack { get; set; } = TimeSpan.FromDays(1);

    /// <summary>Sends tried before a row is marked failed (default 6).</summary>
    public int MaxAttempts { get; set; } = 6;

    /// <summary>The wait after the first transient failure; it doubles with each further one (default 1 minute).</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>The longest wait between tries (default 1 hour).</summary>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromHours(1);

    /// <summary>
    /// How long a dispatcher holds a row it is sending: another dispatcher (or the next run, if this one died mid-send)
    /// takes it only after that (default 5 minutes).
    /// </summary>
    public TimeSpan SendLease { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How many agreements one scan records at once (1 to 64; default 8).</summary>
    public int ScanParallelism { get; set; } = 8;

    /// <summary>
    /// The app's public base URL (e.g. <c>https://regrights.example.com</c>): a reminder links to its agreement's
    /// deadlines there, <c>{AppBaseUrl}/api/agreements/{id}/deadlines</c>. Unset (the default), the email has no link.
    /// </summary>
    public Uri? AppBaseUrl { get; set; }

    /// <summary>
    /// How many overdue reminders a deadline gets at most, 1 to 52 (default 4: the first Business Day after its last
    /// permitted day, then weekly for three weeks). They stop earlier when the deadline is met or waived.
    /// </summary>
    public int MaxOverdueReminders { get; set; } = 4;

    /// <summary>The default ladder with <see cref="SendHour"/> and <see cref="MaxOverdueReminders"/>.</summary>
    public ReminderLadder Ladder => ReminderLadder.Default with { SendTime = new LocalTime(SendHour, 0), MaxOverdueReminders = MaxOverdueReminders };
}

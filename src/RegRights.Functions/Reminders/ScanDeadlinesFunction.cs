using RegRights.Application.Reminders;

namespace RegRights.Functions.Reminders;

/// <summary>
/// <c>ScanDeadlines</c>, hourly at minute 5 (UTC): writes a ledger row for every reminder step due since the last
/// completed scan (<see cref="ReminderScanner"/>).
/// </summary>
/// <remarks>
/// It ignores <see cref="TimerInfo.IsPastDue"/> and the schedule status: the scan's own persisted watermark says where
/// the last completed scan ended, so a late run, a run the host missed and made up, or a second instance after a
/// scale-out covers exactly the moments no scan has covered yet, and a window covered twice (two scans at once) still
/// makes one row per step. Minute 5 leaves the sends at 08:00 local a few minutes to be due everywhere before the scan
/// that picks them up.
/// </remarks>
public sealed class ScanDeadlinesFunction(ReminderScanner scanner)
{
    public const string Name = "ScanDeadlines";

    [Function(Name)]
    public Task RunAsync([TimerTrigger("0 5 * * * *")] TimerInfo timer, CancellationToken cancellationToken) => scanner.ScanAsync(cancellationToken);
}

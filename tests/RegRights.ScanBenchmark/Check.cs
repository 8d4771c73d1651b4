using RegRights.Application.Reminders;

namespace RegRights.ScanBenchmark;

internal static class Check
{
    /// <summary>Fails the run when the indexed scan's ledger rows are not exactly the naive scan's due reminders.</summary>
    public static void SameReminders(string window, int agreements, HashSet<DueReminder> written, HashSet<DueReminder> naive, ScanResult scan)
    {
        if (written.SetEquals(naive) && scan.Added == naive.Count && scan.Skipped == 0)
        {
            return;
        }

        var missing = naive.Except(written).Take(10).ToList();
        var extra = written.Except(naive).Take(10).ToList();
        throw new InvalidOperationException(
            $"{window}, {agreements:N0} agreements: the indexed scan wrote {written.Count} ledger rows (added {scan.Added}, skipped {scan.Skipped}), " +
            $"the naive scan found {naive.Count} due.{Environment.NewLine}" +
            $"Only naive: {string.Join(", ", missing)}{Environment.NewLine}Only indexed: {string.Join(", ", extra)}");
    }
}

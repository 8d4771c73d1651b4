using FsCheck.Xunit;
using NodaTime;
using RegRights.Core.Suspensions;

namespace RegRights.Core.UnitTests.Suspensions;

/// <summary>The running suspension's last allowed day agrees with the excess found once it ends.</summary>
public class SuspensionTrackerProperties
{
    private static readonly int?[] Consecutive = [null, 10, 30];
    private static readonly int?[] DaysIn365 = [45, 60, 90, null];

    // Up to three earlier suspensions of 0 to 40 days, 0 to 199 days apart, then a running one.
    private static (SuspensionTerms Terms, List<Suspension> Earlier, LocalDate Start) From(int seed, int shape)
    {
        var s = (uint)seed;
        var terms = new SuspensionTerms("§ 3(n)") { MaxConsecutiveDays = Consecutive[s % 3], MaxDaysIn365 = DaysIn365[s / 3 % (s % 3 == 0 ? 3u : 4u)] };
        var date = new LocalDate(2001, 1, 1).PlusDays((int)(s / 12 % 30_000));
        var earlier = new List<Suspension>();
        var h = (uint)shape;
        for (var k = 0; k < h % 4; k++)
        {
            h = (h * 2654435761u) + 40503u;
            var end = date.PlusDays((int)(h % 41));
            earlier.Add(new(date, end));
            date = end.PlusDays((int)(h / 41 % 200));
        }

        return (terms, earlier, date);
    }

    [Property]
    public bool Evaluate_LastAllowedDay_IsTheDayBeforeTheExcess(int seed, int shape)
    {
        var (terms, earlier, start) = From(seed, shape);
        var weekdays = (Func<LocalDate, bool>)(d => d.DayOfWeek < IsoDayOfWeek.Saturday);
        var last = earlier.Count;

        var running = SuspensionTracker.Evaluate(terms, [.. earlier, new(start, null)], start, weekdays);
        var allowed = running.CurrentLastAllowedDay!.Value;
        var excess = allowed < start ? start : allowed.PlusDays(1);
        var endedInTime = SuspensionTracker.Evaluate(terms, [.. earlier, new(start, excess)], excess.PlusDays(30), weekdays);
        var endedLate = SuspensionTracker.Evaluate(terms, [.. earlier, new(start, excess.PlusDays(1))], excess.PlusDays(30), weekdays);

        return endedInTime.Breaches.All(b => b.Suspension != last)
            && endedLate.Breaches.Single(b => b.Suspension == last).ExceededOn == excess;
    }
}

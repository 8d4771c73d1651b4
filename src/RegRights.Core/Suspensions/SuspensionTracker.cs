using NodaTime;
using RegRights.Core.Utility;

namespace RegRights.Core.Suspensions;

/// <summary>
/// Counts suspensions (§ 6(e) notice to Advice) against the limits of <see cref="SuspensionTerms"/> as of a date: days
/// and occasions used in the 365 days ending on it, the last allowed day of a running suspension, and the day each
/// suspension first exceeded a limit, which is a Maintenance Failure's Event Date for the delay payments.
/// </summary>
public static class SuspensionTracker
{
    /// <summary>The suspensions' status as of <paramref name="asOf"/>.</summary>
    /// <remarks>
    /// Only what is known on the as-of date counts: a suspension starting later is ignored, and one whose Advice comes
    /// later is running, its days counted through the as-of date. A running suspension's last allowed day can lie
    /// before its start (the day before it) when the 365-day limit was already used up.
    /// </remarks>
    /// <param name="terms">The limits.</param>
    /// <param name="suspensions">The suspensions in order, none overlapping another; only the last may be running.</param>
    /// <param name="asOf">The day to count as of.</param>
    /// <param name="isBusinessDay">The agreement's Business Day test, for <see cref="SuspensionTerms.MinBusinessDaysBetween"/>.</param>
    /// <exception cref="ArgumentException">
    /// A suspension ends before it starts, starts before the previous one's Advice, or follows one still running.
    /// </exception>
    public static SuspensionStatus Evaluate(SuspensionTerms terms, IReadOnlyList<Suspension> suspensions, LocalDate asOf,
        Func<LocalDate, bool> isBusinessDay)
    {
        Preconditions.CheckNotNull(terms);
        Preconditions.CheckNotNull(isBusinessDay);
        Check(suspensions);
        var count = 0;
        while (count < suspensions.Count && suspensions[count].Started <= asOf)
        {
            count++;
        }

        var today = DayNumber(asOf);
        var first = new int[count];
        var last = new int[count];
        for (var k = 0; k < count; k++)
        {
            first[k] = DayNumber(suspensions[k].Started);
            last[k] = suspensions[k].Ended is { } ended && ended <= asOf ? DayNumber(ended) - 1 : today;
        }

        var found = new Found?[count];
        if (terms.MaxConsecutiveDays is { } maxConsecutive)
        {
            for (var k = 0; k < count; k++)
            {
                if (last[k] >= first[k] + maxConsecutive)
                {
                    Record(found, k, first[k] + maxConsecutive, SuspensionLimit.ConsecutiveDays, maxConsecutive, maxConsecutive + 1);
                }
            }
        }

        List<int>? days = null;
        if (terms.MaxDaysIn365 is { } maxDays)
        {
            days = SweepDays(first, last, maxDays, found);
        }

        if (terms.MaxOccasionsIn365 is { } maxOccasions)
        {
            for (var k = 0; k < count; k++)
            {
                var occasions = 1;
                for (var j = 0; j < k; j++)
                {
                    occasions += Math.Max(first[j], last[j]) >= first[k] - 364 ? 1 : 0;
                }

                if (occasions > maxOccasions)
                {
                    Record(found, k, first[k], SuspensionLimit.OccasionsIn365, maxOccasions, occasions);
                }
            }
        }

        if (terms.MinBusinessDaysBetween is { } minBusinessDays)
        {
            for (var k = 1; k < count; k++)
            {
                var earliest = PlusBusinessDays(suspensions[k - 1].Started, minBusinessDays, isBusinessDay);
                if (suspensions[k].Started < earliest)
                {
                    Record(found, k, first[k], SuspensionLimit.BusinessDaysBetween, minBusinessDays, DayNumber(earliest));
                }
            }
        }

        var breaches = new List<SuspensionBreach>();
        for (var k = 0; k < count; k++)
        {
            if (found[k] is { } f)
            {
                var cured = suspensions[k].Ended is { } ended && ended <= asOf ? ended : (LocalDate?)null;
                breaches.Add(new(f.Limit, FromDayNumber(f.Day), k, cured,
                    SuspensionText.Breach(terms, suspensions[k], f.Limit, FromDayNumber(f.Day), f.Limit == SuspensionLimit.BusinessDaysBetween
                        ? suspensions[k - 1].Started : default, f.Bound, f.Value, FromDayNumber(f.Day - 364))));
            }
        }

        var windowStart = today - 364;
        var daysUsed = 0;
        var occasionsUsed = 0;
        for (var k = 0; k < count; k++)
        {
            daysUsed += Math.Max(0, last[k] - Math.Max(first[k], windowStart) + 1);
            occasionsUsed += Math.Max(first[k], last[k]) >= windowStart ? 1 : 0;
        }

        var running = count > 0 && (suspensions[count - 1].Ended is not { } end || end > asOf);
        var (lastAllowed, limiting) = running ? LastAllowedDay(terms, first, days) : (null, null);
        List<SuspensionReading> readings = [SuspensionReading.NoticeDayCountsAdviceDayDoesNot];
        if (terms.MaxDaysIn365 is not null || terms.MaxOccasionsIn365 is not null)
        {
            readings.Add(SuspensionReading.AnyRunOf365Days);
        }

        if (terms.MaxOccasionsIn365 is not null)
        {
            readings.Add(SuspensionReading.OccasionCountsWhereItLasts);
        }

        if (terms.MinBusinessDaysBetween is not null)
        {
            readings.Add(SuspensionReading.BusinessDaysBetweenStarts);
        }

        if (breaches.Count > 0)
        {
            readings.Add(SuspensionReading.AdviceCuresMaintenanceFailure);
        }

        return new(terms, asOf, daysUsed, occasionsUsed, lastAllowed, limiting, breaches, readings);
    }

    private static void Check(IReadOnlyList<Suspension> suspensions)
    {
        Preconditions.CheckNotNull(suspensions);
        for (var k = 0; k < suspensions.Count; k++)
        {
            // The messages are written only on failure: this check runs on every evaluation.
            var suspension = Preconditions.CheckNotNull(suspensions[k]);
            if (suspension.Ended is { } ended && ended < suspension.Started)
            {
                throw new ArgumentException($"Suspension {k} ends before it starts", nameof(suspensions));
            }

            if (k > 0 && (suspensions[k - 1].Ended is not { } previous || previous > suspension.Started))
            {
                throw new ArgumentException($"Suspension {k} starts before the Advice ending suspension {k - 1}", nameof(suspensions));
            }
        }
    }

    // Every suspension day in order, with a window of the 365 days ending on each: the first day a window holds more
    // than the limit is that suspension's excess.
    private static List<int> SweepDays(int[] first, int[] last, int maxDays, Found?[] found)
    {
        var days = new List<int>();
        for (var k = 0; k < first.Length; k++)
        {
            var exceeded = false;
            for (var day = first[k]; day <= last[k]; day++)
            {
                days.Add(day);
                if (exceeded)
                {
                    continue;
                }

                var inWindow = CountFrom(days, day - 364);
                if (inWindow > maxDays)
                {
                    Record(found, k, day, SuspensionLimit.DaysIn365, maxDays, inWindow);
                    exceeded = true;
                }
            }
        }

        return days;
    }

    // The days of the sorted list on or after from.
    private static int CountFrom(List<int> days, int from)
    {
        var index = days.BinarySearch(from);
        return days.Count - (index >= 0 ? index : ~index);
    }

    // The running suspension (the last) continued day by day: its last day within the consecutive limit and within the
    // 365-day limit, counting the days before it.
    private static (LocalDate?, SuspensionLimit?) LastAllowedDay(SuspensionTerms terms, int[] first, List<int>? days)
    {
        var start = first[^1];
        int? best = null;
        SuspensionLimit? limit = null;
        if (terms.MaxConsecutiveDays is { } maxConsecutive)
        {
            (best, limit) = (start + maxConsecutive - 1, SuspensionLimit.ConsecutiveDays);
        }

        if (terms.MaxDaysIn365 is { } maxDays)
        {
            var day = start;
            while (CountBefore(days!, start, day - 364) + (day - start + 1) <= maxDays)
            {
                day++;
            }

            if (best is not { } b || day - 1 < b)
            {
                (best, limit) = (day - 1, SuspensionLimit.DaysIn365);
            }
        }

        return best is { } last ? (FromDayNumber(last), limit) : (null, null);
    }

    // Days of earlier suspensions (before start) on or after from.
    private static int CountBefore(List<int> days, int start, int from) => CountFrom(days, from) - CountFrom(days, start);

    private static LocalDate PlusBusinessDays(LocalDate date, int count, Func<LocalDate, bool> isBusinessDay)
    {
        for (var n = 0; n < count; n++)
        {
            do
            {
                date = date.PlusDays(1);
            }
            while (!isBusinessDay(date));
        }

        return date;
    }

    // A limit found for suspension k; an earlier day wins, and on the same day the limit checked first.
    private static void Record(Found?[] found, int k, int day, SuspensionLimit limit, int bound, int value)
    {
        if (found[k] is not { } existing || day < existing.Day)
        {
            found[k] = new(day, limit, bound, value);
        }
    }

    private static int DayNumber(LocalDate date) => date.ToDateOnly().DayNumber;

    private static LocalDate FromDayNumber(int day) => LocalDate.FromDateOnly(DateOnly.FromDayNumber(day));

    /// <summary>A limit exceeded: on which day, the limit's bound and the count that passed it.</summary>
    private readonly record struct Found(int Day, SuspensionLimit Limit, int Bound, int Value);
}

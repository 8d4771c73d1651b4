using System.Globalization;
using NodaTime;
using RegRights.Core.Deadlines;

namespace RegRights.Core.Suspensions;

/// <summary>The words of suspension results, so a lawyer can redo every count by hand.</summary>
public static class SuspensionText
{
    /// <summary>A reading in words, with the other reading where there is one.</summary>
    public static string Describe(SuspensionReading reading) => reading switch
    {
        SuspensionReading.NoticeDayCountsAdviceDayDoesNot =>
            "Reading: the day the notice is received is a suspension day and the day of the Advice is not; the other reading counts both (one day more).",
        SuspensionReading.AnyRunOf365Days =>
            "Reading: \"any 365-day period\" is every run of 365 consecutive days; the one as of a date ends on that date.",
        SuspensionReading.OccasionCountsWhereItLasts =>
            "Reading: an occasion counts in every 365-day period it lasts into; the other reading counts it only where it starts.",
        SuspensionReading.BusinessDaysBetweenStarts =>
            "Reading: the Business Days between occasions run from one notice to the next; the other reading runs from the Advice to the next notice.",
        SuspensionReading.AdviceCuresMaintenanceFailure =>
            "Reading: the Maintenance Failure an excess suspension starts is cured by that suspension's Advice.",
        _ => reading.ToString(),
    };

    internal static string Breach(SuspensionTerms terms, Suspension suspension, SuspensionLimit limit, LocalDate exceededOn,
        LocalDate previousStart, int bound, int value, LocalDate windowStart)
    {
        var from = $"{terms.Section}: the suspension noticed {DateText.Iso(suspension.Started)}";
        return limit switch
        {
            SuspensionLimit.ConsecutiveDays => string.Create(CultureInfo.InvariantCulture,
                $"{from} exceeds {bound} consecutive days on {DateText.WithWeekday(exceededOn)}, its day {value} (the notice day is day 1)"),
            SuspensionLimit.DaysIn365 => string.Create(CultureInfo.InvariantCulture,
                $"{from} brings the 365 days {DateText.Iso(windowStart)} to {DateText.Iso(exceededOn)} to {value} suspension days, over {bound}, on {DateText.WithWeekday(exceededOn)}"),
            SuspensionLimit.OccasionsIn365 => string.Create(CultureInfo.InvariantCulture,
                $"{from} is occasion {value} in the 365 days {DateText.Iso(windowStart)} to {DateText.Iso(exceededOn)}, over {bound}"),
            _ => string.Create(CultureInfo.InvariantCulture,
                $"{from} starts fewer than {bound} Business Days after the one noticed {DateText.Iso(previousStart)} (the earliest allowed was {DateText.Iso(FromDayNumber(value))})"),
        } + "; a Maintenance Failure from that day.";
    }

    internal static string Status(SuspensionTerms terms, LocalDate asOf, int daysUsed, int occasionsUsed,
        LocalDate? lastAllowed, SuspensionLimit? limiting, int breaches)
    {
        var used = string.Create(CultureInfo.InvariantCulture,
            $"{terms.Section} as of {DateText.Iso(asOf)}: {daysUsed} suspension day(s) and {occasionsUsed} occasion(s) in the 365 days from {DateText.Iso(asOf.PlusDays(-364))}");
        if (!terms.HasLimits)
        {
            return used + "; the clause sets no limit on how long or how often, so no suspension is a Maintenance Failure under it.";
        }

        var current = lastAllowed is { } day
            ? $"; the running suspension may last through {DateText.WithWeekday(day)} ({Limit(limiting!.Value)})"
            : string.Empty;
        var excess = breaches == 0 ? "; no limit exceeded" : string.Create(CultureInfo.InvariantCulture, $"; {breaches} suspension(s) exceeded a limit");
        return used + current + excess + ".";
    }

    internal static string Limit(SuspensionLimit limit) => limit switch
    {
        SuspensionLimit.ConsecutiveDays => "the consecutive-day limit",
        SuspensionLimit.DaysIn365 => "the limit of days in 365",
        SuspensionLimit.OccasionsIn365 => "the limit of occasions in 365 days",
        _ => "the Business Days between occasions",
    };

    private static LocalDate FromDayNumber(int day) => LocalDate.FromDateOnly(DateOnly.FromDayNumber(day));
}

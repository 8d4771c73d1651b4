using System.Globalization;
using NodaTime;
using NodaTime.Text;
using RegRights.Core.Agreements;
using RegRights.Core.Deadlines;

namespace RegRights.Application.Reminders;

/// <summary>How a deadline reads in an email or a calendar entry, so both say the same thing in the same words.</summary>
internal static class DeadlineText
{
    private static readonly LocalDatePattern LongDate = LocalDatePattern.Create("ddd d MMM uuuu", CultureInfo.InvariantCulture);
    private static readonly LocalDatePattern ShortDate = LocalDatePattern.Create("ddd d MMM", CultureInfo.InvariantCulture);
    private static readonly ZonedDateTimePattern MomentPattern =
        ZonedDateTimePattern.CreateWithInvariantCulture("ddd d MMM uuuu h:mm tt o<m> '('x')'", DateTimeZoneProviders.Tzdb);

    /// <summary>The agreement's defined term where it has one (§ 1); otherwise the obligation's title (<see cref="Obligation.Name"/>).</summary>
    internal static string Name(Deadline deadline) => deadline.Obligation.Name;

    internal static string Date(LocalDate date) => LongDate.Format(date);

    internal static string DayAndMonth(LocalDate date) => ShortDate.Format(date);

    /// <summary>"Fri 26 May 2000 2:30 PM -07:00 (PDT), California time": the zone named, since deals are not all in California.</summary>
    internal static string Moment(ZonedDateTime moment) => $"{MomentPattern.Format(moment)}, {ZoneNames.For(moment.Zone)}";

    /// <summary>"due Sun 28 May 2000" for "on or prior to"; "due prior to Sat 26 Aug 2000" for "prior to".</summary>
    internal static string Due(Deadline deadline) =>
        deadline.Inclusive ? $"due {Date(deadline.DueDate)}" : $"due prior to {Date(deadline.DueDate)}";

    /// <summary>The lines that let a reader check the date by hand: basis, last day, practical cutoff, warnings.</summary>
    internal static IEnumerable<(string Label, string Value)> Facts(Deadline deadline)
    {
        yield return ("Due", deadline.Inclusive
            ? $"on or prior to {Date(deadline.DueDate)}"
            : $"prior to {Date(deadline.DueDate)} (the date itself is too late)");
        if (deadline.LastPermittedDay != deadline.DueDate)
        {
            yield return ("Last permitted day", Date(deadline.LastPermittedDay));
        }

        if (deadline.PracticalCutoff is { } cutoff)
        {
            var when = cutoff.Eastern is { } eastern && cutoff.AgreementZone is { } local
                ? $"{Moment(eastern)} = {Moment(local)}"
                : Date(cutoff.Date);
            yield return ("Practical cutoff", $"{when}: {cutoff.Rule}");
        }

        yield return ("Basis", deadline.Basis);
        yield return ("Section", deadline.Section);
        foreach (var warning in deadline.Warnings)
        {
            yield return ("Note", warning.Message);
        }
    }
}

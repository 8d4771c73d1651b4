using System.Text;
using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using NodaTime;
using RegRights.Core.Deadlines;

namespace RegRights.Application.Reminders;

/// <summary>
/// An agreement's deadlines as an RFC 5545 calendar: one all-day event per deadline still to be done, on its last
/// permitted day, that Outlook and Google Calendar can subscribe to or import.
/// </summary>
/// <remarks>
/// Each event's UID is the agreement and the deadline key, so a refreshed feed updates an event rather than adding a
/// second one when a date moves (an excused delay postpones the Effectiveness Date, say). The event sits on the last
/// permitted day, not the date the agreement names, because that is the day to act by: for the Effectiveness Date
/// ("prior to" Saturday 2000-08-26) it is Friday 2000-08-25; the named date is in the summary and description.
/// </remarks>
public static class DeadlineCalendarFeed
{
    /// <summary>The media type of the feed (RFC 5545 § 8.1).</summary>
    public const string ContentType = "text/calendar; charset=utf-8";

    /// <summary>Builds the calendar of the open and missed deadlines among <paramref name="deadlines"/>.</summary>
    /// <param name="agreementId">The agreement's id; part of every UID.</param>
    /// <param name="agreementTitle">How the agreement is named to people, e.g. "NeoTherapeutics RRA".</param>
    /// <param name="zone">The agreement's zone, named as the calendar's zone for clients that show one.</param>
    /// <param name="deadlines">The schedule; met and waived deadlines are left out.</param>
    /// <param name="generatedAt">The DTSTAMP of every event.</param>
    /// <returns>The calendar as RFC 5545 text (CRLF line ends).</returns>
    public static string Build(string agreementId, string agreementTitle, DateTimeZone zone, IEnumerable<Deadline> deadlines, Instant generatedAt)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(agreementId);
        ArgumentException.ThrowIfNullOrWhiteSpace(agreementTitle);
        ArgumentNullException.ThrowIfNull(zone);
        ArgumentNullException.ThrowIfNull(deadlines);

        var calendar = new Calendar { ProductId = "-//RegRights//Deadlines//EN", Method = "PUBLISH" };
        calendar.AddProperty("X-WR-CALNAME", $"{agreementTitle}: deadlines");
        calendar.AddProperty("X-WR-TIMEZONE", zone.Id);
        var stamp = new CalDateTime(generatedAt.ToDateTimeUtc(), "UTC", hasTime: true);
        foreach (var deadline in deadlines.Where(d => d.Status is DeadlineStatus.Open or DeadlineStatus.Missed))
        {
            var day = deadline.LastPermittedDay;
            calendar.Events.Add(new CalendarEvent
            {
                Uid = $"{agreementId}/{deadline.Key}@regrights",
                DtStamp = stamp,
                DtStart = new CalDateTime(day.Year, day.Month, day.Day),
                DtEnd = new CalDateTime(day.PlusDays(1).Year, day.PlusDays(1).Month, day.PlusDays(1).Day),
                Summary = $"{DeadlineText.Name(deadline)}: {DeadlineText.Due(deadline)} ({deadline.Section}) — {agreementTitle}",
                Description = Describe(deadline),
                Transparency = "TRANSPARENT",
            });
        }

        return new CalendarSerializer(calendar).SerializeToString() ?? string.Empty;
    }

    private static string Describe(Deadline deadline)
    {
        var text = new StringBuilder();
        text.AppendLine(deadline.Title);
        foreach (var (label, value) in DeadlineText.Facts(deadline))
        {
            text.Append(label).Append(": ").AppendLine(value);
        }

        return text.ToString().TrimEnd();
    }
}

using System.Net;
using System.Text;
using NodaTime;
using RegRights.Core.Deadlines;
using RegRights.Core.Reminders;
using RegRights.Infrastructure.Email;

namespace RegRights.Infrastructure.Reminders;

/// <summary>Everything one reminder email is made of.</summary>
/// <param name="AgreementId">The agreement's id.</param>
/// <param name="AgreementTitle">How the agreement is named to people, e.g. "NeoTherapeutics RRA".</param>
/// <param name="Zone">The agreement's zone, in which every date and time is shown.</param>
/// <param name="Deadline">The deadline the reminder is for.</param>
/// <param name="Reminder">The rung of the ladder and when it goes out.</param>
/// <param name="To">The recipients by role (company counsel first).</param>
/// <param name="Cc">Copies.</param>
public sealed record ReminderEmailRequest(
    string AgreementId,
    string AgreementTitle,
    DateTimeZone Zone,
    Deadline Deadline,
    ScheduledReminder Reminder,
    IReadOnlyList<EmailAddress> To,
    IReadOnlyList<EmailAddress> Cc);

/// <summary>
/// Writes a deadline reminder: a subject that says what, when and which agreement, text and HTML parts that show how
/// the date was reached, and the deadline as an <c>.ics</c> attachment.
/// </summary>
/// <remarks>
/// The subject for the seed agreement's Filing Date five Business Days out reads
/// <c>Filing Date in 5 Business Days — NeoTherapeutics RRA § 1, 2(a), 3(a) — due Sun 28 May 2000 (practical cutoff Fri 26 May)</c>.
/// </remarks>
public sealed class ReminderEmailComposer
{
    private readonly EmailAddress from;

    /// <summary>Creates a composer that sends from <paramref name="from"/>.</summary>
    public ReminderEmailComposer(EmailAddress from) => this.from = from ?? throw new ArgumentNullException(nameof(from));

    /// <summary>Composes the email for one reminder.</summary>
    /// <exception cref="ArgumentException">The request has no To recipient.</exception>
    public EmailMessage Compose(ReminderEmailRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var deadline = request.Deadline;
        var step = request.Reminder.Step;
        var name = DeadlineText.Name(deadline);
        var heading = step.Kind == ReminderStepKind.Overdue ? $"{name} is overdue" : $"{name} {step.Describe()}";
        var subject = $"{heading} — {request.AgreementTitle} {deadline.Section} — {DeadlineText.Due(deadline)}{CutoffSuffix(deadline)}";

        var facts = DeadlineText.Facts(deadline).ToList();
        var sentAt = DeadlineText.Moment(request.Reminder.SendAt.InZone(request.Zone));
        var footer = $"Reminder {step.Key} for {deadline.Key} of agreement {request.AgreementId}, sent {sentAt}.";

        var ics = DeadlineCalendarFeed.Build(request.AgreementId, request.AgreementTitle, request.Zone, [deadline], request.Reminder.SendAt);
        return new EmailMessage(request.To, subject, PlainText(heading, deadline, facts, footer), Html(heading, deadline, facts, footer))
        {
            From = from,
            Cc = request.Cc,
            Attachments = [new EmailAttachment($"{deadline.Key.Replace('#', '-')}.ics", DeadlineCalendarFeed.ContentType + "; method=PUBLISH", Encoding.UTF8.GetBytes(ics))],
        };
    }

    // "(practical cutoff Fri 26 May)" only where the cutoff falls on another day than the one named.
    private static string CutoffSuffix(Deadline deadline) =>
        deadline.PracticalCutoff is { } cutoff && cutoff.Date != deadline.DueDate
            ? $" (practical cutoff {DeadlineText.DayAndMonth(cutoff.Date)})"
            : string.Empty;

    private static string PlainText(string heading, Deadline deadline, List<(string Label, string Value)> facts, string footer)
    {
        var text = new StringBuilder();
        text.AppendLine(heading).AppendLine().AppendLine(deadline.Title).AppendLine();
        foreach (var (label, value) in facts)
        {
            text.Append(label).Append(": ").AppendLine(value);
        }

        return text.AppendLine().AppendLine(footer).ToString();
    }

    private static string Html(string heading, Deadline deadline, List<(string Label, string Value)> facts, string footer)
    {
        var html = new StringBuilder();
        html.Append("<html><body><h2>").Append(WebUtility.HtmlEncode(heading)).Append("</h2><p>")
            .Append(WebUtility.HtmlEncode(deadline.Title)).Append("</p><table>");
        foreach (var (label, value) in facts)
        {
            html.Append("<tr><th align=\"left\">").Append(WebUtility.HtmlEncode(label)).Append("</th><td>")
                .Append(WebUtility.HtmlEncode(value)).Append("</td></tr>");
        }

        return html.Append("</table><p><small>").Append(WebUtility.HtmlEncode(footer)).Append("</small></p></body></html>").ToString();
    }
}

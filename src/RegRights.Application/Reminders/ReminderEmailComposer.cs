using System.Net;
using System.Text;
using NodaTime;
using RegRights.Application.Email;
using RegRights.Core.Deadlines;
using RegRights.Core.Reminders;

namespace RegRights.Application.Reminders;

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
    IReadOnlyList<EmailAddress> Cc)
{
    /// <summary>
    /// When the email is made and sent (the dispatcher's clock), shown beside the scheduled time; null shows the
    /// scheduled time alone. A reminder scheduled for 8:00 AM may go out at 10:24 after a retry.
    /// </summary>
    public Instant? SentAt { get; init; }

    /// <summary>
    /// Where replies go: the deal's company counsel (<see cref="ReminderRecipients.ReplyTo"/>), who answers for the
    /// Company's deadlines, rather than the sending address, which nobody reads. Empty: replies go to the sender.
    /// </summary>
    public IReadOnlyList<EmailAddress> ReplyTo { get; init; } = [];
}

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
    /// <summary>The header naming the agreement a reminder is about.</summary>
    public const string AgreementHeader = "X-RegRights-Agreement";

    /// <summary>The header naming the deadline and rung, e.g. <c>filing-date.bd-5</c>.</summary>
    public const string ReminderHeader = "X-RegRights-Reminder";

    private readonly EmailAddress from;
    private readonly Uri? appBaseUrl;

    /// <summary>Creates a composer that sends from <paramref name="from"/>, with no link to the app.</summary>
    public ReminderEmailComposer(EmailAddress from)
        : this(from, null)
    {
    }

    /// <summary>Creates a composer that sends from <paramref name="from"/> and links to the agreement's deadlines.</summary>
    /// <param name="from">The sender.</param>
    /// <param name="appBaseUrl">
    /// The app's public base URL (<c>Reminders:AppBaseUrl</c>); the body links to
    /// <c>{appBaseUrl}/api/agreements/{id}/deadlines</c>. Null: no link.
    /// </param>
    public ReminderEmailComposer(EmailAddress from, Uri? appBaseUrl)
    {
        this.from = from ?? throw new ArgumentNullException(nameof(from));
        this.appBaseUrl = appBaseUrl;
    }

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

        var link = DeadlinesLink(request.AgreementId);
        var facts = new List<(string Label, string Value)> { ("Agreement", request.AgreementTitle) };
        facts.AddRange(DeadlineText.Facts(deadline));

        // The ladder's time is when the reminder was due to go; a retry or a late scan sends it later, so both are said.
        var scheduled = DeadlineText.Moment(request.Reminder.SendAt.InZone(request.Zone));
        var sent = request.SentAt is { } at ? $", sent {DeadlineText.Moment(at.InZone(request.Zone))}" : string.Empty;
        var footer = $"Reminder {step.Key} for {deadline.Key} of agreement \"{request.AgreementTitle}\" ({request.AgreementId}), " +
            $"scheduled for {scheduled}{sent}.";

        var ics = DeadlineCalendarFeed.Build(request.AgreementId, request.AgreementTitle, request.Zone, [deadline], request.Reminder.SendAt);
        return new EmailMessage(request.To, subject, PlainText(heading, deadline, facts, link, footer), Html(heading, deadline, facts, link, footer))
        {
            From = from,
            Cc = request.Cc,
            ReplyTo = request.ReplyTo,
            // Legal mail: no open or click tracking (the message's default, said here so it is not lost).
            UserEngagementTrackingDisabled = true,
            // For a mail rule or a search: which agreement and which rung of which deadline.
            Headers = new Dictionary<string, string>
            {
                [AgreementHeader] = request.AgreementId,
                [ReminderHeader] = $"{deadline.Key}.{step.Key}",
            },
            Attachments = [new EmailAttachment($"{deadline.Id.ToString('-')}.ics", DeadlineCalendarFeed.ContentType + "; method=PUBLISH", Encoding.UTF8.GetBytes(ics))],
        };
    }

    // "(practical cutoff Fri 26 May)" only where the cutoff falls on another day than the one named.
    private static string CutoffSuffix(Deadline deadline) =>
        deadline.PracticalCutoff is { } cutoff && cutoff.Date != deadline.DueDate
            ? $" (practical cutoff {DeadlineText.DayAndMonth(cutoff.Date)})"
            : string.Empty;

    // The agreement's deadlines in the app, or null when no public base URL is configured.
    private Uri? DeadlinesLink(string agreementId) =>
        appBaseUrl is null ? null : new Uri(appBaseUrl, $"{appBaseUrl.AbsolutePath.TrimEnd('/')}/api/agreements/{Uri.EscapeDataString(agreementId)}/deadlines");

    private static string PlainText(string heading, Deadline deadline, List<(string Label, string Value)> facts, Uri? link, string footer)
    {
        var text = new StringBuilder();
        text.AppendLine(heading).AppendLine().AppendLine(deadline.Title).AppendLine();
        foreach (var (label, value) in facts)
        {
            text.Append(label).Append(": ").AppendLine(value);
        }

        if (link is not null)
        {
            text.AppendLine().Append("The agreement's deadlines: ").AppendLine(link.AbsoluteUri);
        }

        return text.AppendLine().AppendLine(footer).ToString();
    }

    private static string Html(string heading, Deadline deadline, List<(string Label, string Value)> facts, Uri? link, string footer)
    {
        var html = new StringBuilder();
        html.Append("<html><body><h2>").Append(WebUtility.HtmlEncode(heading)).Append("</h2><p>")
            .Append(WebUtility.HtmlEncode(deadline.Title)).Append("</p><table>");
        foreach (var (label, value) in facts)
        {
            html.Append("<tr><th align=\"left\">").Append(WebUtility.HtmlEncode(label)).Append("</th><td>")
                .Append(WebUtility.HtmlEncode(value)).Append("</td></tr>");
        }

        html.Append("</table>");
        if (link is not null)
        {
            html.Append("<p><a href=\"").Append(WebUtility.HtmlEncode(link.AbsoluteUri)).Append("\">The agreement's deadlines</a></p>");
        }

        return html.Append("<p><small>").Append(WebUtility.HtmlEncode(footer)).Append("</small></p></body></html>").ToString();
    }
}

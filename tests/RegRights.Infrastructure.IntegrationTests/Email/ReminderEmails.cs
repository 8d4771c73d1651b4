using System.Text;
using RegRights.Application.Email;

namespace RegRights.Infrastructure.IntegrationTests.Email;

/// <summary>Builds the kind of email the reminder dispatcher sends: text and HTML bodies, a Cc, and an <c>.ics</c>.</summary>
internal static class ReminderEmails
{
    public static readonly EmailAddress Sender = new("reminders@regrights.example", "RegRights");

    public static readonly EmailAddress CompanyCounsel = new("counsel@neotherapeutics.example", "Company Counsel");

    public static readonly EmailAddress Paralegal = new("paralegal@neotherapeutics.example");

    // The agreement of 2000-04-28: Filing Date = Closing Date + 30 days (§ 2(a)) = Sunday 2000-05-28, on or prior to;
    // the last EDGAR filing day on or before it is Friday 2000-05-26 (Monday 2000-05-29 is Memorial Day).
    public static readonly byte[] FilingDateIcs = Encoding.UTF8.GetBytes(
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//RegRights//Reminders//EN\r\nMETHOD:PUBLISH\r\n" +
        "BEGIN:VEVENT\r\nUID:filing-date-2000-04-28@regrights.example\r\nDTSTAMP:20000501T160000Z\r\n" +
        "DTSTART;VALUE=DATE:20000528\r\nSUMMARY:Filing Date (§ 2(a))\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n");

    public static EmailMessage FilingDate(string subject = "Filing Date (§ 2(a)): on or prior to Sunday, May 28, 2000") =>
        new(
            [CompanyCounsel],
            subject,
            plainText: "The Filing Date is Sunday, May 28, 2000 (Closing Date 2000-04-28 + 30 days, § 2(a)). " +
                       "Last EDGAR filing day on or before it: Friday, May 26, 2000.",
            html: "<p>The Filing Date is <strong>Sunday, May 28, 2000</strong> (Closing Date 2000-04-28 + 30 days, § 2(a)).</p>")
        {
            Cc = [Paralegal],
            Attachments = [new EmailAttachment("filing-date.ics", "text/calendar; method=PUBLISH; charset=utf-8", FilingDateIcs)],
        };
}

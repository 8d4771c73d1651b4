using System.Text;
using IcalCalendar = Ical.Net.Calendar;
using NodaTime;
using RegRights.Application.Email;
using RegRights.Core.Agreements;
using RegRights.Core.Deadlines;
using RegRights.Core.Reminders;
using RegRights.Application.Reminders;

namespace RegRights.Application.UnitTests.Reminders;

public class ReminderEmailComposerTest
{
    private static readonly AgreementTerms Terms = AgreementTerms.NeoTherapeutics2000;
    private static readonly ReminderEmailComposer Composer = new(new EmailAddress("deadlines@regrights.example", "RegRights"));
    private static readonly EmailAddress CompanyCounsel = new("apettis@lw.example", "Alan W. Pettis");

    [Fact]
    public void Compose_FilingDateFiveBusinessDaysOut_SubjectSaysWhatWhenAndWhich()
    {
        // Arrange: the seed agreement closed Friday 2000-04-28; its Filing Date is Sunday 2000-05-28.
        var deadline = Schedule(new LocalDate(2000, 5, 1)).Single(d => d.Key == "filing-date");
        var reminder = Step(deadline, "bd-5");

        // Act
        var email = Composer.Compose(Request(deadline, reminder));

        // Assert: five Business Days before Sunday 28 May is Monday 22 May; Memorial Day (Monday 29 May) leaves
        // Friday 26 May as the last EDGAR day.
        Assert.Equal(new LocalDate(2000, 5, 22), reminder.SendDate);
        Assert.Equal(
            "Filing Date in 5 Business Days — NeoTherapeutics RRA § 1, 2(a), 3(a) — due Sun 28 May 2000 (practical cutoff Fri 26 May)",
            email.Subject);
        Assert.Equal([CompanyCounsel], email.To);
        Assert.Equal("deadlines@regrights.example", email.From!.Address);
    }

    [Fact]
    public void Compose_EffectivenessDateOverdue_SaysPriorTo()
    {
        // "prior to" Saturday 2000-08-26: the last permitted day is Friday 2000-08-25; overdue from Monday 2000-08-28.
        var deadline = Schedule(new LocalDate(2000, 8, 28)).Single(d => d.Key == "effectiveness-date");
        var reminder = Step(deadline, "overdue-0");

        var email = Composer.Compose(Request(deadline, reminder));

        Assert.Equal(new LocalDate(2000, 8, 28), reminder.SendDate);
        Assert.StartsWith("Effectiveness Date is overdue — NeoTherapeutics RRA § 1, 2(a) — due prior to Sat 26 Aug 2000", email.Subject, StringComparison.Ordinal);
        Assert.Contains("Last permitted day: Fri 25 Aug 2000", email.PlainText, StringComparison.Ordinal);
    }

    [Fact]
    public void Compose_BodyShowsBasisAndCutoffInBothZones()
    {
        var deadline = Schedule(new LocalDate(2000, 5, 1)).Single(d => d.Key == "filing-date");

        var email = Composer.Compose(Request(deadline, Step(deadline, "bd-1")));

        // The basis in words, and 5:30 p.m. Eastern on Friday 26 May 2000 shown in Eastern and in California time.
        Assert.Contains("Basis: " + deadline.Basis, email.PlainText, StringComparison.Ordinal);
        Assert.Contains("Fri 26 May 2000 5:30 PM -04:00 (EDT), New York time = Fri 26 May 2000 2:30 PM -07:00 (PDT), California time", email.PlainText, StringComparison.Ordinal);
        Assert.Contains("5:30 PM -04:00 (EDT)", email.Html, StringComparison.Ordinal);
    }

    [Fact]
    public void Compose_NewYorkAgreement_NamesNewYorkTime()
    {
        // Arrange: the same deal with its dates in New York: the 5:30 p.m. Eastern cutoff is the agreement's own time.
        var newYork = Terms with { TimeZone = DateTimeZoneProviders.Tzdb["America/New_York"] };
        var deadline = DeadlineEngine.Compute(newYork, [new AgreementEvent("closing", AgreementEventKind.Closing, new LocalDate(2000, 4, 28))],
            new LocalDate(2000, 5, 1)).Deadlines.Single(d => d.Key == "filing-date");
        var year = new Interval(Instant.FromUtc(2000, 1, 1, 0, 0), Instant.FromUtc(2001, 1, 1, 0, 0));
        var reminder = ReminderLadder.Default.DueIn(deadline.LastPermittedDay, newYork.Calendar, newYork.TimeZone, year).First(r => r.Step.Key == "bd-1");

        // Act
        var email = Composer.Compose(Request(deadline, reminder) with { Zone = newYork.TimeZone });

        // Assert
        Assert.Contains("Fri 26 May 2000 5:30 PM -04:00 (EDT), New York time = Fri 26 May 2000 5:30 PM -04:00 (EDT), New York time", email.PlainText, StringComparison.Ordinal);
        Assert.Contains("8:00 AM -04:00 (EDT), New York time", email.PlainText, StringComparison.Ordinal);
        Assert.DoesNotContain("California", email.PlainText, StringComparison.Ordinal);
    }

    [Fact]
    public void Compose_BodyNamesTheAgreementAndLinksToItsDeadlines()
    {
        // Arrange: the app at a public base URL (Reminders:AppBaseUrl).
        var composer = new ReminderEmailComposer(new EmailAddress("deadlines@regrights.example", "RegRights"), new Uri("https://regrights.example.com"));
        var deadline = Schedule(new LocalDate(2000, 5, 1)).Single(d => d.Key == "filing-date");

        // Act
        var email = composer.Compose(Request(deadline, Step(deadline, "bd-5")));

        // Assert: the agreement by its name, not only its id, and a link to its deadlines in both parts.
        Assert.Contains("Agreement: NeoTherapeutics RRA", email.PlainText, StringComparison.Ordinal);
        Assert.Contains("The agreement's deadlines: https://regrights.example.com/api/agreements/agreement-1/deadlines", email.PlainText, StringComparison.Ordinal);
        Assert.Contains("<a href=\"https://regrights.example.com/api/agreements/agreement-1/deadlines\">", email.Html, StringComparison.Ordinal);
    }

    [Fact]
    public void Compose_NoAppBaseUrl_HasNoLink()
    {
        // Arrange
        var deadline = Schedule(new LocalDate(2000, 5, 1)).Single(d => d.Key == "filing-date");

        // Act
        var email = Composer.Compose(Request(deadline, Step(deadline, "bd-5")));

        // Assert
        Assert.DoesNotContain("http", email.PlainText, StringComparison.Ordinal);
        Assert.DoesNotContain("<a ", email.Html, StringComparison.Ordinal);
    }

    [Fact]
    public void Compose_SentLate_FooterSaysScheduledAndSent()
    {
        // Arrange: the bd-5 reminder scheduled for 8:00 AM PDT on Monday 22 May 2000 goes out at 10:24 after retries.
        var deadline = Schedule(new LocalDate(2000, 5, 1)).Single(d => d.Key == "filing-date");
        var request = Request(deadline, Step(deadline, "bd-5")) with { SentAt = Instant.FromUtc(2000, 5, 22, 17, 24) };

        // Act
        var email = Composer.Compose(request);

        // Assert
        Assert.Contains(
            "Reminder bd-5 for filing-date of agreement \"NeoTherapeutics RRA\" (agreement-1), scheduled for Mon 22 May 2000 8:00 AM -07:00 (PDT), " +
            "California time, sent Mon 22 May 2000 10:24 AM -07:00 (PDT), California time.",
            email.PlainText, StringComparison.Ordinal);
    }

    [Fact]
    public void Compose_AttachesTheDeadlineAsICalendar()
    {
        var deadline = Schedule(new LocalDate(2000, 5, 1)).Single(d => d.Key == "filing-date");

        var email = Composer.Compose(Request(deadline, Step(deadline, "bd-10")));

        var attachment = Assert.Single(email.Attachments);
        Assert.Equal("filing-date.ics", attachment.FileName);
        Assert.StartsWith("text/calendar", attachment.ContentType, StringComparison.Ordinal);
        var calendar = IcalCalendar.Load(Encoding.UTF8.GetString(attachment.Content.Span))!;
        var entry = Assert.Single(calendar.Events);
        Assert.Equal("agreement-1/filing-date@regrights", entry.Uid);
        Assert.Equal(new DateOnly(2000, 5, 28), entry.DtStart!.Date);
        Assert.False(entry.DtStart.HasTime);
    }

    [Fact]
    public void Compose_EscapesHtml()
    {
        var deadline = Schedule(new LocalDate(2000, 5, 1)).Single(d => d.Key == "filing-date");
        var request = Request(deadline, Step(deadline, "bd-2")) with { AgreementTitle = "Smith & <Jones> RRA" };

        var email = Composer.Compose(request);

        Assert.Contains("Smith & <Jones> RRA", email.Subject, StringComparison.Ordinal);
        Assert.DoesNotContain("<Jones>", email.Html, StringComparison.Ordinal);
    }

    internal static IReadOnlyList<Deadline> Schedule(LocalDate asOf, params AgreementEvent[] more) =>
        DeadlineEngine.Compute(Terms, [new AgreementEvent("closing", AgreementEventKind.Closing, new LocalDate(2000, 4, 28)), .. more], asOf).Deadlines;

    private static ScheduledReminder Step(Deadline deadline, string key)
    {
        var year = new Interval(Instant.FromUtc(2000, 1, 1, 0, 0), Instant.FromUtc(2001, 1, 1, 0, 0));
        return ReminderLadder.Default.DueIn(deadline.LastPermittedDay, Terms.Calendar, Terms.TimeZone, year).First(r => r.Step.Key == key);
    }

    private static ReminderEmailRequest Request(Deadline deadline, ScheduledReminder reminder) =>
        new("agreement-1", "NeoTherapeutics RRA", Terms.TimeZone, deadline, reminder, [CompanyCounsel], []);
}

using NodaTime;
using RegRights.Application.Reminders;
using RegRights.Core.Agreements;
using RegRights.Core.Deadlines;
using IcalCalendar = Ical.Net.Calendar;

namespace RegRights.Application.UnitTests.Reminders;

public class DeadlineCalendarFeedTest
{
    private static readonly DateTimeZone California = DateTimeZoneProviders.Tzdb["America/Los_Angeles"];

    [Fact]
    public void Build_OneEventPerDeadlineStillToDo_OnItsLastPermittedDay()
    {
        // Arrange: filed on Friday 2000-05-26, so the Filing Date is met; the Effectiveness Date is still open.
        var deadlines = ReminderEmailComposerTest.Schedule(new LocalDate(2000, 6, 1),
            new AgreementEvent("filed", AgreementEventKind.Filed, new LocalDate(2000, 5, 26)));

        // Act
        var text = DeadlineCalendarFeed.Build("agreement-1", "NeoTherapeutics RRA", California, deadlines, Instant.FromUtc(2000, 6, 1, 12, 0));

        // Assert
        var calendar = IcalCalendar.Load(text)!;
        var expected = deadlines.Where(d => d.Status is DeadlineStatus.Open or DeadlineStatus.Missed).ToList();
        Assert.Equal(expected.Select(d => $"agreement-1/{d.Key}@regrights").Order(), calendar.Events.Select(e => e.Uid).Order());
        Assert.DoesNotContain(calendar.Events, e => e.Uid == "agreement-1/filing-date@regrights");
        var effectiveness = calendar.Events.Single(e => e.Uid == "agreement-1/effectiveness-date@regrights");
        Assert.Equal(new DateOnly(2000, 8, 25), effectiveness.DtStart!.Date); // the Friday before "prior to" Sat 26 Aug
        Assert.Contains("due prior to Sat 26 Aug 2000", effectiveness.Summary, StringComparison.Ordinal);
        Assert.Contains("X-WR-TIMEZONE:America/Los_Angeles", text, StringComparison.Ordinal);
        Assert.Contains("\r\n", text, StringComparison.Ordinal); // RFC 5545 § 3.1: CRLF line breaks
    }

    [Fact]
    public void Build_NoAgreementId_Throws()
    {
        var exception = Assert.Throws<ArgumentException>(() =>
            DeadlineCalendarFeed.Build(" ", "RRA", California, [], Instant.FromUtc(2000, 1, 1, 0, 0)));

        Assert.Equal("agreementId", exception.ParamName);
    }
}

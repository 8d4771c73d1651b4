using System.CommandLine;
using NodaTime;
using NodaTime.Extensions;
using NodaTime.Text;
using RegRights.Contracts.Deadlines;
using RegRights.Core.Agreements;
using RegRights.Core.Calendars;
using RegRights.Core.Deadlines;

namespace RegRights.Cli.Commands;

/// <summary><c>regrights deadlines</c>: every deadline of the seed agreement's terms from a Closing Date and events.</summary>
internal static class DeadlinesCommand
{
    private static readonly ZonedDateTimePattern Time =
        ZonedDateTimePattern.CreateWithInvariantCulture("HH:mm x '('o<m>')'", DateTimeZoneProviders.Tzdb);

    internal static Command Create()
    {
        var closing = CliRunner.DateOption("--closing", "The Closing Date (§ 1).", required: true,
            BusinessDayCalendar.MaxDate.PlusYears(-2), "the schedule runs two years past the Closing Date and the calendar ends there.");
        var excusedDelay = CliRunner.IntOption("--excused-delay-days",
            "Days of delay in effectiveness not caused by the Company (§ 2(a)); postpones the Effectiveness Date.", 0, 1000);
        var comments = CliRunner.DatesOption("--sec-comment-received", "The date an SEC comment letter was received (§ 3(b)(iii)); repeat per letter.");
        var filed = CliRunner.DateOption("--filed", "The date the Registration Statement was filed (§ 2(a)).");
        var asOf = CliRunner.DateOption("--as-of", $"The date statuses are judged on; today in {AgreementTerms.NeoTherapeutics2000.ZoneName} by default.");
        var json = new Option<bool>("--json") { Description = "Print the JSON document the HTTP API returns." };

        var command = new Command("deadlines", "Every deadline of the agreement (the seed agreement's terms), with basis, cutoffs and warnings.")
        {
            closing, excusedDelay, comments, filed, asOf, json,
        };
        command.SetAction(parse =>
        {
            var terms = AgreementTerms.NeoTherapeutics2000;
            var events = new List<AgreementEvent> { new("closing", AgreementEventKind.Closing, parse.GetValue(closing)) };
            if (parse.GetValue(excusedDelay) is > 0 and var days)
            {
                events.Add(new("excused-delay", AgreementEventKind.ExcusedDelay, parse.GetValue(closing)) { Days = days });
            }

            var letters = parse.GetValue(comments) ?? [];
            for (var i = 0; i < letters.Length; i++)
            {
                events.Add(new($"sec-comment-{i + 1}", AgreementEventKind.SecCommentReceived, letters[i]));
            }

            if (parse.GetResult(filed) is not null)
            {
                events.Add(new("filed", AgreementEventKind.Filed, parse.GetValue(filed)));
            }

            var date = parse.GetResult(asOf) is not null
                ? parse.GetValue(asOf)
                : SystemClock.Instance.InZone(terms.TimeZone).GetCurrentDate();
            var schedule = DeadlineEngine.Compute(terms, events, date);
            if (parse.GetValue(json))
            {
                CliRunner.WriteJson(DeadlinesDocument.From(schedule));
            }
            else
            {
                WriteTable(schedule, parse.GetValue(closing));
            }

            return 0;
        });
        return command;
    }

    private static void WriteTable(DeadlineSchedule schedule, LocalDate closing)
    {
        var output = Console.Out;
        output.WriteLine($"Deadlines for Closing Date {CliRunner.Day(closing)}, as of {CliRunner.Day(schedule.AsOf)} ({schedule.Terms.ZoneName}, {schedule.Terms.TimeZone.Id})");
        output.WriteLine();
        output.WriteLine($"{"KEY",-32} {"DUE",-15} {"LAST PERMITTED",-15} {"PRACTICAL CUTOFF",-54} STATUS");
        foreach (var d in schedule.Deadlines)
        {
            output.WriteLine($"{d.Key,-32} {CliRunner.Day(d.DueDate),-15} {CliRunner.Day(d.LastPermittedDay),-15} {Cutoff(d.PracticalCutoff),-54} {Status(d)}");
            output.WriteLine($"    {d.Title}; {d.Section}; {Reading(d)}; {d.Basis}");
            foreach (var warning in d.Warnings)
            {
                output.WriteLine($"    ! {warning.Message}");
            }
        }
    }

    private static string Reading(Deadline d) => d.Obligation.End switch
    {
        ObligationEnd.Lapse => "ends with the due date",
        _ when d.Inclusive => "on or prior to the due date",
        _ => "prior to the due date",
    };

    private static string Cutoff(PracticalCutoff? cutoff) => cutoff switch
    {
        null => "-",
        { Eastern: { } eastern, AgreementZone: { } local } => $"{CliRunner.Day(cutoff.Date)} {Time.Format(eastern)} = {Time.Format(local)}",
        _ => CliRunner.Day(cutoff.Date),
    };

    private static string Status(Deadline d) => d.Status switch
    {
        DeadlineStatus.Met when d.MetBy is { } met => $"met {CliRunner.Day(met.Date)}{(d.OnTime == true ? "" : " (late)")}",
        DeadlineStatus.Waived => "waived (§ 6(f))",
        _ => d.Status.ToString().ToLowerInvariant(),
    };
}

using System.CommandLine;
using NodaTime;
using RegRights.Contracts.Calendars;
using RegRights.Core.Calendars;

namespace RegRights.Cli.Commands;

/// <summary><c>regrights business-days</c>: the days in a range that are not § 1 Business Days, and why.</summary>
internal static class BusinessDaysCommand
{
    internal static Command Create()
    {
        var from = CliRunner.DateOption("--from", "The first date of the range.", required: true);
        var to = CliRunner.DateOption("--to", "The last date of the range (included).", required: true);
        var json = new Option<bool>("--json") { Description = "Print the JSON document the HTTP API returns." };

        var command = new Command("business-days", "Non-Business Days under § 1 in a range (both ends included), with their legal sources; contested days listed apart, with both readings.")
        {
            from, to, json,
        };
        command.SetAction(parse =>
        {
            if (parse.GetValue(to) < parse.GetValue(from))
            {
                return CliRunner.Fail($"--to: {CliRunner.Day(parse.GetValue(to))} is before --from {CliRunner.Day(parse.GetValue(from))}.");
            }

            var calendar = BusinessDayCalendar.Section1;
            var interval = new DateInterval(parse.GetValue(from), parse.GetValue(to));
            var document = NonBusinessDaysDocument.From(calendar.GetNotableDays(interval));
            if (parse.GetValue(json))
            {
                CliRunner.WriteJson(document);
            }
            else
            {
                WriteTable(calendar, interval, document);
            }

            return 0;
        });
        return command;
    }

    private static void WriteTable(BusinessDayCalendar calendar, DateInterval interval, NonBusinessDaysDocument document)
    {
        var output = Console.Out;
        var businessDays = interval.Count(calendar.IsBusinessDay);
        var weekends = document.NonBusinessDays.Count(d => d.Reasons.All(r => r.Kind == DayReasonKind.Weekend));
        output.WriteLine($"{calendar.Name}, {CliRunner.Day(interval.Start)} to {CliRunner.Day(interval.End)}: " +
            $"{businessDays} Business Days of {interval.Length} days");
        output.WriteLine();
        output.WriteLine($"{"DATE",-15} {"BUSINESS DAY",-13} WHY");
        var closed = document.NonBusinessDays
            .Where(d => !d.Contested && d.Reasons.Any(r => r.Kind != DayReasonKind.Weekend))
            .Select(d => (d.Date, Status: "no", d.Reasons, Note: ""));
        var contested = document.ContestedDays
            .Select(d => (d.Date, Status: "contested", d.Reasons, Note: d.BusinessDay
                ? " (a Business Day under the default reading; not one under the other)"
                : " (not a Business Day under the reading applied; one under the default)"));
        foreach (var (date, status, reasons, note) in closed.Concat(contested).OrderBy(d => d.Date))
        {
            var why = string.Join("; ", reasons.Select(r => $"{r.Name} ({r.Source})"));
            output.WriteLine($"{CliRunner.Day(date),-15} {status,-13} {why}{note}");
        }

        output.WriteLine();
        output.WriteLine($"Not listed: {weekends} Saturdays and Sundays with no holiday (--json lists every day).");
    }
}

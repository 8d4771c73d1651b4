using System.CommandLine;
using NodaTime;
using RegRights.Contracts.Calendars;
using RegRights.Core.Calendars;

namespace RegRights.Cli.Commands;

/// <summary>
/// The shape <c>regrights business-days</c> and <c>regrights trading-days</c> share: a calendar from the catalog
/// (<c>--calendar</c>), and either a range (<c>--from</c>, <c>--to</c>: the days in it the calendar does not count, and
/// why) or a count from a date (<c>--from</c>, <c>--count</c>: the day N counted days on, and the days skipped).
/// </summary>
internal static class CalendarDaysCommand
{
    /// <summary>Builds one of the two commands.</summary>
    /// <param name="name">The command's name.</param>
    /// <param name="description">Its one-line help.</param>
    /// <param name="defaultCalendar">The catalog name used without <c>--calendar</c>.</param>
    /// <param name="dayName">The days the command counts ("Business Day", "Trading Day"): a calendar counting others is refused.</param>
    /// <param name="otherCommand">The command that counts the other kind, named in that refusal.</param>
    internal static Command Create(string name, string description, string defaultCalendar, string dayName, string otherCommand)
    {
        // A name, checked against the catalog while parsing; the calendar itself is built only when the command runs.
        var calendarOption = new Option<string>("--calendar")
        {
            Description = $"The calendar, by name: {string.Join(", ", CalendarCatalog.Names)}.",
            HelpName = "NAME",
            DefaultValueFactory = _ => defaultCalendar,
            CustomParser = result =>
            {
                var text = result.Tokens.Count == 0 ? "" : result.Tokens[0].Value;
                if (!CalendarCatalog.TryGet(text, out var calendar))
                {
                    result.AddError($"--calendar: {CalendarCatalog.UnknownMessage(text)}");
                    return null;
                }

                // Each command keeps to its own kind of day: a Trading Day is not a Business Day.
                var counts = calendar.DayName == "Trading Day" ? "Trading Day" : "Business Day";
                if (counts != dayName)
                {
                    result.AddError($"--calendar: {calendar.Key} counts {counts}s; use regrights {otherCommand}.");
                    return null;
                }

                return calendar.Key;
            },
        };
        var from = CliRunner.DateOption("--from", "The first date of the range, or the date counted from (never itself counted).", required: true);
        var to = CliRunner.DateOption("--to", "The last date of the range (included).");
        var count = CliRunner.IntOption("--count", $"Count N {dayName}s from --from: forward, or back when negative (e.g. --count=-5).", -10000, 10000);
        var carveOut = new Option<bool>("--stay-at-home-carve-out")
        {
            Description = "Do not count a closure of physical bank offices while electronic funds transfer systems stayed open (new-york-banks: Hurricane Sandy).",
        };
        var json = new Option<bool>("--json") { Description = "Print the JSON document (a range: the document the HTTP API returns)." };

        var command = new Command(name, description) { calendarOption, from, to, count, carveOut, json };
        command.SetAction(parse =>
        {
            var calendar = CalendarCatalog.Get(parse.GetValue(calendarOption)!).WithStayAtHomeCarveOut(parse.GetValue(carveOut));
            var start = parse.GetValue(from);
            var hasTo = parse.GetResult(to) is not null;
            var hasCount = parse.GetResult(count) is not null;
            if (hasTo == hasCount)
            {
                return CliRunner.Fail(hasTo
                    ? "--count: give --to (a range) or --count (a count from --from), not both."
                    : "--to: give --to (a range) or --count (a count from --from).");
            }

            if (hasCount)
            {
                return WriteCount(calendar, start, parse.GetValue(count), parse.GetValue(json));
            }

            if (parse.GetValue(to) < start)
            {
                return CliRunner.Fail($"--to: {CliRunner.Day(parse.GetValue(to))} is before --from {CliRunner.Day(start)}.");
            }

            var interval = new DateInterval(start, parse.GetValue(to));
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

    private static int WriteCount(BusinessDayCalendar calendar, LocalDate start, int n, bool json)
    {
        var other = calendar.WithReading(calendar.Reading == ContestedDayReading.Open ? ContestedDayReading.Closed : ContestedDayReading.Open);
        LocalDate date, otherDate;
        try
        {
            date = calendar.PlusBusinessDays(start, n);
            otherDate = other.PlusBusinessDays(start, n);
        }
        catch (ArgumentOutOfRangeException)
        {
            // The caller's dates' fault: one line naming the option, exit code 2.
            return CliRunner.Fail($"--count: counting {n} {calendar.DayName}s from {CliRunner.Day(start)} leaves the supported range " +
                $"{CliRunner.Day(BusinessDayCalendar.MinDate)} to {CliRunner.Day(BusinessDayCalendar.MaxDate)}.");
        }

        // The days stepped over and the day reached (listed when contested), never the start.
        List<CalendarDay> notable = n switch
        {
            > 0 => [.. calendar.GetNotableDays(new DateInterval(start.PlusDays(1), date))],
            < 0 => [.. calendar.GetNotableDays(new DateInterval(date, start.PlusDays(-1)))],
            _ => [],
        };
        var document = new CalendarCountDocument(
            calendar.Key, calendar.DayName, start, n, date, date.DayOfWeek, otherDate == date ? null : otherDate,
            NonBusinessDaysDocument.From(notable));
        if (json)
        {
            CliRunner.WriteJson(document);
            return 0;
        }

        var output = Console.Out;
        var direction = n >= 0 ? "after" : "before";
        output.WriteLine($"{calendar.Name}: {Math.Abs(n)} {Plural(calendar, Math.Abs(n))} {direction} {CliRunner.Day(start)} is {CliRunner.Day(date)}");
        if (otherDate != date)
        {
            output.WriteLine($"Under the other reading of contested days: {CliRunner.Day(otherDate)}");
        }

        WriteReasons(calendar, document.Skipped);
        return 0;
    }

    private static void WriteTable(BusinessDayCalendar calendar, DateInterval interval, NonBusinessDaysDocument document)
    {
        var output = Console.Out;
        var counted = calendar.CountBusinessDays(interval);
        output.WriteLine($"{calendar.Name}, {CliRunner.Day(interval.Start)} to {CliRunner.Day(interval.End)}: " +
            $"{counted} {calendar.DayName}s of {interval.Length} days");
        WriteReasons(calendar, document);
        var weekends = document.NonBusinessDays.Count(d => d.Reasons.All(r => r.Kind == DayReasonKind.Weekend));
        output.WriteLine();
        output.WriteLine($"Not listed: {weekends} Saturdays and Sundays with no holiday (--json lists every day).");
    }

    private static void WriteReasons(BusinessDayCalendar calendar, NonBusinessDaysDocument document)
    {
        var output = Console.Out;
        var day = calendar.DayName;
        output.WriteLine();
        var width = Math.Max(13, day.Length + 1);
        output.WriteLine($"{"DATE",-15} {day.ToUpperInvariant().PadRight(width)} WHY");
        var closed = document.NonBusinessDays
            .Where(d => !d.Contested && d.Reasons.Any(r => r.Kind != DayReasonKind.Weekend))
            .Select(d => (d.Date, Status: "no", d.Reasons, Note: ""));
        var contested = document.ContestedDays
            .Select(d => (d.Date, Status: "contested", d.Reasons, Note: d.BusinessDay
                ? $" (a {day} under the default reading; not one under the other)"
                : $" (not a {day} under the reading applied; one under the default)"));
        foreach (var (date, status, reasons, note) in closed.Concat(contested).OrderBy(d => d.Date))
        {
            var why = string.Join("; ", reasons.Select(r => $"{r.Name} ({r.Source})"));
            output.WriteLine($"{CliRunner.Day(date),-15} {status.PadRight(width)} {why}{note}");
        }
    }

    // "Business Days", "Trading Days", "EDGAR filing days": the calendar's own word for its days, plural.
    private static string Plural(BusinessDayCalendar calendar, int n) => n == 1 ? calendar.DayName : $"{calendar.DayName}s";
}

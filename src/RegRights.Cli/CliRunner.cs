using System.CommandLine;
using System.Text.Json;
using NodaTime;
using NodaTime.Text;
using RegRights.Contracts;
using RegRights.Core.Calendars;

namespace RegRights.Cli;

/// <summary>Runs a command line and the pieces every command shares: date options, JSON output, exit codes.</summary>
internal static class CliRunner
{
    /// <summary>Exit code for a bad argument, after a one-line error on stderr.</summary>
    internal const int UsageError = 2;

    private static readonly LocalDatePattern IsoDate = LocalDatePattern.Iso;
    private static readonly LocalDatePattern ShortDay = LocalDatePattern.CreateWithInvariantCulture("ddd uuuu-MM-dd");

    internal static int Run(RootCommand root, string[] args)
    {
        // The library's words for a mistyped command ("Required command was not provided") name neither the word typed
        // nor what would do; a first word that is no option and no command is named, with the commands there are.
        var commands = string.Join(", ", root.Subcommands.Select(c => c.Name));
        if (args.Length > 0 && !args[0].StartsWith('-') && root.Subcommands.All(c => c.Name != args[0]))
        {
            return Fail($"unknown command '{args[0]}'; commands: {commands} (--help for each).");
        }

        if (args.Length == 0)
        {
            return Fail($"no command given; commands: {commands} (--help for each).");
        }

        var result = root.Parse(args);
        if (result.Errors.Count > 0)
        {
            // One line naming the argument, not the library's help dump: scripts read stderr.
            return Fail(result.Errors[0].Message);
        }

        try
        {
            // Without the library's handler an exception reaches the catch below instead of a stack trace on stderr.
            return result.Invoke(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
        }
        catch (ArgumentOutOfRangeException ex)
        {
            // A count that leaves the calendar's range (a closing late in 2100, say) is the caller's dates' fault: say so,
            // without the internal parameter name the exception carries.
            var reason = ex.Message.Split(Environment.NewLine)[0];
            if (ex.ParamName is { } param)
            {
                reason = reason.Replace($" (Parameter '{param}')", string.Empty, StringComparison.Ordinal);
            }

            return Fail($"a deadline counted from the dates given falls outside the calendar: {reason}");
        }
    }

    /// <summary>
    /// An ISO date option (yyyy-MM-dd) limited to the calendar's supported range, or to <paramref name="latest"/> when
    /// given. Checks live in the parser: a validator that reads a value the parser refused throws instead of reporting.
    /// </summary>
    internal static Option<LocalDate> DateOption(
        string name, string description, bool required = false, LocalDate? latest = null, string? whyLatest = null) =>
        new(name)
        {
            Description = description,
            Required = required,
            HelpName = "yyyy-MM-dd",
            CustomParser = result =>
            {
                var date = ParseDate(name, result.Tokens.Count == 0 ? "" : result.Tokens[0].Value, result.AddError);
                if (latest is { } last && date > last)
                {
                    result.AddError($"{name}: {IsoDate.Format(date)} is after {IsoDate.Format(last)}; {whyLatest}");
                }

                return date;
            },
        };

    /// <summary>Writes the one-line error for a bad argument found after parsing and returns <see cref="UsageError"/>.</summary>
    internal static int Fail(string message)
    {
        Console.Error.WriteLine($"regrights: {message}");
        return UsageError;
    }

    /// <summary>A whole-number option limited to [min, max].</summary>
    internal static Option<int> IntOption(string name, string description, int min, int max) =>
        new(name)
        {
            Description = description,
            HelpName = "N",
            CustomParser = result =>
            {
                var text = result.Tokens.Count == 0 ? "" : result.Tokens[0].Value;
                if (int.TryParse(text, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var value)
                    && value >= min && value <= max)
                {
                    return value;
                }

                result.AddError($"{name}: '{text}' is not a whole number in [{min}, {max}].");
                return 0;
            },
        };

    /// <summary>A repeatable ISO date option.</summary>
    internal static Option<LocalDate[]> DatesOption(string name, string description) =>
        new(name)
        {
            Description = description,
            HelpName = "yyyy-MM-dd",
            CustomParser = result => [.. result.Tokens.Select(t => ParseDate(name, t.Value, result.AddError))],
        };

    internal static void WriteJson<T>(T document) =>
        Console.Out.WriteLine(JsonSerializer.Serialize(document, RegRightsJson.TypeInfo<T>()));

    internal static string Day(LocalDate date) => ShortDay.Format(date);

    private static LocalDate ParseDate(string name, string text, Action<string> error)
    {
        var parsed = IsoDate.Parse(text);
        if (!parsed.Success)
        {
            error($"{name}: '{text}' is not a date; expected yyyy-MM-dd, e.g. 2000-04-28.");
            return default;
        }

        var date = parsed.Value;
        if (date < BusinessDayCalendar.MinDate || date > BusinessDayCalendar.MaxDate)
        {
            error($"{name}: {IsoDate.Format(date)} is outside the supported range {IsoDate.Format(BusinessDayCalendar.MinDate)} to {IsoDate.Format(BusinessDayCalendar.MaxDate)}.");
            return default;
        }

        return date;
    }
}

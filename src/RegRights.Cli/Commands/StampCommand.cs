using System.CommandLine;
using NodaTime;
using NodaTime.Text;
using RegRights.Contracts.Notices;
using RegRights.Core.Agreements;
using RegRights.Core.Notices;

namespace RegRights.Cli.Commands;

/// <summary><c>regrights stamp</c>: when a notice sent one way is deemed given and effective under § 6(h).</summary>
internal static class StampCommand
{
    // Local time with offset and abbreviation, so a reader sees which of PST and PDT was in force that day.
    private static readonly ZonedDateTimePattern Moment =
        ZonedDateTimePattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd HH':'mm':'ss;FFFFFFFFF o<+HH:mm> '('x')'", null);

    private static readonly LocalDatePattern Day = LocalDatePattern.CreateWithInvariantCulture("dddd uuuu'-'MM'-'dd");

    internal static Command Create()
    {
        // Plain strings: NoticeRequestParser, the API's own reader, does every check, so the CLI and POST /api/notices
        // refuse the same input with the same words. No validator reads them (see CliRunner.DateOption).
        var method = new Option<string>("--method")
        {
            Description = "How the notice was sent: facsimile, courier (nationally recognized overnight courier), email, mail or hand.",
            Required = true,
            HelpName = "facsimile|courier|email|mail|hand",
        };
        var sent = new Option<string>("--sent")
        {
            Description = "When it was sent (transmitted, mailed), ISO-8601 with its UTC offset, e.g. 2000-05-26T14:05:00-07:00.",
            Required = true,
            HelpName = "ISO-8601-WITH-OFFSET",
        };
        var received = new Option<string>("--received")
        {
            Description = "When it was actually received, same format; § 6(h)(iv) (e-mail, mail, hand, and the gaps) needs it.",
            HelpName = "ISO-8601-WITH-OFFSET",
        };
        var clause = new Option<string>("--clause")
        {
            Description = $"The notice clause, by name: {string.Join(", ", NoticeClause.Names)} (default {NoticeClause.NeoTherapeutics2000Name}, the seed's § 6(h)).",
            HelpName = "NAME",
        };
        var json = new Option<bool>("--json") { Description = "Print the JSON document the HTTP API returns." };

        var command = new Command("stamp",
            $"When a notice is deemed given and effective under a notice clause (the seed's § 6(h), in {AgreementTerms.NeoTherapeutics2000.ZoneName}, unless --clause names another), with the rule applied and any gap in the text.")
        {
            method, sent, received, clause, json,
        };
        command.SetAction(parse =>
        {
            var name = parse.GetValue(clause) ?? NoticeClause.NeoTherapeutics2000Name;
            if (!NoticeClause.TryGet(name, out var chosen))
            {
                return CliRunner.Fail($"--clause: {NoticeClause.UnknownMessage(name)}");
            }

            var terms = AgreementTerms.NeoTherapeutics2000 with { NoticeClause = chosen };
            var request = new StampNoticeRequest
            {
                Deliveries = [new DeliveryRequest { Method = parse.GetValue(method), SentAt = parse.GetValue(sent), ReceivedAt = parse.GetValue(received) }],
            };
            var parsed = NoticeRequestParser.Parse(request, terms);
            if (!parsed.TryGetValue(out var deliveries))
            {
                return CliRunner.Fail(FirstError(parsed.Errors));
            }

            // The CLI is an edge: it reads the clock, as the API does; Core never does. It records nothing, so the
            // warnings compare claimed times with the moment it ran and say so.
            var stamp = NoticeStamper.Default.Stamp(terms, deliveries, SystemClock.Instance.GetCurrentInstant(), "this command ran");
            if (parse.GetValue(json))
            {
                CliRunner.WriteJson(NoticeStampResponse.From(stamp, terms.NoticeTimeZone));
            }
            else
            {
                WriteText(stamp, terms.NoticeTimeZone);
            }

            return 0;
        });
        return command;
    }

    /// <summary>The parser's first error, with its JSON path replaced by the option a user typed.</summary>
    private static string FirstError(IReadOnlyDictionary<string, string[]> errors)
    {
        (string Path, string Option)[] options =
        [
            ("deliveries[0].method", "--method"),
            ("deliveries[0].sentAt", "--sent"),
            ("deliveries[0].receivedAt", "--received"),
        ];
        foreach (var (path, option) in options)
        {
            if (errors.TryGetValue(path, out var messages))
            {
                return $"{option}: {messages[0]}";
            }
        }

        var first = errors.First();
        return $"{first.Key}: {first.Value[0]}";
    }

    private static void WriteText(NoticeStamp stamp, DateTimeZone zone)
    {
        var output = Console.Out;
        output.WriteLine($"Effective:   {Effective(stamp.EffectiveDate, stamp.CountsFrom, zone)}");
        output.WriteLine($"Rule:        {NoticeClause.Cite(stamp.Section)}");
        output.WriteLine(stamp.Alternative is { } other
            ? $"Gap:         yes; the other reading: {Effective(other.EffectiveDate, other.CountsFrom, zone)} under {NoticeClause.Cite(other.Section)}"
            : "Gap:         no");
        output.WriteLine($"Explanation: {stamp.Explanation}");
        foreach (var warning in stamp.Warnings)
        {
            output.WriteLine($"! {warning.Message}");
        }
    }

    private static string Effective(LocalDate? date, Instant? countsFrom, DateTimeZone zone) => (date, countsFrom) switch
    {
        ({ } d, { } from) => $"{Day.Format(d)}, counting from {Moment.Format(from.InZone(zone))}",
        _ => "none yet: effective upon actual receipt, and no receipt is recorded (--received)",
    };
}

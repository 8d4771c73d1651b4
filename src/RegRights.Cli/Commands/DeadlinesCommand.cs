using System.CommandLine;
using System.Globalization;
using NodaTime;
using NodaTime.Extensions;
using NodaTime.Text;
using RegRights.Contracts;
using RegRights.Contracts.Agreements;
using RegRights.Contracts.Deadlines;
using RegRights.Core.Agreements;
using RegRights.Core.Calendars;
using RegRights.Core.Deadlines;
using RegRights.Core.DelayPayments;
using RegRights.Core.Reminders;

namespace RegRights.Cli.Commands;

/// <summary>
/// <c>regrights deadlines</c>: every deadline of a deal from its template, its terms, its events and its Holders'
/// subscription amounts (the seed agreement and a Closing Date by default): the document the API's deadlines endpoint
/// returns for the same agreement.
/// </summary>
internal static class DeadlinesCommand
{
    private static readonly ZonedDateTimePattern Time =
        ZonedDateTimePattern.CreateWithInvariantCulture("HH:mm x '('o<m>')'", DateTimeZoneProviders.Tzdb);

    internal static Command Create()
    {
        var closing = CliRunner.DateOption("--closing", "The Closing Date (§ 1); or give the closing in --events.", required: false,
            BusinessDayCalendar.MaxDate.PlusYears(-2), "the schedule runs two years past the Closing Date and the calendar ends there.");
        var excusedDelay = CliRunner.IntOption("--excused-delay-days",
            "Days of delay in effectiveness not caused by the Company (§ 2(a)); postpones the Effectiveness Date.", 0, 1000);
        var comments = CliRunner.DatesOption("--sec-comment-received", "The date an SEC comment letter was received (§ 3(b)(iii)); repeat per letter.");
        var filed = CliRunner.DateOption("--filed", "The date the Registration Statement was filed (§ 2(a)).");
        var asOf = CliRunner.DateOption("--as-of", $"The date statuses are judged on; today in {AgreementTerms.NeoTherapeutics2000.ZoneName} by default.");
        var json = new Option<bool>("--json") { Description = "Print the JSON document the HTTP API returns." };
        var template = new Option<string>("--template")
        {
            Description = $"The template whose terms the deal starts from: {string.Join(", ", AgreementTemplates.All.Select(t => t.Name))} (default {AgreementTemplates.DefaultName}).",
            HelpName = "NAME",
        };
        var termsFile = new Option<FileInfo>("--terms") { Description = "A JSON file of terms overriding the template's, as the agreement document's \"terms\".", HelpName = "FILE.json" };
        var eventsFile = new Option<FileInfo>("--events") { Description = "A JSON file: an array of events, as POST /api/agreements/{id}/events takes them.", HelpName = "FILE.json" };
        var holdersFile = new Option<FileInfo>("--parties") { Description = "A JSON file: the agreement document's \"parties\", with each Holder's subscriptionAmount.", HelpName = "FILE.json" };

        var command = new Command("deadlines", "Every deadline of the agreement, with basis, cutoffs and warnings, its delay payments and suspensions.")
        {
            closing, excusedDelay, comments, filed, asOf, json, template, termsFile, eventsFile, holdersFile,
        };
        command.SetAction(parse =>
        {
            var name = parse.GetValue(template) ?? AgreementTemplates.DefaultName;
            if (!AgreementTemplates.TryGet(name, out var chosen))
            {
                return CliRunner.Fail($"--template: {AgreementTemplates.UnknownMessage(name)}");
            }

            var terms = chosen.Terms;
            if (parse.GetValue(termsFile) is { } file)
            {
                if (Read<TermsDocument>("--terms", file, out var document) is { } error)
                {
                    return CliRunner.Fail(error);
                }

                try
                {
                    terms = document!.ToTerms(terms);
                }
                catch (ArgumentException ex)
                {
                    return CliRunner.Fail($"--terms: $.{ex.ParamName}: {FirstLine(ex.Message)}");
                }
            }

            var holders = new List<HolderSubscription>();
            if (parse.GetValue(holdersFile) is { } partiesFile)
            {
                if (Read<IReadOnlyList<PartyDocument>>("--parties", partiesFile, out var parties) is { } error)
                {
                    return CliRunner.Fail(error);
                }

                for (var i = 0; i < parties!.Count; i++)
                {
                    try
                    {
                        holders.AddRange(parties[i]?.ToSubscriptions() ?? []);
                    }
                    catch (ArgumentException ex)
                    {
                        return CliRunner.Fail($"--parties: $[{i}].subscriptionAmount.{ex.ParamName}: {FirstLine(ex.Message)}");
                    }
                }
            }

            var events = new List<AgreementEvent>();
            if (parse.GetResult(closing) is not null)
            {
                events.Add(new("closing", AgreementEventKind.Closing, parse.GetValue(closing)));
            }
            else if (parse.GetValue(eventsFile) is null)
            {
                return CliRunner.Fail("--closing: required, unless --events gives the closing.");
            }
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

            if (parse.GetValue(eventsFile) is { } recorded && AddEvents(recorded, events) is { } eventError)
            {
                return CliRunner.Fail(eventError);
            }

            if (parse.GetValue(eventsFile) is not null && ScheduleRange.FindOutOfRange(terms, events, ReminderLadder.Default) is { } outside)
            {
                return CliRunner.Fail($"--events: {outside}");
            }

            var date = parse.GetResult(asOf) is not null
                ? parse.GetValue(asOf)
                : SystemClock.Instance.InZone(terms.TimeZone).GetCurrentDate();
            DeadlineSchedule schedule;
            try
            {
                schedule = DeadlineEngine.Compute(terms, events, date, holders);
            }
            catch (ArgumentException ex)
            {
                return CliRunner.Fail($"--parties: {FirstLine(ex.Message)}");
            }
            if (parse.GetValue(json))
            {
                CliRunner.WriteJson(DeadlinesDocument.From(schedule));
            }
            else
            {
                WriteTable(schedule, events.FirstOrDefault(e => e.Kind == AgreementEventKind.Closing)?.Date);
            }

            return 0;
        });
        return command;
    }

    // The events file, read as the API reads a posted event, each checked against those before it as the API checks it.
    private static string? AddEvents(FileInfo file, List<AgreementEvent> events)
    {
        if (Read<IReadOnlyList<AgreementEventDocument>>("--events", file, out var documents) is { } error)
        {
            return error;
        }

        for (var i = 0; i < documents!.Count; i++)
        {
            var d = documents[i];
            var at = string.Create(CultureInfo.InvariantCulture, $"--events: $[{i}]");
            if (d is null || string.IsNullOrWhiteSpace(d.Id) || d.Kind is null || d.Date is null)
            {
                return $"{at}: an event needs its id, kind and date.";
            }

            if (d.Date < BusinessDayCalendar.MinDate || d.Date > BusinessDayCalendar.MaxDate)
            {
                return $"{at}.date: {d.Date:uuuu-MM-dd} is outside the dates the calendars cover, {BusinessDayCalendar.MinDate:uuuu-MM-dd} to {BusinessDayCalendar.MaxDate:uuuu-MM-dd}.";
            }

            AgreementEvent next;
            try
            {
                next = new(d.Id, d.Kind.Value, d.Date.Value)
                {
                    RefersTo = d.RefersTo, Days = d.Days, DeadlineKey = d.DeadlineKey, Note = d.Note, Tranche = d.Tranche,
                    Holder = d.Holder, Amount = d.Amount?.ToMoney(),
                };
            }
            catch (ArgumentException ex)
            {
                return $"{at}: {FirstLine(ex.Message)}";
            }

            if (events.Any(e => e.Id == next.Id))
            {
                return $"{at}.id: '{next.Id}' is given twice.";
            }

            if (EventRecordRules.FindContradiction(events, next) is { } contradiction)
            {
                return $"{at}: {contradiction}";
            }

            events.Add(next);
        }

        return null;
    }

    private static string? Read<T>(string option, FileInfo file, out T? value)
        where T : class
    {
        value = null;
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(file.FullName);
        }
        catch (IOException ex)
        {
            return $"{option}: {file.FullName}: {ex.Message}";
        }
        catch (UnauthorizedAccessException ex)
        {
            return $"{option}: {file.FullName}: {ex.Message}";
        }

        var read = RegRightsJson.Read<T>(bytes);
        if (!read.Success)
        {
            var (path, messages) = read.Errors.First();
            return $"{option}: {path}: {messages[0]}";
        }

        value = read.Value;
        return null;
    }

    private static string FirstLine(string message)
    {
        var cut = message.IndexOf(" (Parameter", StringComparison.Ordinal);
        return cut > 0 ? message[..cut] : message;
    }

    private static void WriteTable(DeadlineSchedule schedule, LocalDate? closing)
    {
        var output = Console.Out;
        output.WriteLine(closing is { } first
            ? $"Deadlines for Closing Date {CliRunner.Day(first)}, as of {CliRunner.Day(schedule.AsOf)} ({schedule.Terms.ZoneName}, {schedule.Terms.TimeZone.Id})"
            : $"Deadlines as of {CliRunner.Day(schedule.AsOf)} ({schedule.Terms.ZoneName}, {schedule.Terms.TimeZone.Id})");
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

        foreach (var failure in schedule.DelayPayments)
        {
            output.WriteLine();
            output.WriteLine($"{DelayPaymentText.Describe(failure.Failure)}: {failure.Basis}");
            output.WriteLine($"    {failure.Schedule?.Explanation ?? failure.NotComputed}");
            foreach (var period in failure.Schedule?.Periods ?? [])
            {
                output.WriteLine($"    {period.Basis}: {string.Join("; ", period.Holders.Select(h => $"{h.HolderId} {h.Amount}"))}; total {period.Total}");
            }
        }

        if (schedule.Suspensions is { } suspensions && (suspensions.OccasionsUsed > 0 || suspensions.Breaches.Count > 0))
        {
            output.WriteLine();
            output.WriteLine(suspensions.Explanation);
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

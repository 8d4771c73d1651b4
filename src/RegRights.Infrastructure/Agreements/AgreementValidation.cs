using RegRights.Contracts.Agreements;
using RegRights.Core.Agreements;
using RegRights.Core.Calendars;
using RegRights.Infrastructure.Email;

namespace RegRights.Infrastructure.Agreements;

/// <summary>Field checks on agreement and event documents; every error is keyed by the field's JSON path.</summary>
internal static class AgreementValidation
{
    public const int MaxText = 1000;

    public static Dictionary<string, string[]> Validate(AgreementDocument document)
    {
        var errors = new Dictionary<string, string[]>();
        Text(errors, "$.name", document.Name, required: true);
        if (document.Terms is { } terms)
        {
            try
            {
                terms.ToTerms();
                ClosuresInRange(errors, terms);
            }
            catch (ArgumentException ex)
            {
                var field = string.IsNullOrEmpty(ex.ParamName) ? "" : "." + char.ToLowerInvariant(ex.ParamName[0]) + ex.ParamName[1..];
                errors[$"$.terms{field}"] = [FirstLine(ex.Message)];
            }
        }

        for (var i = 0; i < (document.Parties?.Count ?? 0); i++)
        {
            var party = document.Parties![i];
            Text(errors, $"$.parties[{i}].name", party?.Name, required: true);
            if (party?.Role is null)
            {
                errors[$"$.parties[{i}].role"] = ["Required: company or holder."];
            }
        }

        for (var i = 0; i < (document.Contacts?.Count ?? 0); i++)
        {
            var contact = document.Contacts![i];
            Text(errors, $"$.contacts[{i}].name", contact?.Name, required: true);
            if (contact?.Role is null)
            {
                errors[$"$.contacts[{i}].role"] = ["Required: company, companyCounsel, holder, holdersCounsel or specialCounsel."];
            }

            // Checked at the write: a stored bad address fails every reminder sent to it, long after anyone could fix it.
            if (!string.IsNullOrEmpty(contact?.Email) && EmailAddress.FindProblem(contact.Email) is { } problem)
            {
                errors[$"$.contacts[{i}].email"] = [problem];
            }
        }

        return errors;
    }

    public static Dictionary<string, string[]> Validate(AgreementEventDocument document)
    {
        var errors = new Dictionary<string, string[]>();
        Text(errors, "$.id", document.Id, required: true);
        if (document.Id is { } id && id.Any(char.IsControl))
        {
            errors["$.id"] = ["An event id may not contain control characters."];
        }

        if (document.Kind is null)
        {
            errors["$.kind"] = ["Required: " + string.Join(", ", Enum.GetNames<AgreementEventKind>().Select(n => char.ToLowerInvariant(n[0]) + n[1..])) + "."];
        }

        if (document.Date is null)
        {
            errors["$.date"] = ["Required: the ISO date it happened, in the agreement's zone (e.g. 2000-04-28)."];
        }

        if (document.Kind is { } kind && EventRecordRules.Answers.TryGetValue(kind, out var answered) && string.IsNullOrEmpty(document.RefersTo))
        {
            errors["$.refersTo"] = [$"Required for {kind}: the id of the {answered} event it answers."];
        }

        if (document.Kind == AgreementEventKind.ExcusedDelay && document.Days is not (>= 1 and <= 1000))
        {
            errors["$.days"] = ["Required for excusedDelay: the days of excused delay, 1 to 1000 (§ 2(a))."];
        }

        if (document.Kind == AgreementEventKind.Waiver && string.IsNullOrEmpty(document.DeadlineKey))
        {
            errors["$.deadlineKey"] = ["Required for waiver: the key of the deadline waived, e.g. filing-date (§ 6(f))."];
        }

        Text(errors, "$.refersTo", document.RefersTo, required: false);
        Text(errors, "$.deadlineKey", document.DeadlineKey, required: false);
        Text(errors, "$.note", document.Note, required: false);
        return errors;
    }

    public static AgreementEvent ToEvent(AgreementEventDocument d) => new(d.Id!, d.Kind!.Value, d.Date!.Value)
    {
        RefersTo = d.RefersTo,
        Days = d.Days,
        DeadlineKey = d.DeadlineKey,
        Note = d.Note,
    };

    // A closure outside the calendar would be stored and then break the calendar, so every read, of its agreement.
    private static void ClosuresInRange(Dictionary<string, string[]> errors, TermsDocument terms)
    {
        for (var i = 0; i < (terms.Closures?.Count ?? 0); i++)
        {
            if (terms.Closures![i].Date is { } date && (date < BusinessDayCalendar.MinDate || date > BusinessDayCalendar.MaxDate))
            {
                errors[$"$.terms.closures[{i}].date"] =
                    [$"{date:uuuu-MM-dd} is outside the dates the § 1 Business Day calendar covers, {BusinessDayCalendar.MinDate:uuuu-MM-dd} to {BusinessDayCalendar.MaxDate:uuuu-MM-dd}."];
            }
        }
    }

    private static void Text(Dictionary<string, string[]> errors, string path, string? value, bool required)
    {
        if (required && string.IsNullOrWhiteSpace(value))
        {
            errors[path] = ["Required."];
        }
        else if (value is { Length: > MaxText })
        {
            errors[path] = [$"At most {MaxText} characters."];
        }
    }

    private static string FirstLine(string message)
    {
        var cut = message.IndexOf(" (Parameter", StringComparison.Ordinal);
        return cut > 0 ? message[..cut] : message;
    }
}

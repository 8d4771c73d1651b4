using System.Globalization;
using RegRights.Application.Email;
using RegRights.Contracts.Agreements;
using RegRights.Core.Agreements;
using RegRights.Core.Calendars;
using RegRights.Core.Deadlines;

namespace RegRights.Application.Agreements;

/// <summary>Field checks on agreement and event documents; every error is keyed by the field's JSON path.</summary>
internal static class AgreementValidation
{
    public const int MaxText = 1000;

    public static Dictionary<string, string[]> Validate(AgreementDocument document)
    {
        var errors = new Dictionary<string, string[]>();
        Text(errors, "$.name", document.Name, required: true, singleLine: true);
        var template = AgreementTemplates.NeoTherapeutics2000;
        if (document.Template is { } name && !AgreementTemplates.TryGet(name, out template))
        {
            errors["$.template"] = [AgreementTemplates.UnknownMessage(name)];
            template = AgreementTemplates.NeoTherapeutics2000;
        }

        if (document.Terms is { } terms)
        {
            try
            {
                terms.ToTerms(template.Terms);
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
            Text(errors, $"$.parties[{i}].name", party?.Name, required: true, singleLine: true);
            Text(errors, $"$.parties[{i}].address", party?.Address, required: false, singleLine: false);
            if (party?.Role is null)
            {
                errors[$"$.parties[{i}].role"] = ["Required: company or holder."];
            }
        }

        SubscriptionAmounts(errors, document.Parties);

        for (var i = 0; i < (document.Contacts?.Count ?? 0); i++)
        {
            var contact = document.Contacts![i];
            Text(errors, $"$.contacts[{i}].name", contact?.Name, required: true, singleLine: true);
            Text(errors, $"$.contacts[{i}].represents", contact?.Represents, required: false, singleLine: true);
            Text(errors, $"$.contacts[{i}].facsimile", contact?.Facsimile, required: false, singleLine: true);
            Text(errors, $"$.contacts[{i}].address", contact?.Address, required: false, singleLine: false);
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
        Text(errors, "$.id", document.Id, required: true, singleLine: true);

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
        else if (document.Kind == AgreementEventKind.Waiver && ObligationCatalog.Find(document.DeadlineKey!) is null)
        {
            // A waiver of no deadline would be stored and waive nothing, while the record reads as if it did.
            errors["$.deadlineKey"] = [$"'{document.DeadlineKey}' names no deadline; use one of {string.Join(", ", ObligationCatalog.All.Select(o => o.Key))}, with #n for an instance (sec-comment-response#2)."];
        }

        Text(errors, "$.refersTo", document.RefersTo, required: false, singleLine: true);
        Text(errors, "$.deadlineKey", document.DeadlineKey, required: false, singleLine: true);
        Text(errors, "$.note", document.Note, required: false, singleLine: false);
        DealEvent(errors, document);
        return errors;
    }

    public static AgreementEvent ToEvent(AgreementEventDocument d) => new(d.Id!, d.Kind!.Value, d.Date!.Value)
    {
        RefersTo = d.RefersTo,
        Days = d.Days,
        DeadlineKey = d.DeadlineKey,
        Note = d.Note,
        Tranche = d.Tranche,
        Holder = d.Holder,
        Amount = d.Amount?.ToMoney(),
    };

    // Deal members (issue 13): a Holder's subscription amount is exact money, one currency for the deal, one per Holder.
    private static void SubscriptionAmounts(Dictionary<string, string[]> errors, IReadOnlyList<PartyDocument>? parties)
    {
        string? currency = null;
        var names = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < (parties?.Count ?? 0); i++)
        {
            if (parties![i]?.SubscriptionAmount is not { } amount)
            {
                continue;
            }

            var path = $"$.parties[{i}].subscriptionAmount";
            if (parties[i]!.Role != PartyRole.Holder)
            {
                errors[path] = ["Only a Holder has a subscription amount (the base of its Registration Delay Payments)."];
                continue;
            }

            if (Money(errors, path, amount) is not { } money)
            {
                continue;
            }

            if (currency is not null && money.Currency != currency)
            {
                errors[$"{path}.currency"] = [$"Every Holder's subscription amount is in one currency; the first is in {currency}."];
            }

            currency ??= money.Currency;
            if (parties[i]!.Name is { } name && !names.Add(name))
            {
                errors[$"$.parties[{i}].name"] = [$"'{name}' is already a Holder with a subscription amount: a payment names its Holder by name, so each is named once."];
            }
        }

        TrancheAmounts(errors, parties, currency);
    }

    // A later closing's amounts: a Holder's, each naming a tranche once, in the deal's one currency.
    private static void TrancheAmounts(Dictionary<string, string[]> errors, IReadOnlyList<PartyDocument>? parties, string? currency)
    {
        for (var i = 0; i < (parties?.Count ?? 0); i++)
        {
            var later = parties![i]?.TrancheAmounts;
            if (later is null)
            {
                continue;
            }

            if (parties[i]!.Role != PartyRole.Holder)
            {
                errors[$"$.parties[{i}].trancheAmounts"] = ["Only a Holder has subscription amounts (the base of its Registration Delay Payments)."];
                continue;
            }

            var tranches = new HashSet<string>(StringComparer.Ordinal);
            for (var k = 0; k < later.Count; k++)
            {
                var path = $"$.parties[{i}].trancheAmounts[{k}]";
                Text(errors, $"{path}.tranche", later[k]?.Tranche, required: true, singleLine: true);
                if (later[k]?.Tranche is { } tranche && !tranches.Add(tranche))
                {
                    errors[$"{path}.tranche"] = [$"'{tranche}' is named twice: a Holder has one amount per closing."];
                }

                if (later[k]?.Amount is not { } amount)
                {
                    errors[$"{path}.amount"] = ["Required: the amount paid at that closing, e.g. {\"amount\":500000.00,\"currency\":\"USD\"}."];
                }
                else if (Money(errors, $"{path}.amount", amount) is { } money)
                {
                    if (currency is not null && money.Currency != currency)
                    {
                        errors[$"{path}.amount.currency"] = [$"Every Holder's subscription amount is in one currency; the first is in {currency}."];
                    }

                    currency ??= money.Currency;
                }
            }
        }
    }

    private static RegRights.Core.DelayPayments.Money? Money(Dictionary<string, string[]> errors, string path, MoneyDocument document)
    {
        try
        {
            var money = document.ToMoney();
            if (money.Amount <= 0m || money.Amount > 1_000_000_000_000m)
            {
                errors[$"{path}.amount"] = ["A positive amount, at most 1,000,000,000,000."];
                return null;
            }

            return money;
        }
        catch (ArgumentException ex)
        {
            errors[$"{path}.{ex.ParamName}"] = [FirstLine(ex.Message)];
            return null;
        }
    }

    private static readonly string[] PaymentObligations =
        [.. new[] { ObligationCatalog.FilingFailurePayment, ObligationCatalog.EffectivenessFailurePayment, ObligationCatalog.MaintenanceFailurePayment }.Select(o => o.Key)];

    private static void DealEvent(Dictionary<string, string[]> errors, AgreementEventDocument document)
    {
        Text(errors, "$.tranche", document.Tranche, required: false, singleLine: true);
        Text(errors, "$.holder", document.Holder, required: false, singleLine: true);
        if (document.Tranche is not null && document.Kind is { } kind && kind != AgreementEventKind.Closing)
        {
            errors["$.tranche"] = ["Only a closing has a tranche."];
        }

        if (document.Kind == AgreementEventKind.Rule144Saleable)
        {
            if (string.IsNullOrWhiteSpace(document.Holder))
            {
                errors["$.holder"] = ["Required for rule144Saleable: the Holder whose securities became saleable under Rule 144, by its party name."];
            }

            if (document.Amount is not null)
            {
                errors["$.amount"] = ["Only a delayPaymentMade event has an amount."];
            }

            return;
        }

        if (document.Kind != AgreementEventKind.DelayPaymentMade)
        {
            if (document.Holder is not null)
            {
                errors["$.holder"] = ["Only a delayPaymentMade or rule144Saleable event names a Holder."];
            }

            if (document.Amount is not null)
            {
                errors["$.amount"] = ["Only a delayPaymentMade event has an amount."];
            }

            return;
        }

        if (!DeadlineId.TryParse(document.DeadlineKey, out var id) || id.Instance is null || !PaymentObligations.Contains(id.ObligationKey))
        {
            errors["$.deadlineKey"] = [$"Required for delayPaymentMade: the payment deadline's key, one of {string.Join(", ", PaymentObligations)} with #n (filing-failure-payment#1), as the deadlines document lists it."];
        }

        if (string.IsNullOrWhiteSpace(document.Holder))
        {
            errors["$.holder"] = ["Required for delayPaymentMade: the Holder paid, by its party name."];
        }

        if (document.Amount is null)
        {
            errors["$.amount"] = ["Required for delayPaymentMade: the amount paid, e.g. {\"amount\":10000.00,\"currency\":\"USD\"}."];
        }
        else
        {
            Money(errors, "$.amount", document.Amount);
        }
    }

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

    // Lengths count text elements (StringInfo), what a reader sees as one character: an emoji or a letter with its
    // accent is one, not the two or more UTF-16 units it is stored as. NUL never belongs in a record; a line break
    // only in multi-line text (an address, a note), since in a name it would split the line an email header or a
    // log shows it on.
    private static void Text(Dictionary<string, string[]> errors, string path, string? value, bool required, bool singleLine)
    {
        if (required && string.IsNullOrWhiteSpace(value))
        {
            errors[path] = ["Required."];
        }
        else if (value is null)
        {
            return;
        }
        else if (value.Any(c => char.IsControl(c) && (singleLine || c is not ('\r' or '\n' or '\t'))))
        {
            errors[path] = [singleLine
                ? "Control characters (NUL, CR, LF, tab and the like) are not allowed here; give the text on one line."
                : "Control characters other than line breaks and tabs (NUL and the like) are not allowed."];
        }
        else if (value.Length > MaxText && new StringInfo(value).LengthInTextElements > MaxText)
        {
            errors[path] = [$"At most {MaxText} characters, counted as text elements (an emoji or an accented letter is one); {new StringInfo(value).LengthInTextElements} were given."];
        }
    }

    private static string FirstLine(string message)
    {
        var cut = message.IndexOf(" (Parameter", StringComparison.Ordinal);
        return cut > 0 ? message[..cut] : message;
    }
}

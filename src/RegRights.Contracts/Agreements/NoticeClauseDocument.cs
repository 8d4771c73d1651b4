using System.Globalization;
using NodaTime;
using RegRights.Core.Calendars;
using RegRights.Core.Notices;

namespace RegRights.Contracts.Agreements;

/// <summary>
/// An agreement's notice clause as JSON (<see cref="NoticeClause"/>): a named clause, with its zone, calendar or table
/// replaced where the deal's differs. <c>{"clause": "modern-email"}</c> is that clause whole; a member left out (or null)
/// is the named clause's own, so that a merge patch naming another clause takes that clause whole.
/// </summary>
public sealed record NoticeClauseDocument
{
    /// <summary>The named clause: <c>neotherapeutics-2000</c> (the seed's § 6(h), the default) or <c>modern-email</c>.</summary>
    public string? Clause { get; init; }

    /// <summary>The IANA zone its times are in, if not the named clause's (the seed's is the agreement's).</summary>
    public string? TimeZone { get; init; }

    /// <summary>The calendar its Business Day means, if not the named clause's: <c>california-banks</c>, <c>new-york-banks</c>, <c>nyse</c>, <c>edgar</c>.</summary>
    public string? Calendar { get; init; }

    /// <summary>Its table of method → rule, if not the named clause's: the whole table, at most one rule per method.</summary>
    public IReadOnlyList<NoticeRuleDocument>? Rules { get; init; }

    /// <summary>The document of <paramref name="clause"/>: its name, and only what differs from the named clause.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="clause"/> is null.</exception>
    public static NoticeClauseDocument From(NoticeClause clause)
    {
        ArgumentNullException.ThrowIfNull(clause);
        var named = NoticeClause.TryGet(clause.Name, out var n) ? n : NoticeClause.NeoTherapeutics2000;
        return new()
        {
            Clause = named.Name,
            TimeZone = clause.TimeZone?.Id == named.TimeZone?.Id ? null : clause.TimeZone?.Id,
            Calendar = clause.CalendarName == named.CalendarName ? null : clause.CalendarName,
            Rules = clause.Rules.SequenceEqual(named.Rules) ? null : [.. clause.Rules.Select(NoticeRuleDocument.From)],
        };
    }

    /// <summary>The clause this document describes.</summary>
    /// <exception cref="ArgumentException">A value is not valid; the exception's <c>ParamName</c> is its path (<c>notice.rules[0].cutoff</c>).</exception>
    public NoticeClause ToClause()
    {
        const string At = "notice";
        if (!NoticeClause.TryGet(Clause ?? NoticeClause.NeoTherapeutics2000Name, out var named))
        {
            throw new ArgumentException(NoticeClause.UnknownMessage(Clause), $"{At}.clause");
        }

        if (TimeZone is null && Calendar is null && Rules is null)
        {
            return named;
        }

        var zone = TimeZone is null
            ? named.TimeZone
            : DateTimeZoneProviders.Tzdb.GetZoneOrNull(TimeZone) ?? throw new ArgumentException($"Unknown time zone '{TimeZone}'.", $"{At}.timeZone");
        if (Calendar is not null && !CalendarCatalog.TryGet(Calendar, out _))
        {
            throw new ArgumentException(CalendarCatalog.UnknownMessage(Calendar), $"{At}.calendar");
        }

        var rules = Rules is null
            ? named.Rules
            : [.. Rules.Select((r, i) => (r ?? throw new ArgumentException("A rule is required, not null.", Path(i))).ToRule(Path(i)))];
        try
        {
            return new NoticeClause(named.Name, named.Section, zone, Calendar ?? named.CalendarName, rules, named.ReceiptSection)
            {
                MethodsRange = named.MethodsRange,
                CatchAllQuote = named.CatchAllQuote,
                NumberSource = named.NumberSource,
            };
        }
        catch (ArgumentException ex)
        {
            throw new ArgumentException(FirstLine(ex.Message), $"{At}.{ex.ParamName}", ex);
        }

        static string Path(int i) => string.Create(CultureInfo.InvariantCulture, $"{At}.rules[{i}]");
    }

    internal static string FirstLine(string message)
    {
        var cut = message.IndexOf(" (Parameter", StringComparison.Ordinal);
        return cut > 0 ? message[..cut] : message;
    }
}

/// <summary>One rule of a notice clause's table (<see cref="NoticeMethodRule"/>).</summary>
public sealed record NoticeRuleDocument
{
    /// <summary>The method it is for: <c>facsimile</c>, <c>courier</c>, <c>email</c>, <c>mail</c>, <c>hand</c>.</summary>
    public DeliveryMethod? Method { get; init; }

    /// <summary><c>sameDayBeforeCutoff</c>, <c>businessDaysAfterSending</c> or <c>onReceipt</c>.</summary>
    public NoticeRuleKind? Kind { get; init; }

    /// <summary>Its section as the clause numbers it (the same-day branch's for a cut-off rule), e.g. <c>6(h)(i)</c>, <c>Section 6.4(a)</c>.</summary>
    public string? Section { get; init; }

    /// <summary>A cut-off rule's next-day section, e.g. <c>6(h)(ii)</c>.</summary>
    public string? NextDaySection { get; init; }

    /// <summary>A cut-off rule's cut-off, local time in the clause's zone (5:30 p.m. is <c>17:30:00</c>).</summary>
    public LocalTime? Cutoff { get; init; }

    /// <summary>A cut-off rule: whether the same day includes the cut-off ("at or prior to"); false if left out.</summary>
    public bool? SameDayAtCutoff { get; init; }

    /// <summary>A cut-off rule: whether the next day includes the cut-off ("else", "at or after"); false if left out.</summary>
    public bool? NextDayAtCutoff { get; init; }

    /// <summary>A cut-off rule: the next-day branch covers only times earlier than this one (the seed's <c>23:59:00</c>); none if left out.</summary>
    public LocalTime? LateBound { get; init; }

    /// <summary>A cut-off rule: whether the next-day branch covers a day that is not a Business Day, before the cut-off too; false if left out.</summary>
    public bool? NextDayOnNonBusinessDay { get; init; }

    /// <summary>A <c>businessDaysAfterSending</c> rule's count: 1 to 30 Business Days after the date of mailing.</summary>
    public int? Days { get; init; }

    /// <summary>The document of <paramref name="rule"/>, with the members its kind has.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="rule"/> is null.</exception>
    public static NoticeRuleDocument From(NoticeMethodRule rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        var document = new NoticeRuleDocument { Method = rule.Method, Kind = rule.Kind, Section = rule.Section };
        return rule switch
        {
            SameDayCutoffRule c => document with
            {
                NextDaySection = c.NextDaySection, Cutoff = c.Cutoff, SameDayAtCutoff = c.SameDayAtCutoff, NextDayAtCutoff = c.NextDayAtCutoff,
                LateBound = c.LateBound, NextDayOnNonBusinessDay = c.NextDayOnNonBusinessDay,
            },
            BusinessDaysAfterSendingRule d => document with { Days = d.Days },
            _ => document,
        };
    }

    internal NoticeMethodRule ToRule(string path)
    {
        var method = Method ?? throw new ArgumentException("Required: the method the rule is for.", $"{path}.method");
        var kind = Kind ?? throw new ArgumentException("Required: sameDayBeforeCutoff, businessDaysAfterSending or onReceipt.", $"{path}.kind");
        var section = Section ?? throw new ArgumentException("Required: the section as the clause numbers it, e.g. Section 6.4(a).", $"{path}.section");
        Refuse(kind != NoticeRuleKind.SameDayBeforeCutoff, path,
            (nameof(NextDaySection), NextDaySection), (nameof(Cutoff), Cutoff), (nameof(SameDayAtCutoff), SameDayAtCutoff),
            (nameof(NextDayAtCutoff), NextDayAtCutoff), (nameof(LateBound), LateBound), (nameof(NextDayOnNonBusinessDay), NextDayOnNonBusinessDay));
        Refuse(kind != NoticeRuleKind.BusinessDaysAfterSending, path, (nameof(Days), Days));
        if (kind == NoticeRuleKind.SameDayBeforeCutoff && NextDaySection is null)
        {
            throw new ArgumentException("Required for a cut-off rule: the next-day branch's section.", $"{path}.nextDaySection");
        }

        if (kind == NoticeRuleKind.SameDayBeforeCutoff && Cutoff is null)
        {
            throw new ArgumentException("Required for a cut-off rule: the cut-off, e.g. 17:30:00.", $"{path}.cutoff");
        }

        if (kind == NoticeRuleKind.BusinessDaysAfterSending && Days is null)
        {
            throw new ArgumentException("Required for this kind: how many Business Days after the date of mailing.", $"{path}.days");
        }

        try
        {
            return kind switch
            {
                NoticeRuleKind.SameDayBeforeCutoff => new SameDayCutoffRule(method, section, NextDaySection!, Cutoff!.Value)
                {
                    SameDayAtCutoff = SameDayAtCutoff ?? false,
                    NextDayAtCutoff = NextDayAtCutoff ?? false,
                    LateBound = LateBound,
                    NextDayOnNonBusinessDay = NextDayOnNonBusinessDay ?? false,
                },
                NoticeRuleKind.BusinessDaysAfterSending => new BusinessDaysAfterSendingRule(method, section, Days!.Value),
                _ => new OnReceiptRule(method, section),
            };
        }
        catch (ArgumentException ex)
        {
            var name = string.IsNullOrEmpty(ex.ParamName) ? "" : "." + char.ToLowerInvariant(ex.ParamName[0]) + ex.ParamName[1..];
            throw new ArgumentException(NoticeClauseDocument.FirstLine(ex.Message), path + name, ex);
        }
    }

    // A member another kind has would be dropped without a word; refused at its path instead.
    private static void Refuse(bool refuse, string path, params (string Name, object? Value)[] members)
    {
        if (!refuse)
        {
            return;
        }

        foreach (var (name, value) in members)
        {
            if (value is not null)
            {
                throw new ArgumentException("Not a member of this kind of rule; leave it out.", $"{path}.{char.ToLowerInvariant(name[0])}{name[1..]}");
            }
        }
    }
}

using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using NodaTime;
using RegRights.Core.Calendars;
using RegRights.Core.Utility;

namespace RegRights.Core.Notices;

/// <summary>
/// A notice clause as data: its zone, the calendar its "Business Day" (or "Trading Day") means, and its table of method
/// → rule, each rule with its section as the clause numbers it. A method the table does not list is effective upon
/// actual receipt under the clause's catch-all (<see cref="ReceiptSection"/>). Immutable; compared by value.
/// </summary>
/// <remarks>
/// Two are named (<see cref="Names"/>): <see cref="NeoTherapeutics2000"/>, the seed agreement's § 6(h), the default;
/// and <see cref="ModernEmail"/>, the e-mail, courier and personal-delivery clause of modern PIPE forms.
/// </remarks>
public sealed record NoticeClause
{
    /// <summary>The seed clause's name: <c>neotherapeutics-2000</c>.</summary>
    public const string NeoTherapeutics2000Name = "neotherapeutics-2000";

    /// <summary>The modern clause's name: <c>modern-email</c>.</summary>
    public const string ModernEmailName = "modern-email";

    /// <summary>The most rows a table may have: one per method.</summary>
    public static int MaxRules => Enum.GetValues<DeliveryMethod>().Length;

    /// <summary>
    /// § 6(h) of the Registration Rights Agreement of April 28, 2000, in the agreement's zone ("California time") and
    /// on its § 1 Business Day: (i) a facsimile prior to 2:00 p.m. on a Business Day, that day; (ii) one later than
    /// 2:00 p.m. and earlier than 11:59 p.m. on any date, the next Business Day; (iii) an overnight courier, the Business
    /// Day following the date of mailing; (iv) anything else, upon actual receipt. Its fax times are the agreement's
    /// (<c>AgreementTerms.FaxCutoff</c>, <c>FaxLateBound</c>).
    /// </summary>
    public static NoticeClause NeoTherapeutics2000 { get; } = new(
        NeoTherapeutics2000Name,
        "6(h)",
        null,
        CalendarCatalog.DefaultName,
        [
            new SameDayCutoffRule(DeliveryMethod.Facsimile, "6(h)(i)", "6(h)(ii)", new LocalTime(14, 0)) { LateBound = new LocalTime(23, 59) },
            new BusinessDaysAfterSendingRule(DeliveryMethod.Courier, "6(h)(iii)", 1),
        ],
        "6(h)(iv)")
    {
        MethodsRange = "6(h)(i)-(iii)",
        CatchAllQuote = "\"other than by the methods set forth in (i)-(iii)\"",
        NumberSource = "§ 6(h) or the Purchase Agreement",
    };

    /// <summary>
    /// The notice clause of a common modern PIPE form, in New York time and on the NYSE Trading Day: an e-mail sent before
    /// 5:30 p.m. on a Trading Day is effective that day (Section 6.4(a)), else the next Trading Day (Section 6.4(b)); an
    /// overnight courier the second Trading Day after deposit (Section 6.4(c)); personal delivery, and anything else,
    /// upon actual receipt (Section 6.4(d)). The text leaves no gap. The section numbers are the form's; confirm them, and
    /// the times, against the signed agreement.
    /// </summary>
    public static NoticeClause ModernEmail { get; } = new(
        ModernEmailName,
        "Section 6.4",
        DateTimeZoneProviders.Tzdb["America/New_York"],
        "nyse",
        [
            new SameDayCutoffRule(DeliveryMethod.Email, "Section 6.4(a)", "Section 6.4(b)", new LocalTime(17, 30))
            {
                NextDayAtCutoff = true,
                NextDayOnNonBusinessDay = true,
            },
            new BusinessDaysAfterSendingRule(DeliveryMethod.Courier, "Section 6.4(c)", 2),
            new OnReceiptRule(DeliveryMethod.Hand, "Section 6.4(d)"),
        ],
        "Section 6.4(d)")
    {
        MethodsRange = "Section 6.4(a)-(c)",
        CatchAllQuote = "by none of the methods Section 6.4(a)-(c) names",
        NumberSource = "Section 6.4",
    };

    private static readonly NoticeClause[] Named = [NeoTherapeutics2000, ModernEmail];

    /// <summary>Creates a clause.</summary>
    /// <param name="name">The clause's name: a named clause's (<see cref="Names"/>), or the one it was made from.</param>
    /// <param name="section">How the clause is cited as a whole: "6(h)", "Section 6.4".</param>
    /// <param name="timeZone">Its zone; null for the agreement's.</param>
    /// <param name="calendarName">The calendar its Business Day means, by <see cref="CalendarCatalog"/> name.</param>
    /// <param name="rules">The table: at most one row per method.</param>
    /// <param name="receiptSection">The catch-all's section: upon actual receipt, for a method the table does not list.</param>
    /// <exception cref="ArgumentException">A value is not valid; the exception's <c>ParamName</c> names it (<c>rules[1].cutoff</c>).</exception>
    public NoticeClause(string name, string section, DateTimeZone? timeZone, string calendarName, IReadOnlyList<NoticeMethodRule> rules, string receiptSection)
    {
        Preconditions.CheckNotNull(name);
        Preconditions.CheckArgument(name.Length > 0, "clause", "A clause needs a name.");
        Preconditions.CheckNotNull(calendarName);
        Preconditions.CheckArgument(CalendarCatalog.TryGet(calendarName, out var calendar), "calendar", CalendarCatalog.UnknownMessage(calendarName));
        Preconditions.CheckNotNull(rules);
        Preconditions.CheckArgument(rules.Count <= MaxRules, nameof(rules), $"At most {MaxRules} rules, one per method; {rules.Count} were given.");
        var seen = new HashSet<DeliveryMethod>();
        for (var i = 0; i < rules.Count; i++)
        {
            var path = string.Create(CultureInfo.InvariantCulture, $"rules[{i}]");
            var rule = rules[i] ?? throw new ArgumentException("A rule is required, not null.", path);
            Preconditions.CheckArgument(seen.Add(rule.Method), $"{path}.method", $"'{rule.Method}' has a rule already: one rule per method.");
            (rule as SameDayCutoffRule)?.Validate(path);
        }

        Name = name;
        Section = NoticeMethodRule.CheckSection(section, "section");
        TimeZone = timeZone;
        CalendarName = calendar!.Key;
        Rules = [.. rules];
        ReceiptSection = NoticeMethodRule.CheckSection(receiptSection, "receiptSection");
        MethodsRange = Section;
        CatchAllQuote = $"other than by the methods {Section} sets forth";
        NumberSource = Cite(Section);
    }

    /// <summary>Every named clause's name, in catalog order.</summary>
    public static IReadOnlyList<string> Names { get; } = [.. Named.Select(c => c.Name)];

    /// <summary>The clause's name.</summary>
    public string Name { get; }

    /// <summary>How the clause is cited as a whole: "6(h)", "Section 6.4".</summary>
    public string Section { get; }

    /// <summary>Its zone; null for the agreement's.</summary>
    public DateTimeZone? TimeZone { get; init; }

    /// <summary>The calendar its Business Day means, by <see cref="CalendarCatalog"/> name (<c>california-banks</c>, <c>nyse</c>, …).</summary>
    public string CalendarName { get; }

    /// <summary>The table, at most one row per method, in the clause's order.</summary>
    public IReadOnlyList<NoticeMethodRule> Rules { get; }

    /// <summary>The catch-all's section: upon actual receipt, for a method the table does not list and for a gap read literally.</summary>
    public string ReceiptSection { get; }

    /// <summary>The sections of the methods the clause sets forth, as its words cite them: "6(h)(i)-(iii)".</summary>
    public string MethodsRange { get; init; }

    /// <summary>How the catch-all names what it covers, quoted from the clause: "\"other than by the methods set forth in (i)-(iii)\"".</summary>
    public string CatchAllQuote { get; init; }

    /// <summary>What specifies the facsimile number a notice goes to: "§ 6(h) or the Purchase Agreement".</summary>
    public string NumberSource { get; init; }

    // A stamp cites the same few labels many times; their cited forms are made once per label.
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, string> cited = new(StringComparer.Ordinal);

    internal string Cited(string section) => cited.GetOrAdd(section, Cite);

    /// <summary>The rule for <paramref name="method"/>, or null when the catch-all (<see cref="ReceiptSection"/>) applies.</summary>
    public NoticeMethodRule? RuleFor(DeliveryMethod method)
    {
        foreach (var rule in Rules)
        {
            if (rule.Method == method)
            {
                return rule;
            }
        }

        return null;
    }

    /// <summary>This clause with the facsimile rule's cut-off and late bound replaced (the seed's times as terms).</summary>
    /// <exception cref="ArgumentException">The cut-off is not earlier than the late bound.</exception>
    public NoticeClause WithFaxTimes(LocalTime cutoff, LocalTime lateBound)
    {
        if (RuleFor(DeliveryMethod.Facsimile) is not SameDayCutoffRule fax || (fax.Cutoff == cutoff && fax.LateBound == lateBound))
        {
            return this;
        }

        var rules = Rules.Select(r => r == fax ? fax with { Cutoff = cutoff, LateBound = lateBound } : r).ToList();
        return new NoticeClause(Name, Section, TimeZone, CalendarName, rules, ReceiptSection)
        {
            MethodsRange = MethodsRange,
            CatchAllQuote = CatchAllQuote,
            NumberSource = NumberSource,
        };
    }

    /// <summary>Whether this is the named clause <paramref name="name"/> as shipped, zone, calendar and table alike.</summary>
    public bool IsNamed(string name) => TryGet(name, out var named) && Equals(named);

    /// <summary>The named clause, if there is one; case is ignored.</summary>
    public static bool TryGet(string? name, [NotNullWhen(true)] out NoticeClause? clause)
    {
        clause = Named.FirstOrDefault(c => string.Equals(c.Name, name, StringComparison.OrdinalIgnoreCase));
        return clause is not null;
    }

    /// <summary>The words for a name that is not a clause's: "unknown notice clause 'x'; clauses: neotherapeutics-2000, modern-email."</summary>
    public static string UnknownMessage(string? name) => $"unknown notice clause '{name}'; clauses: {string.Join(", ", Names)}.";

    /// <summary>A section as a sentence cites it: "§ 6(h)(i)" for a label that starts with a digit, the label itself otherwise.</summary>
    public static string Cite(string section)
    {
        Preconditions.CheckNotNull(section);
        return section.Length > 0 && char.IsAsciiDigit(section[0]) ? "§ " + section : section;
    }

    /// <inheritdoc />
    public bool Equals(NoticeClause? other) =>
        other is not null &&
        Name == other.Name && Section == other.Section && TimeZone?.Id == other.TimeZone?.Id &&
        CalendarName == other.CalendarName && ReceiptSection == other.ReceiptSection &&
        MethodsRange == other.MethodsRange && CatchAllQuote == other.CatchAllQuote && NumberSource == other.NumberSource &&
        Rules.SequenceEqual(other.Rules);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Name, TimeZone?.Id, CalendarName, Rules.Count);
}

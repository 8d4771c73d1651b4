using NodaTime;
using RegRights.Core.Utility;

namespace RegRights.Core.Notices;

/// <summary>The kinds of rule a notice clause gives a method of delivery.</summary>
public enum NoticeRuleKind
{
    /// <summary>
    /// Effective the day sent if sent before a cut-off on a Business (or Trading) Day, else the next one: the seed's
    /// § 6(h)(i) and (ii) for a facsimile; a modern clause's e-mail before 5:30 p.m. New York time on a Trading Day.
    /// </summary>
    SameDayBeforeCutoff,

    /// <summary>Effective the Nth Business (or Trading) Day after the date of mailing or deposit: the seed's § 6(h)(iii).</summary>
    BusinessDaysAfterSending,

    /// <summary>Effective upon actual receipt: the seed's § 6(h)(iv).</summary>
    OnReceipt,
}

/// <summary>
/// One row of a notice clause's table: the rule for one method of delivery, with the section the clause numbers it by.
/// Immutable. The subtypes are the kinds (<see cref="NoticeRuleKind"/>).
/// </summary>
public abstract record NoticeMethodRule
{
    private protected NoticeMethodRule(DeliveryMethod method, string section)
    {
        Preconditions.CheckArgument(Enum.IsDefined(method), nameof(Method), $"'{method}' is not a delivery method.");
        Method = method;
        Section = CheckSection(section, nameof(Section));
    }

    /// <summary>The method the rule is for.</summary>
    public DeliveryMethod Method { get; }

    /// <summary>
    /// The section, as the clause numbers it, of the rule's first (or only) branch: "6(h)(i)" in the seed, "Section 6.4(a)"
    /// in a modern form. A label that starts with a digit is cited with "§ " before it.
    /// </summary>
    public string Section { get; }

    /// <summary>The kind of rule.</summary>
    public abstract NoticeRuleKind Kind { get; }

    /// <summary>The most characters a section label may have.</summary>
    public const int MaxSectionLength = 40;

    internal static string CheckSection(string section, string name)
    {
        Preconditions.CheckNotNull(section);
        Preconditions.CheckArgument(section.Trim().Length > 0 && section.Length <= MaxSectionLength && section.Trim() == section
            && !section.Any(char.IsControl), name,
            $"A section label is 1 to {MaxSectionLength} characters with no leading or trailing space, as the clause numbers it, e.g. 6(h)(i) or Section 6.4(a).");
        return section;
    }
}

/// <summary>
/// Effective on the date of transmission if sent before the cut-off on a Business Day (<see cref="NoticeMethodRule.Section"/>),
/// else the next Business Day (<see cref="NextDaySection"/>), with the bounds the clause's words give each branch. Where
/// the words leave a time to neither branch, the stamp flags a gap (<see cref="NoticeGap"/>): literally the clause's
/// catch-all (actual receipt) applies, and the other reading is the next Business Day.
/// </summary>
/// <remarks>
/// The seed's § 6(h)(i) and (ii) for a facsimile: "prior to 2:00 p.m. … on a Business Day" the same day; "later than
/// 2:00 p.m. and earlier than 11:59 p.m. … on any date" the next Business Day. Exactly 2:00:00 p.m., 11:59 p.m. to
/// midnight and a morning that is not a Business Day are gaps. A modern clause's e-mail "before 5:30 p.m. New York time on
/// a Trading Day", else the next Trading Day, leaves none: <see cref="NextDayAtCutoff"/> and
/// <see cref="NextDayOnNonBusinessDay"/> are true and there is no late bound.
/// </remarks>
public sealed record SameDayCutoffRule : NoticeMethodRule
{
    /// <summary>Creates the rule.</summary>
    /// <param name="method">The method.</param>
    /// <param name="section">The same-day branch's section, e.g. "6(h)(i)".</param>
    /// <param name="nextDaySection">The next-day branch's section, e.g. "6(h)(ii)".</param>
    /// <param name="cutoff">The cut-off, in the clause's zone.</param>
    /// <exception cref="ArgumentException">A section is not a label.</exception>
    public SameDayCutoffRule(DeliveryMethod method, string section, string nextDaySection, LocalTime cutoff)
        : base(method, section)
    {
        NextDaySection = CheckSection(nextDaySection, nameof(NextDaySection));
        Cutoff = cutoff;
    }

    /// <inheritdoc />
    public override NoticeRuleKind Kind => NoticeRuleKind.SameDayBeforeCutoff;

    /// <summary>The next-day branch's section, as the clause numbers it: "6(h)(ii)", "Section 6.4(b)".</summary>
    public string NextDaySection { get; }

    /// <summary>The cut-off: 2:00 p.m. in the seed, 5:30 p.m. in a modern form.</summary>
    public LocalTime Cutoff { get; init; }

    /// <summary>Whether the same-day branch includes the cut-off itself ("at or prior to"); false for "prior to".</summary>
    public bool SameDayAtCutoff { get; init; }

    /// <summary>Whether the next-day branch includes the cut-off itself ("else", "at or after"); false for "later than".</summary>
    public bool NextDayAtCutoff { get; init; }

    /// <summary>
    /// The next-day branch covers only times "earlier than" this one (the seed's 11:59 p.m.); null when it runs to midnight.
    /// Must be later than <see cref="Cutoff"/>.
    /// </summary>
    public LocalTime? LateBound { get; init; }

    /// <summary>
    /// Whether the next-day branch also covers a delivery before the cut-off on a day that is not a Business Day ("else",
    /// "on a day that is not a Trading Day"); false in the seed, whose (ii) asks for a time later than the cut-off.
    /// </summary>
    public bool NextDayOnNonBusinessDay { get; init; }

    internal void Validate(string path)
    {
        Preconditions.CheckArgument(LateBound is not { } late || Cutoff < late, path,
            $"The cut-off ({Cutoff:HH:mm:ss}) must be earlier than the late bound ({LateBound:HH:mm:ss}).");
        Preconditions.CheckArgument(!(SameDayAtCutoff && NextDayAtCutoff), path,
            "The cut-off itself cannot fall in both branches: at most one of sameDayAtCutoff and nextDayAtCutoff.");
    }
}

/// <summary>Effective the Nth Business Day following the date of mailing (or deposit), taken in the clause's zone.</summary>
/// <remarks>The seed's § 6(h)(iii): an overnight courier, the Business Day following (N = 1); a modern form's courier, the second Trading Day (N = 2).</remarks>
public sealed record BusinessDaysAfterSendingRule : NoticeMethodRule
{
    /// <summary>The most days the rule may count.</summary>
    public const int MaxDays = 30;

    /// <summary>Creates the rule.</summary>
    /// <param name="method">The method.</param>
    /// <param name="section">The section, e.g. "6(h)(iii)".</param>
    /// <param name="days">How many Business Days after the date of mailing: 1 to <see cref="MaxDays"/>.</param>
    /// <exception cref="ArgumentException">The section is not a label.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="days"/> is out of range.</exception>
    public BusinessDaysAfterSendingRule(DeliveryMethod method, string section, int days)
        : base(method, section) =>
        Days = Preconditions.CheckArgumentRange(nameof(Days), days, 1, MaxDays);

    /// <inheritdoc />
    public override NoticeRuleKind Kind => NoticeRuleKind.BusinessDaysAfterSending;

    /// <summary>How many Business Days after the date of mailing.</summary>
    public int Days { get; }
}

/// <summary>Effective upon actual receipt, under a section of its own (a modern form's personal delivery).</summary>
public sealed record OnReceiptRule : NoticeMethodRule
{
    /// <summary>Creates the rule.</summary>
    /// <param name="method">The method.</param>
    /// <param name="section">The section, e.g. "Section 6.4(d)".</param>
    /// <exception cref="ArgumentException">The section is not a label.</exception>
    public OnReceiptRule(DeliveryMethod method, string section)
        : base(method, section)
    {
    }

    /// <inheritdoc />
    public override NoticeRuleKind Kind => NoticeRuleKind.OnReceipt;
}

using RegRights.Core.Agreements;
using RegRights.Core.Reminders;

namespace RegRights.Core.Deadlines;

/// <summary>How an obligation's days are counted (DOMAIN.md, "Counting").</summary>
public enum DayCount
{
    /// <summary>Calendar days after the start: "the Nth day following X", "within N days of E" (E + N).</summary>
    CalendarDaysAfter,

    /// <summary>Business Days after the start, the start not counted: "within N Business Days of E".</summary>
    BusinessDaysAfter,

    /// <summary>Business Days before the anchor, the anchor not counted: "not less than N Business Days prior to".</summary>
    BusinessDaysBefore,

    /// <summary>Trading Days after the start, the start not counted: "the 5th Trading Day after the notice".</summary>
    TradingDaysAfter,
}

/// <summary>Which practical cutoff an obligation's last permitted day has.</summary>
public enum CutoffKind
{
    /// <summary>No cutoff: the date marks the end of a period, not an act.</summary>
    None,

    /// <summary>
    /// Filed with the SEC: start the EDGAR submission by 5:30 p.m. America/New_York on the last EDGAR day on or before
    /// the last permitted day (Reg. S-T Rule 13(a)(2), 17 CFR 232.13(a)(2)).
    /// </summary>
    EdgarFiling,

    /// <summary>Another act: the last Business Day on or before the last permitted day, when that day is not one.</summary>
    BusinessDay,
}

/// <summary>What closes an obligation's instance.</summary>
public enum ObligationEnd
{
    /// <summary>An answering event (a filing, a payment, a response); without one the deadline is missed once past.</summary>
    Act,

    /// <summary>The passing of the date itself (the end of the § 6(b) bar, the Effectiveness Period horizon).</summary>
    Lapse,
}

/// <summary>
/// One entry of the obligation catalog (DOMAIN.md, "Deadlines and clocks"): what must be done, under which section,
/// how its date is counted, and what answers it. The numbers themselves are terms (<see cref="AgreementTerms"/>).
/// </summary>
/// <remarks>
/// <see cref="Key"/> is stable and is the key of the only instance of a non-repeating obligation; a repeating one
/// (a clock per comment letter, say) keys its instances <c>sec-comment-response#1</c>, <c>#2</c>, … in order of the
/// starting events' dates (<see cref="DeadlineId"/>). Everything the reminders need is here too, who receives them
/// (<see cref="Audience"/>) and the name they give the deadline (<see cref="Name"/>), so a new obligation is one
/// catalog entry.
/// </remarks>
public sealed record Obligation
{
    private readonly Func<AgreementTerms, int> days;

    internal Obligation(
        string key, string title, string section, string rule, DayCount count, bool inclusive, CutoffKind cutoff,
        Func<AgreementTerms, int> days)
    {
        Key = key;
        Title = title;
        Section = section;
        Rule = rule;
        Count = count;
        Inclusive = inclusive;
        Cutoff = cutoff;
        this.days = days;
    }

    /// <summary>The stable key, e.g. <c>filing-date</c>.</summary>
    public string Key { get; }

    /// <summary>What must be done, in words.</summary>
    public string Title { get; }

    /// <summary>The sections of the agreement the rule comes from, e.g. "§ 1, 2(a), 3(a)".</summary>
    public string Section { get; }

    /// <summary>The rule in words, with the seed agreement's numbers.</summary>
    public string Rule { get; }

    /// <summary>How the days are counted.</summary>
    public DayCount Count { get; }

    /// <summary>
    /// True for "on or prior to", "within", "not less than … prior to": the act may still happen on the due date.
    /// False for "prior to" (the Effectiveness Date, § 2(a)): the last permitted day is the day before.
    /// </summary>
    public bool Inclusive { get; }

    /// <summary>Which practical cutoff applies.</summary>
    public CutoffKind Cutoff { get; }

    /// <summary>What closes an instance; <see cref="ObligationEnd.Lapse"/> for the two dates that end periods.</summary>
    public ObligationEnd End { get; init; } = ObligationEnd.Act;

    /// <summary>Whether one agreement can have several instances (one per starting event).</summary>
    public bool Repeats { get; init; }

    /// <summary>Whether reminders are sent; false only for the informational Effectiveness Period horizon.</summary>
    public bool Reminded { get; init; } = true;

    /// <summary>
    /// The roles that receive the reminders, company counsel first: <see cref="ReminderAudience.CompanyOnly"/> unless
    /// the section concerns the Holders.
    /// </summary>
    public IReadOnlyList<RecipientRole> Audience { get; init; } = ReminderAudience.CompanyOnly;

    /// <summary>The agreement's defined term for the date where it has one (§ 1: "Filing Date"); otherwise null.</summary>
    public string? DefinedTerm { get; init; }

    /// <summary>How a reminder or a calendar entry names the deadline: the <see cref="DefinedTerm"/>, else the <see cref="Title"/>.</summary>
    public string Name => DefinedTerm ?? Title;

    /// <summary>The day count these terms give the obligation (30 for the seed agreement's Filing Date).</summary>
    /// <exception cref="ArgumentNullException"><paramref name="terms"/> is null.</exception>
    public int DaysUnder(AgreementTerms terms)
    {
        ArgumentNullException.ThrowIfNull(terms);
        return days(terms);
    }

    /// <inheritdoc />
    public override string ToString() => $"{Key} ({Section})";
}

using NodaTime;
using RegRights.Core.Agreements;
using RegRights.Core.DelayPayments;
using RegRights.Core.Utility;

namespace RegRights.Core.Deadlines;

/// <summary>Where a deadline stands on the schedule's as-of date.</summary>
public enum DeadlineStatus
{
    /// <summary>Not yet answered, and the last permitted day has not passed.</summary>
    Open,

    /// <summary>
    /// Answered by an event (<see cref="Deadline.MetBy"/>, on time or not, <see cref="Deadline.OnTime"/>); for a period
    /// end (<see cref="ObligationEnd.Lapse"/>) the date has passed.
    /// </summary>
    Met,

    /// <summary>Not answered, and the last permitted day has passed.</summary>
    Missed,

    /// <summary>Waived in writing under § 6(f) (<see cref="Deadline.WaivedBy"/>) and not met on time.</summary>
    Waived,
}

/// <summary>What a <see cref="DeadlineWarning"/> is about.</summary>
public enum DeadlineWarningKind
{
    /// <summary>The due date or the last permitted day is not a Business Day (or is a contested day).</summary>
    NonBusinessDay,

    /// <summary>The agreement's roll convention moved the date.</summary>
    Rolled,

    /// <summary>The agreement's text has a gap here; the reading chosen is stated.</summary>
    DraftingGap,

    /// <summary>The result changes when contested days are read the other way; both dates are given.</summary>
    ContestedDay,

    /// <summary>The date is an estimate or informational only.</summary>
    Informational,
}

/// <summary>One warning on a deadline, in words a lawyer can check.</summary>
/// <remarks>Two warnings are equal when their kind and words are, however the words were written.</remarks>
public sealed record DeadlineWarning
{
    // The message, or the IWords that write it when read: one field, so a warning is no larger than a string's.
    private readonly object message;

    /// <summary>Creates a warning.</summary>
    /// <param name="kind">What it is about.</param>
    /// <param name="message">The warning, naming the dates and their reasons.</param>
    public DeadlineWarning(DeadlineWarningKind kind, string message)
    {
        Kind = kind;
        this.message = message;
    }

    internal DeadlineWarning(DeadlineWarningKind kind, IWords words)
    {
        Kind = kind;
        message = words;
    }

    /// <summary>What it is about.</summary>
    public DeadlineWarningKind Kind { get; }

    /// <summary>The warning, naming the dates and their reasons.</summary>
    public string Message => message as string ?? ((IWords)message).Write();

    /// <inheritdoc/>
    public bool Equals(DeadlineWarning? other) => other is not null && Kind == other.Kind && Message == other.Message;

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Kind, Message);
}

/// <summary>
/// The practical cutoff beside a last permitted day: for an SEC filing, the moment the EDGAR submission must start;
/// for another act, the last Business Day on or before the last permitted day.
/// </summary>
/// <param name="Date">The last day to act.</param>
/// <param name="Eastern">For an SEC filing, 5:30 p.m. America/New_York on <paramref name="Date"/>; otherwise null.</param>
/// <param name="AgreementZone">The same moment in the agreement's zone; otherwise null.</param>
/// <param name="Rule">How the cutoff was found, in words.</param>
public sealed record PracticalCutoff(LocalDate Date, ZonedDateTime? Eastern, ZonedDateTime? AgreementZone, string Rule)
{
    /// <summary>The moment, for an SEC filing; otherwise null.</summary>
    public Instant? Instant => Eastern?.ToInstant();
}

/// <summary>
/// One computed deadline instance: the date the agreement names, the last day the act is permitted, the practical
/// cutoff, the status on the as-of date and the warnings, so that it can be checked by hand.
/// </summary>
/// <remarks>
/// <see cref="DueDate"/> is always the date the agreement itself names: for the seed agreement's Effectiveness Date,
/// Saturday 2000-08-26, although effectiveness must come "prior to" it, so <see cref="LastPermittedDay"/> is Friday
/// 2000-08-25.
/// </remarks>
public sealed record Deadline
{
    // The basis, or the IWords that write it when read.
    private readonly object basis;

    internal Deadline(Obligation obligation, DeadlineId id, string basis, LocalDate dueDate, LocalDate lastPermittedDay)
        : this(obligation, id, (object)basis, dueDate, lastPermittedDay)
    {
    }

    // The basis written when read (a payment period's arithmetic).
    internal Deadline(Obligation obligation, DeadlineId id, IWords basis, LocalDate dueDate, LocalDate lastPermittedDay)
        : this(obligation, id, (object)basis, dueDate, lastPermittedDay)
    {
    }

    private Deadline(Obligation obligation, DeadlineId id, object basis, LocalDate dueDate, LocalDate lastPermittedDay)
    {
        this.basis = basis;
        Obligation = obligation;
        Id = id;
        Key = id.ToString();
        DueDate = dueDate;
        LastPermittedDay = lastPermittedDay;
        Inclusive = obligation.Inclusive;
        Section = obligation.Section;
        Rule = obligation.Rule;
    }

    /// <summary>The catalog entry.</summary>
    public Obligation Obligation { get; }

    /// <summary>The instance's identity: its obligation's key and, for a repeating obligation, its number.</summary>
    public DeadlineId Id { get; }

    /// <summary>The stable instance key, <see cref="Id"/>'s text: the obligation's key, with <c>#n</c> for a repeating obligation.</summary>
    public string Key { get; }

    /// <summary>The obligation's title.</summary>
    public string Title => Obligation.Title;

    /// <summary>The sections the rule comes from: the catalog's, or the clause's where the terms name one.</summary>
    public string Section { get; init; }

    /// <summary>The rule in words: the catalog's, or the clause's where the terms shape it otherwise.</summary>
    public string Rule { get; init; }

    /// <summary>How the date was counted, in words: "Closing Date 2000-04-28 + 30 days".</summary>
    public string Basis => basis as string ?? ((IWords)basis).Write();

    /// <summary>Whether the act may still happen on the due date ("on or prior to") or not ("prior to").</summary>
    public bool Inclusive { get; init; }

    /// <summary>The date the agreement names.</summary>
    public LocalDate DueDate { get; }

    /// <summary>The last day the act is permitted: the due date when inclusive, the day before when not, after any roll.</summary>
    public LocalDate LastPermittedDay { get; }

    /// <summary>The practical cutoff, or null where none is relevant.</summary>
    public PracticalCutoff? PracticalCutoff { get; init; }

    /// <summary>The status on the schedule's as-of date.</summary>
    public DeadlineStatus Status { get; init; }

    /// <summary>The event that started the clock (the Closing, a comment letter), or null.</summary>
    public AgreementEvent? StartedBy { get; init; }

    /// <summary>The event that met the deadline, or null.</summary>
    public AgreementEvent? MetBy { get; init; }

    /// <summary>Whether <see cref="MetBy"/> came on or before the last permitted day; null when not met by an event.</summary>
    public bool? OnTime => MetBy is null ? null : MetBy.Date <= LastPermittedDay;

    /// <summary>The § 6(f) waiver of this instance, or null.</summary>
    public AgreementEvent? WaivedBy { get; init; }

    /// <summary>Whether reminders go out for it; false for the informational <c>effectiveness-period-end</c>.</summary>
    public bool Reminded => Obligation.Reminded;

    /// <summary>The warnings, empty when there are none.</summary>
    public IReadOnlyList<DeadlineWarning> Warnings { get; init; } = [];

    /// <summary>The cross-references the agreement cites without containing that this result depends on; empty when none.</summary>
    public IReadOnlyList<CrossReferenceGap> Gaps { get; init; } = [];
}

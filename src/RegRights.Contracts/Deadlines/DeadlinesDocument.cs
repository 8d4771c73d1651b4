using NodaTime;
using RegRights.Contracts.Agreements;
using RegRights.Core.Agreements;
using RegRights.Core.Deadlines;

namespace RegRights.Contracts.Deadlines;

/// <summary>
/// The deadlines of one agreement as the HTTP API and <c>regrights deadlines --json</c> return them:
/// <c>{"deadlines":[…]}</c>, in catalog order.
/// </summary>
/// <param name="Deadlines">Every deadline instance.</param>
public sealed record DeadlinesDocument(IReadOnlyList<DeadlineDocument> Deadlines)
{
    /// <summary>Each failure found by the as-of date (Filing, Effectiveness, Maintenance) and its Registration Delay Payments.</summary>
    public IReadOnlyList<FailurePaymentsDocument> DelayPayments { get; init; } = [];

    /// <summary>The suspensions (grace periods) as of the as-of date; null when none is recorded and the terms set no limit (the seed's § 6(e)).</summary>
    public SuspensionStatusDocument? Suspensions { get; init; }

    /// <summary>Each Rule 415 cutback recorded, with its additional statement's deadline keys or why one is not computed.</summary>
    public IReadOnlyList<CutbackDocument> Cutbacks { get; init; } = [];

    /// <summary>Maps a computed schedule to the document.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="schedule"/> is null.</exception>
    public static DeadlinesDocument From(DeadlineSchedule schedule)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        var zone = schedule.Terms.TimeZone.Id;
        return new([.. schedule.Deadlines.Select(d => new DeadlineDocument(
            d.Key,
            d.Obligation.Key,
            d.Title,
            d.Section,
            d.Rule,
            d.Basis,
            d.Inclusive,
            d.DueDate,
            d.LastPermittedDay,
            d.PracticalCutoff is { } cutoff
                ? new PracticalCutoffDocument(cutoff.Date, cutoff.Eastern?.ToOffsetDateTime(), cutoff.AgreementZone?.ToOffsetDateTime(), zone, cutoff.Rule)
                : null,
            d.Status,
            EventReference.From(d.StartedBy),
            EventReference.From(d.MetBy),
            d.OnTime,
            EventReference.From(d.WaivedBy),
            d.Reminded,
            [.. d.Warnings.Select(w => new WarningDocument(w.Kind, w.Message))])
        {
            Gaps = [.. d.Gaps.Select(CrossReferenceGapDocument.From)],
        })])
        {
            DelayPayments = [.. schedule.DelayPayments.Select(FailurePaymentsDocument.From)],
            Suspensions = schedule.Suspensions is { } status ? SuspensionStatusDocument.From(status, schedule.SuspensionGaps) : null,
            Cutbacks = [.. schedule.Cutbacks.Select(c => new CutbackDocument(EventReference.From(c.Cutback)!, c.Section, c.FilingKey, c.EffectivenessKey, c.Note))],
        };
    }
}

/// <summary>One deadline instance. Every date is ISO <c>yyyy-MM-dd</c> in the agreement's zone.</summary>
/// <param name="Key">The stable instance key, e.g. <c>sec-comment-response#2</c>.</param>
/// <param name="Obligation">The catalog key, e.g. <c>sec-comment-response</c>.</param>
/// <param name="Title">What must be done.</param>
/// <param name="Section">The sections of the agreement, e.g. "§ 1, 2(a), 3(a)".</param>
/// <param name="Rule">The rule in words.</param>
/// <param name="Basis">How the date was counted: "Closing Date 2000-04-28 + 30 days".</param>
/// <param name="Inclusive">True for "on or prior to"; false for "prior to".</param>
/// <param name="DueDate">The date the agreement names.</param>
/// <param name="LastPermittedDay">The last day the act is permitted.</param>
/// <param name="PracticalCutoff">The practical cutoff, or null where none is relevant.</param>
/// <param name="Status">open, met, missed or waived.</param>
/// <param name="StartedBy">The event that started the clock.</param>
/// <param name="MetBy">The event that met it.</param>
/// <param name="OnTime">Whether <paramref name="MetBy"/> came on or before the last permitted day.</param>
/// <param name="WaivedBy">The § 6(f) waiver.</param>
/// <param name="Reminded">Whether reminders go out for it.</param>
/// <param name="Warnings">Weekend and holiday, roll, drafting-gap and contested-day warnings.</param>
public sealed record DeadlineDocument(
    string Key,
    string Obligation,
    string Title,
    string Section,
    string Rule,
    string Basis,
    bool Inclusive,
    LocalDate DueDate,
    LocalDate LastPermittedDay,
    PracticalCutoffDocument? PracticalCutoff,
    DeadlineStatus Status,
    EventReference? StartedBy,
    EventReference? MetBy,
    bool? OnTime,
    EventReference? WaivedBy,
    bool Reminded,
    IReadOnlyList<WarningDocument> Warnings)
{
    /// <summary>The cross-references this result depends on that the agreement does not contain.</summary>
    public IReadOnlyList<CrossReferenceGapDocument> Gaps { get; init; } = [];
}

/// <summary>The practical cutoff: for an SEC filing the moment in Eastern and in the agreement's zone, with offsets.</summary>
/// <param name="Date">The last day to act.</param>
/// <param name="Eastern">5:30 p.m. America/New_York for an SEC filing, e.g. <c>2000-05-26T17:30:00-04:00</c>; else null.</param>
/// <param name="AgreementZone">The same moment in the agreement's zone, e.g. <c>2000-05-26T14:30:00-07:00</c>; else null.</param>
/// <param name="TimeZone">The agreement's zone id.</param>
/// <param name="Rule">How the cutoff was found.</param>
public sealed record PracticalCutoffDocument(
    LocalDate Date, OffsetDateTime? Eastern, OffsetDateTime? AgreementZone, string TimeZone, string Rule);

/// <summary>A recorded event a deadline refers to.</summary>
/// <param name="Id">The event's id.</param>
/// <param name="Kind">What happened.</param>
/// <param name="Date">When, in the agreement's zone.</param>
public sealed record EventReference(string Id, AgreementEventKind Kind, LocalDate Date)
{
    internal static EventReference? From(AgreementEvent? e) => e is null ? null : new(e.Id, e.Kind, e.Date);
}

/// <summary>One Rule 415 cutback on the schedule (<see cref="CutbackStatus"/>).</summary>
/// <param name="Cutback">The cutback event.</param>
/// <param name="Section">The cutback clause's section; null when the agreement has none.</param>
/// <param name="FilingKey">The additional Filing Deadline's key, e.g. <c>additional-filing#1</c>; null while not computed.</param>
/// <param name="EffectivenessKey">The additional Effectiveness Deadline's key; null while not computed.</param>
/// <param name="Note">Why a deadline is not computed; null when both are.</param>
public sealed record CutbackDocument(EventReference Cutback, string? Section, string? FilingKey, string? EffectivenessKey, string? Note);

/// <summary>One warning.</summary>
/// <param name="Kind">nonBusinessDay, rolled, draftingGap, contestedDay or informational.</param>
/// <param name="Message">The warning in words, with the dates.</param>
public sealed record WarningDocument(DeadlineWarningKind Kind, string Message);

using RegRights.Contracts.Agreements;
using RegRights.Core.Agreements;
using RegRights.Core.Deadlines;

namespace RegRights.Application.Agreements;

/// <summary>
/// What became of an agreement's document handed to <see cref="AgreementService.CreateAsync"/> or
/// <see cref="AgreementService.ReplaceAsync"/>.
/// </summary>
public abstract record AgreementWriteResult
{
    private AgreementWriteResult()
    {
    }

    /// <summary>Stored under a new id.</summary>
    public sealed record Created(AgreementView Agreement) : AgreementWriteResult;

    /// <summary>
    /// The same create again under its idempotency key (a client's retry after a timeout): the agreement the first
    /// create stored, as it is now, and nothing new stored.
    /// </summary>
    public sealed record Replayed(AgreementView Agreement) : AgreementWriteResult;

    /// <summary>
    /// The idempotency key was used before for a create with another document, which made <paramref name="AgreementId"/>:
    /// nothing stored. A new agreement needs a new key.
    /// </summary>
    public sealed record IdempotencyKeyReused(string AgreementId) : AgreementWriteResult;

    /// <summary>The document replaced; <see cref="AgreementView.ETag"/> is the new ETag.</summary>
    public sealed record Replaced(AgreementView Agreement) : AgreementWriteResult;

    /// <summary>No agreement has that id: nothing stored.</summary>
    public sealed record NotFound(string AgreementId) : AgreementWriteResult;

    /// <summary>
    /// The agreement changed since the ETag given was read (an event counts): nothing stored, so a change made in
    /// between is never overwritten.
    /// </summary>
    public sealed record PreconditionFailed(string AgreementId) : AgreementWriteResult;

    /// <summary>
    /// Field errors, keyed by the field's JSON path (<c>$.terms.filingDays</c>), including a field too large for Table
    /// Storage (<c>$.contacts</c> over 64 KiB as stored): nothing stored.
    /// </summary>
    public sealed record Invalid(IReadOnlyDictionary<string, string[]> Errors) : AgreementWriteResult;
}

/// <summary>What became of an event handed to <see cref="AgreementService.RecordEventAsync"/>.</summary>
public abstract record AgreementEventResult
{
    private AgreementEventResult()
    {
    }

    /// <summary>Appended to the record; <see cref="AgreementEventDocument.RecordedAt"/> is this server's time.</summary>
    public sealed record Recorded(AgreementEventDocument Event) : AgreementEventResult;

    /// <summary>The same event again (a client's retry): the first, as recorded, and nothing new stored.</summary>
    public sealed record Replayed(AgreementEventDocument Event) : AgreementEventResult;

    /// <summary>The event's id is already recorded for another event, <paramref name="First"/>: nothing stored.</summary>
    /// <remarks>Events are never edited; a correction is a new event under a new id.</remarks>
    public sealed record EventIdReused(AgreementEvent First) : AgreementEventResult;

    /// <summary>
    /// The event contradicts the record (a filing before the Closing, a response to a comment letter never received):
    /// nothing stored; <paramref name="Reason"/> says why, for a person to read.
    /// </summary>
    public sealed record Contradicted(string Reason) : AgreementEventResult;

    /// <summary>
    /// Another change to the agreement was stored after the record was read: nothing stored. Reading the record again
    /// and recording the event again checks it against the new record.
    /// </summary>
    public sealed record AgreementChanged(string AgreementId) : AgreementEventResult;

    /// <summary>Field errors, keyed by the field's JSON path (<c>$.refersTo</c>): nothing stored.</summary>
    public sealed record Invalid(IReadOnlyDictionary<string, string[]> Errors) : AgreementEventResult;
}

/// <summary>What <see cref="AgreementService.ListAsync"/> found.</summary>
public abstract record AgreementPageResult
{
    private AgreementPageResult()
    {
    }

    /// <summary>One page, and the token of the next (null on the last page).</summary>
    public sealed record Listed(AgreementPage Page) : AgreementPageResult;

    /// <summary>Errors keyed by the parameter's name (<c>pageSize</c>, <c>continuationToken</c>).</summary>
    public sealed record Invalid(IReadOnlyDictionary<string, string[]> Errors) : AgreementPageResult;
}

/// <summary>What <see cref="AgreementService.GetScheduleResultAsync"/> found.</summary>
public abstract record ScheduleResult
{
    private ScheduleResult()
    {
    }

    /// <summary>The agreement's deadlines as of the day asked.</summary>
    public sealed record Computed(DeadlineSchedule Schedule) : ScheduleResult;

    /// <summary>No agreement has that id.</summary>
    public sealed record NotFound(string AgreementId) : ScheduleResult;

    /// <summary>The <c>asOf</c> day is out of range; errors keyed <c>asOf</c>.</summary>
    public sealed record Invalid(IReadOnlyDictionary<string, string[]> Errors) : ScheduleResult;

    /// <summary>
    /// The stored record cannot be computed (it was stored before writes were checked, e.g. a closure dated
    /// 0001-01-01): <paramref name="Reason"/> says why, in the engine's words. Only this agreement is affected.
    /// </summary>
    public sealed record Uncomputable(string AgreementId, string Reason) : ScheduleResult;
}

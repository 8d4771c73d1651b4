using NodaTime;
using RegRights.Application.Agreements;
using RegRights.Core.Agreements;
using RegRights.Core.Deadlines;

namespace RegRights.Application.Reminders;

/// <summary>An agreement's reminder ledger, by scheduled time, with the zone its times are shown in.</summary>
/// <param name="Zone">The agreement's zone: a person reads a reminder's times there, with the offset.</param>
/// <param name="Rows">The rows, one per deadline instance and ladder step.</param>
public sealed record AgreementReminders(DateTimeZone Zone, IReadOnlyList<ReminderEntry> Rows);

/// <summary>What became of a retry handed to <see cref="ReminderService.RetryAsync"/>.</summary>
public abstract record ReminderRetryResult
{
    private ReminderRetryResult()
    {
    }

    /// <summary>
    /// The reminder is pending again, in the outbox with its tries reset; <paramref name="Reminder"/> is the row as read
    /// after the requeue, <paramref name="Zone"/> the agreement's.
    /// </summary>
    public sealed record Requeued(ReminderEntry Reminder, DateTimeZone Zone) : ReminderRetryResult;

    /// <summary>The reminder has not failed (pending, sent or cancelled): nothing changed.</summary>
    public sealed record NotFailed(ReminderEntry Reminder) : ReminderRetryResult;

    /// <summary>The agreement has no reminder with that id.</summary>
    public sealed record ReminderNotFound(string AgreementId, string ReminderId) : ReminderRetryResult;

    /// <summary>No agreement has that id.</summary>
    public sealed record AgreementNotFound(string AgreementId) : ReminderRetryResult;
}

/// <summary>
/// What the people who run a deal's calendar ask of its reminders: the ledger, a retry of a reminder that failed, and
/// the deadlines as a calendar feed.
/// </summary>
/// <remarks>
/// Every answer is in the agreement's own zone: the ledger comes with the zone to show its times in, and the calendar's
/// deadlines are judged as of today there, so a deadline on its last permitted day is still in the feed in the
/// evening in California although it is already the next day in UTC. Terms an agreement was stored without are the
/// seed agreement's (April 28, 2000).
/// </remarks>
public class ReminderService
{
    private readonly AgreementStore agreements;
    private readonly ReminderLedger ledger;
    private readonly ReminderDispatcher dispatcher;
    private readonly IClock clock;

    /// <summary>Creates the service over the agreements, the ledger, the dispatcher that requeues, and the clock that says what today is.</summary>
    public ReminderService(AgreementStore agreements, ReminderLedger ledger, ReminderDispatcher dispatcher, IClock clock)
    {
        this.agreements = agreements ?? throw new ArgumentNullException(nameof(agreements));
        this.ledger = ledger ?? throw new ArgumentNullException(nameof(ledger));
        this.dispatcher = dispatcher ?? throw new ArgumentNullException(nameof(dispatcher));
        this.clock = clock ?? throw new ArgumentNullException(nameof(clock));
    }

    /// <summary>For mocking.</summary>
    protected ReminderService()
    {
        agreements = null!;
        ledger = null!;
        dispatcher = null!;
        clock = null!;
    }

    /// <summary>The agreement's reminders by scheduled time, with its zone, or null when there is no agreement with that id.</summary>
    /// <remarks>An agreement whose deadlines have not come within a ladder's reach yet has an empty ledger, not null.</remarks>
    public virtual async Task<AgreementReminders?> ListAsync(string agreementId, CancellationToken cancellationToken = default)
    {
        if (await agreements.GetAgreementAsync(agreementId, cancellationToken).ConfigureAwait(false) is not { } agreement)
        {
            return null;
        }

        var rows = await ledger.ListAsync(agreementId, cancellationToken).ConfigureAwait(false);
        return new AgreementReminders(Zone(agreement), rows);
    }

    /// <summary>
    /// Puts a failed reminder back in the outbox with its tries reset and its recipients resolved again from the
    /// agreement's contacts as they are now; the next dispatch sends it.
    /// </summary>
    /// <remarks>
    /// Only a failed reminder is retried: one that is pending will go out anyway, and one already sent must not go out
    /// twice. The row is read again after the requeue, so the answer shows the recipients it will be sent to.
    /// </remarks>
    /// <param name="agreementId">The agreement's id.</param>
    /// <param name="reminderId">The row's id, <c>{deadlineKey}.{step}</c> with <c>#</c> as <c>~</c>, e.g. <c>filing-date.bd-5</c>.</param>
    /// <param name="cancellationToken">Cancels the storage calls.</param>
    /// <returns><see cref="ReminderRetryResult.Requeued"/>, <see cref="ReminderRetryResult.NotFailed"/>,
    /// <see cref="ReminderRetryResult.ReminderNotFound"/> or <see cref="ReminderRetryResult.AgreementNotFound"/>.</returns>
    public virtual async Task<ReminderRetryResult> RetryAsync(string agreementId, string reminderId, CancellationToken cancellationToken = default)
    {
        if (await agreements.GetAgreementAsync(agreementId, cancellationToken).ConfigureAwait(false) is not { } agreement)
        {
            return new ReminderRetryResult.AgreementNotFound(agreementId);
        }

        var outcome = await dispatcher.RequeueAsync(agreementId, reminderId, cancellationToken).ConfigureAwait(false);
        var row = outcome == RequeueOutcome.NotFound ? null : await ledger.GetAsync(agreementId, reminderId, cancellationToken).ConfigureAwait(false);
        return (outcome, row) switch
        {
            (RequeueOutcome.Requeued, not null) => new ReminderRetryResult.Requeued(row, Zone(agreement)),
            (RequeueOutcome.NotFailed, not null) => new ReminderRetryResult.NotFailed(row),
            _ => new ReminderRetryResult.ReminderNotFound(agreementId, reminderId),
        };
    }

    /// <summary>
    /// The agreement's open and missed deadlines as an RFC 5545 calendar (<see cref="DeadlineCalendarFeed"/>), judged as
    /// of today in the agreement's zone, or null when there is no agreement with that id.
    /// </summary>
    /// <remarks>
    /// The calendar is named by the agreement's name, or by its id when it has none. Met and waived deadlines leave the
    /// feed, and a deadline that lapses (the Effectiveness Period's Rule 144(k) horizon, § 2(a)) counts as met the day
    /// after its last day in the agreement's zone: for the seed agreement (Closing 2000-04-28) that horizon, Sunday
    /// 2002-04-28, is still in the feed at 5:30 p.m. that Sunday in California, 00:30 UTC on the 29th.
    /// </remarks>
    public virtual async Task<string?> GetCalendarAsync(string agreementId, CancellationToken cancellationToken = default)
    {
        if (await agreements.GetRecordAsync(agreementId, cancellationToken).ConfigureAwait(false) is not { } record)
        {
            return null;
        }

        var now = clock.GetCurrentInstant();
        var schedule = record.ScheduleAsOf(record.Today(now));
        var title = string.IsNullOrWhiteSpace(record.Agreement.Document.Name) ? agreementId : record.Agreement.Document.Name;
        return DeadlineCalendarFeed.Build(agreementId, title, record.Agreement.Terms.TimeZone, schedule.Deadlines, now);
    }

    private static DateTimeZone Zone(StoredAgreement agreement) => agreement.Terms.TimeZone;
}

using System.Globalization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NodaTime;
using RegRights.Application.Agreements;
using RegRights.Application.Email;
using RegRights.Contracts.Agreements;
using RegRights.Core.Deadlines;
using RegRights.Core.Reminders;

namespace RegRights.Application.Reminders;

/// <summary>What one dispatch run did.</summary>
/// <param name="Sent">Rows the provider accepted.</param>
/// <param name="Retrying">Rows that failed transiently and wait for their next try.</param>
/// <param name="Failed">Rows given up on.</param>
/// <param name="Cancelled">Rows no longer due (the deadline was met, waived or moved).</param>
/// <param name="Waiting">Rows not yet due for a try, or held by another dispatcher.</param>
public sealed record DispatchResult(int Sent, int Retrying, int Failed, int Cancelled, int Waiting);

/// <summary>What one dispatch did with one row; <see cref="DispatchResult"/> counts them.</summary>
internal enum DispatchOutcome
{
    Sent,
    Retrying,
    Failed,
    Cancelled,
    Waiting,
}

/// <summary>How an admin's retry of a reminder went.</summary>
public enum RequeueOutcome
{
    /// <summary>The row is pending again and will go out at the next dispatch.</summary>
    Requeued,

    /// <summary>No such row.</summary>
    NotFound,

    /// <summary>The row has not failed; there is nothing to retry.</summary>
    NotFailed,
}

/// <summary>
/// <c>DispatchReminders</c>: sends the pending ledger rows, records the provider's answer, retries transient failures
/// with exponential backoff, and after <see cref="ReminderOptions.MaxAttempts"/> tries marks a row failed and logs it
/// as an error.
/// </summary>
/// <remarks>
/// A row is claimed before it is sent: its attempt count goes up and its next-attempt time moves a lease ahead, with
/// the version read, so two dispatchers never send it at once, and a dispatcher that dies mid-send leaves it to be
/// tried again when the lease ends. The email's idempotency key is the row's key: ACS dedupes a repeated Operation-Id; over
/// SMTP a repeat after such a crash carries the same Message-Id.
/// </remarks>
public sealed partial class ReminderDispatcher
{
    private readonly ReminderLedger ledger;
    private readonly AgreementStore agreements;
    private readonly IEmailSender sender;
    private readonly ReminderEmailComposer composer;
    private readonly IClock clock;
    private readonly ReminderOptions options;
    private readonly ILogger<ReminderDispatcher> logger;

    /// <summary>Creates the dispatcher.</summary>
    public ReminderDispatcher(
        ReminderLedger ledger, AgreementStore agreements, IEmailSender sender, ReminderEmailComposer composer, IClock clock,
        IOptions<ReminderOptions> options, ILogger<ReminderDispatcher> logger)
    {
        this.ledger = ledger ?? throw new ArgumentNullException(nameof(ledger));
        this.agreements = agreements ?? throw new ArgumentNullException(nameof(agreements));
        this.sender = sender ?? throw new ArgumentNullException(nameof(sender));
        this.composer = composer ?? throw new ArgumentNullException(nameof(composer));
        this.clock = clock ?? throw new ArgumentNullException(nameof(clock));
        this.options = options?.Value ?? throw new ArgumentNullException(nameof(options));
        this.logger = logger ?? throw new ArgumentNullException(nameof(logger));
    }

    /// <summary>Sends every pending row whose time has come.</summary>
    public async Task<DispatchResult> DispatchAsync(CancellationToken cancellationToken = default)
    {
        var counts = new int[Enum.GetValues<DispatchOutcome>().Length];
        var records = new Dictionary<string, AgreementRecord?>(StringComparer.Ordinal);
        foreach (var item in await ledger.ReadOutboxAsync(cancellationToken).ConfigureAwait(false))
        {
            counts[(int)await DispatchOneAsync(item, records, cancellationToken).ConfigureAwait(false)]++;
        }

        return new DispatchResult(
            counts[(int)DispatchOutcome.Sent], counts[(int)DispatchOutcome.Retrying], counts[(int)DispatchOutcome.Failed],
            counts[(int)DispatchOutcome.Cancelled], counts[(int)DispatchOutcome.Waiting]);
    }

    /// <summary>
    /// Puts a failed row back in the outbox with its tries reset, its recipients resolved again from the agreement's
    /// contacts as they are now (the usual fix for a failure is a corrected address).
    /// </summary>
    public async Task<RequeueOutcome> RequeueAsync(string agreementId, string reminderId, CancellationToken cancellationToken = default)
    {
        if (!AgreementStore.IsWellFormedId(agreementId) || string.IsNullOrEmpty(reminderId) || reminderId.Length > 200)
        {
            return RequeueOutcome.NotFound;
        }

        var row = await ledger.GetAsync(agreementId, reminderId, cancellationToken).ConfigureAwait(false);
        if (row is null)
        {
            return RequeueOutcome.NotFound;
        }

        if (row.Status != ReminderStatus.Failed)
        {
            return RequeueOutcome.NotFailed;
        }

        var record = await agreements.GetRecordAsync(agreementId, cancellationToken).ConfigureAwait(false);
        var (to, cc) = ReminderRecipients.Resolve(ReminderAudience.For(row.DeadlineKey), record?.Agreement.Document.Contacts ?? []);
        try
        {
            await ledger.UpdateAsync(row with
            {
                Status = ReminderStatus.Pending,
                Attempts = 0,
                NextAttemptAt = clock.GetCurrentInstant(),
                To = to.Count == 0 ? row.To : to,
                Cc = to.Count == 0 ? row.Cc : cc,
            }, cancellationToken).ConfigureAwait(false);
        }
        catch (StoredRowChangedException)
        {
            // Another admin call requeued it first; it is pending either way.
        }

        await ledger.EnqueueAsync(agreementId, reminderId, cancellationToken).ConfigureAwait(false);
        return RequeueOutcome.Requeued;
    }

    private async Task<DispatchOutcome> DispatchOneAsync(OutboxItem item, Dictionary<string, AgreementRecord?> records, CancellationToken cancellationToken)
    {
        var row = await ledger.GetAsync(item.AgreementId, item.ReminderId, cancellationToken).ConfigureAwait(false);
        if (row is null || row.Status != ReminderStatus.Pending)
        {
            await ledger.DequeueAsync(item.AgreementId, item.ReminderId, cancellationToken).ConfigureAwait(false);
            return DispatchOutcome.Waiting;
        }

        var now = clock.GetCurrentInstant();
        if (row.NextAttemptAt > now)
        {
            return DispatchOutcome.Waiting;
        }

        ReminderEntry claimed;
        try
        {
            claimed = await ledger.UpdateAsync(
                row with { Attempts = row.Attempts + 1, NextAttemptAt = now + Duration.FromTimeSpan(options.SendLease) }, cancellationToken)
                .ConfigureAwait(false);
        }
        catch (StoredRowChangedException)
        {
            return DispatchOutcome.Waiting;
        }

        if (!records.TryGetValue(row.AgreementId, out var record))
        {
            try
            {
                record = await agreements.GetRecordAsync(row.AgreementId, cancellationToken).ConfigureAwait(false);
            }
            catch (InvalidDataException ex)
            {
                // A later version wrote the agreement (a later shape, an unknown stored name): whether the reminder is
                // still due is not this version's to judge. The claim lapses after its lease, for one that can read it;
                // the outbox goes on, where the exception would have stopped every reminder after this one.
                LogUnreadable(claimed.IdempotencyKey, ex.Message);
                return DispatchOutcome.Waiting;
            }

            records[row.AgreementId] = record;
        }

        if (Compose(claimed, record) is not { } composed)
        {
            return await FinishAsync(claimed with { Status = ReminderStatus.Cancelled, NextAttemptAt = null, LastError = "No longer due: the deadline was met, waived or moved." },
                cancellationToken).ConfigureAwait(false);
        }

        if (composed.Message is not { } message)
        {
            LogFailed(claimed.IdempotencyKey, claimed.Attempts, composed.Error!);
            return await FinishAsync(claimed with { Status = ReminderStatus.Failed, NextAttemptAt = null, LastError = composed.Error }, cancellationToken)
                .ConfigureAwait(false);
        }

        try
        {
            var result = await sender.SendAsync(message, claimed.IdempotencyKey, cancellationToken).ConfigureAwait(false);
            var sent = claimed with
            {
                Transport = result.Transport,
                ProviderMessageId = result.MessageId,
                ProviderDetail = result.Detail,
                NextAttemptAt = null,
            };
            if (result.Status == EmailSendStatus.Failed)
            {
                LogFailed(claimed.IdempotencyKey, claimed.Attempts, result.Detail ?? "the provider reported the send failed");
                return await FinishAsync(sent with { Status = ReminderStatus.Failed, LastError = result.Detail }, cancellationToken).ConfigureAwait(false);
            }

            // Running: the provider accepted the operation and had not finished when polling stopped; it is its to finish.
            return await FinishAsync(sent with { Status = ReminderStatus.Sent, SentAt = clock.GetCurrentInstant() }, cancellationToken)
                .ConfigureAwait(false);
        }
        catch (EmailTransportException ex) when (ex.IsTransient && claimed.Attempts < options.MaxAttempts)
        {
            var next = clock.GetCurrentInstant() + Backoff(claimed.Attempts);
            LogRetrying(claimed.IdempotencyKey, claimed.Attempts, next, ex.Message);
            await ledger.UpdateAsync(claimed with { NextAttemptAt = next, LastError = ex.Message }, cancellationToken).ConfigureAwait(false);
            return DispatchOutcome.Retrying;
        }
        catch (EmailTransportException ex)
        {
            LogFailed(claimed.IdempotencyKey, claimed.Attempts, ex.Message);
            return await FinishAsync(claimed with { Status = ReminderStatus.Failed, NextAttemptAt = null, LastError = ex.Message }, cancellationToken)
                .ConfigureAwait(false);
        }
    }

    private async Task<DispatchOutcome> FinishAsync(ReminderEntry row, CancellationToken cancellationToken)
    {
        await ledger.UpdateAsync(row, cancellationToken).ConfigureAwait(false);
        await ledger.DequeueAsync(row.AgreementId, row.ReminderId, cancellationToken).ConfigureAwait(false);
        return row.Status switch
        {
            ReminderStatus.Sent => DispatchOutcome.Sent,
            ReminderStatus.Failed => DispatchOutcome.Failed,
            ReminderStatus.Cancelled => DispatchOutcome.Cancelled,
            _ => throw new InvalidOperationException($"A finished row is sent, failed or cancelled, not {row.Status}."),
        };
    }

    // 1, 2, 4, … times the first delay, capped.
    private Duration Backoff(int attempts)
    {
        var delay = options.RetryDelay * Math.Pow(2, Math.Min(attempts - 1, 20));
        return Duration.FromTimeSpan(delay < options.MaxRetryDelay ? delay : options.MaxRetryDelay);
    }

    // Null: no longer due. A message, or the reason none can be made (a malformed address, nobody to send to).
    private (EmailMessage? Message, string? Error)? Compose(ReminderEntry row, AgreementRecord? record)
    {
        if (record is null)
        {
            return null;
        }

        var document = record.Agreement.Document;
        var deadline = record.ScheduleAsOf(row.SendDate).Find(row.DeadlineKey);
        if (!deadline.StandsFor(row.LastPermittedDay))
        {
            return null;
        }

        if (row.To.Count == 0)
        {
            return (null, ReminderRecipients.NoneMessage(row.DeadlineKey));
        }

        try
        {
            var request = new ReminderEmailRequest(
                row.AgreementId,
                string.IsNullOrWhiteSpace(document.Name) ? row.AgreementId : document.Name,
                record.Agreement.Terms.TimeZone,
                deadline,
                new ScheduledReminder(ParseStep(row.Step), row.SendDate, row.ScheduledAt),
                [.. row.To.Select(r => new EmailAddress(r.Address, r.Name))],
                [.. row.Cc.Select(r => new EmailAddress(r.Address, r.Name))])
            {
                SentAt = clock.GetCurrentInstant(),
                ReplyTo = ReminderRecipients.ReplyTo(document.Contacts ?? []),
            };
            return (composer.Compose(request), null);
        }
        catch (ArgumentException ex)
        {
            return (null, ex.Message);
        }
    }

    /// <summary>The step a ledger row's <see cref="ReminderStep.Key"/> names.</summary>
    internal static ReminderStep ParseStep(string key) => key switch
    {
        "last-day" => new ReminderStep(ReminderStepKind.LastDay, 0),
        _ when key.StartsWith("bd-", StringComparison.Ordinal) =>
            new ReminderStep(ReminderStepKind.BusinessDaysBefore, int.Parse(key.AsSpan(3), CultureInfo.InvariantCulture)),
        _ when key.StartsWith("overdue-", StringComparison.Ordinal) =>
            new ReminderStep(ReminderStepKind.Overdue, int.Parse(key.AsSpan(8), CultureInfo.InvariantCulture)),
        _ => throw new FormatException($"'{key}' is not a reminder step."),
    };

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reminder {Reminder}: try {Attempt} failed transiently, next try at {Next}: {Error}")]
    private partial void LogRetrying(string reminder, int attempt, Instant next, string error);

    [LoggerMessage(Level = LogLevel.Error, Message = "Reminder {Reminder} failed after {Attempts} tries and will not be retried without an admin: {Error}")]
    private partial void LogFailed(string reminder, int attempts, string error);

    [LoggerMessage(Level = LogLevel.Error, Message = "Reminder {Reminder} not sent: its agreement cannot be read by this version: {Reason}")]
    private partial void LogUnreadable(string reminder, string reason);
}

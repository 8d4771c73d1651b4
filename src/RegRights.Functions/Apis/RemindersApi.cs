using System.ComponentModel;
using Microsoft.AspNetCore.Mvc;
using NodaTime;
using RegRights.Application.Reminders;
using RegRights.Functions.OpenApi;
using RegRights.Functions.Telemetry;

namespace RegRights.Functions.Apis;

/// <summary>One row of the reminder ledger as the API shows it; moments in the agreement's zone, with their offset.</summary>
/// <param name="ReminderId">The row within the agreement, <c>{deadlineKey}.{step}</c> with <c>#</c> as <c>~</c>: the id to retry.</param>
/// <param name="DeadlineKey">The deadline instance, e.g. <c>filing-date</c> or <c>sec-comment-response#2</c>.</param>
/// <param name="Step">The ladder step: <c>bd-10</c>, <c>bd-5</c>, <c>bd-2</c>, <c>bd-1</c>, <c>last-day</c>, <c>overdue-0</c>, <c>overdue-1</c>…</param>
/// <param name="Status">pending, sent, failed or cancelled.</param>
/// <param name="Attempts">Sends tried so far.</param>
/// <param name="LastPermittedDay">The day the step was counted back from.</param>
/// <param name="SendDate">The local date of the step.</param>
/// <param name="ScheduledAt">When the ladder put it: the send hour on <paramref name="SendDate"/>.</param>
/// <param name="NextAttemptAt">When a pending row is tried next (or the end of a running send's lease).</param>
/// <param name="CreatedAt">When the scan wrote the row.</param>
/// <param name="SentAt">When the provider accepted it.</param>
/// <param name="To">Recipients resolved from the agreement's contacts by role.</param>
/// <param name="Cc">Copies.</param>
/// <param name="Transport">Smtp or Acs.</param>
/// <param name="ProviderMessageId">The provider's id for the message.</param>
/// <param name="ProviderDetail">The provider's last answer.</param>
/// <param name="LastError">The last failure, in words.</param>
public sealed record ReminderView(
    string ReminderId,
    string DeadlineKey,
    string Step,
    ReminderStatus Status,
    int Attempts,
    LocalDate LastPermittedDay,
    LocalDate SendDate,
    OffsetDateTime ScheduledAt,
    OffsetDateTime? NextAttemptAt,
    OffsetDateTime CreatedAt,
    OffsetDateTime? SentAt,
    IReadOnlyList<ReminderRecipient> To,
    IReadOnlyList<ReminderRecipient> Cc,
    string? Transport,
    string? ProviderMessageId,
    string? ProviderDetail,
    string? LastError)
{
    public static ReminderView From(ReminderEntry row, DateTimeZone zone) => new(
        row.ReminderId, row.DeadlineKey, row.Step, row.Status, row.Attempts, row.LastPermittedDay, row.SendDate,
        Local(row.ScheduledAt, zone), Local(row.NextAttemptAt, zone), Local(row.CreatedAt, zone), Local(row.SentAt, zone),
        row.To, row.Cc, row.Transport, row.ProviderMessageId, row.ProviderDetail, row.LastError);

    private static OffsetDateTime Local(Instant instant, DateTimeZone zone) => instant.InZone(zone).ToOffsetDateTime();

    private static OffsetDateTime? Local(Instant? instant, DateTimeZone zone) => instant is { } i ? Local(i, zone) : null;
}

/// <summary>What a rebuild of the deadline index did.</summary>
/// <param name="Agreements">Agreements indexed.</param>
/// <param name="Rows">Index rows written for the agreements indexed.</param>
/// <param name="Skipped">Agreements whose record this version cannot read (their rows kept as they were) or the engine cannot compute (no rows), each with the reason.</param>
public sealed record DeadlineIndexRebuildResult(int Agreements, int Rows, IReadOnlyList<SkippedAgreement> Skipped);

/// <summary>
/// An agreement's reminders (<c>/api/agreements/{id}/reminders</c>), its deadlines as a calendar feed, and the deadline
/// index's rebuild. Management endpoints: the host requires the function key.
/// </summary>
[Tags("Reminders")]
[ProblemResponse(StatusCodes.Status503ServiceUnavailable, ProblemAnswers.StorageUnavailable)]
public sealed class RemindersApi(ReminderService reminders, DeadlineIndex index)
{
    [Function("ListAgreementReminders")]
    [EndpointSummary("List an agreement's reminders")]
    [EndpointDescription(
        "The reminder ledger of the agreement, by scheduled time: one row per deadline instance and ladder step, with its status " +
        "(pending, sent, failed, cancelled), tries, last error, recipients and times in the agreement's zone with their offset.")]
    [ProblemResponse(StatusCodes.Status404NotFound, ProblemAnswers.AgreementNotFound)]
    public async Task<Results<Ok<IReadOnlyList<ReminderView>>, ProblemHttpResult>> ListRemindersAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "agreements/{id}/reminders")] HttpRequest request, string id,
        CancellationToken cancellationToken)
    {
        RegRightsActivity.TagAgreement(id);
        if (await reminders.ListAsync(id, cancellationToken).ConfigureAwait(false) is not { } listed)
        {
            return AgreementsApi.NotFound(id);
        }

        return TypedResults.Ok<IReadOnlyList<ReminderView>>([.. listed.Rows.Select(r => ReminderView.From(r, listed.Zone))]);
    }

    [Function("RetryReminder")]
    [EndpointSummary("Retry a failed reminder")]
    [EndpointDescription(
        "Puts a failed reminder back in the outbox with its tries reset and its recipients resolved again from the agreement's contacts " +
        "(fix the address first); DispatchReminders sends it at its next run. 404 for an unknown agreement or reminder, 409 when the reminder has not failed.")]
    [ProblemResponse(StatusCodes.Status404NotFound, "No agreement, or no reminder, with that id.")]
    [ProblemResponse(StatusCodes.Status409Conflict, "The reminder has not failed.")]
    public async Task<Results<Accepted<ReminderView>, ProblemHttpResult>> RetryReminderAsync(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "agreements/{id}/reminders/{reminderId}/retry")] HttpRequest request,
        string id,
        [Description("The reminder's id from GET /api/agreements/{id}/reminders, e.g. filing-date.bd-5.")] string reminderId,
        CancellationToken cancellationToken)
    {
        RegRightsActivity.TagAgreement(id);
        var result = await reminders.RetryAsync(id, reminderId, cancellationToken).ConfigureAwait(false);
        return result switch
        {
            ReminderRetryResult.Requeued(var row, var zone) =>
                TypedResults.Accepted($"/api/agreements/{id}/reminders", ReminderView.From(row, zone)),
            ReminderRetryResult.NotFailed(var row) => TypedResults.Problem(
                detail: $"Reminder '{reminderId}' is {row.Status.ToString().ToLowerInvariant()}, not failed; only a failed reminder is retried.",
                statusCode: StatusCodes.Status409Conflict, title: "The reminder has not failed", type: ProblemTypes.Conflict),
            ReminderRetryResult.AgreementNotFound => AgreementsApi.NotFound(id),
            ReminderRetryResult.ReminderNotFound => TypedResults.Problem(
                detail: $"Agreement '{id}' has no reminder '{reminderId}'. GET /api/agreements/{id}/reminders lists them.",
                statusCode: StatusCodes.Status404NotFound, title: "Reminder not found", type: ProblemTypes.NotFound),
            _ => throw new InvalidOperationException($"Unknown retry result {result.GetType().Name}."),
        };
    }

    [Function("GetAgreementCalendar")]
    [EndpointSummary("Subscribe to an agreement's deadlines")]
    [EndpointDescription(
        "An RFC 5545 calendar (text/calendar) with one all-day event per open or missed deadline on its last permitted day. Calendar clients " +
        "cannot send headers: put the key in the URL, ?code=….")]
    [ProducesResponseType<string>(StatusCodes.Status200OK, "text/calendar")]
    [ProblemResponse(StatusCodes.Status404NotFound, ProblemAnswers.AgreementNotFound)]
    public async Task<Results<ContentHttpResult, ProblemHttpResult>> GetCalendarAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "agreements/{id}/calendar.ics")] HttpRequest request, string id,
        CancellationToken cancellationToken)
    {
        RegRightsActivity.TagAgreement(id);
        return await reminders.GetCalendarAsync(id, cancellationToken).ConfigureAwait(false) is { } ics
            ? TypedResults.Content(ics, DeadlineCalendarFeed.ContentType)
            : AgreementsApi.NotFound(id);
    }

    [Function("RebuildDeadlineIndex")]
    [EndpointSummary("Rebuild the deadline index")]
    [EndpointDescription(
        "Indexes every agreement afresh from its record and removes every index row no agreement asks for: the repair after an index write " +
        "failed, or after agreements were changed outside the API. Safe to run at any time, and again.")]
    public async Task<Ok<DeadlineIndexRebuildResult>> RebuildIndexAsync(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "deadline-index/rebuild")] HttpRequest request, CancellationToken cancellationToken)
    {
        var report = await index.RebuildWithReportAsync(cancellationToken).ConfigureAwait(false);
        return TypedResults.Ok(new DeadlineIndexRebuildResult(report.Agreements, report.Rows, report.Skipped));
    }
}

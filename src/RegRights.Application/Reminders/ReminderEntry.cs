using System.Text.Json.Serialization;
using NodaTime;
using RegRights.Core.Deadlines;

namespace RegRights.Application.Reminders;

/// <summary>Where a reminder stands.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ReminderStatus>))]
public enum ReminderStatus
{
    /// <summary>Waiting for the dispatcher (first try or a retry after a transient failure).</summary>
    Pending,

    /// <summary>The provider accepted it.</summary>
    Sent,

    /// <summary>Given up: a permanent failure, or the last of the bounded tries; an admin can requeue it.</summary>
    Failed,

    /// <summary>Not sent: by the time it was due the deadline was met, waived or moved.</summary>
    Cancelled,
}

/// <summary>An email address as the ledger keeps it.</summary>
/// <param name="Address">The address.</param>
/// <param name="Name">The display name, if any.</param>
public sealed record ReminderRecipient(string Address, string? Name);

/// <summary>One row of the reminder ledger: one reminder step of one deadline instance of one agreement.</summary>
public sealed record ReminderEntry
{
    /// <summary>The agreement (the partition).</summary>
    public required string AgreementId { get; init; }

    /// <summary>The deadline instance, e.g. <c>sec-comment-response#2</c>.</summary>
    public required DeadlineId Deadline { get; init; }

    /// <summary>The ladder step, e.g. <c>bd-5</c>, <c>last-day</c>, <c>overdue-0</c>.</summary>
    public required string Step { get; init; }

    /// <summary>The last permitted day the step was counted from.</summary>
    public required LocalDate LastPermittedDay { get; init; }

    /// <summary>The local date the step is for.</summary>
    public required LocalDate SendDate { get; init; }

    /// <summary>The moment the ladder scheduled it (the send hour in the agreement's zone).</summary>
    public required Instant ScheduledAt { get; init; }

    /// <summary>Where it stands.</summary>
    public required ReminderStatus Status { get; init; }

    /// <summary>Sends tried so far.</summary>
    public int Attempts { get; init; }

    /// <summary>When the dispatcher may try it next (pending rows only).</summary>
    public Instant? NextAttemptAt { get; init; }

    /// <summary>The recipients resolved from the agreement's contacts by role.</summary>
    public required IReadOnlyList<ReminderRecipient> To { get; init; }

    /// <summary>The copies.</summary>
    public IReadOnlyList<ReminderRecipient> Cc { get; init; } = [];

    /// <summary>When the scan wrote it.</summary>
    public required Instant CreatedAt { get; init; }

    /// <summary>When the provider accepted it.</summary>
    public Instant? SentAt { get; init; }

    /// <summary>The transport that sent it (<c>Acs</c>, <c>Smtp</c>).</summary>
    public string? Transport { get; init; }

    /// <summary>The provider's id for the message (ACS operation id, SMTP Message-Id).</summary>
    public string? ProviderMessageId { get; init; }

    /// <summary>The provider's last answer, in its words.</summary>
    public string? ProviderDetail { get; init; }

    /// <summary>The last failure, in words.</summary>
    public string? LastError { get; init; }

    /// <summary>The row's version; every update is conditional on it.</summary>
    [JsonIgnore]
    public StoredVersion Version { get; init; }

    /// <summary>The deadline instance's text, e.g. <c>sec-comment-response#2</c>: the key the schedule and the audiences are looked up by.</summary>
    public string DeadlineKey => Deadline.ToString();

    /// <summary>The row's id within its agreement: <c>{deadlineKey}.{step}</c> with <c>#</c> written as <c>~</c>.</summary>
    /// <remarks>
    /// The id is a URL segment and a table key, in neither of which <c>#</c> may stand: <c>sec-comment-response#2</c>'s
    /// last-day row is <c>sec-comment-response~2.last-day</c>, as the deadline index writes the key.
    /// </remarks>
    public string ReminderId => Deadline.ToString('~') + "." + Step;

    /// <summary>The ledger row's key across agreements, and the idempotency key of its email.</summary>
    public string IdempotencyKey => AgreementId + "." + ReminderId;
}

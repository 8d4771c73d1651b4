using NodaTime;

namespace RegRights.Core.Reminders;

/// <summary>A reminder step placed in time: the local date it goes out and the moment that is.</summary>
/// <param name="Step">The rung of the ladder.</param>
/// <param name="SendDate">The date it goes out, in the agreement's zone.</param>
/// <param name="SendAt">The moment it goes out: <see cref="ReminderLadder.SendTime"/> on <paramref name="SendDate"/> in the agreement's zone.</param>
public sealed record ScheduledReminder(ReminderStep Step, LocalDate SendDate, Instant SendAt);

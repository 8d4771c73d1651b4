namespace RegRights.Application.Agreements;

/// <summary>
/// What follows every stored write to an agreement: the deadline index (and the reminders it catches up),
/// <see cref="Reminders.DeadlineIndexUpdater"/>. A port, so the agreement use cases know that the index follows, not how.
/// </summary>
public interface IAgreementIndexer
{
    /// <summary>Indexes <paramref name="agreementId"/> after a write; <paramref name="written"/> is the record it left, if the store returned it.</summary>
    /// <remarks>Never fails the write it follows, and is not cancelled with the request that made it.</remarks>
    Task IndexAfterWriteAsync(string agreementId, AgreementRecord? written);
}

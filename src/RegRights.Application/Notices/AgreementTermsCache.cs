using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Internal;
using Microsoft.Extensions.Options;
using NodaTime;
using RegRights.Application.Agreements;
using RegRights.Core.Agreements;

namespace RegRights.Application.Notices;

/// <summary>The terms a notice is stamped under, as the agreement record held them when it was last written.</summary>
/// <param name="AgreementId">The agreement.</param>
/// <param name="Terms">Its terms (the seed agreement's where the record gives none).</param>
/// <param name="AsOf">When the record those terms were read from was last written.</param>
public sealed record StampingTerms(string AgreementId, AgreementTerms Terms, Instant AsOf);

/// <summary>
/// Agreements' terms for the notice intake, kept for <see cref="NoticeIntakeOptions.TermsCacheDuration"/> so that a
/// burst of notices costs one storage call each (the notice's own conditional add), not two.
/// </summary>
/// <remarks>
/// A change through this instance calls <see cref="Invalidate"/> and the next notice reads the record again; a read
/// that overlapped any invalidation is used for its own notice but not kept. An agreement that does not exist is never
/// kept, so one created through another instance is found at once.
/// </remarks>
public sealed class AgreementTermsCache : IDisposable
{
    private readonly AgreementStore agreements;
    private readonly TimeSpan duration;
    private readonly MemoryCache cache;
    private long invalidations;

    /// <summary>Creates the cache over <paramref name="agreements"/>, timed by <paramref name="clock"/>.</summary>
    public AgreementTermsCache(AgreementStore agreements, IOptions<NoticeIntakeOptions> options, IClock clock)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(clock);
        this.agreements = agreements ?? throw new ArgumentNullException(nameof(agreements));
        duration = options.Value.TermsCacheDuration;
        cache = new MemoryCache(new MemoryCacheOptions { SizeLimit = options.Value.TermsCacheSize, Clock = new NodaSystemClock(clock) });
    }

    /// <summary>The agreement's terms, or null when there is no such agreement.</summary>
    public async ValueTask<StampingTerms?> GetAsync(string agreementId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(agreementId);
        if (cache.TryGetValue(agreementId, out StampingTerms? kept))
        {
            return kept;
        }

        var before = Interlocked.Read(ref invalidations);
        if (await agreements.GetAgreementAsync(agreementId, cancellationToken).ConfigureAwait(false) is not { } agreement)
        {
            return null;
        }

        var terms = new StampingTerms(agreement.Id, agreement.Terms, agreement.UpdatedAt);
        if (duration > TimeSpan.Zero && Interlocked.Read(ref invalidations) == before)
        {
            cache.Set(agreementId, terms, new MemoryCacheEntryOptions { AbsoluteExpirationRelativeToNow = duration, Size = 1 });
        }

        return terms;
    }

    /// <summary>Raised with the agreement's id by <see cref="Invalidate"/>: what else keeps terms (the fax number directory) forgets them too.</summary>
    public event Action<string>? Invalidated;

    /// <summary>Forgets the agreement's terms: call after every write that may change them.</summary>
    public void Invalidate(string agreementId)
    {
        ArgumentNullException.ThrowIfNull(agreementId);
        Interlocked.Increment(ref invalidations);
        cache.Remove(agreementId);
        Invalidated?.Invoke(agreementId);
    }

    /// <inheritdoc/>
    public void Dispose() => cache.Dispose();

    private sealed class NodaSystemClock(IClock clock) : ISystemClock
    {
        public DateTimeOffset UtcNow => clock.GetCurrentInstant().ToDateTimeOffset();
    }
}

using Microsoft.Extensions.Options;
using NodaTime;
using NodaTime.Testing;
using RegRights.Application.Agreements;
using RegRights.Application.Notices;
using RegRights.Contracts.Agreements;
using RegRights.Core.Agreements;
using RegRights.Infrastructure.IntegrationTests.Storage;
using RegRights.Infrastructure.Storage;
using RegRights.Testing;

namespace RegRights.Infrastructure.IntegrationTests.Notices;

[Collection(StorageTests.Name)]
public sealed class AgreementTermsCacheTest(StorageFixture fixture)
{
    private static readonly Instant Created = Instant.FromUtc(2000, 4, 28, 17, 0);
    private static readonly LocalTime ThreePm = new(15, 0);

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private readonly FakeClock clock = new(Created.Plus(Duration.FromHours(1)));

    private AgreementTermsCache Cache(AgreementStore store, TimeSpan duration) =>
        new(store, Options.Create(new NoticeIntakeOptions { TermsCacheDuration = duration }), clock);

    /// <summary>The seed agreement with its fax cutoff moved from 2:00 to 3:00 p.m., as a corrected record would be.</summary>
    private static AgreementDocument WithThreePmCutoff() =>
        SeedAgreements.Document(companyCfo: false) with { Terms = TermsDocument.From(AgreementTerms.NeoTherapeutics2000 with { FaxCutoff = ThreePm }) };

    private async Task<(AgreementStore Store, StoredAgreement Agreement)> SeedAsync()
    {
        var store = new TableAgreementStore(await fixture.CreateTablesAsync());
        return (store, await store.CreateAsync(SeedAgreements.Document(companyCfo: false), Created, Cancel));
    }

    [Fact]
    public async Task GetAsync_ReturnsTheTermsAndWhenTheRecordWasWritten()
    {
        var (store, agreement) = await SeedAsync();
        using var cache = Cache(store, TimeSpan.FromSeconds(5));

        var terms = await cache.GetAsync(agreement.Id, Cancel);

        Assert.NotNull(terms);
        Assert.Equal(agreement.Id, terms.AgreementId);
        Assert.Equal(AgreementTerms.NeoTherapeutics2000, terms.Terms);
        Assert.Equal(Created, terms.AsOf);
    }

    [Fact]
    public async Task GetAsync_ChangedThroughAnotherInstance_KeepsTheTermsItReadUntilTheDurationEnds()
    {
        // Arrange: terms read at 18:00:00; another instance corrects the record a moment later.
        var (store, agreement) = await SeedAsync();
        using var cache = Cache(store, TimeSpan.FromSeconds(5));
        await cache.GetAsync(agreement.Id, Cancel);
        var corrected = Created.Plus(Duration.FromHours(1));
        await store.ReplaceAsync(agreement.Id, WithThreePmCutoff(), agreement.Version, corrected, Cancel);

        // Act: 4.999 s after the read, and at 5 s.
        clock.Advance(Duration.FromMilliseconds(4_999));
        var within = await cache.GetAsync(agreement.Id, Cancel);
        clock.Advance(Duration.FromMilliseconds(1));
        var after = await cache.GetAsync(agreement.Id, Cancel);

        // Assert: the kept terms say which record they came from, so a stamp made under them can be found later.
        Assert.Equal(new LocalTime(14, 0), within!.Terms.FaxCutoff);
        Assert.Equal(Created, within.AsOf);
        Assert.Equal(ThreePm, after!.Terms.FaxCutoff);
        Assert.Equal(corrected, after.AsOf);
    }

    [Fact]
    public async Task GetAsync_AfterInvalidate_ReadsTheRecordAgainAtOnce()
    {
        var (store, agreement) = await SeedAsync();
        using var cache = Cache(store, TimeSpan.FromSeconds(5));
        await cache.GetAsync(agreement.Id, Cancel);
        await store.ReplaceAsync(agreement.Id, WithThreePmCutoff(), agreement.Version, Created, Cancel);

        cache.Invalidate(agreement.Id);

        Assert.Equal(ThreePm, (await cache.GetAsync(agreement.Id, Cancel))!.Terms.FaxCutoff);
    }

    [Fact]
    public async Task GetAsync_DurationZero_ReadsTheRecordEveryTime()
    {
        var (store, agreement) = await SeedAsync();
        using var cache = Cache(store, TimeSpan.Zero);
        await cache.GetAsync(agreement.Id, Cancel);
        await store.ReplaceAsync(agreement.Id, WithThreePmCutoff(), agreement.Version, Created, Cancel);

        Assert.Equal(ThreePm, (await cache.GetAsync(agreement.Id, Cancel))!.Terms.FaxCutoff);
    }

    [Fact]
    public async Task GetAsync_ReadOverlappingAnInvalidate_IsUsedButNotKept()
    {
        // Arrange: the change lands and invalidates while a read of the old record is on its way back.
        var tables = await fixture.CreateTablesAsync();
        var store = new SteppedAgreementStore(tables);
        var agreement = await store.CreateAsync(SeedAgreements.Document(companyCfo: false), Created, Cancel);
        using var cache = Cache(store, TimeSpan.FromSeconds(5));
        store.AfterNextRead = async () =>
        {
            await store.ReplaceAsync(agreement.Id, WithThreePmCutoff(), agreement.Version, Created, Cancel);
            cache.Invalidate(agreement.Id);
        };

        // Act
        var overlapping = await cache.GetAsync(agreement.Id, Cancel);
        var next = await cache.GetAsync(agreement.Id, Cancel);

        // Assert: the overlapping read answers with what it read; the next one does not get it from the cache.
        Assert.Equal(new LocalTime(14, 0), overlapping!.Terms.FaxCutoff);
        Assert.Equal(ThreePm, next!.Terms.FaxCutoff);
    }

    [Fact]
    public async Task GetAsync_UnknownOrMalformedAgreement_IsNull()
    {
        var (store, _) = await SeedAsync();
        using var cache = Cache(store, TimeSpan.FromSeconds(5));

        Assert.Null(await cache.GetAsync(Guid.NewGuid().ToString("N"), Cancel));
        Assert.Null(await cache.GetAsync("a/b", Cancel));
    }

    /// <summary>The real store, with a one-shot step after the next agreement read.</summary>
    private sealed class SteppedAgreementStore(RegRightsTables tables) : TableAgreementStore(tables)
    {
        public Func<Task>? AfterNextRead { get; set; }

        public override async Task<StoredAgreement?> GetAgreementAsync(string id, CancellationToken cancellationToken = default)
        {
            var agreement = await base.GetAgreementAsync(id, cancellationToken);
            if (AfterNextRead is { } after)
            {
                AfterNextRead = null;
                await after();
            }

            return agreement;
        }
    }
}

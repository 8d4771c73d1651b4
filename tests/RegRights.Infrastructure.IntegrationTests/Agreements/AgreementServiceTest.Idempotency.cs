using RegRights.Application.Agreements;
using RegRights.Contracts.Agreements;
using RegRights.Testing;

namespace RegRights.Infrastructure.IntegrationTests.Agreements;

/// <summary>A create under an Idempotency-Key happens once: a retry gets the first agreement, a race stores one.</summary>
public sealed partial class AgreementServiceTest
{
    [Fact]
    public async Task CreateAsync_SameKeyAndBodyTwice_AnswersTheFirstAgreementAndStoresOne()
    {
        // Arrange: a client whose first POST timed out after the server stored it, and who sends it again.
        var (service, _) = await CreateAsync();
        var key = Guid.NewGuid().ToString();
        var first = Assert.IsType<AgreementWriteResult.Created>(await service.CreateAsync(SeedAgreements.Document(companyCfo: false), key, Cancel)).Agreement;

        // Act
        var again = await service.CreateAsync(SeedAgreements.Document(companyCfo: false), key, Cancel);

        // Assert
        var replayed = Assert.IsType<AgreementWriteResult.Replayed>(again).Agreement;
        Assert.Equal((first.Id, first.ETag, first.Name, first.CreatedAt), (replayed.Id, replayed.ETag, replayed.Name, replayed.CreatedAt));
        var page = Assert.IsType<AgreementPageResult.Listed>(await service.ListAsync(null, null, Cancel)).Page;
        Assert.Equal([first.Id], page.Items.Select(a => a.Id));
    }

    [Fact]
    public async Task CreateAsync_SameKeyOtherBody_IsKeyReusedAndStoresNothingNew()
    {
        // Arrange
        var (service, _) = await CreateAsync();
        var key = Guid.NewGuid().ToString();
        var first = Assert.IsType<AgreementWriteResult.Created>(await service.CreateAsync(SeedAgreements.Document(companyCfo: false), key, Cancel)).Agreement;

        // Act: the same key for another deal, with a 45-day Filing Date.
        var other = SeedAgreements.Document(companyCfo: false) with { Name = "Registration Rights Agreement dated June 1, 2001", Terms = new TermsDocument { FilingDays = 45 } };
        var result = await service.CreateAsync(other, key, Cancel);

        // Assert
        Assert.Equal(first.Id, Assert.IsType<AgreementWriteResult.IdempotencyKeyReused>(result).AgreementId);
        var stored = await service.GetAsync(first.Id, Cancel);
        Assert.Equal((first.Name, 30), (stored!.Name, stored.Terms.FilingDays));
        var page = Assert.IsType<AgreementPageResult.Listed>(await service.ListAsync(null, null, Cancel)).Page;
        Assert.Single(page.Items);
    }

    [Fact]
    public async Task CreateAsync_TenRacingCreatesWithOneKey_StoreOneAgreement()
    {
        // Arrange
        var (service, _) = await CreateAsync();
        var key = Guid.NewGuid().ToString();

        // Act
        var results = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => service.CreateAsync(SeedAgreements.Document(companyCfo: false), key, Cancel)));

        // Assert: one Created, nine Replayed, all naming the one agreement stored.
        var created = Assert.Single(results.OfType<AgreementWriteResult.Created>()).Agreement;
        Assert.Equal(9, results.OfType<AgreementWriteResult.Replayed>().Count(r => r.Agreement.Id == created.Id));
        var page = Assert.IsType<AgreementPageResult.Listed>(await service.ListAsync(null, null, Cancel)).Page;
        Assert.Equal([created.Id], page.Items.Select(a => a.Id));
    }

    [Theory]
    [InlineData("")] // empty: refused, as a Guid.Empty request id is
    [InlineData("key with spaces")] // not a token
    [InlineData("clé")] // not ASCII
    public async Task CreateAsync_BadKey_IsInvalidAtTheHeaderAndStoresNothing(string key)
    {
        // Arrange
        var (service, _) = await CreateAsync();

        // Act
        var result = await service.CreateAsync(SeedAgreements.Document(companyCfo: false), key, Cancel);

        // Assert
        Assert.Equal([AgreementService.IdempotencyKeyField], Assert.IsType<AgreementWriteResult.Invalid>(result).Errors.Keys);
        var page = Assert.IsType<AgreementPageResult.Listed>(await service.ListAsync(null, null, Cancel)).Page;
        Assert.Empty(page.Items);
    }

    [Fact]
    public async Task CreateAsync_KeyOver255Characters_IsInvalid()
    {
        // Arrange
        var (service, _) = await CreateAsync();

        // Act
        var result = await service.CreateAsync(SeedAgreements.Document(companyCfo: false), new string('k', AgreementService.MaxIdempotencyKeyLength + 1), Cancel);

        // Assert
        Assert.Contains(AgreementService.IdempotencyKeyField, Assert.IsType<AgreementWriteResult.Invalid>(result).Errors.Keys);
    }
}

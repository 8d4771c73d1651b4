using RegRights.Application.Agreements;
using RegRights.Contracts.Agreements;
using RegRights.Testing;

namespace RegRights.Infrastructure.IntegrationTests.Agreements;

/// <summary>The notice clause's fax numbers, a term of the agreement: checked on write, read back as written.</summary>
public sealed partial class AgreementServiceTest
{
    [Fact]
    public async Task CreateAsync_NoticeFaxNumberNotANumber_InvalidAtItsPlaceAndNothingStored()
    {
        // Arrange
        var (service, _) = await CreateAsync();
        var document = SeedAgreements.Document(companyCfo: false) with { Terms = new TermsDocument { NoticeFaxNumbers = ["(949) 788-6706", "ask the CFO"] } };

        // Act
        var result = await service.CreateAsync(document, Cancel);

        // Assert
        var invalid = Assert.IsType<AgreementWriteResult.Invalid>(result);
        Assert.Contains("not a facsimile number", Assert.Single(invalid.Errors["$.terms.noticeFaxNumbers[1]"]), StringComparison.Ordinal);
        Assert.Empty(Assert.IsType<AgreementPageResult.Listed>(await service.ListAsync(null, null, Cancel)).Page.Items);
    }

    [Fact]
    public async Task CreateAsync_NoticeFaxNumbers_AreReadBackAsWritten()
    {
        var (service, _) = await CreateAsync();
        var document = SeedAgreements.Document(companyCfo: false) with { Terms = new TermsDocument { NoticeFaxNumbers = ["(949) 788-6706", "(714) 755-8290"] } };

        var created = Assert.IsType<AgreementWriteResult.Created>(await service.CreateAsync(document, Cancel));

        Assert.Equal(["(949) 788-6706", "(714) 755-8290"], created.Agreement.Terms.NoticeFaxNumbers);
        Assert.Equal(["(949) 788-6706", "(714) 755-8290"], (await service.GetAsync(created.Agreement.Id, Cancel))!.Terms.NoticeFaxNumbers);
    }
}

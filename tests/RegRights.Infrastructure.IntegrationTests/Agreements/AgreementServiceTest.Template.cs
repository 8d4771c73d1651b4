using RegRights.Application;
using RegRights.Application.Agreements;
using RegRights.Contracts.Agreements;
using RegRights.Core.Agreements;
using RegRights.Testing;

namespace RegRights.Infrastructure.IntegrationTests.Agreements;

/// <summary>An agreement keeps the template it was made from, and the choice of reminders before registration, as stored.</summary>
public sealed partial class AgreementServiceTest
{
    // A modern PIPE deal registered with every term of its template and reminders for deadlines already past.
    private static AgreementDocument ModernPipe() => SeedAgreements.Document(companyCfo: false) with
    {
        Template = AgreementTemplates.ModernPipe.Name,
        Terms = TermsDocument.From(AgreementTemplates.ModernPipe.Terms),
        RemindDeadlinesBeforeRegistration = true,
    };

    [Fact]
    public async Task GetAsync_ModernPipeDeal_ReadsBackItsTemplateAndRemindersBeforeRegistration()
    {
        // Arrange
        var (service, _) = await CreateAsync();
        var id = Assert.IsType<AgreementWriteResult.Created>(await service.CreateAsync(ModernPipe(), Cancel)).Agreement.Id;

        // Act: read from the table, not the create's answer.
        var read = await service.GetAsync(id, Cancel);

        // Assert: the deal names modern-pipe, not the seed's neotherapeutics-2000, and keeps its reminders choice.
        Assert.Equal(("modern-pipe", true), (read!.Template, read.RemindDeadlinesBeforeRegistration));
    }

    [Fact]
    public async Task ReplaceAsync_ModernPipeDealWithoutTemplate_IsInvalidAtTemplateAndKeepsIt()
    {
        // Arrange: a PUT of the deal as GET returns it, less its template.
        var (service, _) = await CreateAsync();
        var id = Assert.IsType<AgreementWriteResult.Created>(await service.CreateAsync(ModernPipe(), Cancel)).Agreement.Id;
        var read = await service.GetAsync(id, Cancel);

        // Act
        var result = await service.ReplaceAsync(id, ModernPipe() with { Template = null }, new StoredVersion(read!.ETag), Cancel);

        // Assert: refused at $.template, nothing written.
        Assert.Equal(["$.template"], Assert.IsType<AgreementWriteResult.Invalid>(result).Errors.Keys);
        var after = await service.GetAsync(id, Cancel);
        Assert.Equal((read.ETag, "modern-pipe"), (after!.ETag, after.Template));
    }

    [Fact]
    public async Task ReplaceAsync_ModernPipeDealNamingItsTemplate_ReplacesAndTurnsOffRemindersLeftOut()
    {
        // Arrange
        var (service, _) = await CreateAsync();
        var id = Assert.IsType<AgreementWriteResult.Created>(await service.CreateAsync(ModernPipe(), Cancel)).Agreement.Id;
        var read = await service.GetAsync(id, Cancel);

        // Act: the same deal renamed, its reminders choice left out (a PUT is the whole document: unset is off).
        var result = await service.ReplaceAsync(
            id, ModernPipe() with { Name = "Registration Rights Agreement (amended)", RemindDeadlinesBeforeRegistration = null }, new StoredVersion(read!.ETag), Cancel);

        // Assert: replaced; read back, still modern-pipe, reminders before registration off.
        Assert.IsType<AgreementWriteResult.Replaced>(result);
        var replaced = await service.GetAsync(id, Cancel);
        Assert.Equal(("Registration Rights Agreement (amended)", "modern-pipe", false),
            (replaced!.Name, replaced.Template, replaced.RemindDeadlinesBeforeRegistration));
    }
}

using System.Text;
using System.Text.Json;
using RegRights.Application;
using RegRights.Application.Agreements;
using RegRights.Contracts;
using RegRights.Contracts.Agreements;

namespace RegRights.Infrastructure.IntegrationTests.Agreements;

/// <summary>An agreement over Table Storage's limits is refused at its field before the write, with nothing stored.</summary>
public sealed partial class AgreementServiceTest
{
    // 100 contacts, each with a 1,000-character mailing address (the text limit): about 107 KB as a request body,
    // under the API's 256 KiB, but over 32,768 characters as the Contacts column.
    private static AgreementDocument HundredContacts() => new()
    {
        Name = "Registration Rights Agreement dated April 28, 2000",
        Contacts = [.. Enumerable.Range(1, 100).Select(i => new ContactDocument
        {
            Name = $"Holder contact {i}",
            Role = ContactRole.Holder,
            Email = $"holder{i}@fund.example",
            Address = $"Suite {i:000}, " + new string('x', 1000 - 11),
        })],
    };

    [Fact]
    public async Task CreateAsync_HundredContactsWithLongAddresses_IsInvalidAtContactsAndStoresNothing()
    {
        // Arrange
        var (service, _) = await CreateAsync();
        var document = HundredContacts();
        var body = Encoding.UTF8.GetByteCount(JsonSerializer.Serialize(document, RegRightsJson.Options));

        // Act
        var result = await service.CreateAsync(document, Cancel);

        // Assert: the body is under the 256 KiB request limit, yet the stored contacts are over 64 KiB.
        Assert.InRange(body, 100_000, 256 * 1024);
        var invalid = Assert.IsType<AgreementWriteResult.Invalid>(result);
        var message = Assert.Single(Assert.Contains("$.contacts", invalid.Errors));
        Assert.StartsWith("Too large to store: ", message, StringComparison.Ordinal);
        Assert.Contains("at most 32,768 (64 KiB) in one property", message, StringComparison.Ordinal);
        var page = Assert.IsType<AgreementPageResult.Listed>(await service.ListAsync(null, null, Cancel)).Page;
        Assert.Empty(page.Items);
    }

    [Fact]
    public async Task ReplaceAsync_HundredContactsWithLongAddresses_IsInvalidAtContactsAndKeepsTheDocument()
    {
        // Arrange
        var (service, _) = await CreateAsync();
        var id = await CreateSeedAsync(service, Closing);
        var read = await service.GetAsync(id, Cancel);

        // Act
        var result = await service.ReplaceAsync(id, HundredContacts() with { Terms = read!.Terms, Parties = read.Parties }, new StoredVersion(read.ETag), Cancel);

        // Assert
        var invalid = Assert.IsType<AgreementWriteResult.Invalid>(result);
        Assert.Contains("$.contacts", invalid.Errors.Keys);
        var after = await service.GetAsync(id, Cancel);
        Assert.Equal(read.ETag, after!.ETag);
        Assert.Equal(read.Contacts, after.Contacts);
    }
}

using Azure.Data.Tables;
using RegRights.Infrastructure.Storage;

namespace RegRights.Infrastructure.IntegrationTests.Storage;

/// <summary>Table Storage's limits as the service counts them: 32,768 characters a string property, 1 MiB an entity.</summary>
public class TableEntityLimitsTest
{
    private static readonly Dictionary<string, string> Paths = new() { ["Contacts"] = "$.contacts" };

    [Theory]
    [InlineData(32_768, false)] // exactly 64 KiB of UTF-16: fits
    [InlineData(32_769, true)] // one character more: PropertyValueTooLarge
    public void FindTooLarge_StringAtTheLimit_RefusesOnlyPastIt(int length, bool refused)
    {
        // Arrange
        var entity = new TableEntity("p", "r") { ["Contacts"] = new string('x', length) };

        // Act
        var errors = TableEntityLimits.FindTooLarge(entity, Paths);

        // Assert
        Assert.Equal(refused, errors is not null);
        if (refused)
        {
            Assert.Equal(["$.contacts"], errors!.Keys);
        }
    }

    [Fact]
    public void FindTooLarge_EntityOverOneMebibyte_IsRefusedAsAWhole()
    {
        // Arrange: 17 properties of 32,000 characters: each fits, together 17 × (8 + 4 + 2 × 2 + 4 + 64,000) bytes,
        // about 1.04 MiB.
        var entity = new TableEntity("p", "r");
        for (var i = 0; i < 17; i++)
        {
            entity[$"P{i:00}"] = new string('x', 32_000);
        }

        // Act
        var errors = TableEntityLimits.FindTooLarge(entity, Paths);

        // Assert
        var message = Assert.Single(Assert.Contains("$", errors!));
        Assert.Contains("at most 1,048,576 (1 MiB) in one entity", message, StringComparison.Ordinal);
    }
}

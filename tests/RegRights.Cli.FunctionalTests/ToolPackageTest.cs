using System.Text.Json;

namespace RegRights.Cli.FunctionalTests;

/// <summary>The packed dotnet tool, installed into a tool path and run through its shim.</summary>
public class ToolPackageTest(InstalledTool tool) : IClassFixture<InstalledTool>
{
    [Fact]
    public async Task InstalledTool_Deadlines_FilingDateOnSunday()
    {
        var (exitCode, stdout, stderr) = await RegrightsTool.RunProcessAsync(
            tool.Shim, ["deadlines", "--closing", "2000-04-28", "--json"], tool.Environment);

        Assert.True(exitCode == 0, stderr);
        using var json = JsonDocument.Parse(stdout);

        // Closing Date Friday 2000-04-28 + 30 days: the Filing Date is Sunday 2000-05-28 (§ 1).
        var filing = json.RootElement.GetProperty("deadlines").EnumerateArray()
            .Single(d => d.GetProperty("key").GetString() == "filing-date");
        Assert.Equal("2000-05-28", filing.GetProperty("dueDate").GetString());
    }

    [Fact]
    public async Task InstalledTool_BadArgument_ExitCode2()
    {
        var (exitCode, stdout, stderr) = await RegrightsTool.RunProcessAsync(
            tool.Shim, ["stamp", "--method", "facsimile", "--sent", "2000-05-26T14:05:00"], tool.Environment);

        Assert.Equal(2, exitCode);
        Assert.Empty(stdout);
        Assert.StartsWith("regrights: --sent: ", stderr, StringComparison.Ordinal);
    }
}

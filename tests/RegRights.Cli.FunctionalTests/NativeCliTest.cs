using System.Text.Json.Nodes;

namespace RegRights.Cli.FunctionalTests;

/// <summary>
/// The native <c>regrights</c> (Native AOT, <c>dotnet publish src/RegRights.Cli</c>, which <c>scripts/test.sh</c> runs
/// into <c>artifacts/cli</c>) answers every command exactly as the dotnet tool does: no reflection is left for a
/// trimmed build to lose.
/// </summary>
public class NativeCliTest
{
    private static readonly string Native = Locate();

    [Theory]
    [InlineData("deadlines", "--closing", "2000-04-28", "--as-of", "2000-06-01", "--json")]
    [InlineData("deadlines", "--closing", "2000-04-28", "--filed", "2000-05-26", "--sec-comment-received", "2000-06-20", "--as-of", "2000-07-01", "--json")]
    [InlineData("deadlines", "--closing", "2000-04-28", "--as-of", "2000-06-01")]
    [InlineData("business-days", "--from", "2001-01-01", "--to", "2001-12-31", "--json")]
    [InlineData("business-days", "--from", "2012-10-01", "--to", "2012-11-30")]
    [InlineData("deadlines", "--closing", "2000-02-30")]
    [InlineData("business-days", "--calendar", "new-york-banks", "--from", "2012-10-01", "--to", "2012-11-30", "--json")]
    [InlineData("business-days", "--calendar", "edgar", "--from", "2025-01-01", "--to", "2025-01-31", "--json")]
    [InlineData("trading-days", "--from", "2012-10-25", "--count", "5", "--json")]
    [InlineData("trading-days", "--from", "2021-12-01", "--to", "2022-01-31", "--json")]
    [InlineData("trading-days", "--from", "2021-12-01", "--to", "2022-01-31")]
    [InlineData("business-days", "--calendar", "lse", "--from", "2021-12-01", "--to", "2022-01-31")]
    [InlineData("frobnicate")]
    [InlineData("--help")]
    public async Task Native_Command_SameAnswerAsTheDotnetTool(params string[] args)
    {
        var tool = await RegrightsTool.RunAsync(args);

        var native = await RegrightsTool.RunProcessAsync(Native, args);

        Assert.Equal(tool.ExitCode, native.ExitCode);
        Assert.Equal(tool.StdOut, native.StdOut);
        Assert.Equal(tool.StdErr, native.StdErr);
        Assert.NotEqual(string.Empty, tool.StdOut + tool.StdErr);
    }

    [Fact]
    public async Task Native_ModernDealSample_SameDocumentAsTheDotnetTool()
    {
        // Every deal's documents (template, terms, events, Holders) through the source-generated JSON, both ways.
        var sample = Path.Combine(Path.GetDirectoryName(Path.GetDirectoryName(Path.GetDirectoryName(Native)))!, "samples", "modern-pipe");
        string[] args =
        [
            "deadlines", "--template", "modern-pipe", "--terms", Path.Combine(sample, "terms.json"), "--events",
            Path.Combine(sample, "events.json"), "--parties", Path.Combine(sample, "parties.json"), "--as-of", "2024-06-30", "--json",
        ];
        var tool = await RegrightsTool.RunAsync(args);

        var native = await RegrightsTool.RunProcessAsync(Native, args);

        Assert.Equal(0, tool.ExitCode);
        Assert.Equal(tool.StdOut, native.StdOut);
        Assert.Equal(tool.StdErr, native.StdErr);
        Assert.Contains("\"delayPayments\"", native.StdOut, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Native_Stamp_SameStampAsTheDotnetTool()
    {
        // The stamp records when the command ran, which two runs cannot share; everything else must match.
        string[] args = ["stamp", "--method", "facsimile", "--sent", "2000-05-26T13:59:00-07:00", "--json"];
        var tool = await RegrightsTool.RunAsync(args);

        var native = await RegrightsTool.RunProcessAsync(Native, args);

        Assert.Equal(0, native.ExitCode);
        var expected = WithoutRunTime(tool.StdOut);
        var actual = WithoutRunTime(native.StdOut);
        Assert.True(JsonNode.DeepEquals(expected, actual), native.StdOut);
        Assert.Equal("2000-05-26", actual["effectiveDate"]?.GetValue<string>());
    }

    private static JsonObject WithoutRunTime(string json)
    {
        var document = JsonNode.Parse(json)!.AsObject();
        document.Remove("recordedAt");
        document.Remove("warnings");
        return document;
    }

    private static string Locate()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "artifacts", "cli", OperatingSystem.IsWindows() ? "regrights.exe" : "regrights");
            if (File.Exists(candidate) && Directory.Exists(Path.Combine(dir.FullName, "src", "RegRights.Cli")))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException("The native regrights is not built: run scripts/test.sh, or dotnet publish src/RegRights.Cli -c Release -o artifacts/cli.");
    }
}

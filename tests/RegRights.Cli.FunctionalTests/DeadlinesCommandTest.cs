using System.Text.Json;

namespace RegRights.Cli.FunctionalTests;

/// <summary><c>regrights deadlines</c> on the seed agreement, Closing Date Friday 2000-04-28.</summary>
public class DeadlinesCommandTest
{
    private static JsonElement Deadline(JsonDocument document, string key) =>
        document.RootElement.GetProperty("deadlines").EnumerateArray().Single(d => d.GetProperty("key").GetString() == key);

    [Fact]
    public async Task Deadlines_Json_FilingAndEffectivenessDates()
    {
        var (exitCode, stdout, stderr) = await RegrightsTool.RunAsync("deadlines", "--closing", "2000-04-28", "--as-of", "2000-05-01", "--json");

        Assert.Equal(0, exitCode);
        Assert.Empty(stderr);
        using var json = JsonDocument.Parse(stdout);

        // § 1: Sunday 2000-05-28, inclusive; EDGAR cutoff Friday 5:30 p.m. EDT = 2:30 p.m. PDT.
        var filing = Deadline(json, "filing-date");
        Assert.Equal("§ 1, 2(a), 3(a)", filing.GetProperty("section").GetString());
        Assert.Equal("Closing Date 2000-04-28 + 30 days", filing.GetProperty("basis").GetString());
        Assert.True(filing.GetProperty("inclusive").GetBoolean());
        Assert.Equal("2000-05-28", filing.GetProperty("dueDate").GetString());
        Assert.Equal("2000-05-28", filing.GetProperty("lastPermittedDay").GetString());
        Assert.Equal("2000-05-26T17:30:00-04:00", filing.GetProperty("practicalCutoff").GetProperty("eastern").GetString());
        Assert.Equal("2000-05-26T14:30:00-07:00", filing.GetProperty("practicalCutoff").GetProperty("agreementZone").GetString());
        Assert.Equal("open", filing.GetProperty("status").GetString());
        Assert.Equal("nonBusinessDay", filing.GetProperty("warnings")[0].GetProperty("kind").GetString());

        // § 2(a) "prior to" Saturday 2000-08-26: the last permitted day is Friday 2000-08-25.
        var effectiveness = Deadline(json, "effectiveness-date");
        Assert.False(effectiveness.GetProperty("inclusive").GetBoolean());
        Assert.Equal("2000-08-26", effectiveness.GetProperty("dueDate").GetString());
        Assert.Equal("2000-08-25", effectiveness.GetProperty("lastPermittedDay").GetString());
    }

    [Fact]
    public async Task Deadlines_Json_EventsStartAndStopClocks()
    {
        // Filed Friday 2000-05-26 (on time); letters received 2000-06-05 and 2000-07-10 (due 06-15 and 07-20);
        // 10 days of excused delay move the Effectiveness Date to Tuesday 2000-09-05.
        var (exitCode, stdout, _) = await RegrightsTool.RunAsync(
            "deadlines", "--closing", "2000-04-28", "--filed", "2000-05-26", "--sec-comment-received", "2000-07-10",
            "--sec-comment-received", "2000-06-05", "--excused-delay-days", "10", "--as-of", "2000-07-20", "--json");

        Assert.Equal(0, exitCode);
        using var json = JsonDocument.Parse(stdout);
        var filing = Deadline(json, "filing-date");
        Assert.Equal("met", filing.GetProperty("status").GetString());
        Assert.True(filing.GetProperty("onTime").GetBoolean());
        Assert.Equal("filed", filing.GetProperty("metBy").GetProperty("kind").GetString());
        Assert.Equal("2000-06-15", Deadline(json, "sec-comment-response#1").GetProperty("dueDate").GetString());
        Assert.Equal("missed", Deadline(json, "sec-comment-response#1").GetProperty("status").GetString());
        Assert.Equal("2000-07-20", Deadline(json, "sec-comment-response#2").GetProperty("dueDate").GetString());
        Assert.Equal("open", Deadline(json, "sec-comment-response#2").GetProperty("status").GetString());
        Assert.Equal("2000-09-05", Deadline(json, "effectiveness-date").GetProperty("dueDate").GetString());
    }

    [Fact]
    public async Task Deadlines_Table_ShowsDatesWithWeekdays()
    {
        var (exitCode, stdout, _) = await RegrightsTool.RunAsync("deadlines", "--closing", "2000-04-28", "--as-of", "2000-05-01");

        Assert.Equal(0, exitCode);
        var filingLine = stdout.Split('\n').Single(l => l.StartsWith("filing-date ", StringComparison.Ordinal));
        Assert.Contains("Sun 2000-05-28", filingLine, StringComparison.Ordinal);
        Assert.Contains("Fri 2000-05-26 17:30 EDT (-04:00) = 14:30 PDT (-07:00)", filingLine, StringComparison.Ordinal);
        Assert.Contains("Fri 2000-10-20", stdout, StringComparison.Ordinal); // § 6(b), the 120th Business Day
    }

    [Theory]
    [InlineData("--closing", "deadlines")] // required option missing
    [InlineData("--closing", "deadlines", "--closing", "2000-13-01")] // not a date
    [InlineData("--closing", "deadlines", "--closing", "1970-12-31")] // before the calendar's range
    [InlineData("--closing", "deadlines", "--closing", "2099-01-01")] // the two-year horizon would leave the range
    [InlineData("--excused-delay-days", "deadlines", "--closing", "2000-04-28", "--excused-delay-days", "ten")]
    [InlineData("--excused-delay-days", "deadlines", "--closing", "2000-04-28", "--excused-delay-days", "-1")]
    [InlineData("--sec-comment-received", "deadlines", "--closing", "2000-04-28", "--sec-comment-received", "2000-02-30")]
    [InlineData("--as-of", "deadlines", "--closing", "2000-04-28", "--as-of", "yesterday")]
    [InlineData("--bogus", "deadlines", "--closing", "2000-04-28", "--bogus")] // unknown option
    public async Task Deadlines_BadArgument_OneLineNamingItAndExitCode2(string named, params string[] args)
    {
        var (exitCode, stdout, stderr) = await RegrightsTool.RunAsync(args);

        Assert.Equal(2, exitCode);
        Assert.Empty(stdout);
        var line = Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("regrights: ", line, StringComparison.Ordinal);
        Assert.Contains(named, line, StringComparison.Ordinal);
    }
}

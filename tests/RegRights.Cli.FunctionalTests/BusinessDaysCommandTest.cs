using System.Text.Json;

namespace RegRights.Cli.FunctionalTests;

/// <summary><c>regrights business-days</c>: the non-Business Days of a range, with their legal sources.</summary>
public class BusinessDaysCommandTest
{
    [Fact]
    public async Task BusinessDays_Json_MemorialDayAndWeekends()
    {
        // May 2000: eight weekend days and Memorial Day, Monday 2000-05-29.
        var (exitCode, stdout, stderr) = await RegrightsTool.RunAsync("business-days", "--from", "2000-05-01", "--to", "2000-05-31", "--json");

        Assert.Equal(0, exitCode);
        Assert.Empty(stderr);
        using var json = JsonDocument.Parse(stdout);
        var days = json.RootElement.GetProperty("nonBusinessDays").EnumerateArray().ToList();
        Assert.Equal(9, days.Count);
        var memorial = days.Single(d => d.GetProperty("date").GetString() == "2000-05-29");
        Assert.False(memorial.GetProperty("businessDay").GetBoolean());
        var reasons = memorial.GetProperty("reasons").EnumerateArray().ToList();
        Assert.Contains(reasons, r => r.GetProperty("name").GetString() == "Memorial Day"
            && r.GetProperty("source").GetString() == "5 U.S.C. § 6103(a)"
            && r.GetProperty("kind").GetString() == "federalLegalHoliday");
        Assert.Contains(reasons, r => r.GetProperty("kind").GetString() == "californiaBankHoliday");
    }

    [Fact]
    public async Task BusinessDays_Json_GoodFridayIsFlaggedContested()
    {
        // Good Friday 2001-04-13: banks close at noon (Cal. Civ. Code § 7.1); a Business Day by default, flagged.
        var (exitCode, stdout, _) = await RegrightsTool.RunAsync("business-days", "--from", "2001-04-13", "--to", "2001-04-13", "--json");

        Assert.Equal(0, exitCode);
        using var json = JsonDocument.Parse(stdout);
        var day = Assert.Single(json.RootElement.GetProperty("nonBusinessDays").EnumerateArray());
        Assert.True(day.GetProperty("businessDay").GetBoolean());
        Assert.True(day.GetProperty("contested").GetBoolean());
        Assert.Equal("contested", day.GetProperty("reasons")[0].GetProperty("effect").GetString());
    }

    [Fact]
    public async Task BusinessDays_Table_AdmissionDayAndCount()
    {
        // September 2000: 30 days, 9 weekend days, Labor Day (Monday 4) and Admission Day observed (Friday 8): 19.
        var (exitCode, stdout, _) = await RegrightsTool.RunAsync("business-days", "--from", "2000-09-01", "--to", "2000-09-30");

        Assert.Equal(0, exitCode);
        Assert.Contains("19 Business Days of 30 days", stdout, StringComparison.Ordinal);
        Assert.Contains(stdout.Split('\n'), l => l.StartsWith("Fri 2000-09-08", StringComparison.Ordinal) && l.Contains("Admission Day", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("--to", "business-days", "--from", "2000-05-02")] // required option missing
    [InlineData("--to", "business-days", "--from", "2000-05-02", "--to", "2000-05-01")] // range reversed
    [InlineData("--from", "business-days", "--from", "2000/05/01", "--to", "2000-05-31")] // not ISO
    [InlineData("--to", "business-days", "--from", "2000-05-01", "--to", "2101-01-01")] // after the calendar's range
    public async Task BusinessDays_BadArgument_OneLineNamingItAndExitCode2(string named, params string[] args)
    {
        var (exitCode, stdout, stderr) = await RegrightsTool.RunAsync(args);

        Assert.Equal(2, exitCode);
        Assert.Empty(stdout);
        var line = Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("regrights: ", line, StringComparison.Ordinal);
        Assert.Contains(named, line, StringComparison.Ordinal);
    }
}

using System.Text.Json;

namespace RegRights.Cli.FunctionalTests;

/// <summary><c>regrights trading-days</c>: the NYSE's closed days in a range, or a count of Trading Days from a date.</summary>
public class TradingDaysCommandTest
{
    [Fact]
    public async Task TradingDays_Json_Range_HurricaneSandyAndThanksgiving2012()
    {
        // Arrange: October 29 - November 30, 2012: Sandy (29, 30), Thanksgiving (22) and eight weekend days.
        string[] args = ["trading-days", "--from", "2012-10-29", "--to", "2012-11-30", "--json"];

        // Act
        var (exitCode, stdout, stderr) = await RegrightsTool.RunAsync(args);

        // Assert: the range document of business-days, each closing with its source.
        Assert.Equal(0, exitCode);
        Assert.Empty(stderr);
        using var json = JsonDocument.Parse(stdout);
        var closed = json.RootElement.GetProperty("nonBusinessDays").EnumerateArray().ToList();
        Assert.Equal(11, closed.Count);
        var sandy = closed.Single(d => d.GetProperty("date").GetString() == "2012-10-30");
        var reason = Assert.Single(sandy.GetProperty("reasons").EnumerateArray());
        Assert.Equal("closure", reason.GetProperty("kind").GetString());
        Assert.StartsWith("NYSE Euronext and Nasdaq OMX", reason.GetProperty("source").GetString(), StringComparison.Ordinal);
        var thanksgiving = closed.Single(d => d.GetProperty("date").GetString() == "2012-11-22");
        Assert.Equal("exchangeHoliday", thanksgiving.GetProperty("reasons")[0].GetProperty("kind").GetString());
        Assert.Empty(json.RootElement.GetProperty("contestedDays").EnumerateArray());
    }

    [Fact]
    public async Task TradingDays_Table_SaturdayNewYearNotKeptOnFriday()
    {
        // December 2021 - January 2022: Christmas observed Friday 24; New Year's Day 2022 a Saturday, so Friday 31 is a
        // Trading Day (NYSE Rule 7.2); Martin Luther King, Jr. Day Monday 17.
        var (exitCode, stdout, _) = await RegrightsTool.RunAsync("trading-days", "--from", "2021-12-01", "--to", "2022-01-31");

        Assert.Equal(0, exitCode);
        Assert.Contains("42 Trading Days of 62 days", stdout, StringComparison.Ordinal);
        var lines = stdout.Split('\n');
        Assert.Contains(lines, l => l.StartsWith("Fri 2021-12-24  no", StringComparison.Ordinal) && l.Contains("Christmas Day", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.StartsWith("Fri 2021-12-31", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("Mon 2022-01-17  no", StringComparison.Ordinal));
    }

    [Fact]
    public async Task TradingDays_Count_FiveAcrossSandy()
    {
        // Thursday 2012-10-25 + 5 Trading Days: 26, 31, Nov 1, 2, 5.
        var (exitCode, stdout, _) = await RegrightsTool.RunAsync("trading-days", "--from", "2012-10-25", "--count", "5");

        Assert.Equal(0, exitCode);
        Assert.Contains("5 Trading Days after Thu 2012-10-25 is Mon 2012-11-05", stdout, StringComparison.Ordinal);
        Assert.Contains(stdout.Split('\n'), l => l.StartsWith("Mon 2012-10-29  no", StringComparison.Ordinal) && l.Contains("Hurricane Sandy", StringComparison.Ordinal));
    }

    [Fact]
    public async Task TradingDays_Json_CountBack_ReturnsToTheStart()
    {
        var (exitCode, stdout, _) = await RegrightsTool.RunAsync("trading-days", "--from", "2012-11-05", "--count=-5", "--json");

        Assert.Equal(0, exitCode);
        using var json = JsonDocument.Parse(stdout);
        var root = json.RootElement;
        Assert.Equal("nyse", root.GetProperty("calendar").GetString());
        Assert.Equal("Trading Day", root.GetProperty("dayName").GetString());
        Assert.Equal(-5, root.GetProperty("count").GetInt32());
        Assert.Equal("2012-10-25", root.GetProperty("date").GetString());
        Assert.Equal("thursday", root.GetProperty("dayOfWeek").GetString());
        Assert.Equal(JsonValueKind.Null, root.GetProperty("otherReadingDate").ValueKind);
        var skipped = root.GetProperty("skipped").GetProperty("nonBusinessDays").EnumerateArray().Select(d => d.GetProperty("date").GetString()).ToList();
        Assert.Equal(["2012-10-27", "2012-10-28", "2012-10-29", "2012-10-30", "2012-11-03", "2012-11-04"], skipped);
    }

    [Fact]
    public async Task TradingDays_Count_NationalDayOfMourning2025()
    {
        // Wednesday 2025-01-08 + 1 Trading Day: Friday 2025-01-10 (closed Thursday 9 for President Carter).
        var (exitCode, stdout, _) = await RegrightsTool.RunAsync("trading-days", "--from", "2025-01-08", "--count", "1", "--json");

        Assert.Equal(0, exitCode);
        using var json = JsonDocument.Parse(stdout);
        Assert.Equal("2025-01-10", json.RootElement.GetProperty("date").GetString());
    }

    [Theory]
    [InlineData("--calendar", "unknown calendar 'tse'; calendars: california-banks, new-york-banks, nyse, edgar.", "trading-days", "--calendar", "tse", "--from", "2024-01-02", "--count", "1")]
    [InlineData("--calendar", "new-york-banks counts Business Days; use regrights business-days.", "trading-days", "--calendar", "new-york-banks", "--from", "2024-01-02", "--count", "1")]
    [InlineData("--to", "give --to (a range) or --count", "trading-days", "--from", "2024-01-02")]
    [InlineData("--count", "not both", "trading-days", "--from", "2024-01-02", "--to", "2024-01-05", "--count", "1")]
    [InlineData("--count", "leaves the supported range", "trading-days", "--from", "2100-12-20", "--count", "20")]
    [InlineData("--count", "is not a whole number", "trading-days", "--from", "2024-01-02", "--count", "five")]
    public async Task TradingDays_BadArgument_OneLineNamingItAndExitCode2(string named, string says, params string[] args)
    {
        var (exitCode, stdout, stderr) = await RegrightsTool.RunAsync(args);

        Assert.Equal(2, exitCode);
        Assert.Empty(stdout);
        var line = Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith($"regrights: {named}", line, StringComparison.Ordinal);
        Assert.Contains(says, line, StringComparison.Ordinal);
    }
}

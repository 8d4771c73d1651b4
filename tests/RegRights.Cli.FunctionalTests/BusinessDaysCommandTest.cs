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
    public async Task BusinessDays_Json_GoodFridayIsContestedNotNonBusiness()
    {
        // Arrange: Good Friday 2001-04-13: banks close at noon (Cal. Civ. Code § 7.1); a Business Day by default.
        string[] args = ["business-days", "--from", "2001-04-13", "--to", "2001-04-13", "--json"];

        // Act
        var (exitCode, stdout, _) = await RegrightsTool.RunAsync(args);

        // Assert: not in nonBusinessDays, which holds only days that are not Business Days; in contestedDays with both readings.
        Assert.Equal(0, exitCode);
        using var json = JsonDocument.Parse(stdout);
        Assert.Empty(json.RootElement.GetProperty("nonBusinessDays").EnumerateArray());
        var day = Assert.Single(json.RootElement.GetProperty("contestedDays").EnumerateArray());
        Assert.Equal("2001-04-13", day.GetProperty("date").GetString());
        Assert.True(day.GetProperty("businessDay").GetBoolean());
        var readings = day.GetProperty("readings").EnumerateArray()
            .ToDictionary(r => r.GetProperty("reading").GetString()!, r => (BusinessDay: r.GetProperty("businessDay").GetBoolean(), Default: r.GetProperty("default").GetBoolean()));
        Assert.Equal((true, true), readings["open"]);
        Assert.Equal((false, false), readings["closed"]);
        Assert.Equal("contested", day.GetProperty("reasons")[0].GetProperty("effect").GetString());
    }

    [Fact]
    public async Task BusinessDays_Json_EveryNonBusinessDayIsNotABusinessDay()
    {
        // Arrange: December 2018: the national day of mourning for President George H. W. Bush (Wednesday
        // 2018-12-05, an executive-order closure, contested) and Christmas Eve (Monday 2018-12-24, given to federal
        // employees by order), besides Christmas Day and the weekends.
        string[] args = ["business-days", "--from", "2018-12-01", "--to", "2018-12-31", "--json"];

        // Act
        var (exitCode, stdout, _) = await RegrightsTool.RunAsync(args);

        // Assert: a client reading nonBusinessDays by its name gets the calendar right.
        Assert.Equal(0, exitCode);
        using var json = JsonDocument.Parse(stdout);
        var closed = json.RootElement.GetProperty("nonBusinessDays").EnumerateArray().ToList();
        Assert.All(closed, d => Assert.False(d.GetProperty("businessDay").GetBoolean()));
        Assert.DoesNotContain(closed, d => d.GetProperty("date").GetString() == "2018-12-05");
        Assert.Contains(closed, d => d.GetProperty("date").GetString() == "2018-12-25");
        var contested = json.RootElement.GetProperty("contestedDays").EnumerateArray().Select(d => d.GetProperty("date").GetString()).ToList();
        Assert.Contains("2018-12-05", contested);
        Assert.Contains("2018-12-24", contested);
    }

    [Fact]
    public async Task BusinessDays_Json_LoadSampleGrepFindsTheNonBusinessDaysOnly()
    {
        // Arrange: scripts/load-sample.sh finds the closed days with this pattern on the output without blanks; April
        // 2001 has Good Friday (13th, contested) and eight weekend days.
        var pattern = new System.Text.RegularExpressions.Regex("\"date\":\"([0-9-]*)\",\"dayOfWeek\":\"[a-z]*\",\"businessDay\":false");

        // Act
        var (exitCode, stdout, _) = await RegrightsTool.RunAsync("business-days", "--from", "2001-04-01", "--to", "2001-04-30", "--json");

        // Assert
        Assert.Equal(0, exitCode);
        var found = pattern.Matches(stdout.Replace(" ", "", StringComparison.Ordinal).Replace("\n", "", StringComparison.Ordinal))
            .Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(9, found.Count);
        Assert.DoesNotContain("2001-04-13", found);
    }

    [Fact]
    public async Task BusinessDays_Table_ContestedDaySaysBothReadings()
    {
        // Arrange: Good Friday 2001-04-13.
        string[] args = ["business-days", "--from", "2001-04-09", "--to", "2001-04-15"];

        // Act
        var (exitCode, stdout, _) = await RegrightsTool.RunAsync(args);

        // Assert: five Business Days (Good Friday is one by default), and the line says so and gives the other reading.
        Assert.Equal(0, exitCode);
        Assert.Contains("5 Business Days of 7 days", stdout, StringComparison.Ordinal);
        Assert.Contains(stdout.Split('\n'), l => l.StartsWith("Fri 2001-04-13  contested", StringComparison.Ordinal)
            && l.Contains("a Business Day under the default reading; not one under the other", StringComparison.Ordinal));
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

using System.Text.Json;

namespace RegRights.Cli.FunctionalTests;

/// <summary><c>regrights business-days --calendar NAME</c> and <c>--count</c>: the other Business Day calendars.</summary>
public class BusinessDaysCalendarOptionTest
{
    [Fact]
    public async Task BusinessDays_NamedDefault_SameDocumentAsNoCalendar()
    {
        // The default is california-banks (§ 1): naming it changes nothing.
        var plain = await RegrightsTool.RunAsync("business-days", "--from", "2000-09-01", "--to", "2000-09-30", "--json");
        var named = await RegrightsTool.RunAsync("business-days", "--calendar", "california-banks", "--from", "2000-09-01", "--to", "2000-09-30", "--json");

        Assert.Equal(0, named.ExitCode);
        Assert.Equal(plain.StdOut, named.StdOut);
    }

    [Fact]
    public async Task BusinessDays_NewYork_CountAcrossSandy_BothReadings()
    {
        // Friday 2012-10-26 + 1 New York Business Day: Monday 29 by default (contested: offices closed under
        // N.Y. Gen. Constr. Law § 24-a(3), no bank holiday); Wednesday 31 under the other reading.
        var (exitCode, stdout, _) = await RegrightsTool.RunAsync(
            "business-days", "--calendar", "new-york-banks", "--from", "2012-10-26", "--count", "1", "--json");

        Assert.Equal(0, exitCode);
        using var json = JsonDocument.Parse(stdout);
        var root = json.RootElement;
        Assert.Equal("new-york-banks", root.GetProperty("calendar").GetString());
        Assert.Equal("2012-10-29", root.GetProperty("date").GetString());
        Assert.Equal("2012-10-31", root.GetProperty("otherReadingDate").GetString());
        var contested = Assert.Single(root.GetProperty("skipped").GetProperty("contestedDays").EnumerateArray());
        Assert.Equal("2012-10-29", contested.GetProperty("date").GetString());
        Assert.Contains("§ 24-a(3)", contested.GetProperty("reasons")[0].GetProperty("source").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task BusinessDays_NewYork_StayAtHomeCarveOut_SandyIsABusinessDay()
    {
        var (exitCode, stdout, _) = await RegrightsTool.RunAsync(
            "business-days", "--calendar", "new-york-banks", "--stay-at-home-carve-out", "--from", "2012-10-26", "--count", "1", "--json");

        Assert.Equal(0, exitCode);
        using var json = JsonDocument.Parse(stdout);
        Assert.Equal("2012-10-29", json.RootElement.GetProperty("date").GetString());
        Assert.Equal(JsonValueKind.Null, json.RootElement.GetProperty("otherReadingDate").ValueKind);
        Assert.Empty(json.RootElement.GetProperty("skipped").GetProperty("contestedDays").EnumerateArray());
    }

    [Fact]
    public async Task BusinessDays_NewYork_Table_GoodFridayIsABusinessDay()
    {
        // Good Friday 2024 (March 29) closes the NYSE, not New York banks: five Business Days that week.
        var (exitCode, stdout, _) = await RegrightsTool.RunAsync("business-days", "--calendar", "new-york-banks", "--from", "2024-03-25", "--to", "2024-03-31");

        Assert.Equal(0, exitCode);
        Assert.Contains("5 Business Days of 7 days", stdout, StringComparison.Ordinal);
        Assert.StartsWith("Business Day (New York", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BusinessDays_Edgar_DayOfMourningClosed()
    {
        var (exitCode, stdout, _) = await RegrightsTool.RunAsync("business-days", "--calendar", "edgar", "--from", "2025-01-08", "--to", "2025-01-10");

        Assert.Equal(0, exitCode);
        Assert.Contains("2 EDGAR filing days of 3 days", stdout, StringComparison.Ordinal);
        Assert.Contains(stdout.Split('\n'), l => l.StartsWith("Thu 2025-01-09  no", StringComparison.Ordinal) && l.Contains("Executive Order 14133", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("unknown calendar 'london-banks'; calendars: california-banks, new-york-banks, nyse, edgar.", "london-banks")]
    [InlineData("nyse counts Trading Days; use regrights trading-days.", "nyse")]
    public async Task BusinessDays_BadCalendar_OneLineListingTheNames(string says, string name)
    {
        var (exitCode, stdout, stderr) = await RegrightsTool.RunAsync("business-days", "--calendar", name, "--from", "2024-01-02", "--to", "2024-01-05");

        Assert.Equal(2, exitCode);
        Assert.Empty(stdout);
        Assert.Equal($"regrights: --calendar: {says}", Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries)).TrimEnd('\r'));
    }
}

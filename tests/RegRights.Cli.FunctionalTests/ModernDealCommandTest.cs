using System.Text.Json;
using NodaTime;
using RegRights.Contracts;
using RegRights.Contracts.Deadlines;
using RegRights.Core.Agreements;
using RegRights.Core.Deadlines;
using RegRights.Core.DelayPayments;

namespace RegRights.Cli.FunctionalTests;

/// <summary>
/// <c>regrights deadlines --template modern-pipe --terms … --events … --parties …</c> on samples/modern-pipe: the
/// document the API's deadlines endpoint returns for the same agreement (both are <see cref="DeadlinesDocument.From"/>
/// of the engine's schedule).
/// </summary>
public class ModernDealCommandTest
{
    private static string Sample(string file)
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "RegRights.Functions.sln")))
        {
            directory = directory.Parent;
        }

        return Path.Combine(directory!.FullName, "samples", "modern-pipe", file);
    }

    [Fact]
    public async Task Deadlines_ModernPipeSample_IsTheEnginesDocument()
    {
        var (exitCode, stdout, stderr) = await RegrightsTool.RunAsync(
            "deadlines", "--template", "modern-pipe", "--terms", Sample("terms.json"), "--events", Sample("events.json"),
            "--parties", Sample("parties.json"), "--as-of", "2024-07-01", "--json");

        Assert.Equal(0, exitCode);
        Assert.Empty(stderr);

        // The same deal built by hand: the template with the 90-day override, the sample's events and Holders.
        var terms = AgreementTemplates.ModernPipe.Terms with { EffectivenessDays = 90 };
        AgreementEvent[] events =
        [
            new("closing", AgreementEventKind.Closing, new LocalDate(2024, 1, 2)),
            new("second", AgreementEventKind.Closing, new LocalDate(2024, 2, 15)) { Tranche = "second closing" },
            new("filed", AgreementEventKind.Filed, new LocalDate(2024, 3, 20)),
            new("paid-alpha-1", AgreementEventKind.DelayPaymentMade, new LocalDate(2024, 3, 18))
            {
                DeadlineKey = "filing-failure-payment#1", Holder = "Alpha Fund LP", Amount = Money.Usd(10_000.00m),
            },
            new("effective", AgreementEventKind.DeclaredEffective, new LocalDate(2024, 3, 28)),
            new("suspension", AgreementEventKind.SuspensionStarted, new LocalDate(2024, 5, 1)),
            new("advice", AgreementEventKind.SuspensionEnded, new LocalDate(2024, 6, 5)) { RefersTo = "suspension" },
        ];
        HolderSubscription[] holders = [new("Alpha Fund LP", Money.Usd(1_000_000m)), new("Beta Partners LP", Money.Usd(2_500_000m))];
        var expected = JsonSerializer.Serialize(
            DeadlinesDocument.From(DeadlineEngine.Compute(terms, events, new LocalDate(2024, 7, 1), holders)), RegRightsJson.TypeInfo<DeadlinesDocument>());
        Assert.Equal(expected, stdout.TrimEnd('\r', '\n'));

        // Period 1 of the Filing Failure: Alpha's $10,000.00 paid 10 days late bears 1.5 % × $10,000.00 × 10/30 = $50.00;
        // the suspension over 30 days made a Maintenance Failure from 2024-05-31 to the Advice of 2024-06-05.
        using var json = JsonDocument.Parse(stdout);
        var failures = json.RootElement.GetProperty("delayPayments").EnumerateArray().ToList();
        // The second closing's Filing Deadline (Monday 2024-03-18) was missed too, but the sample's amounts are the first
        // closing's only: its Filing Failure says its base is unknown.
        var filing = failures.Single(f => f.GetProperty("failure").GetString() == "filingFailure" && f.GetProperty("tranche").ValueKind == JsonValueKind.Null);
        var second = failures.Single(f => f.GetProperty("failure").GetString() == "filingFailure" && f.GetProperty("tranche").ValueKind == JsonValueKind.String);
        Assert.Equal((false, "2024-03-19"), (second.GetProperty("computed").GetBoolean(), second.GetProperty("eventDate").GetString()));
        Assert.Equal(50.00m, filing.GetProperty("periods")[0].GetProperty("holders")[0].GetProperty("lateInterest").GetProperty("amount").GetDecimal());
        var maintenance = failures.Single(f => f.GetProperty("failure").GetString() == "maintenanceFailure");
        Assert.Equal(("2024-05-31", "2024-06-05"), (maintenance.GetProperty("eventDate").GetString(), maintenance.GetProperty("curedOn").GetString()));
        Assert.Contains(json.RootElement.GetProperty("deadlines").EnumerateArray(), d => d.GetProperty("key").GetString() == "filing-date#2");

        // The rule is the clause's own words, not the seed's: inclusive, rolled to a day the Commission is open.
        var filingDate = json.RootElement.GetProperty("deadlines").EnumerateArray().First(d => d.GetProperty("key").GetString() == "filing-date");
        Assert.Equal(
            "on or prior to the Filing Date, the 30th day following the Closing Date; on a day the Commission is closed, the next Business Day on which the Commission is open for business",
            filingDate.GetProperty("rule").GetString());
    }

    [Theory]
    [InlineData("--template", "deadlines", "--template", "pipe-2099", "--closing", "2024-01-02")]
    [InlineData("--closing", "deadlines", "--template", "modern-pipe")]
    public async Task Deadlines_BadTemplateOrNoClosing_OneLineNamingItAndExitCode2(string named, params string[] args)
    {
        var (exitCode, stdout, stderr) = await RegrightsTool.RunAsync(args);

        Assert.Equal(2, exitCode);
        Assert.Empty(stdout);
        var line = Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith($"regrights: {named}", line, StringComparison.Ordinal);
    }
}

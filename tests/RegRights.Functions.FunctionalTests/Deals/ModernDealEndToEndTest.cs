using System.Net;
using System.Text.Json.Nodes;
using static RegRights.Functions.FunctionalTests.Api;
using static RegRights.Functions.FunctionalTests.Deals.RegisteredDeal;

namespace RegRights.Functions.FunctionalTests.Deals;

/// <summary>
/// Issue 13's "done when", over real HTTP to the worker under the local host, Azurite and maildev: a modern PIPE deal
/// registered from its template with an override and the Holders' subscription amounts, a late filing and a
/// suspension recorded; the deadlines document gives every deadline and delay payment with its section and basis, and
/// the reminders for a payment's due date and for the suspension's Advice reach the inbox.
/// </summary>
public sealed class ModernDealEndToEndTest
{
    private static readonly string Document = ModernPipeAgreement(
        "Example Therapeutics, Inc.",
        [new("Alpha Fund LP", "notices@alpha.example", 1_000_000m), new("Beta Partners LP", "notices@beta.example", 2_500_000m)],
        new JsonObject { ["effectivenessDays"] = 90 });

    [Fact]
    public async Task ModernDeal_LateFilingAndSuspension_DeadlinesPaymentsAndRemindersWithSectionAndBasis()
    {
        // Wednesday 2024-03-20: the deal is registered, its Closing of 2024-01-02 and its filing that day recorded.
        // The Filing Deadline was Thursday 2024-02-01 (Closing + 30 days): a Filing Failure from 2024-02-02, cured on
        // 2024-03-20, the 47th day.
        await using var deal = await StartAsync(Document, At(3, 20));
        var view = deal.View;
        Assert.Equal(("modern-pipe", "new-york-banks", 90, "§ 2(d)"),
            ((string?)view["template"], (string?)view["terms"]!["businessDayCalendar"], (int?)view["terms"]!["effectivenessDays"],
                (string?)view["terms"]!["delayPayments"]!["section"]));
        await deal.PostEventAsync("""{"id":"closing","kind":"closing","date":"2024-01-02"}""");
        await deal.PostEventAsync("""{"id":"filed","kind":"filed","date":"2024-03-20"}""");

        // Period 2 (2024-03-03 to 03-19, 17 of 30 days): 1 % × $1,000,000 × 17/30 = $5,666.67 and 1 % × $2,500,000 × 17/30
        // = $14,166.67, due 5 New York Business Days after 03-19: Tuesday 2024-03-26.
        var deadlines = await deal.DeadlinesAsync("2024-03-20");
        var payment = Deadline(deadlines, "filing-failure-payment#2");
        Assert.Equal(("2024-03-26", "§ 2(d)", "open"), ((string?)payment["dueDate"], (string?)payment["section"], (string?)payment["status"]));
        Assert.StartsWith("§ 2(d) period 2: 2024-03-03 to 2024-03-19, 17 of 30 days; cured 2024-03-20", (string?)payment["basis"], StringComparison.Ordinal);
        var failure = deadlines["delayPayments"]!.AsArray().Single(f => (string?)f!["failure"] == "filingFailure")!;
        Assert.Equal(("2024-02-02", "2024-03-20", 54_833.34m), ((string?)failure["eventDate"], (string?)failure["curedOn"], (decimal)failure["total"]!["amount"]!));
        var period = failure["periods"]![1]!;
        Assert.Equal(("filing-failure-payment#2", 5_666.67m, 14_166.67m, 19_833.34m),
            ((string?)period["deadlineKey"], (decimal)period["holders"]![0]!["amount"]!["amount"]!, (decimal)period["holders"]![1]!["amount"]!["amount"]!,
                (decimal)period["total"]!["amount"]!));
        Assert.Equal("2024-04-01", (string?)Deadline(deadlines, "effectiveness-date")["dueDate"]);

        // Friday 2024-03-22, 2 Business Days before the payment's due date (03-25, 03-22): its reminder goes out.
        var first = Assert.Single(await deal.RemindAtAsync(At(3, 22)));
        Assert.StartsWith("Pay the Registration Delay Payments (Filing Failure) in 2 Business Days — ", first.Subject, StringComparison.Ordinal);
        Assert.Contains("§ 2(d) — due Tue 26 Mar 2024", first.Subject, StringComparison.Ordinal);
        Assert.Equal(["counsel@company.example"], first.To.Select(a => a.Address));
        Assert.Equal(["notices@alpha.example", "notices@beta.example"], first.Cc.Select(a => a.Address).Order());

        // Monday 03-25: both Holders paid; the payment is met and leaves the index.
        deal.App.Clock.Reset(At(3, 25));
        await deal.PostEventAsync("""{"id":"paid-alpha-2","kind":"delayPaymentMade","date":"2024-03-25","deadlineKey":"filing-failure-payment#2","holder":"Alpha Fund LP","amount":{"amount":5666.67,"currency":"USD"}}""");
        await deal.PostEventAsync("""{"id":"paid-beta-2","kind":"delayPaymentMade","date":"2024-03-25","deadlineKey":"filing-failure-payment#2","holder":"Beta Partners LP","amount":{"amount":14166.67,"currency":"USD"}}""");
        Assert.Equal("met", (string?)Deadline(await deal.DeadlinesAsync("2024-03-25"), "filing-failure-payment#2")["status"]);

        // Wednesday 05-01: declared effective on 03-28 (before the Effectiveness Deadline, 2024-04-01), and the Company's
        // § 3(n) notice suspends the Prospectus. At most 30 consecutive days, the notice day being day 1: the last allowed
        // day is Thursday 05-30, so the Advice is due Friday 2024-05-31.
        deal.App.Clock.Reset(At(5, 1));
        await deal.PostEventAsync("""{"id":"effective","kind":"declaredEffective","date":"2024-03-28"}""");
        await deal.PostEventAsync("""{"id":"suspension","kind":"suspensionStarted","date":"2024-05-01"}""");
        deadlines = await deal.DeadlinesAsync("2024-05-01");
        var advice = Deadline(deadlines, "suspension-advice#1");
        Assert.Equal(("2024-05-31", "§ 3(n)"), ((string?)advice["dueDate"], (string?)advice["section"]));
        Assert.Contains("may last through Thursday 2024-05-30", (string?)advice["basis"], StringComparison.Ordinal);
        Assert.Equal(("2024-05-30", 1, 1), ((string?)deadlines["suspensions"]!["currentLastAllowedDay"], (int)deadlines["suspensions"]!["daysUsed"]!,
            (int)deadlines["suspensions"]!["occasionsUsed"]!));

        // Thursday 05-16, 10 New York Business Days before 05-31 (Memorial Day, 05-27, closed): the Advice's reminder.
        var inbox = await deal.RemindAtAsync(At(5, 16));
        Assert.Equal(2, inbox.Count);
        var second = Assert.Single(inbox, e => e.Id != first.Id);
        Assert.StartsWith("Give the Advice ending the suspension (grace period) in 10 Business Days — ", second.Subject, StringComparison.Ordinal);
        Assert.Contains("§ 3(n) — due Fri 31 May 2024", second.Subject, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Templates_ListsBothWithTheirTermsAndTheMarkToConfirm()
    {
        await using var app = new FunctionsAppFixture();
        await app.InitializeAsync();

        using var response = await app.Management.GetAsync(Url("/api/templates"), Cancel);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var templates = (await response.ReadJsonAsync())["templates"]!.AsArray();
        Assert.Equal(["neotherapeutics-2000", "modern-pipe"], templates.Select(t => (string?)t!["name"]));
        var seed = templates[0]!;
        Assert.Equal((true, 0), ((bool)seed["isDefault"]!, seed["toConfirm"]!.AsArray().Count));
        Assert.Equal(["§ 2(e)", "§ 2(f)", "§ 6(d)", "§ 3(c)(ii)", "§ 6.2(v) of the Purchase Agreement"],
            seed["terms"]!["crossReferenceGaps"]!.AsArray().Select(g => (string?)g!["cites"]));
        var modern = templates[1]!;
        Assert.Contains("delayPayments", modern["toConfirm"]!.AsArray().Select(n => (string?)n));
        Assert.Equal((6.0m, 30), ((decimal)modern["terms"]!["delayPayments"]!["capPercent"]!, (int)modern["terms"]!["suspensions"]!["maxConsecutiveDays"]!));
        Assert.StartsWith("Template default: confirm", (string?)modern["confirm"], StringComparison.Ordinal);
    }
}

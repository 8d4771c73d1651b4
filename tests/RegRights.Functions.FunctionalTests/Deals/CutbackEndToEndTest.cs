using System.Net;
using static RegRights.Functions.FunctionalTests.Api;
using static RegRights.Functions.FunctionalTests.Deals.RegisteredDeal;

namespace RegRights.Functions.FunctionalTests.Deals;

/// <summary>
/// The Rule 415 cutback over real HTTP (worker under the local host, Azurite, maildev): a <c>modern-pipe</c> deal whose
/// resale statement the staff cut back; the additional statement's Filing Deadline on the deadlines document with its
/// section and basis, and its reminder in the inbox.
/// </summary>
public sealed class CutbackEndToEndTest
{
    private static readonly string Document = ModernPipeAgreement("Cutback Example, Inc.", [new("Alpha Fund LP", "notices@alpha.example")]);

    [Fact]
    public async Task Cutback_AdditionalFilingDeadline_OnTheDocumentAndReminded()
    {
        // Tuesday 2024-09-03: closed 01-02, filed 01-25, cut back by the staff on 02-15, effective 02-28, and the filing of
        // the cut-back securities permitted from today: 45 days (+ 27 is 09-30, + 18 more) is Friday 2024-10-18.
        await using var deal = await StartAsync(Document, At(9, 3));
        var clause = deal.View["terms"]!["additionalRegistration"]!;
        Assert.Equal(("§ 2(b)", 45, "filingPermitted", 60, 90),
            ((string?)clause["section"], (int)clause["filingDays"]!, (string?)clause["filingFrom"], (int)clause["effectivenessDays"]!, (int)clause["reviewedEffectivenessDays"]!));
        await deal.PostEventAsync("""{"id":"closing","kind":"closing","date":"2024-01-02"}""");
        await deal.PostEventAsync("""{"id":"filed","kind":"filed","date":"2024-01-25"}""");
        await deal.PostEventAsync("""{"id":"cutback","kind":"cutback","date":"2024-02-15"}""");
        await deal.PostEventAsync("""{"id":"effective","kind":"declaredEffective","date":"2024-02-28"}""");

        var pending = await deal.DeadlinesAsync("2024-09-03");
        var waiting = Assert.Single(pending["cutbacks"]!.AsArray())!;
        Assert.Null((string?)waiting["filingKey"]);
        Assert.StartsWith("The additional Filing Deadline counts from the date the Commission's guidance permits", (string?)waiting["note"], StringComparison.Ordinal);

        await deal.PostEventAsync("""{"id":"permitted","kind":"additionalFilingPermitted","date":"2024-09-03","refersTo":"cutback"}""");
        var deadlines = await deal.DeadlinesAsync("2024-09-03");
        var filing = Deadline(deadlines, "additional-filing#1");
        Assert.Equal(("2024-10-18", "2024-10-18", "§ 2(b)", "open", "Filing permitted 2024-09-03 + 45 days"),
            ((string?)filing["dueDate"], (string?)filing["lastPermittedDay"], (string?)filing["section"], (string?)filing["status"], (string?)filing["basis"]));
        Assert.Equal("additional-filing#1", (string?)Assert.Single(deadlines["cutbacks"]!.AsArray())!["filingKey"]);

        // Thursday 2024-10-03 is 10 New York Business Days before Friday 10-18 (Columbus Day, 10-14, closed): the reminder,
        // to company counsel with the Holder copied (the cut-back securities are the Holders').
        var email = Assert.Single(await deal.RemindAtAsync(At(10, 3)));
        Assert.StartsWith("File the additional Registration Statement for the cut-back securities (Rule 415) in 10 Business Days — ", email.Subject, StringComparison.Ordinal);
        Assert.Contains("§ 2(b) — due Fri 18 Oct 2024", email.Subject, StringComparison.Ordinal);
        Assert.Equal(["counsel@company.example"], email.To.Select(a => a.Address));
        Assert.Equal(["notices@alpha.example"], email.Cc.Select(a => a.Address));
    }

    [Fact]
    public async Task Cutback_AdditionalFiledWithoutACutback_IsRefusedAtRefersTo()
    {
        await using var deal = await StartAsync(Document);
        await deal.PostEventAsync("""{"id":"closing","kind":"closing","date":"2024-01-02"}""");
        await deal.PostEventAsync("""{"id":"filed","kind":"filed","date":"2024-01-25"}""");

        using var response = await deal.App.Management.PostAsync(Url($"/api/agreements/{deal.Id}/events"),
            Json("""{"id":"additional","kind":"additionalFiled","date":"2024-10-10","refersTo":"filed"}"""), Cancel);

        // The record refuses it: 'filed' is the Registration Statement's filing, not a cutback.
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("AdditionalFiled refers to 'filed', but no Cutback event with that id is recorded.", await response.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
    }
}

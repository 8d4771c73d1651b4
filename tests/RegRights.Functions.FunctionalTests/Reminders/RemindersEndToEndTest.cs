using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using RegRights.Application.Reminders;
using static RegRights.Functions.FunctionalTests.Api;
using IcalCalendar = Ical.Net.Calendar;

namespace RegRights.Functions.FunctionalTests.Reminders;

/// <summary>
/// The reminder pipeline through the app alone: agreements and events over the API, the timer functions run with
/// the local host's invocation (what POST /admin/functions/{name} runs, awaited), emails read back from maildev's REST API. Each test has an app, Azurite and maildev of
/// its own, because it moves the clock, stops maildev and advances the one scan watermark.
/// </summary>
public sealed class RemindersEndToEndTest
{
    // Monday 22 May 2000, 08:30 in California (PDT, UTC-7). The seed agreement closed Friday 28 April 2000, so (§ 1,
    // § 2(a)) the Filing Date is 28 April + 30 days = Sunday 28 May, which stands (no roll rule): counting Business Days
    // back from it, Fri 26 is 1, Thu 25 is 2, Wed 24 is 3, Tue 23 is 4 and Mon 22 is 5. The § 3(a) pre-filing review is
    // due 5 Business Days before the Filing Date, Monday 22 May itself. So this morning's 08:00 run has exactly two
    // reminders: the Filing Date in 5 Business Days and the review's last day. Nothing else is near: the Effectiveness
    // Date is 25 August.
    private static readonly Instant MondayMorning = Instant.FromUtc(2000, 5, 22, 15, 30);

    private static readonly string[] CompanySide = ["apettis@lw.example", "cfo@neotherapeutics.example"];
    private static readonly string[] HolderSide = ["notices@dlouhy.example", "notices@rcgf.example", "sferruolo@hewm.example"];
    private const string SpecialCounsel = "special.counsel@holders.example";

    [Fact]
    public async Task ScanThenDispatch_SeedAgreementOnTheMorningOfTheReview_EmailsTheTwoDueRemindersOnce()
    {
        // Arrange
        await using var app = await StartAsync();
        var id = await CreateSampleAsync(app);
        app.Clock.Reset(MondayMorning);

        // Act
        await RunAsync(app, "ScanDeadlines");
        await RunAsync(app, "DispatchReminders");
        var inbox = await app.InboxAsync();

        // Assert: § 2(a) concerns the Holders (copied with their counsel); § 3(a) names the Special Counsel too.
        Assert.Equal(2, inbox.Count);
        var filing = Assert.Single(inbox, e => e.Subject.StartsWith("Filing Date in 5 Business Days — ", StringComparison.Ordinal));
        Assert.Contains("due Sun 28 May 2000 (practical cutoff Fri 26 May)", filing.Subject, StringComparison.Ordinal);
        Assert.Equal(CompanySide, filing.To.Select(a => a.Address).Order());
        Assert.Equal(HolderSide, filing.Cc.Select(a => a.Address).Order());
        var review = Assert.Single(inbox, e => e != filing);
        Assert.Contains("§ 3(a)", review.Subject, StringComparison.Ordinal);
        Assert.Contains("Mon 22 May 2000", review.Subject, StringComparison.Ordinal);
        Assert.Equal(CompanySide, review.To.Select(a => a.Address).Order());
        Assert.Equal([.. HolderSide, SpecialCounsel], review.Cc.Select(a => a.Address).Order());
        foreach (var email in inbox)
        {
            var attachment = Assert.Single(email.Attachments);
            var calendar = IcalCalendar.Load(Encoding.UTF8.GetString(await AttachmentAsync(app, email, attachment)));
            Assert.Single(calendar!.Events);
        }

        // Both again, an hour later: the watermark moved past 08:00 and the ledger has the rows.
        app.Clock.Advance(Duration.FromHours(1));
        await RunAsync(app, "ScanDeadlines");
        await RunAsync(app, "DispatchReminders");
        Assert.Equal(2, (await app.InboxAsync()).Count);

        var rows = await RemindersAsync(app, id);
        Assert.Equal(["filing-date.bd-5", "pre-filing-review.last-day"], rows.Select(r => (string)r["reminderId"]!).Order());
        Assert.All(rows, r => Assert.Equal(("sent", 1), ((string)r["status"]!, (int)r["attempts"]!)));
        // 08:00 PDT on the day, shown with its offset; sent at the 08:30 run.
        Assert.All(rows, r => Assert.Equal("2000-05-22T08:00:00-07:00", (string)r["scheduledAt"]!));
        Assert.All(rows, r => Assert.Equal("2000-05-22T08:30:00-07:00", (string)r["sentAt"]!));
    }

    [Fact]
    public async Task CalendarFeed_KeyInCodeQuery_HasOneEventPerOpenDeadline()
    {
        // Arrange
        await using var app = await StartAsync();
        var id = await CreateSampleAsync(app);
        app.Clock.Reset(MondayMorning);
        using var deadlines = await app.Management.GetAsync(Url($"/api/agreements/{id}/deadlines"), Cancel);
        var open = (await deadlines.ReadJsonAsync())["deadlines"]!.AsArray()
            .Where(d => (string?)d!["status"] is "open" or "missed")
            .Select(d => (string)d!["key"]!)
            .ToList();

        // Act: as a calendar client subscribes, with no header.
        using var response = await app.Anonymous.GetAsync(Url($"/api/agreements/{id}/calendar.ics?code={FunctionsAppFixture.FunctionKey}"), Cancel);

        // Assert: filing-date, effectiveness-date, pre-filing-review, the § 6(b) standstill and the Effectiveness Period
        // end are open on 22 May 2000 (the list comes from the deadlines endpoint, so both must agree).
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/calendar", response.Content.Headers.ContentType?.MediaType);
        var calendar = IcalCalendar.Load(await response.Content.ReadAsStringAsync(Cancel))!;
        Assert.Equal(5, open.Count);
        Assert.Equal(open.Select(k => $"{id}/{k}@regrights").Order(), calendar.Events.Select(e => e.Uid).Order());
        var filing = calendar.Events.Single(e => e.Uid == $"{id}/filing-date@regrights");
        Assert.Equal(new DateOnly(2000, 5, 28), filing.DtStart!.Date);
    }

    [Fact]
    public async Task Retry_RowFailedWhileMaildevWasDown_SendsAfterTheRetry()
    {
        // Arrange: two tries only, then maildev stopped for both.
        await using var app = await StartAsync(maxAttempts: 2);
        var id = await CreateSampleAsync(app);
        app.Clock.Reset(MondayMorning);
        await RunAsync(app, "ScanDeadlines");
        await app.Maildev.StopAsync();
        await RunAsync(app, "DispatchReminders");
        app.Clock.Advance(Duration.FromMinutes(5));
        await RunAsync(app, "DispatchReminders");
        var failed = await RemindersAsync(app, id);
        await app.Maildev.StartAsync(Cancel);

        // Act
        using var retry = await app.Management.PostAsync(Url($"/api/agreements/{id}/reminders/filing-date.bd-5/retry"), null, Cancel);
        using var again = await app.Management.PostAsync(Url($"/api/agreements/{id}/reminders/filing-date.bd-5/retry"), null, Cancel);
        using var unknown = await app.Management.PostAsync(Url($"/api/agreements/{id}/reminders/filing-date.bd-7/retry"), null, Cancel);
        await RunAsync(app, "DispatchReminders");

        // Assert: both rows failed after two tries with the reason kept; the retried one went out, the other still waits.
        Assert.All(failed, r => Assert.Equal(("failed", 2), ((string)r["status"]!, (int)r["attempts"]!)));
        Assert.All(failed, r => Assert.False(string.IsNullOrEmpty((string?)r["lastError"])));
        Assert.Equal(HttpStatusCode.Accepted, retry.StatusCode);
        Assert.Equal(("pending", 0), ((string)(await retry.ReadJsonAsync())["status"]!, (int)(await retry.ReadJsonAsync())["attempts"]!));
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        var inbox = await app.InboxAsync();
        Assert.StartsWith("Filing Date in 5 Business Days", Assert.Single(inbox).Subject, StringComparison.Ordinal);
        var rows = (await RemindersAsync(app, id)).ToDictionary(r => (string)r["reminderId"]!, r => (string)r["status"]!);
        Assert.Equal("sent", rows["filing-date.bd-5"]);
        Assert.Equal("failed", rows["pre-filing-review.last-day"]);
    }

    [Fact]
    public async Task ReminderEndpoints_PendingRowUnknownReminderUnknownAgreement_AnswerInTheAgreementsZoneOrWithProblems()
    {
        // Arrange: this morning's scan wrote the two rows; neither has been sent, so neither has failed.
        await using var app = await StartAsync();
        var id = await CreateSampleAsync(app);
        app.Clock.Reset(MondayMorning);
        await RunAsync(app, "ScanDeadlines");
        var unknownId = Guid.CreateVersion7().ToString("N");

        // Act
        var rows = await RemindersAsync(app, id);
        using var pending = await app.Management.PostAsync(Url($"/api/agreements/{id}/reminders/filing-date.bd-5/retry"), null, Cancel);
        using var unknownReminder = await app.Management.PostAsync(Url($"/api/agreements/{id}/reminders/filing-date.bd-7/retry"), null, Cancel);
        using var list404 = await app.Management.GetAsync(Url($"/api/agreements/{unknownId}/reminders"), Cancel);
        using var retry404 = await app.Management.PostAsync(Url($"/api/agreements/{unknownId}/reminders/filing-date.bd-5/retry"), null, Cancel);
        using var calendar404 = await app.Management.GetAsync(Url($"/api/agreements/{unknownId}/calendar.ics"), Cancel);

        // Assert: the bd-5 row goes out at 08:00 on Monday 22 May in California, PDT (UTC-7).
        var bd5 = rows.Single(r => (string?)r["reminderId"] == "filing-date.bd-5");
        Assert.Equal("2000-05-22T08:00:00-07:00", (string?)bd5["scheduledAt"]);
        Assert.Equal(HttpStatusCode.Conflict, pending.StatusCode);
        Assert.Equal("Reminder 'filing-date.bd-5' is pending, not failed; only a failed reminder is retried.", (string?)(await pending.ReadJsonAsync())["detail"]);
        Assert.Equal(HttpStatusCode.NotFound, unknownReminder.StatusCode);
        Assert.Equal(
            $"Agreement '{id}' has no reminder 'filing-date.bd-7'. GET /api/agreements/{id}/reminders lists them.",
            (string?)(await unknownReminder.ReadJsonAsync())["detail"]);
        foreach (var response in (HttpResponseMessage[])[list404, retry404, calendar404])
        {
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            var problem = await response.ReadJsonAsync();
            Assert.Equal(("Agreement not found", $"No agreement with id '{unknownId}'."), ((string?)problem["title"], (string?)problem["detail"]));
        }
    }

    [Fact]
    public async Task PostEvent_IndexWriteFails_EventStandsAndTheNextWriteRepairsTheIndex()
    {
        // Arrange: the index refuses its next write.
        var index = new FailingOnceDeadlineIndex();
        await using var app = await StartAsync(services => services.AddSingleton<DeadlineIndex>(sp => index.Attach(sp)));
        using var created = await app.Management.PostAsync(Url("/api/agreements"), Json(SampleDocument().ToJsonString()), Cancel);
        var id = (string)(await created.ReadJsonAsync())["id"]!;
        index.FailNext = true;

        // Act: the Closing is recorded while the index write fails; then an unrelated write (the same name again).
        using var closing = await app.Management.PostAsync(Url($"/api/agreements/{id}/events"),
            Json("""{"id":"closing","kind":"closing","date":"2000-04-28"}"""), Cancel);
        var afterFailure = await index.Inner.ReadAgreementAsync(id, Cancel);
        using var read = await app.Management.GetAsync(Url($"/api/agreements/{id}"), Cancel);
        // An empty merge patch (RFC 7396) writes the document again unchanged: the cheapest write that repairs the index.
        using var put = new HttpRequestMessage(HttpMethod.Patch, Url($"/api/agreements/{id}"))
        {
            Content = new StringContent("{}", System.Text.Encoding.UTF8, "application/merge-patch+json"),
        };
        put.Headers.IfMatch.Add(read.Headers.ETag!);
        using var replaced = await app.Management.SendAsync(put, Cancel);
        var afterRepair = await index.Inner.ReadAgreementAsync(id, Cancel);

        // Assert: the write stood (201) with no index rows; the next write indexed every open, reminded deadline.
        Assert.Equal(HttpStatusCode.Created, closing.StatusCode);
        Assert.Empty(afterFailure);
        Assert.Equal(HttpStatusCode.OK, replaced.StatusCode);
        Assert.Contains(afterRepair, r => r.DeadlineKey == "filing-date" && r.LastPermittedDay == new LocalDate(2000, 5, 28));
        Assert.Contains(afterRepair, r => r.DeadlineKey == "pre-filing-review" && r.LastPermittedDay == new LocalDate(2000, 5, 22));
    }

    [Fact]
    public async Task RebuildIndex_OneCall_IndexesEveryAgreement()
    {
        // Arrange: two agreements with a Closing, one without (nothing to index).
        await using var app = await StartAsync();
        await CreateSampleAsync(app);
        await CreateSampleAsync(app);
        using var bare = await app.Management.PostAsync(Url("/api/agreements"), Json(SampleDocument().ToJsonString()), Cancel);

        // Act
        using var response = await app.Management.PostAsync(Url("/api/deadline-index/rebuild"), null, Cancel);

        // Assert: three agreements read; the rows are those the index already had from the writes.
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.ReadJsonAsync();
        Assert.Equal(3, (int)body["agreements"]!);
        var rows = await app.Services.GetRequiredService<DeadlineIndex>().ReadAllAsync(Cancel);
        Assert.Equal(rows.Count, (int)body["rows"]!);
        Assert.Equal(2, rows.Count(r => r.DeadlineKey == "filing-date"));
    }

    [Theory]
    [InlineData("/api/agreements/{id}/reminders", "get", "ListAgreementReminders", "200")]
    [InlineData("/api/agreements/{id}/reminders/{reminderId}/retry", "post", "RetryReminder", "202")]
    [InlineData("/api/agreements/{id}/calendar.ics", "get", "GetAgreementCalendar", "200")]
    [InlineData("/api/deadline-index/rebuild", "post", "RebuildDeadlineIndex", "200")]
    public async Task OpenApi_DescribesTheReminderOperations(string path, string method, string operationId, string status)
    {
        await using var app = await StartAsync();

        using var response = await app.Management.GetAsync(Url("/api/openapi.json"), Cancel);

        var operation = (await response.ReadJsonAsync())["paths"]?[path]?[method];
        Assert.NotNull(operation);
        Assert.Equal(operationId, (string?)operation["operationId"]);
        Assert.False(string.IsNullOrEmpty((string?)operation["summary"]));
        Assert.False(string.IsNullOrEmpty((string?)operation["description"]));
        Assert.NotNull(operation["responses"]?[status]);
    }

    private static async Task<FunctionsAppFixture> StartAsync(int maxAttempts = 6) =>
        await StartAsync(services => services.Configure<ReminderOptions>(o => o.MaxAttempts = maxAttempts));

    private static async Task<FunctionsAppFixture> StartAsync(Action<IServiceCollection> configure)
    {
        var app = new FunctionsAppFixture(configure);
        await app.InitializeAsync();
        return app;
    }

    /// <summary>samples/agreement-2000-04-28.json, the seed agreement with its § 6(h) contacts, and a Special Counsel.</summary>
    private static JsonNode SampleDocument()
    {
        var document = JsonNode.Parse(File.ReadAllText(Path.Combine(FunctionDefinitionsTest.RepositoryRoot(), "samples", "agreement-2000-04-28.json")))!;
        document["contacts"]!.AsArray().Add(new JsonObject
        {
            ["name"] = "Special Counsel to the Holders",
            ["role"] = "specialCounsel",
            ["email"] = SpecialCounsel,
        });
        return document;
    }

    private static async Task<string> CreateSampleAsync(FunctionsAppFixture app)
    {
        using var created = await app.Management.PostAsync(Url("/api/agreements"), Json(SampleDocument().ToJsonString()), Cancel);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (string)(await created.ReadJsonAsync())["id"]!;
        using var closing = await app.Management.PostAsync(Url($"/api/agreements/{id}/events"),
            Json("""{"id":"closing","kind":"closing","date":"2000-04-28"}"""), Cancel);
        Assert.Equal(HttpStatusCode.Created, closing.StatusCode);
        return id;
    }

    private static Task RunAsync(FunctionsAppFixture app, string function) => app.RunAsync(function);

    private static async Task<List<JsonNode>> RemindersAsync(FunctionsAppFixture app, string id)
    {
        using var response = await app.Management.GetAsync(Url($"/api/agreements/{id}/reminders"), Cancel);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return [.. (await response.ReadJsonAsync()).AsArray().Select(r => r!)];
    }

    private static async Task<byte[]> AttachmentAsync(FunctionsAppFixture app, MaildevEmail email, MaildevAttachment attachment)
    {
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{app.Maildev.Ports[1]}") };
        return await http.GetByteArrayAsync($"/email/{email.Id}/attachment/{attachment.GeneratedFileName}", Cancel);
    }
}

internal sealed record MaildevAddress(string Address, string Name);

internal sealed record MaildevAttachment(string FileName, string GeneratedFileName, string ContentType);

internal sealed record MaildevEmail(
    string Id, string Subject, IReadOnlyList<MaildevAddress> To, IReadOnlyList<MaildevAddress> Cc, IReadOnlyList<MaildevAttachment> Attachments);

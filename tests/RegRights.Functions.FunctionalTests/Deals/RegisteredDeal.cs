using System.Net;
using System.Text.Json.Nodes;
using NodaTime;
using RegRights.Functions.FunctionalTests.Reminders;
using static RegRights.Functions.FunctionalTests.Api;

namespace RegRights.Functions.FunctionalTests.Deals;

/// <summary>
/// A deal's set-up for the deal tests: the worker started under the local host (Azurite, maildev), the agreement
/// registered over HTTP, and the steps the tests take on it.
/// </summary>
internal sealed class RegisteredDeal : IAsyncDisposable
{
    private RegisteredDeal(FunctionsAppFixture app, JsonNode view)
    {
        App = app;
        View = view;
        Id = (string)view["id"]!;
    }

    /// <summary>The worker under the local host, with its clock, Azurite and maildev.</summary>
    public FunctionsAppFixture App { get; }

    /// <summary>The agreement as its create answered.</summary>
    public JsonNode View { get; }

    /// <summary>The agreement's id.</summary>
    public string Id { get; }

    /// <summary>08:30 New York time on a day of 2024 between 10 March and 3 November (EDT, UTC-4): the morning a step is taken on.</summary>
    public static Instant At(int month, int day) => Instant.FromUtc(2024, month, day, 12, 30);

    /// <summary>
    /// A <c>modern-pipe</c> agreement dated January 2, 2024 of <paramref name="company"/>, with <paramref name="terms"/>
    /// over the template's: the Company and its counsel, and each Holder as a contact, and as a party where the test
    /// gives its subscription amount.
    /// </summary>
    public static string ModernPipeAgreement(string company, IReadOnlyList<Holder> holders, JsonObject? terms = null)
    {
        var parties = new JsonArray(new JsonObject { ["name"] = company, ["role"] = "company" });
        var contacts = new JsonArray(new JsonObject { ["name"] = "Company counsel", ["role"] = "companyCounsel", ["email"] = "counsel@company.example" });
        foreach (var holder in holders)
        {
            if (holder.SubscriptionUsd is { } amount)
            {
                parties.Add(new JsonObject
                {
                    ["name"] = holder.Name, ["role"] = "holder", ["subscriptionAmount"] = new JsonObject { ["amount"] = amount, ["currency"] = "USD" },
                });
            }

            contacts.Add(new JsonObject { ["name"] = holder.Name, ["role"] = "holder", ["email"] = holder.Email });
        }

        var document = new JsonObject { ["name"] = $"Registration Rights Agreement dated January 2, 2024 ({company})", ["template"] = "modern-pipe" };
        if (terms is not null)
        {
            document["terms"] = terms;
        }

        document["parties"] = parties;
        document["contacts"] = contacts;
        return document.ToJsonString();
    }

    /// <summary>Starts the worker and registers <paramref name="document"/>, at <paramref name="at"/> or the fixture's clock.</summary>
    public static async Task<RegisteredDeal> StartAsync(string document, Instant? at = null)
    {
        var app = new FunctionsAppFixture();
        try
        {
            await app.InitializeAsync();
            if (at is { } now)
            {
                app.Clock.Reset(now);
            }

            using var response = await app.Management.PostAsync(Url("/api/agreements"), Json(document), Cancel);
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
            return new RegisteredDeal(app, await response.ReadJsonAsync());
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }
    }

    /// <summary>The deadline <paramref name="key"/> of a deadlines document.</summary>
    public static JsonNode Deadline(JsonNode deadlines, string key) =>
        deadlines["deadlines"]!.AsArray().Single(d => (string?)d!["key"] == key)!;

    /// <summary>Records the event <paramref name="json"/>; anything but 201 fails the test with the answer.</summary>
    public async Task PostEventAsync(string json)
    {
        using var response = await App.Management.PostAsync(Url($"/api/agreements/{Id}/events"), Json(json), Cancel);
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"{json}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(Cancel)}");
    }

    /// <summary>The deadlines document as of <paramref name="asOf"/>.</summary>
    public async Task<JsonNode> DeadlinesAsync(string asOf)
    {
        using var response = await App.Management.GetAsync(Url($"/api/agreements/{Id}/deadlines?asOf={asOf}"), Cancel);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.ReadJsonAsync();
    }

    /// <summary>Runs the reminder scan and dispatch as their timers would at <paramref name="now"/>; returns every email maildev then holds.</summary>
    public async Task<List<MaildevEmail>> RemindAtAsync(Instant now)
    {
        App.Clock.Reset(now);
        await App.RunAsync("ScanDeadlines");
        await App.RunAsync("DispatchReminders");
        return await App.InboxAsync();
    }

    public ValueTask DisposeAsync() => App.DisposeAsync();
}

/// <summary>A Holder of a deal: its notice address, and its subscription amount in dollars where the test needs one.</summary>
internal sealed record Holder(string Name, string Email, decimal? SubscriptionUsd = null);

using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using RegRights.Contracts.Agreements;
using RegRights.Core.Agreements;
using RegRights.Testing;
using static RegRights.Functions.FunctionalTests.Api;

namespace RegRights.Functions.FunctionalTests.Apis;

/// <summary>
/// The bad-input corpus: every endpoint, each class of bad input (malformed JSON, wrong type, unknown member, duplicate
/// key, out-of-range date, oversize, bad encoding, injection-looking ids, missing or wrong key, bad If-Match), sent to
/// the real worker under the local Functions host, with the status expected, the problem's content type, the field it
/// names, and the proof that nothing was stored: the agreement the request aimed at is read back unchanged (ETag,
/// events, notices, reminders), and a create is read back by the unique name it carried.
/// </summary>
/// <remarks>
/// The notice intake's own checks are another suite's (its shape is changing); here it has the key, signature and
/// malformed-body classes only. A missing or wrong function key is refused by the host, as the Functions host does:
/// 401 with no body, so those cases expect no problem document. The CLI's corpus is
/// <c>RegRights.Cli.FunctionalTests/BadArgumentCorpusTest</c>.
/// </remarks>
public sealed class BadInputCorpusTest(FunctionsAppFixture app)
{
    private const string Seed = """{"name":"{marker}","terms":{"filingDays":30}}""";

    // {id}: the target agreement (the seed's terms, a Closing); {etag}: its current ETag; {marker}: a name no other
    // agreement has, so that a create that slipped through would be found.
    private static readonly BadInput[] All =
    [
        // POST /api/agreements
        new("create", "malformed JSON", "POST", "/api/agreements", """{"name":"{marker}","terms":{"filingDays":}}""", 400, "$.terms.filingDays"),
        new("create", "wrong type", "POST", "/api/agreements", """{"name":"{marker}","terms":{"filingDays":"30"}}""", 400, "$.terms.filingDays"),
        new("create", "wrong type (enum)", "POST", "/api/agreements", """{"name":"{marker}","contacts":[{"name":"x","role":"boss"}]}""", 400, "$.contacts[0].role"),
        new("create", "unknown member", "POST", "/api/agreements", """{"name":"{marker}","terms":{"filingDay":60}}""", 400, "$.terms.filingDay"),
        new("create", "duplicate key", "POST", "/api/agreements", """{"name":"{marker}","terms":{"filingDays":30,"filingDays":60}}""", 400, "$.terms.filingDays"),
        new("create", "out-of-range date", "POST", "/api/agreements", """{"name":"{marker}","terms":{"closures":[{"date":"0001-01-01","name":"x","source":"y"}]}}""", 400, "$.terms.closures[0].date"),
        new("create", "out-of-range number", "POST", "/api/agreements", """{"name":"{marker}","terms":{"filingDays":-1}}""", 400, "$.terms.filingDays"),
        new("create", "oversize body", "POST", "/api/agreements", Oversize(), 413, null),
        new("create", "oversize for storage", "POST", "/api/agreements", StorageOversize(), 400, "$.contacts"),
        new("create", "bad encoding (invalid UTF-8)", "POST", "/api/agreements", null, 400, "$.name") { RawBody = InvalidUtf8() },
        new("create", "bad encoding (NUL in a name)", "POST", "/api/agreements", """{"name":"{marker}\u0000"}""", 400, "$.name"),
        new("create", "injection-looking text", "POST", "/api/agreements", """{"name":"{marker}","contacts":[{"name":"x","role":"holder","email":"x@y.example\r\nBcc: all@example.com"}]}""", 400, "$.contacts[0].email"),
        new("create", "unknown notice clause", "POST", "/api/agreements", """{"name":"{marker}","terms":{"notice":{"clause":"modern"}}}""", 400, "$.terms.notice.clause"),
        new("create", "unknown member (notice)", "POST", "/api/agreements", """{"name":"{marker}","terms":{"notice":{"clauze":"modern-email"}}}""", 400, "$.terms.notice.clauze"),
        new("create", "wrong type (enum, notice rule)", "POST", "/api/agreements", """{"name":"{marker}","terms":{"notice":{"rules":[{"method":"pigeon","kind":"onReceipt","section":"7(a)"}]}}}""", 400, "$.terms.notice.rules[0].method"),
        new("create", "out-of-range number (notice rule)", "POST", "/api/agreements", """{"name":"{marker}","terms":{"notice":{"rules":[{"method":"courier","kind":"businessDaysAfterSending","section":"7(a)","days":0}]}}}""", 400, "$.terms.notice.rules[0].days"),
        new("create", "a method's rule twice", "POST", "/api/agreements", """{"name":"{marker}","terms":{"notice":{"rules":[{"method":"hand","kind":"onReceipt","section":"7(a)"},{"method":"hand","kind":"onReceipt","section":"7(b)"}]}}}""", 400, "$.terms.notice.rules[1].method"),
        new("create", "a member of another kind of rule", "POST", "/api/agreements", """{"name":"{marker}","terms":{"notice":{"rules":[{"method":"hand","kind":"onReceipt","section":"7(a)","days":2}]}}}""", 400, "$.terms.notice.rules[0].days"),
        new("create", "a seed fax time with another clause", "POST", "/api/agreements", """{"name":"{marker}","terms":{"faxCutoff":"15:00:00","notice":{"clause":"modern-email"}}}""", 400, "$.terms.faxCutoff"),
        new("create", "missing key", "POST", "/api/agreements", Seed, 401, null) { Key = KeyUse.None, Problem = false },
        new("create", "wrong key", "POST", "/api/agreements", Seed, 401, null) { Key = KeyUse.Wrong, Problem = false },
        new("create", "bad Idempotency-Key", "POST", "/api/agreements", Seed, 400, "idempotency-key") { Headers = [("Idempotency-Key", "has spaces in it")] },

        // Deal clauses (issue 13).
        new("create", "unknown member (deal clause)", "POST", "/api/agreements", """{"name":"{marker}","terms":{"filingDeadline":{"units":"businessDays","from":"closing","inclusive":true}}}""", 400, "$.terms.filingDeadline.units"),
        new("create", "wrong type (enum, deal clause)", "POST", "/api/agreements", """{"name":"{marker}","terms":{"filingDeadline":{"unit":"weeks","from":"closing","inclusive":true}}}""", 400, "$.terms.filingDeadline.unit"),
        new("create", "unknown template", "POST", "/api/agreements", """{"name":"{marker}","template":"pipe-2099"}""", 400, "$.template"),
        new("create", "unknown calendar", "POST", "/api/agreements", """{"name":"{marker}","terms":{"businessDayCalendar":"nyse"}}""", 400, "$.terms.businessDayCalendar"),
        new("create", "wrong type (money)", "POST", "/api/agreements", """{"name":"{marker}","parties":[{"name":"A","role":"holder","subscriptionAmount":{"amount":"a lot","currency":"USD"}}]}""", 400, "$.parties[0].subscriptionAmount.amount"),
        new("create", "out-of-range number (money)", "POST", "/api/agreements", """{"name":"{marker}","parties":[{"name":"A","role":"holder","subscriptionAmount":{"amount":-5,"currency":"USD"}}]}""", 400, "$.parties[0].subscriptionAmount.amount"),
        new("create", "tranche amount without its tranche", "POST", "/api/agreements", """{"name":"{marker}","parties":[{"name":"A","role":"holder","trancheAmounts":[{"amount":{"amount":5,"currency":"USD"}}]}]}""", 400, "$.parties[0].trancheAmounts[0].tranche"),
        new("create", "unknown member (tranche amount)", "POST", "/api/agreements", """{"name":"{marker}","parties":[{"name":"A","role":"holder","trancheAmounts":[{"tranche":"B","amount":{"amount":5,"currency":"USD"},"amt":5}]}]}""", 400, "$.parties[0].trancheAmounts[0].amt"),
        new("create", "out-of-range number (rate)", "POST", "/api/agreements", """{"name":"{marker}","terms":{"delayPayments":{"section":"§ 2(d)","failures":["filingFailure"],"ratePercent":0,"period":"thirtyDays","paymentDueDays":5,"paymentDueBusinessDays":true}}}""", 400, "$.terms.delayPayments.ratePercent"),
        new("create", "out-of-range number (grace period)", "POST", "/api/agreements", """{"name":"{marker}","terms":{"suspensions":{"section":"§ 3(n)","maxConsecutiveDays":0}}}""", 400, "$.terms.suspensions.maxConsecutiveDays"),

        // GET /api/agreements
        new("list", "wrong type", "GET", "/api/agreements?pageSize=abc", null, 400, "pageSize"),
        new("list", "out of range", "GET", "/api/agreements?pageSize=100000", null, 400, "pageSize"),
        new("list", "injection-looking token", "GET", "/api/agreements?continuationToken=%27%20or%20%271%27%3D%271", null, 400, "continuationToken"),
        new("list", "missing key", "GET", "/api/agreements", null, 401, null) { Key = KeyUse.None, Problem = false },

        // GET /api/agreements/{id}
        new("get", "injection-looking id", "GET", "/api/agreements/x'%20or%20PartitionKey%20ne%20'", null, 404, null),
        new("get", "injection-looking id (traversal)", "GET", "/api/agreements/..%2F..%2Fnotices", null, 404, null),
        new("get", "bad encoding", "GET", "/api/agreements/%00", null, 400, null) { AboutBlank = true },
        new("get", "wrong key", "GET", "/api/agreements/{id}", null, 401, null) { Key = KeyUse.Wrong, Problem = false },

        // PUT /api/agreements/{id}
        new("put", "malformed JSON", "PUT", "/api/agreements/{id}", """{"name":"x","terms":{"filingDays":}}""", 400, "$.terms.filingDays") { IfMatch = "{etag}" },
        new("put", "wrong type", "PUT", "/api/agreements/{id}", """{"name":5}""", 400, "$.name") { IfMatch = "{etag}" },
        new("put", "unknown member", "PUT", "/api/agreements/{id}", """{"name":"x","closingDate":"2000-04-28"}""", 400, "$.closingDate") { IfMatch = "{etag}" },
        new("put", "duplicate key", "PUT", "/api/agreements/{id}", """{"name":"a","name":"b"}""", 400, "$.name") { IfMatch = "{etag}" },
        new("put", "missing parts", "PUT", "/api/agreements/{id}", """{"name":"x"}""", 400, "$.terms") { IfMatch = "{etag}" },
        new("put", "oversize body", "PUT", "/api/agreements/{id}", Oversize(), 413, null) { IfMatch = "{etag}" },
        new("put", "bad If-Match (malformed)", "PUT", "/api/agreements/{id}", Seed, 400, "if-match") { IfMatch = "garbage" },
        new("put", "bad If-Match (missing)", "PUT", "/api/agreements/{id}", Seed, 428, null),
        new("put", "bad If-Match (star)", "PUT", "/api/agreements/{id}", Seed, 428, null) { IfMatch = "*" },
        new("put", "bad If-Match (stale)", "PUT", "/api/agreements/{id}", WholeDocument(), 412, null) { IfMatch = "W/\"datetime'2000-01-01T00%3A00%3A00Z'\"" },
        new("put", "injection-looking id", "PUT", "/api/agreements/x'%20or%20'1'%3D'1", WholeDocument(), 404, null) { IfMatch = "W/\"x\"" },
        new("put", "missing key", "PUT", "/api/agreements/{id}", Seed, 401, null) { Key = KeyUse.None, Problem = false, IfMatch = "{etag}" },

        // PATCH /api/agreements/{id}
        new("patch", "malformed JSON", "PATCH", "/api/agreements/{id}", """{"terms":{"filingDays":}}""", 400, "$.terms.filingDays") { IfMatch = "{etag}", ContentType = AgreementMergePatch.MediaType },
        new("patch", "wrong type", "PATCH", "/api/agreements/{id}", """{"terms":{"filingDays":"45"}}""", 400, "$.terms.filingDays") { IfMatch = "{etag}", ContentType = AgreementMergePatch.MediaType },
        new("patch", "unknown member", "PATCH", "/api/agreements/{id}", """{"terms":{"filingDay":45}}""", 400, "$.terms.filingDay") { IfMatch = "{etag}", ContentType = AgreementMergePatch.MediaType },
        new("patch", "unknown member removed", "PATCH", "/api/agreements/{id}", """{"closingDate":null}""", 400, "$.closingDate") { IfMatch = "{etag}", ContentType = AgreementMergePatch.MediaType },
        new("patch", "required member removed", "PATCH", "/api/agreements/{id}", """{"terms":null}""", 400, "$.terms") { IfMatch = "{etag}", ContentType = AgreementMergePatch.MediaType },
        new("patch", "duplicate key", "PATCH", "/api/agreements/{id}", """{"name":"a","name":"b"}""", 400, "$.name") { IfMatch = "{etag}", ContentType = AgreementMergePatch.MediaType },
        new("patch", "out-of-range date", "PATCH", "/api/agreements/{id}", """{"terms":{"closures":[{"date":"9999-12-31","name":"x","source":"y"}]}}""", 400, "$.terms.closures[0].date") { IfMatch = "{etag}", ContentType = AgreementMergePatch.MediaType },
        new("patch", "oversize body", "PATCH", "/api/agreements/{id}", Oversize(), 413, null) { IfMatch = "{etag}", ContentType = AgreementMergePatch.MediaType },
        new("patch", "wrong content type", "PATCH", "/api/agreements/{id}", """{"name":"x"}""", 415, "content-type") { IfMatch = "{etag}" },
        new("patch", "notice clause removed", "PATCH", "/api/agreements/{id}", """{"terms":{"notice":null}}""", 400, "$.terms.notice") { IfMatch = "{etag}", ContentType = AgreementMergePatch.MediaType },
        new("patch", "unknown member (notice)", "PATCH", "/api/agreements/{id}", """{"terms":{"notice":{"zone":"America/New_York"}}}""", 400, "$.terms.notice.zone") { IfMatch = "{etag}", ContentType = AgreementMergePatch.MediaType },
        new("patch", "bad If-Match (malformed)", "PATCH", "/api/agreements/{id}", """{"name":"x"}""", 400, "if-match") { IfMatch = "\"unterminated", ContentType = AgreementMergePatch.MediaType },
        new("patch", "bad If-Match (missing)", "PATCH", "/api/agreements/{id}", """{"name":"x"}""", 428, null) { ContentType = AgreementMergePatch.MediaType },
        new("patch", "bad If-Match (stripped W/)", "PATCH", "/api/agreements/{id}", """{"name":"x"}""", 412, null) { IfMatch = "{etag-stripped}", ContentType = AgreementMergePatch.MediaType },
        new("patch", "wrong key", "PATCH", "/api/agreements/{id}", """{"name":"x"}""", 401, null) { Key = KeyUse.Wrong, Problem = false, IfMatch = "{etag}", ContentType = AgreementMergePatch.MediaType },

        // POST /api/agreements/{id}/events
        new("event", "malformed JSON", "POST", "/api/agreements/{id}/events", """{"id":"filed","kind":"filed","date":2000-05-26}""", 400, "$.date"),
        new("event", "wrong type", "POST", "/api/agreements/{id}/events", """{"id":"filed","kind":"filed","date":20000526}""", 400, "$.date"),
        new("event", "wrong type (enum)", "POST", "/api/agreements/{id}/events", """{"id":"filed","kind":"lunch","date":"2000-05-26"}""", 400, "$.kind"),
        new("event", "unknown member", "POST", "/api/agreements/{id}/events", """{"id":"filed","kind":"filed","date":"2000-05-26","filedOn":"2000-05-26"}""", 400, "$.filedOn"),
        new("event", "duplicate key", "POST", "/api/agreements/{id}/events", """{"id":"filed","kind":"filed","date":"2000-05-26","date":"2000-06-26"}""", 400, "$.date"),
        new("event", "out-of-range date", "POST", "/api/agreements/{id}/events", """{"id":"filed","kind":"filed","date":"9999-12-31"}""", 400, "$.date"),
        new("event", "impossible date", "POST", "/api/agreements/{id}/events", """{"id":"filed","kind":"filed","date":"2000-02-30"}""", 400, "$.date"),
        new("event", "oversize body", "POST", "/api/agreements/{id}/events", Oversize(), 413, null),
        new("event", "bad encoding (NUL after the date)", "POST", "/api/agreements/{id}/events", """{"id":"filed","kind":"filed","date":"2000-05-26\u0000"}""", 400, "$.date"),
        new("create", "bad encoding (NUL after a time)", "POST", "/api/agreements", """{"name":"{marker}","terms":{"faxCutoff":"14:00:00\u0000"}}""", 400, "$.terms.faxCutoff"),
        new("event", "bad encoding (NUL in the id)", "POST", "/api/agreements/{id}/events", """{"id":"filed\u0000","kind":"filed","date":"2000-05-26"}""", 400, "$.id"),
        new("event", "injection-looking agreement id", "POST", "/api/agreements/'%20or%20''%3D'/events", """{"id":"filed","kind":"filed","date":"2000-05-26"}""", 404, null),
        new("event", "unknown member (tranche misspelt)", "POST", "/api/agreements/{id}/events", """{"id":"c2","kind":"closing","date":"2000-05-26","trance":"B"}""", 400, "$.trance"),
        new("event", "wrong type (money)", "POST", "/api/agreements/{id}/events", """{"id":"p","kind":"delayPaymentMade","date":"2000-05-26","deadlineKey":"filing-failure-payment#1","holder":"A","amount":{"amount":"ten","currency":"USD"}}""", 400, "$.amount.amount"),
        new("event", "delay payment to no Holder", "POST", "/api/agreements/{id}/events", """{"id":"p","kind":"delayPaymentMade","date":"2000-05-26","deadlineKey":"filing-failure-payment#1","holder":"Nobody LP","amount":{"amount":10,"currency":"USD"}}""", 400, "$.holder"),
        new("event", "delay payment of no deadline", "POST", "/api/agreements/{id}/events", """{"id":"p","kind":"delayPaymentMade","date":"2000-05-26","deadlineKey":"filing-date","holder":"Nobody LP","amount":{"amount":10,"currency":"USD"}}""", 400, "$.deadlineKey"),
        new("event", "Rule 144 without a Holder", "POST", "/api/agreements/{id}/events", """{"id":"r","kind":"rule144Saleable","date":"2000-05-26"}""", 400, "$.holder"),
        new("event", "Rule 144 of no Holder", "POST", "/api/agreements/{id}/events", """{"id":"r","kind":"rule144Saleable","date":"2000-05-26","holder":"Nobody LP"}""", 400, "$.holder"),
        new("event", "Rule 144 with an amount", "POST", "/api/agreements/{id}/events", """{"id":"r","kind":"rule144Saleable","date":"2000-05-26","holder":"A","amount":{"amount":10,"currency":"USD"}}""", 400, "$.amount"),
        new("create", "unknown member (cutback clause)", "POST", "/api/agreements", """{"name":"{marker}","template":"modern-pipe","terms":{"additionalRegistration":{"section":"§ 2(b)","filingDay":45,"effectivenessDays":60}}}""", 400, "$.terms.additionalRegistration.filingDay"),
        new("create", "out-of-range value (cutback clause)", "POST", "/api/agreements", """{"name":"{marker}","template":"modern-pipe","terms":{"additionalRegistration":{"section":"§ 2(b)","filingDays":1001,"effectivenessDays":60}}}""", 400, "$.terms.additionalRegistration.filingDays"),
        new("create", "no cutback clause, and one given", "POST", "/api/agreements", """{"name":"{marker}","terms":{"additionalRegistration":{"none":true,"filingDays":45}}}""", 400, "$.terms.additionalRegistration.filingDays"),
        new("event", "additional filing of no cutback", "POST", "/api/agreements/{id}/events", """{"id":"a","kind":"additionalFiled","date":"2000-05-26"}""", 400, "$.refersTo"),
        new("templates", "missing key", "GET", "/api/templates", null, 401, null) { Key = KeyUse.None, Problem = false },
        new("event", "unknown deadline waived", "POST", "/api/agreements/{id}/events", """{"id":"w","kind":"waiver","date":"2000-05-26","deadlineKey":"' or 1=1 --"}""", 400, "$.deadlineKey"),
        new("event", "missing key", "POST", "/api/agreements/{id}/events", """{"id":"filed","kind":"filed","date":"2000-05-26"}""", 401, null) { Key = KeyUse.None, Problem = false },

        // GET /api/agreements/{id}/events, /deadlines, /calendar.ics, /reminders, /notices
        new("events", "injection-looking id", "GET", "/api/agreements/%3Cscript%3E/events", null, 404, null),
        new("events", "missing key", "GET", "/api/agreements/{id}/events", null, 401, null) { Key = KeyUse.None, Problem = false },
        new("deadlines", "wrong type", "GET", "/api/agreements/{id}/deadlines?asOf=yesterday", null, 400, "asOf"),
        new("deadlines", "out-of-range date", "GET", "/api/agreements/{id}/deadlines?asOf=9999-12-31", null, 400, "asOf"),
        new("deadlines", "bad encoding", "GET", "/api/agreements/{id}/deadlines?asOf=2000-05-01%00", null, 400, "asOf"),
        new("deadlines", "injection-looking id", "GET", "/api/agreements/x'%20or%20'1'%3D'1/deadlines", null, 404, null),
        new("deadlines", "wrong key", "GET", "/api/agreements/{id}/deadlines", null, 401, null) { Key = KeyUse.Wrong, Problem = false },
        new("calendar", "injection-looking id", "GET", "/api/agreements/..%2F..%2F/calendar.ics", null, 404, null),
        new("calendar", "missing key", "GET", "/api/agreements/{id}/calendar.ics", null, 401, null) { Key = KeyUse.None, Problem = false },
        new("reminders", "injection-looking id", "GET", "/api/agreements/x'%20or%20'1'%3D'1/reminders", null, 404, null),
        new("reminders", "missing key", "GET", "/api/agreements/{id}/reminders", null, 401, null) { Key = KeyUse.None, Problem = false },
        new("retry", "injection-looking reminder id", "POST", "/api/agreements/{id}/reminders/filing-date.bd-5'%20or%20''%3D'/retry", null, 404, null),
        new("retry", "missing key", "POST", "/api/agreements/{id}/reminders/filing-date.bd-5/retry", null, 401, null) { Key = KeyUse.None, Problem = false },
        new("rebuild", "missing key", "POST", "/api/deadline-index/rebuild", null, 401, null) { Key = KeyUse.None, Problem = false },
        new("rebuild", "wrong key", "POST", "/api/deadline-index/rebuild", null, 401, null) { Key = KeyUse.Wrong, Problem = false },
        new("notices", "injection-looking id", "GET", "/api/notices/x'%20or%20'1'%3D'1", null, 404, null),
        new("notices", "missing key", "GET", "/api/agreements/{id}/notices", null, 401, null) { Key = KeyUse.None, Problem = false },

        // POST /api/notices: only the signature and a malformed body (the intake's other checks are its own suite's).
        new("intake", "missing signature", "POST", "/api/notices", """{"agreementId":"{id}"}""", 401, null) { Key = KeyUse.None, Signature = SignatureUse.None, DetailNames = "webhook-signature" },
        new("intake", "wrong signature", "POST", "/api/notices", """{"agreementId":"{id}"}""", 401, null) { Key = KeyUse.None, Signature = SignatureUse.Wrong },
        new("intake", "malformed JSON, signed", "POST", "/api/notices", """{"agreementId":"{id}",""", 400, null) { Key = KeyUse.None, Signature = SignatureUse.Valid },
    ];

    public static TheoryData<string> Cases => [.. All.Select(c => c.Name)];

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task BadInput_IsRefusedAsExpected_AndNothingIsStored(string name)
    {
        // Arrange: a target agreement with its Closing, as read before the request.
        var input = All.Single(c => c.Name == name);
        var marker = "corpus-" + Guid.NewGuid().ToString("N");
        var target = await CreateTargetAsync();
        var before = await StateAsync(target.Id);

        // Act
        using var response = await SendAsync(input, target, marker);

        // Assert: the status, the problem document, the field it names.
        Assert.Equal((HttpStatusCode)input.Status, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync(Cancel);
        if (input.Problem)
        {
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            var problem = JsonNode.Parse(body)!;
            Assert.Equal(input.Status, (int?)problem["status"]);
            Assert.DoesNotContain("   at ", body, StringComparison.Ordinal);
            if (input.Field is { } field)
            {
                var errors = problem["errors"]?.AsObject();
                Assert.True(errors?.ContainsKey(field) == true, $"{name}: errors name {string.Join(", ", errors?.Select(e => e.Key) ?? [])}, not {field}: {body}");
            }

            if (input.DetailNames is { } named)
            {
                Assert.Contains(named, (string?)problem["detail"], StringComparison.Ordinal);
            }

            if (input.AboutBlank)
            {
                Assert.Equal("about:blank", (string?)problem["type"]);
            }
        }
        else
        {
            // The host's own refusal, as the Functions host answers it: no body.
            Assert.Equal("", body);
        }

        // Nothing stored: the target is as it was, and no agreement carries the marker.
        Assert.Equal(before, await StateAsync(target.Id));
        Assert.False(await AnyAgreementNamedAsync(marker), $"{name}: an agreement named {marker} was stored");
    }

    [Fact]
    public void Corpus_CoversEveryEndpointAndEveryClass()
    {
        var endpoints = All.Select(c => c.Endpoint).ToHashSet();
        Assert.Superset(
            new HashSet<string> { "create", "list", "get", "put", "patch", "event", "events", "deadlines", "calendar", "reminders", "retry", "rebuild", "notices", "intake", "templates" },
            endpoints);
        foreach (var @class in new[] { "malformed JSON", "wrong type", "unknown member", "duplicate key", "out-of-range date", "oversize body", "bad encoding", "injection-looking", "missing key", "wrong key", "bad If-Match" })
        {
            Assert.Contains(All, c => c.Class.StartsWith(@class, StringComparison.Ordinal));
        }
    }

    private async Task<AgreementView> CreateTargetAsync()
    {
        using var created = await app.Management.PostAsync(Url("/api/agreements"), Json(SeedAgreements.Document()), Cancel);
        var view = await created.ReadAsync<AgreementView>();
        using var closing = await app.Management.PostAsync(Url($"/api/agreements/{view.Id}/events"), Json("""{"id":"closing","kind":"closing","date":"2000-04-28"}"""), Cancel);
        Assert.Equal(HttpStatusCode.Created, closing.StatusCode);
        using var read = await app.Management.GetAsync(Url($"/api/agreements/{view.Id}"), Cancel);
        return await read.ReadAsync<AgreementView>();
    }

    // What a request could have changed about the target: its document and ETag, events, notices and reminders.
    private async Task<string> StateAsync(string id)
    {
        var parts = new List<string>();
        foreach (var path in new[] { $"/api/agreements/{id}", $"/api/agreements/{id}/events", $"/api/agreements/{id}/notices", $"/api/agreements/{id}/reminders" })
        {
            using var response = await app.Management.GetAsync(Url(path), Cancel);
            parts.Add($"{(int)response.StatusCode} {response.Headers.ETag} {await response.Content.ReadAsStringAsync(Cancel)}");
        }

        return string.Join("\n", parts);
    }

    private async Task<bool> AnyAgreementNamedAsync(string marker)
    {
        string? token = null;
        do
        {
            var query = token is null ? "?pageSize=200" : $"?pageSize=200&continuationToken={Uri.EscapeDataString(token)}";
            using var response = await app.Management.GetAsync(Url("/api/agreements" + query), Cancel);
            var page = await response.ReadAsync<AgreementPage>();
            if (page.Items.Any(a => a.Name.Contains(marker, StringComparison.Ordinal)))
            {
                return true;
            }

            token = page.ContinuationToken;
        }
        while (token is not null);
        return false;
    }

    private async Task<HttpResponseMessage> SendAsync(BadInput input, AgreementView target, string marker)
    {
        string Fill(string text) => text.Replace("{id}", target.Id, StringComparison.Ordinal).Replace("{marker}", marker, StringComparison.Ordinal)
            .Replace("{etag-stripped}", target.ETag["W/".Length..], StringComparison.Ordinal).Replace("{etag}", target.ETag, StringComparison.Ordinal);

        var bytes = input.RawBody ?? (input.Body is null ? null : Encoding.UTF8.GetBytes(Fill(input.Body)));
        using var request = new HttpRequestMessage(new HttpMethod(input.Method), Url(Fill(input.Path)));
        if (bytes is not null)
        {
            request.Content = new ByteArrayContent(bytes);
            request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(input.ContentType);
        }

        switch (input.Key)
        {
            case KeyUse.Function:
                request.Headers.Add("x-functions-key", FunctionsAppFixture.FunctionKey);
                break;
            case KeyUse.Wrong:
                request.Headers.Add("x-functions-key", "not-the-key");
                break;
        }

        if (input.IfMatch is { } ifMatch)
        {
            request.Headers.TryAddWithoutValidation("If-Match", Fill(ifMatch));
        }

        foreach (var (header, value) in input.Headers)
        {
            request.Headers.TryAddWithoutValidation(header, value);
        }

        if (input.Signature != SignatureUse.None)
        {
            var webhookId = "msg_" + marker;
            var timestamp = app.Clock.GetCurrentInstant().ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
            request.Headers.Add("webhook-id", webhookId);
            request.Headers.Add("webhook-timestamp", timestamp);
            request.Headers.Add("webhook-signature", input.Signature == SignatureUse.Valid
                ? DocumentSystem.Signature(FunctionsAppFixture.WebhookSecret, webhookId, timestamp, bytes ?? [])
                : "v1,bm90IHRoZSBzaWduYXR1cmU=");
        }

        return await app.Anonymous.SendAsync(request, Cancel);
    }

    // Over the 256 KiB request limit, as valid JSON.
    private static string Oversize() =>
        """{"name":"{marker}","contacts":[""" + string.Join(",", Enumerable.Repeat("""{"name":"padding padding padding","role":"holder"}""", 6000)) + "]}";

    // Under the request limit, over Table Storage's 64 KiB for one property: 100 contacts with long addresses.
    private static string StorageOversize() =>
        """{"name":"{marker}","contacts":[""" + string.Join(",", Enumerable.Range(1, 100).Select(i => $$"""{"name":"Holder {{i}}","role":"holder","address":"{{new string('x', 990)}}"}""")) + "]}";

    private static string WholeDocument() => System.Text.Json.JsonSerializer.Serialize(
        SeedAgreements.Document() with { Terms = TermsDocument.From(AgreementTerms.NeoTherapeutics2000) }, RegRights.Contracts.RegRightsJson.Options);

    private static byte[] InvalidUtf8() => [.. "{\"name\":\""u8.ToArray(), 0xC3, 0x28, .. "\"}"u8.ToArray()];

    private enum KeyUse
    {
        Function,
        None,
        Wrong,
    }

    private enum SignatureUse
    {
        None,
        Valid,
        Wrong,
    }

    /// <summary>One bad request and what must come of it.</summary>
    private sealed record BadInput(string Endpoint, string Class, string Method, string Path, string? Body, int Status, string? Field)
    {
        public string Name => $"{Endpoint}: {Class}";

        public KeyUse Key { get; init; } = KeyUse.Function;

        public SignatureUse Signature { get; init; } = SignatureUse.None;

        public string? IfMatch { get; init; }

        public string ContentType { get; init; } = "application/json";

        public (string Name, string Value)[] Headers { get; init; } = [];

        public byte[]? RawBody { get; init; }

        /// <summary>False for the host's own 401, which has no body (as the Functions host answers).</summary>
        public bool Problem { get; init; } = true;

        /// <summary>A header or field the problem's detail names (the webhook refusals name theirs there).</summary>
        public string? DetailNames { get; init; }

        /// <summary>The host's refusal of a request line it cannot read (<c>type: about:blank</c>).</summary>
        public bool AboutBlank { get; init; }
    }
}

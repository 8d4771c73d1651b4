using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Trace;
using RegRights.Application.Agreements;
using RegRights.Contracts.Agreements;
using RegRights.Functions.Telemetry;
using static RegRights.Functions.FunctionalTests.Api;

namespace RegRights.Functions.FunctionalTests.Apis;

/// <summary>
/// How failures are answered and seen: a 500 is a problem document for the client and a failed invocation for the
/// host; a header is named in errors one way, in lower case.
/// </summary>
public sealed class ProblemAnswersTest(FunctionsAppFixture app)
{
    [Fact]
    public async Task FunctionThrows_ClientGetsAProblem_HostAndTraceSeeAFailure()
    {
        // Arrange: an app whose agreement reads fail with a bug, traced to memory.
        var exported = new List<Activity>();
        await using var failing = new FunctionsAppFixture(
            services =>
            {
                services.AddSingleton<AgreementService, ThrowingAgreementService>();
                services.ConfigureOpenTelemetryTracerProvider(tracing => tracing.AddInMemoryExporter(exported));
            },
            new Dictionary<string, string?> { [TelemetryExtensions.EnabledSetting] = "true" });
        await failing.InitializeAsync();

        // Act
        using var response = await failing.Management.GetAsync(Url("/api/agreements/a1"), Cancel);

        // Assert: the client's answer is the problem, with no stack trace or exception text.
        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var body = await response.Content.ReadAsStringAsync(Cancel);
        Assert.Contains("function-failed", body, StringComparison.Ordinal);
        Assert.DoesNotContain(ThrowingAgreementService.Message, body, StringComparison.Ordinal);

        // The host logged the invocation as failed, with the exception.
        var line = await failing.HostLog.WaitForAsync(l => l.Contains("Executed 'Functions.GetAgreement' (", StringComparison.Ordinal), TimeSpan.FromSeconds(10));
        Assert.NotNull(line);
        Assert.Contains("(Failed, Id=", line, StringComparison.Ordinal);
        Assert.Contains(ThrowingAgreementService.Message, line, StringComparison.Ordinal);

        // The invocation's span is an error.
        Activity[] spans;
        lock (exported)
        {
            spans = [.. exported];
        }

        var invocation = Assert.Single(spans, s => s.Source.Name == "Microsoft.Azure.Functions.Worker" && (string?)s.GetTagItem(RegRightsActivity.AgreementIdTag) == "a1");
        Assert.Equal(ActivityStatusCode.Error, invocation.Status);
    }

    [Fact]
    public async Task HeaderErrors_AreKeyedByTheHeaderNameInLowerCase_FromTheAdapterAndTheService()
    {
        // Arrange: an agreement to change.
        using var created = await app.Management.PostAsync(Url("/api/agreements"), Json("""{"name":"Header errors"}"""), Cancel);
        var view = await created.ReadAsync<AgreementView>();

        // Act: If-Match malformed (adapter), two Idempotency-Keys (adapter), an empty one (service), a PATCH as plain JSON (adapter).
        using var ifMatch = await SendAsync(HttpMethod.Put, $"/api/agreements/{view.Id}", "{}", "application/json", ("If-Match", "garbage"));
        using var twoKeys = await SendAsync(HttpMethod.Post, "/api/agreements", """{"name":"x"}""", "application/json", ("Idempotency-Key", "a"), ("Idempotency-Key", "b"));
        using var emptyKey = await SendAsync(HttpMethod.Post, "/api/agreements", """{"name":"x"}""", "application/json", ("Idempotency-Key", ""));
        using var contentType = await SendAsync(HttpMethod.Patch, $"/api/agreements/{view.Id}", "{}", "application/json", ("If-Match", view.ETag));

        // Assert: each names its header once, in lower case, and by no other spelling.
        Assert.Equal(["if-match"], await ErrorKeysAsync(ifMatch));
        Assert.Equal(["idempotency-key"], await ErrorKeysAsync(twoKeys));
        Assert.Equal(["idempotency-key"], await ErrorKeysAsync(emptyKey));
        Assert.Equal(["content-type"], await ErrorKeysAsync(contentType));
    }

    private static async Task<string[]> ErrorKeysAsync(HttpResponseMessage response) =>
        [.. (await response.ReadJsonAsync())["errors"]!.AsObject().Select(e => e.Key)];

    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string body, string mediaType, params (string Name, string Value)[] headers)
    {
        using var request = new HttpRequestMessage(method, Url(path)) { Content = new StringContent(body, Encoding.UTF8, mediaType) };
        foreach (var (name, value) in headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        return await app.Management.SendAsync(request, Cancel);
    }

    /// <summary>An agreement service with a bug: every read throws.</summary>
    private sealed class ThrowingAgreementService : AgreementService
    {
        public const string Message = "agreement read failed (test)";

        public override Task<AgreementView?> GetAsync(string agreementId, CancellationToken cancellationToken = default) =>
            throw new InvalidOperationException(Message);
    }
}

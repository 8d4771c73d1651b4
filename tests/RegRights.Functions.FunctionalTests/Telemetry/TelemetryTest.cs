using System.Diagnostics;
using System.Net;
using OpenTelemetry.Trace;
using RegRights.Functions.Telemetry;
using static RegRights.Functions.FunctionalTests.Api;

namespace RegRights.Functions.FunctionalTests.Telemetry;

/// <summary>
/// What the app's OpenTelemetry sends, caught by an in-memory exporter in place of Azure Monitor's: the invocation's
/// span tagged with the agreement, the Table Storage calls beneath it, and a refused notice with its reason.
/// </summary>
public sealed class TelemetryTest
{
    [Fact]
    public async Task GetAgreement_ExportsTheInvocationTaggedWithTheAgreementAndItsTableCalls()
    {
        // Arrange: an app of its own with tracing on (no connection string here), exporting to memory.
        var exported = new List<Activity>();
        await using var app = Traced(exported);
        await app.InitializeAsync();
        using var created = await app.Management.PostAsync(Url("/api/agreements"), Json("""{"name":"Telemetry"}"""), Cancel);
        var id = (string)(await created.ReadJsonAsync())["id"]!;

        // Act
        using var read = await app.Management.GetAsync(Url($"/api/agreements/{id}"), Cancel);

        // Assert: the worker's spans for CreateAgreement and GetAgreement carry the id; a Table Storage span lies beneath an invocation.
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        var spans = Snapshot(exported);
        var invocations = spans.Where(s => s.Source.Name == "Microsoft.Azure.Functions.Worker"
            && (string?)s.GetTagItem(RegRightsActivity.AgreementIdTag) == id).ToList();
        Assert.Equal(2, invocations.Count);
        var invocation = invocations.Last();
        Assert.Contains(spans, s => s.Source.Name.StartsWith("Azure.Data.Tables", StringComparison.Ordinal) && s.TraceId == invocation.TraceId);
    }

    [Fact]
    public async Task PostNotice_BadSignature_ExportsTheRefusalWithItsReason()
    {
        // Arrange
        var exported = new List<Activity>();
        await using var app = Traced(exported);
        await app.InitializeAsync();
        using var request = new HttpRequestMessage(HttpMethod.Post, Url("/api/notices")) { Content = Json("""{"agreementId":"x"}""") };
        request.Headers.Add("webhook-id", "msg_telemetry");
        request.Headers.Add("webhook-timestamp", app.Clock.GetCurrentInstant().ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture));
        request.Headers.Add("webhook-signature", "v1,bm90IGEgc2lnbmF0dXJl");

        // Act
        using var response = await app.Anonymous.SendAsync(request, Cancel);

        // Assert
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains(Snapshot(exported), s => (string?)s.GetTagItem(RegRightsActivity.NoticeRefusedTag) == "signature not verified");
    }

    [Fact]
    public async Task GetAgreement_NoConnectionString_ExportsNothing()
    {
        // Arrange: tracing as a local run has it, off.
        var exported = new List<Activity>();
        await using var app = new FunctionsAppFixture(services =>
            services.ConfigureOpenTelemetryTracerProvider(tracing => tracing.AddInMemoryExporter(exported)));
        await app.InitializeAsync();

        // Act
        using var created = await app.Management.PostAsync(Url("/api/agreements"), Json("""{"name":"Untraced"}"""), Cancel);

        // Assert
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Empty(Snapshot(exported));
    }

    private static FunctionsAppFixture Traced(List<Activity> exported) => new(
        services => services.ConfigureOpenTelemetryTracerProvider(tracing => tracing.AddInMemoryExporter(exported)),
        new Dictionary<string, string?> { [TelemetryExtensions.EnabledSetting] = "true" });

    // The exporter adds from the threads that end spans; a copy taken under the same list is read safely once the
    // answer has come back (the invocation's span ends before the host answers).
    private static List<Activity> Snapshot(List<Activity> exported)
    {
        lock (exported)
        {
            return [.. exported];
        }
    }
}

using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using NodaTime;

namespace RegRights.Functions.Timers;

/// <summary>What an invocation over HTTP answered.</summary>
/// <param name="Succeeded">Whether the function answered 2xx.</param>
/// <param name="StatusCode">The HTTP status code.</param>
/// <param name="Logs">The response payload's Logs, or the raw body when it is not one.</param>
internal sealed record TimerInvocationResult(bool Succeeded, int StatusCode, IReadOnlyList<string> Logs);

/// <summary>
/// Invokes a timer function the way the Functions host does: a POST of the invocation payload to
/// <c>http://127.0.0.1:{port}/{FunctionName}</c>, this app's own loopback address, so that a local run takes the same
/// path through the app as a run in Azure.
/// </summary>
internal sealed class TimerFunctionInvoker(IHttpClientFactory httpClients, IServer server, TimeProvider time)
{
    /// <summary>The named HttpClient the invoker uses.</summary>
    public const string HttpClientName = "RegRights.Timers";

    /// <summary>The header the host sends each invocation's id in.</summary>
    public const string InvocationIdHeader = "X-Azure-Functions-InvocationId";

    /// <summary>POSTs one invocation of <paramref name="function"/> and reads the answer.</summary>
    /// <param name="function">The function, as its function.json declares it.</param>
    /// <param name="isPastDue">Whether the run is late.</param>
    /// <param name="status">The schedule status before this run, or null for an unscheduled run.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <exception cref="HttpRequestException">The app did not answer.</exception>
    public async Task<TimerInvocationResult> InvokeAsync(
        TimerFunctionDefinition function, bool isPastDue, TimerScheduleStatus? status, CancellationToken cancellationToken)
    {
        var payload = TimerInvocationPayload.Create(
            function.Name, function.BindingName, isPastDue, status, Instant.FromDateTimeOffset(time.GetUtcNow()));
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(LoopbackAddress(), function.Name))
        {
            Content = new StringContent(payload.ToJsonString(), Encoding.UTF8, new MediaTypeHeaderValue("application/json")),
        };
        request.Headers.Add(InvocationIdHeader, Guid.NewGuid().ToString());

        using var client = httpClients.CreateClient(HttpClientName);
        using var response = await client.SendAsync(request, cancellationToken).ConfigureAwait(false);
        var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        return new TimerInvocationResult(response.IsSuccessStatusCode, (int)response.StatusCode, ReadLogs(body));
    }

    private Uri LoopbackAddress()
    {
        // Known only once Kestrel listens (port 0 picks a free port), so read it per call.
        var address = server.Features.Get<IServerAddressesFeature>()?.Addresses
            .FirstOrDefault(a => a.StartsWith("http://", StringComparison.OrdinalIgnoreCase))
            ?? throw new InvalidOperationException("The app is not listening on an http address yet.");
        return new Uri(address.EndsWith('/') ? address : address + "/");
    }

    private static string[] ReadLogs(string body)
    {
        try
        {
            using var json = JsonDocument.Parse(body);
            if (json.RootElement.ValueKind == JsonValueKind.Object
                && json.RootElement.TryGetProperty("Logs", out var logs) && logs.ValueKind == JsonValueKind.Array)
            {
                return logs.EnumerateArray().Select(l => l.ToString()).ToArray();
            }
        }
        catch (JsonException)
        {
            // Not a response payload (a 404 problem, a proxy's page): the body itself says what happened.
        }

        return string.IsNullOrEmpty(body) ? [] : [body];
    }
}

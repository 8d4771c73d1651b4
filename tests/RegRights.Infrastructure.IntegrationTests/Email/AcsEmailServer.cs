using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace RegRights.Infrastructure.IntegrationTests.Email;

/// <summary>
/// A loopback server (Kestrel on 127.0.0.1, a free port) that speaks the ACS Email wire protocol, 2023-03-31, as
/// documented: <c>POST /emails:send</c> and <c>GET /emails/operations/{id}</c>. It checks requests the way ACS does,
/// from the bytes it received: the HMAC signature recomputed from method, raw path and query, <c>x-ms-date</c>
/// (within 15 minutes), the Host header and the body's SHA-256, or a bearer token; the api-version; the body's
/// schema, with each member's documented type (<c>replyTo</c> and <c>bcc</c> address lists, <c>headers</c> an object
/// of strings, <c>userEngagementTrackingDisabled</c> a boolean), and an attachment's <c>contentType</c> against ACS's
/// list of allowed attachment types, which names bare media types (<c>text/calendar</c>, never with parameters). It
/// de-duplicates by <c>Operation-Id</c>, so a repeated send is the same operation and one email.
/// </summary>
internal sealed class AcsEmailServer : IAsyncDisposable
{
    public const string ApiVersion = "2023-03-31";

    private static readonly TimeSpan AllowedClockSkew = TimeSpan.FromMinutes(15);

    private static readonly string[] RequiredSignedHeaders = ["x-ms-date", "host", "x-ms-content-sha256"];

    private readonly ConcurrentDictionary<Guid, Operation> operations = new();
    private readonly List<RecordedRequest> requests = [];
    private readonly List<ReceivedEmail> emails = [];
    private readonly byte[] key;
    private readonly string? bearerToken;
    private WebApplication? app;
    private int throttledSends;
    private int throttleRetryAfterSeconds;
    private int sendsToFailAfterAccepting;

    private AcsEmailServer(string accessKey, string? bearerToken)
    {
        AccessKey = accessKey;
        key = Convert.FromBase64String(accessKey);
        this.bearerToken = bearerToken;
    }

    /// <summary>The resource's access key (base64), as a connection string carries it.</summary>
    public string AccessKey { get; }

    /// <summary>E.g. http://127.0.0.1:54321 (https with a certificate).</summary>
    public Uri Endpoint { get; private set; } = null!;

    /// <summary>The connection string a client signs with, <c>endpoint=…;accesskey=…</c>.</summary>
    public string ConnectionString => $"endpoint={Endpoint};accesskey={AccessKey}";

    /// <summary>The first poll that answers <see cref="TerminalStatus"/> (earlier answers say Running); 0 makes the send's own answer terminal.</summary>
    public int TerminalOnPoll { get; set; } = 1;

    /// <summary>Where operations end: Succeeded, or Failed with <see cref="FailureCode"/>.</summary>
    public string TerminalStatus { get; set; } = "Succeeded";

    public string FailureCode { get; set; } = "EmailDropped";

    /// <summary>The retry-after (seconds) on non-terminal answers; none when null.</summary>
    public int? PollRetryAfterSeconds { get; set; }

    /// <summary>How long the server waits before it reads each request, to outlast a client's network timeout.</summary>
    public TimeSpan AnswerDelay { get; set; }

    public IReadOnlyList<RecordedRequest> Requests
    {
        get
        {
            lock (requests)
            {
                return [.. requests];
            }
        }
    }

    /// <summary>The emails the server took: one per distinct Operation-Id.</summary>
    public IReadOnlyList<ReceivedEmail> Emails
    {
        get
        {
            lock (emails)
            {
                return [.. emails];
            }
        }
    }

    public static async Task<AcsEmailServer> StartAsync(X509Certificate2? certificate = null, string? bearerToken = null)
    {
        var server = new AcsEmailServer(Convert.ToBase64String(RandomNumberGenerator.GetBytes(64)), bearerToken);
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0, listen =>
        {
            if (certificate is not null)
            {
                listen.UseHttps(certificate);
            }
        }));
        server.app = builder.Build();
        server.app.Run(server.HandleAsync);
        await server.app.StartAsync();
        var address = server.app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        server.Endpoint = new Uri(address);
        return server;
    }

    /// <summary>The next <paramref name="count"/> authenticated sends are answered 429 with Retry-After.</summary>
    public void ThrottleNextSends(int count, int retryAfterSeconds)
    {
        throttleRetryAfterSeconds = retryAfterSeconds;
        Volatile.Write(ref throttledSends, count);
    }

    /// <summary>The next send is taken (the email is queued) but answered 503, as if the answer were lost on the way.</summary>
    public void FailNextSendAfterAccepting() => Volatile.Write(ref sendsToFailAfterAccepting, 1);

    public async ValueTask DisposeAsync()
    {
        if (app is not null)
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }
    }

    private async Task HandleAsync(HttpContext context)
    {
        if (AnswerDelay > TimeSpan.Zero)
        {
            try
            {
                await Task.Delay(AnswerDelay, context.RequestAborted);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }

        var request = context.Request;
        var rawTarget = context.Features.GetRequiredFeature<IHttpRequestFeature>().RawTarget;
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer);
        var body = buffer.ToArray();

        var recorded = new RecordedRequest(
            DateTimeOffset.UtcNow,
            request.Method,
            rawTarget,
            request.Headers.Host.ToString(),
            request.Headers["Operation-Id"].ToString(),
            request.Headers.Authorization.ToString().Split(' ', 2)[0]);

        var (status, answer) = Authenticate(request, rawTarget, body, out var signedString);
        if (status == 0)
        {
            (status, answer) = request.Method switch
            {
                "POST" when rawTarget.StartsWith("/emails:send?", StringComparison.Ordinal) => Send(context, body),
                "GET" when rawTarget.StartsWith("/emails/operations/", StringComparison.Ordinal) => Poll(context, rawTarget),
                _ => Error(context, 404, "NotFound", $"No route {request.Method} {rawTarget}."),
            };
        }

        lock (requests)
        {
            requests.Add(recorded with { Status = status, SignedString = signedString });
        }

        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(answer);
    }

    private (int Status, string Body) Authenticate(HttpRequest request, string rawTarget, byte[] body, out string? signedString)
    {
        signedString = null;
        var authorization = request.Headers.Authorization.ToString();
        if (bearerToken is not null && authorization.StartsWith("Bearer ", StringComparison.Ordinal))
        {
            return authorization["Bearer ".Length..] == bearerToken
                ? (0, "")
                : Error(request.HttpContext, 401, "InvalidAuthenticationInfo", "The token is not valid.");
        }

        if (!authorization.StartsWith("HMAC-SHA256 ", StringComparison.Ordinal))
        {
            return Error(request.HttpContext, 401, "Denied", "Authorization must be HMAC-SHA256 or Bearer.");
        }

        var parameters = authorization["HMAC-SHA256 ".Length..]
            .Split('&')
            .Select(part => part.Split('=', 2))
            .Where(pair => pair.Length == 2)
            .ToDictionary(pair => pair[0], pair => pair[1], StringComparer.Ordinal);
        if (!parameters.TryGetValue("SignedHeaders", out var signedHeaders) || !parameters.TryGetValue("Signature", out var signature))
        {
            return Error(request.HttpContext, 401, "Denied", "Authorization needs SignedHeaders and Signature.");
        }

        var names = signedHeaders.Split(';');
        if (!RequiredSignedHeaders.All(names.Contains))
        {
            return Error(request.HttpContext, 401, "Denied", "SignedHeaders must include x-ms-date, host and x-ms-content-sha256.");
        }

        var date = request.Headers["x-ms-date"].ToString();
        if (!DateTimeOffset.TryParseExact(date, "r", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var sent)
            || (DateTimeOffset.UtcNow - sent).Duration() > AllowedClockSkew)
        {
            return Error(request.HttpContext, 401, "Denied", $"x-ms-date '{date}' is missing or more than 15 minutes from the server's clock.");
        }

        var contentHash = request.Headers["x-ms-content-sha256"].ToString();
        if (contentHash != Convert.ToBase64String(SHA256.HashData(body)))
        {
            return Error(request.HttpContext, 401, "Denied", "x-ms-content-sha256 does not match the body received.");
        }

        var values = names.Select(name => name == "host" ? request.Headers.Host.ToString() : request.Headers[name].ToString());
        signedString = $"{request.Method}\n{rawTarget}\n{string.Join(';', values)}";
        var expected = HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(signedString));
        byte[] given;
        try
        {
            given = Convert.FromBase64String(signature);
        }
        catch (FormatException)
        {
            return Error(request.HttpContext, 401, "Denied", "The signature is not base64.");
        }

        return CryptographicOperations.FixedTimeEquals(expected, given)
            ? (0, "")
            : Error(request.HttpContext, 401, "Denied", "The signature does not match the request.");
    }

    private (int Status, string Body) Send(HttpContext context, byte[] body)
    {
        if (context.Request.Query["api-version"] != ApiVersion)
        {
            return Error(context, 400, "UnsupportedApiVersion", $"api-version must be {ApiVersion}.");
        }

        if (!(context.Request.ContentType ?? "").StartsWith("application/json", StringComparison.Ordinal))
        {
            return Error(context, 415, "UnsupportedMediaType", "The body must be application/json.");
        }

        var operationHeader = context.Request.Headers["Operation-Id"].ToString();
        Guid operationId;
        if (operationHeader.Length == 0)
        {
            operationId = Guid.NewGuid();
        }
        else if (!Guid.TryParse(operationHeader, out operationId))
        {
            return Error(context, 400, "InvalidOperationId", "Operation-Id must be a UUID.");
        }

        if (Interlocked.Decrement(ref throttledSends) >= 0)
        {
            context.Response.Headers.RetryAfter = throttleRetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
            return Error(context, 429, "TooManyRequests", "Throttled.");
        }

        ReceivedEmail email;
        try
        {
            email = ReceivedEmail.Parse(operationId, body);
        }
        catch (Exception ex) when (ex is JsonException or InvalidDataException or FormatException or InvalidOperationException)
        {
            return Error(context, 400, "BadRequest", $"The body does not match EmailMessage: {ex.Message}");
        }

        var added = false;
        var operation = operations.GetOrAdd(operationId, _ =>
        {
            added = true;
            return new Operation(operationId);
        });
        if (added)
        {
            lock (emails)
            {
                emails.Add(email);
            }
        }

        if (Interlocked.Exchange(ref sendsToFailAfterAccepting, 0) == 1)
        {
            return Error(context, 503, "ServiceUnavailable", "Taken, but the answer is lost.");
        }

        context.Response.Headers["Operation-Location"] = new Uri(Endpoint, $"/emails/operations/{operationId}?api-version={ApiVersion}").ToString();
        return (202, StatusBody(context, operation, poll: false));
    }

    private (int Status, string Body) Poll(HttpContext context, string rawTarget)
    {
        if (context.Request.Query["api-version"] != ApiVersion)
        {
            return Error(context, 400, "UnsupportedApiVersion", $"api-version must be {ApiVersion}.");
        }

        var id = rawTarget["/emails/operations/".Length..].Split('?')[0];
        return Guid.TryParse(id, out var operationId) && operations.TryGetValue(operationId, out var operation)
            ? (200, StatusBody(context, operation, poll: true))
            : Error(context, 404, "NotFound", $"No operation {id}.");
    }

    private string StatusBody(HttpContext context, Operation operation, bool poll)
    {
        var polls = poll ? Interlocked.Increment(ref operation.Polls) : Volatile.Read(ref operation.Polls);
        var status = polls >= TerminalOnPoll ? TerminalStatus : "Running";
        if (status == "Running" && PollRetryAfterSeconds is { } seconds)
        {
            context.Response.Headers["retry-after"] = seconds.ToString(CultureInfo.InvariantCulture);
        }

        return status == "Failed"
            ? JsonSerializer.Serialize(new { id = operation.Id.ToString(), status, error = new { code = FailureCode, message = "Email was dropped after several attempts to deliver." } })
            : JsonSerializer.Serialize(new { id = operation.Id.ToString(), status });
    }

    private static (int Status, string Body) Error(HttpContext context, int status, string code, string message)
    {
        context.Response.Headers["x-ms-error-code"] = code;
        return (status, JsonSerializer.Serialize(new { error = new { code, message } }));
    }

    private sealed class Operation(Guid id)
    {
        public Guid Id { get; } = id;

        public int Polls;
    }
}

/// <summary>One request as the server saw it, with what it answered.</summary>
internal sealed record RecordedRequest(
    DateTimeOffset ReceivedAt, string Method, string RawTarget, string Host, string OperationId, string AuthorizationScheme)
{
    public int Status { get; init; }

    /// <summary>The string the server recomputed and verified the HMAC signature over; null unless HMAC.</summary>
    public string? SignedString { get; init; }
}

internal sealed record ReceivedAddress(string Address, string? DisplayName);

internal sealed record ReceivedAttachment(string Name, string ContentType, byte[] Content);

/// <summary>Extras of the documented EmailMessage beyond the basics: Bcc, Reply-To, custom headers, engagement tracking.</summary>
internal sealed record ReceivedOptions(
    IReadOnlyList<ReceivedAddress> Bcc, IReadOnlyList<ReceivedAddress> ReplyTo, IReadOnlyDictionary<string, string> Headers, bool? UserEngagementTrackingDisabled);

/// <summary>An email as the server took it, parsed from the documented EmailMessage schema (2023-03-31).</summary>
internal sealed record ReceivedEmail(
    Guid OperationId,
    string SenderAddress,
    string Subject,
    string? PlainText,
    string? Html,
    IReadOnlyList<ReceivedAddress> To,
    IReadOnlyList<ReceivedAddress> Cc,
    IReadOnlyList<ReceivedAttachment> Attachments)
{
    // A few of ACS's allowed attachment types (its documented list names each as a bare media type).
    public static readonly HashSet<string> AllowedAttachmentTypes =
        ["text/calendar", "text/plain", "text/csv", "application/pdf", "image/png", "image/jpeg", "application/zip"];

    /// <summary>Bcc, Reply-To, headers and tracking, as sent.</summary>
    public ReceivedOptions Options { get; init; } = new([], [], new Dictionary<string, string>(), null);

    private static readonly HashSet<string> MessageProperties =
        ["headers", "senderAddress", "content", "recipients", "attachments", "replyTo", "userEngagementTrackingDisabled"];

    private static readonly HashSet<string> ContentProperties = ["subject", "plainText", "html"];

    private static readonly HashSet<string> RecipientProperties = ["to", "cc", "bcc"];

    private static readonly HashSet<string> AttachmentProperties = ["name", "contentType", "contentInBase64"];

    private static readonly HashSet<string> AddressProperties = ["address", "displayName"];

    // Unknown properties are refused, stricter than the service, so a misspelt name ("senderAdress") fails a test
    // instead of being silently dropped.
    public static ReceivedEmail Parse(Guid operationId, byte[] body)
    {
        using var document = JsonDocument.Parse(body);
        var root = Object(document.RootElement, "EmailMessage", MessageProperties);
        var content = Object(Required(root, "content"), "content", ContentProperties);
        var recipients = Object(Required(root, "recipients"), "recipients", RecipientProperties);
        var to = Addresses(Required(recipients, "to"), "recipients.to");
        if (to.Count == 0)
        {
            throw new InvalidDataException("recipients.to must name at least one address.");
        }

        var attachments = new List<ReceivedAttachment>();
        if (root.TryGetProperty("attachments", out var list))
        {
            foreach (var item in Array(list, "attachments"))
            {
                var attachment = Object(item, "attachment", AttachmentProperties);
                var contentType = String(Required(attachment, "contentType"), "attachment.contentType");
                if (!AllowedAttachmentTypes.Contains(contentType))
                {
                    throw new InvalidDataException($"attachment.contentType '{contentType}' is not an allowed attachment type.");
                }

                attachments.Add(new ReceivedAttachment(
                    String(Required(attachment, "name"), "attachment.name"),
                    contentType,
                    Convert.FromBase64String(String(Required(attachment, "contentInBase64"), "attachment.contentInBase64"))));
            }
        }

        return new ReceivedEmail(
            operationId,
            String(Required(root, "senderAddress"), "senderAddress"),
            String(Required(content, "subject"), "content.subject"),
            content.TryGetProperty("plainText", out var text) ? String(text, "content.plainText") : null,
            content.TryGetProperty("html", out var html) ? String(html, "content.html") : null,
            to,
            recipients.TryGetProperty("cc", out var cc) ? Addresses(cc, "recipients.cc") : [],
            attachments)
        {
            Options = new ReceivedOptions(
                recipients.TryGetProperty("bcc", out var bcc) ? Addresses(bcc, "recipients.bcc") : [],
                root.TryGetProperty("replyTo", out var replyTo) ? Addresses(replyTo, "replyTo") : [],
                root.TryGetProperty("headers", out var headers) ? Headers(headers) : new Dictionary<string, string>(),
                root.TryGetProperty("userEngagementTrackingDisabled", out var tracking) ? Boolean(tracking, "userEngagementTrackingDisabled") : null),
        };
    }

    private static Dictionary<string, string> Headers(JsonElement element)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            throw new InvalidDataException("headers must be an object.");
        }

        return element.EnumerateObject().ToDictionary(p => p.Name, p => String(p.Value, $"headers.{p.Name}"), StringComparer.OrdinalIgnoreCase);
    }

    private static bool Boolean(JsonElement element, string what) => element.ValueKind switch
    {
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        _ => throw new InvalidDataException($"{what} must be a boolean."),
    };

    private static JsonElement Object(JsonElement element, string what, HashSet<string> allowed)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            throw new InvalidDataException($"{what} must be an object.");
        }

        var unknown = element.EnumerateObject().Select(p => p.Name).FirstOrDefault(name => !allowed.Contains(name));
        return unknown is null ? element : throw new InvalidDataException($"{what} has no property '{unknown}'.");
    }

    private static JsonElement Required(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) ? value : throw new InvalidDataException($"'{name}' is required.");

    private static string String(JsonElement element, string what) =>
        element.ValueKind == JsonValueKind.String ? element.GetString()! : throw new InvalidDataException($"{what} must be a string.");

    private static JsonElement.ArrayEnumerator Array(JsonElement element, string what) =>
        element.ValueKind == JsonValueKind.Array ? element.EnumerateArray() : throw new InvalidDataException($"{what} must be an array.");

    private static List<ReceivedAddress> Addresses(JsonElement element, string what) =>
        [.. Array(element, what).Select(item =>
        {
            var address = Object(item, what, AddressProperties);
            return new ReceivedAddress(
                String(Required(address, "address"), $"{what}.address"),
                address.TryGetProperty("displayName", out var name) ? String(name, $"{what}.displayName") : null);
        })];
}

using System.Buffers;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Azure;
using Azure.Core;
using Azure.Core.Pipeline;
using RegRights.Application.Email;

namespace RegRights.Infrastructure.Email.Acs;

/// <summary>
/// Sends email through Azure Communication Services' REST API (<c>POST {endpoint}/emails:send</c>) on the Azure.Core
/// HTTP pipeline: retries, logging, and HMAC-key or Entra ID authentication. One instance is thread-safe; share it.
/// </summary>
/// <remarks>
/// The <c>Azure.Communication.Email</c> package cannot be restored from this project's package source, so this is
/// the part of it we need, written to the same guidelines. Each send carries an <c>Operation-Id</c>; ACS treats a
/// second send with the same id as the same operation, which is what makes a retried reminder one email.
/// </remarks>
public class AcsEmailClient
{
    /// <summary>The Entra ID scope for Communication Services data-plane calls.</summary>
    public const string TokenScope = "https://communication.azure.com//.default";

    private readonly HttpPipeline pipeline;
    private readonly AcsEmailClientOptions options;

    /// <summary>Creates a client signing with the access key in <paramref name="connectionString"/>.</summary>
    /// <param name="connectionString">The resource's connection string, <c>endpoint=https://…;accesskey=…</c>.</param>
    /// <exception cref="FormatException">The connection string lacks an endpoint or a base64 access key.</exception>
    public AcsEmailClient(string connectionString)
        : this(connectionString, new AcsEmailClientOptions())
    {
    }

    /// <summary>Creates a client signing with the access key in <paramref name="connectionString"/>.</summary>
    /// <param name="connectionString">The resource's connection string, <c>endpoint=https://…;accesskey=…</c>.</param>
    /// <param name="options">Retry, polling and transport options.</param>
    /// <exception cref="FormatException">The connection string lacks an endpoint or a base64 access key.</exception>
    public AcsEmailClient(string connectionString, AcsEmailClientOptions options)
        : this(AcsConnectionString.Parse(connectionString), options)
    {
    }

    /// <summary>Creates a client signing with the resource's access key.</summary>
    /// <param name="endpoint">The resource's endpoint, e.g. https://contoso.communication.azure.com.</param>
    /// <param name="credential">The access key (base64, as the portal shows it).</param>
    /// <param name="options">Retry, polling and transport options; defaults if null.</param>
    public AcsEmailClient(Uri endpoint, AzureKeyCredential credential, AcsEmailClientOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        ArgumentNullException.ThrowIfNull(credential);
        this.options = options ?? new AcsEmailClientOptions();
        Endpoint = endpoint;
        pipeline = HttpPipelineBuilder.Build(this.options, new AcsHmacAuthenticationPolicy(credential, this.options.Clock));
    }

    /// <summary>Creates a client authenticating with Entra ID tokens (scope <see cref="TokenScope"/>).</summary>
    /// <param name="endpoint">The resource's endpoint; must be https, tokens are not sent in the clear.</param>
    /// <param name="credential">E.g. <c>DefaultAzureCredential</c> or <c>ManagedIdentityCredential</c>.</param>
    /// <param name="options">Retry, polling and transport options; defaults if null.</param>
    public AcsEmailClient(Uri endpoint, TokenCredential credential, AcsEmailClientOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        ArgumentNullException.ThrowIfNull(credential);
        this.options = options ?? new AcsEmailClientOptions();
        Endpoint = endpoint;
        pipeline = HttpPipelineBuilder.Build(this.options, new BearerTokenAuthenticationPolicy(credential, TokenScope));
    }

    /// <summary>For mocking: a subclass overrides the virtual members.</summary>
    protected AcsEmailClient()
    {
        pipeline = null!;
        options = null!;
        Endpoint = null!;
    }

    private AcsEmailClient(AcsConnectionString connectionString, AcsEmailClientOptions options)
        : this(connectionString.Endpoint, new AzureKeyCredential(connectionString.AccessKey), options)
    {
    }

    /// <summary>The resource's endpoint.</summary>
    public virtual Uri Endpoint { get; }

    /// <summary>
    /// Sends <paramref name="message"/> and polls the operation until it finishes or
    /// <see cref="AcsEmailClientOptions.MaxPollingDuration"/> passes.
    /// </summary>
    /// <param name="message">The email; its <see cref="EmailMessage.From"/> must be set (an address of a verified domain).</param>
    /// <param name="operationId">The <c>Operation-Id</c>; the same id makes a second send the same operation.
    /// Null for a new random id, which makes a retry by the caller a second email.</param>
    /// <param name="cancellationToken">Cancels the send or the polling.</param>
    /// <returns>The operation's last status: terminal, or NotStarted/Running if polling ran out of time.</returns>
    /// <exception cref="ArgumentException">The message has no sender, or <paramref name="operationId"/> is <see cref="Guid.Empty"/>.</exception>
    /// <exception cref="RequestFailedException">The service refused the request or could not be reached after the retries.</exception>
    public virtual async Task<Response<AcsEmailSendResult>> SendAsync(
        EmailMessage message, Guid? operationId = null, CancellationToken cancellationToken = default)
    {
        var started = Stopwatch.GetTimestamp();
        var response = await StartSendAsync(message, operationId, cancellationToken).ConfigureAwait(false);
        var statusUri = StatusUri(response.GetRawResponse(), response.Value.Id);
        while (!response.Value.IsTerminal)
        {
            var remaining = options.MaxPollingDuration - Stopwatch.GetElapsedTime(started);
            if (remaining <= TimeSpan.Zero)
            {
                break;
            }

            var wait = RetryAfter(response.GetRawResponse()) ?? options.PollingInterval;
            await Task.Delay(wait < remaining ? wait : remaining, cancellationToken).ConfigureAwait(false);
            response = await GetSendResultAsync(statusUri, cancellationToken).ConfigureAwait(false);
        }

        return response;
    }

    /// <summary>Sends <paramref name="message"/> and returns the service's first answer (202 Accepted) without polling.</summary>
    /// <param name="message">The email; its <see cref="EmailMessage.From"/> must be set.</param>
    /// <param name="operationId">The <c>Operation-Id</c>; null for a new random id.</param>
    /// <param name="cancellationToken">Cancels the send.</param>
    /// <exception cref="ArgumentException">The message has no sender, or <paramref name="operationId"/> is <see cref="Guid.Empty"/>.</exception>
    /// <exception cref="RequestFailedException">The service refused the request or could not be reached after the retries.</exception>
    public virtual async Task<Response<AcsEmailSendResult>> StartSendAsync(
        EmailMessage message, Guid? operationId = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (message.From is null)
        {
            throw new ArgumentException("An ACS email needs a sender address of a verified domain.", nameof(message));
        }

        if (operationId == Guid.Empty)
        {
            throw new ArgumentException("The operation id must not be Guid.Empty.", nameof(operationId));
        }

        using var httpMessage = pipeline.CreateMessage();
        var request = httpMessage.Request;
        request.Method = RequestMethod.Post;
        request.Uri.Reset(Endpoint);
        request.Uri.AppendPath("/emails:send", escape: false);
        request.Uri.AppendQuery("api-version", options.Version);
        request.Headers.SetValue("Operation-Id", (operationId ?? Guid.NewGuid()).ToString("D"));
        request.Headers.SetValue(HttpHeader.Names.ContentType, "application/json");
        request.Headers.SetValue(HttpHeader.Names.Accept, "application/json");
        request.Content = RequestContent.Create(WriteBody(message, message.From));

        await pipeline.SendAsync(httpMessage, cancellationToken).ConfigureAwait(false);
        var response = httpMessage.Response;
        if (response.Status != 202)
        {
            throw new RequestFailedException(response);
        }

        return Response.FromValue(ReadResult(response), response);
    }

    /// <summary>Gets the status of the send operation <paramref name="operationId"/>.</summary>
    /// <param name="operationId">The operation id a send returned.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <exception cref="ArgumentException"><paramref name="operationId"/> is empty.</exception>
    /// <exception cref="RequestFailedException">The service refused the request (404: no such operation) or could not be reached.</exception>
    public virtual Task<Response<AcsEmailSendResult>> GetSendResultAsync(string operationId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(operationId);
        return GetSendResultAsync(OperationUri(operationId), cancellationToken);
    }

    private async Task<Response<AcsEmailSendResult>> GetSendResultAsync(Uri statusUri, CancellationToken cancellationToken)
    {
        using var httpMessage = pipeline.CreateMessage();
        httpMessage.Request.Method = RequestMethod.Get;
        httpMessage.Request.Uri.Reset(statusUri);
        httpMessage.Request.Headers.SetValue(HttpHeader.Names.Accept, "application/json");
        await pipeline.SendAsync(httpMessage, cancellationToken).ConfigureAwait(false);
        var response = httpMessage.Response;
        if (response.Status != 200)
        {
            throw new RequestFailedException(response);
        }

        return Response.FromValue(ReadResult(response), response);
    }

    private Uri OperationUri(string operationId)
    {
        var uri = new RequestUriBuilder();
        uri.Reset(Endpoint);
        uri.AppendPath("/emails/operations/", escape: false);
        uri.AppendPath(operationId, escape: true);
        uri.AppendQuery("api-version", options.Version);
        return uri.ToUri();
    }

    // Follow Operation-Location only to our own endpoint: the request is signed for, or carries a token to, whatever
    // host it names.
    private Uri StatusUri(Response response, string operationId) =>
        response.Headers.TryGetValue("Operation-Location", out var location)
        && Uri.TryCreate(location, UriKind.Absolute, out var uri)
        && Uri.Compare(uri, Endpoint, UriComponents.SchemeAndServer, UriFormat.SafeUnescaped, StringComparison.OrdinalIgnoreCase) == 0
            ? uri
            : OperationUri(operationId);

    private static TimeSpan? RetryAfter(Response response) =>
        response.Headers.TryGetValue("retry-after", out var value)
        && int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            ? TimeSpan.FromSeconds(seconds)
            : null;

    private static byte[] WriteBody(EmailMessage message, EmailAddress from)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();

            // The REST payload has no sender display name (senderAddress is an address alone, in 2023-03-31 as in the
            // SDK's later versions): ACS shows the display name configured on the domain's sender username.
            json.WriteString("senderAddress", from.Address);
            json.WriteStartObject("content");
            json.WriteString("subject", message.Subject);
            if (message.PlainText is not null)
            {
                json.WriteString("plainText", message.PlainText);
            }

            if (message.Html is not null)
            {
                json.WriteString("html", message.Html);
            }

            json.WriteEndObject();
            json.WriteStartObject("recipients");
            WriteAddresses(json, "to", message.To);
            if (message.Cc.Count > 0)
            {
                WriteAddresses(json, "cc", message.Cc);
            }

            if (message.Bcc.Count > 0)
            {
                WriteAddresses(json, "bcc", message.Bcc);
            }

            json.WriteEndObject();
            if (message.ReplyTo.Count > 0)
            {
                WriteAddresses(json, "replyTo", message.ReplyTo);
            }

            if (message.Headers.Count > 0)
            {
                json.WriteStartObject("headers");
                foreach (var (name, value) in message.Headers)
                {
                    json.WriteString(name, value);
                }

                json.WriteEndObject();
            }

            json.WriteBoolean("userEngagementTrackingDisabled", message.UserEngagementTrackingDisabled);
            if (message.Attachments.Count > 0)
            {
                json.WriteStartArray("attachments");
                foreach (var attachment in message.Attachments)
                {
                    json.WriteStartObject();
                    json.WriteString("name", attachment.FileName);
                    json.WriteString("contentType", AcsContentType(attachment.ContentType));
                    json.WriteBase64String("contentInBase64", attachment.Content.Span);
                    json.WriteEndObject();
                }

                json.WriteEndArray();
            }

            json.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    // ACS's list of allowed attachment types names bare media types (text/calendar for .ics); the parameters an SMTP
    // part carries (charset, method=PUBLISH) are not part of it, so the media type alone is sent.
    internal static string AcsContentType(string contentType)
    {
        var cut = contentType.IndexOf(';', StringComparison.Ordinal);
        return (cut < 0 ? contentType : contentType[..cut]).Trim().ToLowerInvariant();
    }

    private static void WriteAddresses(Utf8JsonWriter json, string name, IReadOnlyList<EmailAddress> addresses)
    {
        json.WriteStartArray(name);
        foreach (var address in addresses)
        {
            json.WriteStartObject();
            json.WriteString("address", address.Address);
            if (address.DisplayName is not null)
            {
                json.WriteString("displayName", address.DisplayName);
            }

            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    private static AcsEmailSendResult ReadResult(Response response)
    {
        try
        {
            using var document = JsonDocument.Parse(response.Content.ToMemory());
            var root = document.RootElement;
            string? errorCode = null;
            string? errorMessage = null;
            if (root.TryGetProperty("error", out var error) && error.ValueKind == JsonValueKind.Object)
            {
                errorCode = error.TryGetProperty("code", out var code) ? code.GetString() : null;
                errorMessage = error.TryGetProperty("message", out var text) ? text.GetString() : null;
            }

            return new AcsEmailSendResult(
                root.GetProperty("id").GetString() ?? throw new JsonException("'id' is null."),
                new AcsEmailSendStatus(root.GetProperty("status").GetString() ?? throw new JsonException("'status' is null.")),
                errorCode,
                errorMessage);
        }
        catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            throw new RequestFailedException(response.Status, $"ACS answered {response.Status} with a body that is not an operation status: {ex.Message}", ex);
        }
    }
}

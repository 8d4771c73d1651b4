using Azure;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RegRights.Application.Email;

namespace RegRights.Infrastructure.Email.Acs;

/// <summary><see cref="IEmailSender"/> over <see cref="AcsEmailClient"/>: the idempotency key becomes the Operation-Id.</summary>
public sealed class AcsEmailSender : IEmailSender
{
    private readonly AcsEmailClient client;
    private readonly IOptions<EmailOptions> options;
    private readonly ILogger<AcsEmailSender> logger;

    /// <summary>Creates the sender.</summary>
    /// <param name="client">The ACS client.</param>
    /// <param name="options">Supplies <c>Email:From</c> for messages that name no sender.</param>
    /// <param name="logger">Logs each send's operation id and status.</param>
    public AcsEmailSender(AcsEmailClient client, IOptions<EmailOptions> options, ILogger<AcsEmailSender> logger)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(logger);
        this.client = client;
        this.options = options;
        this.logger = logger;
    }

    /// <inheritdoc />
    public async Task<EmailSendResult> SendAsync(EmailMessage message, string idempotencyKey, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        var operationId = EmailIdempotency.OperationIdFor(idempotencyKey);
        var withSender = message.From is null ? message.WithFrom(DefaultSender(options.Value)) : message;
        AcsEmailSendResult result;
        try
        {
            result = (await client.SendAsync(withSender, operationId, cancellationToken).ConfigureAwait(false)).Value;
        }
        catch (RequestFailedException ex)
        {
            throw new EmailTransportException(
                "Acs",
                IsTransient(ex.Status),
                $"ACS at {client.Endpoint} did not take the email (operation {operationId}): {(ex.Status == 0 ? "unreachable" : $"HTTP {ex.Status} {ex.ErrorCode}")}.",
                ex);
        }
        catch (AggregateException ex) when (!cancellationToken.IsCancellationRequested
                                            && ex.InnerExceptions.Count > 0
                                            && ex.InnerExceptions.All(inner => inner is RequestFailedException or OperationCanceledException))
        {
            // The retry policy gave up after several tries that got no answer at all: connection refused or reset, or
            // the network timeout (an OperationCanceledException while the caller had not cancelled).
            throw new EmailTransportException(
                "Acs", isTransient: true, $"ACS at {client.Endpoint} was unreachable after {ex.InnerExceptions.Count} tries (operation {operationId}).", ex);
        }
        catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            // The pipeline's network timeout, not the caller's cancellation.
            throw new EmailTransportException("Acs", isTransient: true, $"ACS at {client.Endpoint} timed out (operation {operationId}).", ex);
        }

        var status = result.Status == AcsEmailSendStatus.Succeeded ? EmailSendStatus.Succeeded
            : result.Status == AcsEmailSendStatus.Failed || result.Status == AcsEmailSendStatus.Canceled ? EmailSendStatus.Failed
            : EmailSendStatus.Running;
        logger.LogInformation("ACS email operation {OperationId} for {IdempotencyKey}: {Status}", result.Id, idempotencyKey, result.Status);
        var detail = result.ErrorCode is null && result.ErrorMessage is null ? null : $"{result.ErrorCode}: {result.ErrorMessage}";
        return new EmailSendResult("Acs", result.Id, status, detail);
    }

    internal static EmailAddress DefaultSender(EmailOptions options) =>
        new(options.From, string.IsNullOrWhiteSpace(options.FromDisplayName) ? null : options.FromDisplayName);

    // 400-class answers about the message itself will be the same next time; credentials (401/403) can be fixed by an
    // operator, and throttling, timeouts and 5xx pass. Status 0 is "no answer at all".
    private static bool IsTransient(int status) =>
        status is 0 or 401 or 403 or 408 or 429 or >= 500;
}

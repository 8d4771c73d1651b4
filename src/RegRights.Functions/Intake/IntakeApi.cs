using System.ComponentModel;
using Microsoft.AspNetCore.Mvc;
using RegRights.Application.Intake;
using RegRights.Contracts.Notices;
using RegRights.Functions.OpenApi;
using RegRights.Functions.Telemetry;

namespace RegRights.Functions.Intake;

/// <summary>
/// Webhooks straight from the systems that carry notices: DocuSign Connect, Telnyx inbound fax, FedEx and UPS
/// tracking, each verified its own way over the raw body and stamped under § 6(h) by one shared intake
/// (<see cref="ProviderIntake"/>); and the receipts kept of them.
/// </summary>
[Tags("Notices")]
public sealed class IntakeApi(ProviderIntake intake, ILogger<IntakeApi> log)
{
    // Authenticated by the provider's own scheme (a signature, or UPS's credential), not by a function key.
    [Function("PostProviderWebhook")]
    [ProblemResponse(StatusCodes.Status404NotFound, "No intake source of that name is configured for the provider.")]
    [EndpointSummary("Receive a provider's webhook (DocuSign, Telnyx, FedEx, UPS) and stamp its notice (§ 6(h))")]
    [EndpointDescription(
        "provider is docusign (Connect JSON SIM; X-DocuSign-Signature-1..N, Base64 HMAC-SHA256 of the body under any configured key), telnyx " +
        "(telnyx-signature-ed25519 over \"{telnyx-timestamp}|{body}\", the timestamp within 5 minutes), fedex (fdx-signature, Base64 HMAC-SHA256 " +
        "of the body under the security token) or ups (Track Alert: the credential header equal to the subscription's). source names a configured " +
        "source of that provider. The body is verified as received before it is read: 401 and nothing stored when it does not verify. Every verified " +
        "event is kept (raw body, SHA-256, the headers that matter) and answered with its receipt: 201 the first time, 200 with the same receipt on a " +
        "retry of the same provider event (nothing new stored). A fax is matched by the number it reached (the agreement's terms.noticeFaxNumbers), a " +
        "shipment by its tracking number to a notice registered at POST /api/agreements/{id}/notices/expected, an envelope by its id or its " +
        "agreementId custom field; the receipt names the notice, its stamp, the rule and the payload field each moment came from. 400 for a " +
        "verified body that is not an event of the provider's; 404 for an unknown provider or source.")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status401Unauthorized, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status413PayloadTooLarge, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status503ServiceUnavailable, "application/problem+json")]
    public async Task<Results<Created<IntakeReceiptDocument>, Ok<IntakeReceiptDocument>, ValidationProblem, ProblemHttpResult>> PostProviderWebhookAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "intake/{provider}/{source}")] HttpRequest request,
        [Description("docusign, telnyx, fedex or ups.")] string provider,
        [Description("The configured source of that provider, e.g. main.")] string source,
        CancellationToken cancellationToken)
    {
        // The signature covers the bytes as received, so the body is read raw and handed over unparsed.
        var body = await JsonBody.ReadRawAsync(request, cancellationToken).ConfigureAwait(false);
        var headers = request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        var result = await intake.ReceiveAsync(provider, new IntakeRequest(source, headers, body), cancellationToken).ConfigureAwait(false);
        switch (result)
        {
            case ProviderIntakeResult.Accepted accepted:
                RegRightsActivity.TagAgreement(accepted.Receipt.AgreementId);
                return TypedResults.Created(Location(accepted.Receipt.Id), accepted.Receipt);
            case ProviderIntakeResult.Replayed replayed:
                RegRightsActivity.TagAgreement(replayed.Receipt.AgreementId);
                request.HttpContext.Response.Headers.Location = Location(replayed.Receipt.Id);
                return TypedResults.Ok(replayed.Receipt);
            case ProviderIntakeResult.UnknownSource unknown:
                return TypedResults.Problem(
                    detail: $"No intake source '{unknown.Source}' is configured for provider '{unknown.Provider}' (providers: {string.Join(", ", intake.ProviderNames.Order(StringComparer.Ordinal))}).",
                    statusCode: StatusCodes.Status404NotFound, title: "Intake source not found", type: ProblemTypes.NotFound);
            case ProviderIntakeResult.Refused { Misconfigured: true } refused:
                RegRightsActivity.TagNoticeRefused("intake verification not configured");
                log.LogError("{Provider}/{Source} webhook refused with 500: {Failure}", provider, source, refused.Why);
                return TypedResults.Problem(
                    detail: "This server cannot verify this source's webhooks until its operator fixes the source's key. Retry later.",
                    statusCode: StatusCodes.Status500InternalServerError, title: "Webhook verification is not configured", type: ProblemTypes.Signature);
            case ProviderIntakeResult.Refused refused:
                RegRightsActivity.TagNoticeRefused("signature not verified");
                log.LogWarning("{Provider}/{Source} webhook refused with 401: {Failure}", provider, source, refused.Why);
                return TypedResults.Problem(detail: refused.Why, statusCode: StatusCodes.Status401Unauthorized,
                    title: "Webhook signature not verified", type: ProblemTypes.Signature);
            case ProviderIntakeResult.Unreadable unreadable:
                RegRightsActivity.TagNoticeRefused("unreadable provider event");
                log.LogError("{Provider}/{Source} webhook verified but unreadable: {Why}", provider, source, unreadable.Why);
                return JsonBody.Problem("$", unreadable.Why);
            default:
                throw new InvalidOperationException($"Unknown intake result {result.GetType().Name}.");
        }
    }

    [Function("GetIntakeReceipt")]
    [ProblemResponse(StatusCodes.Status404NotFound, "No receipt with that id.")]
    [ProblemResponse(StatusCodes.Status503ServiceUnavailable, ProblemAnswers.StorageUnavailable)]
    [EndpointSummary("Get a provider webhook's receipt")]
    [EndpointDescription("A provider webhook as received: the provider's event identity, the SHA-256 of its body, the headers that matter, this server's receipt time, what it was matched to and the stamp it was answered with.")]
    public async Task<Results<Ok<IntakeReceiptDocument>, ProblemHttpResult>> GetIntakeReceiptAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "intake/receipts/{id}")] HttpRequest request,
        [Description("The receipt id, from the Location of POST /api/intake/{provider}/{source}.")] string id,
        CancellationToken cancellationToken)
    {
        var receipt = await intake.GetReceiptAsync(id, cancellationToken).ConfigureAwait(false);
        return receipt is null
            ? TypedResults.Problem(detail: $"No receipt with id '{id}'.", statusCode: StatusCodes.Status404NotFound, title: "Receipt not found", type: ProblemTypes.NotFound)
            : TypedResults.Ok(receipt);
    }

    [Function("GetIntakeReceiptBody")]
    [ProblemResponse(StatusCodes.Status404NotFound, "No receipt with that id.")]
    [ProblemResponse(StatusCodes.Status503ServiceUnavailable, ProblemAnswers.StorageUnavailable)]
    [EndpointSummary("Get a provider webhook's body, byte for byte")]
    [EndpointDescription("The body exactly as received (its SHA-256 is the receipt's bodySha256), as application/octet-stream: the provider's own record of what it sent.")]
    public async Task<Results<FileContentHttpResult, ProblemHttpResult>> GetIntakeReceiptBodyAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "intake/receipts/{id}/body")] HttpRequest request,
        [Description("The receipt id.")] string id,
        CancellationToken cancellationToken)
    {
        var body = await intake.GetReceiptBodyAsync(id, cancellationToken).ConfigureAwait(false);
        return body is { } bytes
            ? TypedResults.File(bytes.ToArray(), "application/octet-stream")
            : TypedResults.Problem(detail: $"No receipt with id '{id}'.", statusCode: StatusCodes.Status404NotFound, title: "Receipt not found", type: ProblemTypes.NotFound);
    }

    [Function("ListIntakeReceipts")]
    [ProblemResponse(StatusCodes.Status404NotFound, "No intake source of that name is configured for the provider.")]
    [ProblemResponse(StatusCodes.Status503ServiceUnavailable, ProblemAnswers.StorageUnavailable)]
    [EndpointSummary("List a provider source's receipts")]
    [EndpointDescription("Every webhook a provider's source posted, in the order received, matched or not: what arrived and when, for a person to assign what was not matched.")]
    public async Task<Results<Ok<IReadOnlyList<IntakeReceiptDocument>>, ProblemHttpResult>> ListIntakeReceiptsAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "intake/{provider}/{source}/receipts")] HttpRequest request,
        string provider, string source, CancellationToken cancellationToken)
    {
        var receipts = await intake.ListReceiptsAsync(provider, source, cancellationToken).ConfigureAwait(false);
        return receipts is null
            ? TypedResults.Problem(detail: $"No intake source '{source}' is configured for provider '{provider}'.", statusCode: StatusCodes.Status404NotFound,
                title: "Intake source not found", type: ProblemTypes.NotFound)
            : TypedResults.Ok(receipts);
    }

    private static string Location(string receiptId) => $"/api/intake/receipts/{receiptId}";
}

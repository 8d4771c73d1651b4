using System.ComponentModel;
using Microsoft.AspNetCore.Mvc;
using NodaTime.Text;
using RegRights.Application.Intake;
using RegRights.Application.Notices;
using RegRights.Contracts.Notices;
using RegRights.Functions.OpenApi;
using RegRights.Functions.Telemetry;
using RegRights.Functions.Webhooks;

namespace RegRights.Functions.Apis;

/// <summary>
/// Notices under § 6(h): the signed webhook intake <c>POST /api/notices</c>, which stamps the legally effective time,
/// and the management reads <c>GET /api/notices/{id}</c> and <c>GET /api/agreements/{id}/notices</c>.
/// </summary>
[Tags("Notices")]
public sealed class NoticesApi(NoticeIntake intake, ExpectedNotices expected, WebhookVerifier verifier, ILogger<NoticesApi> log)
{
    public const int MaxWebhookId = 256;

    // Authenticated by its Standard Webhooks signature, not by a function key: AuthorizationLevel.Anonymous.
    [Function("PostNotice")]
    [ProblemResponse(StatusCodes.Status404NotFound, "The notice names no agreement this server has.")]
    [ProblemResponse(StatusCodes.Status409Conflict, "The webhook-id was used before for another body naming the same agreement.")]
    [EndpointSummary("Receive a signed notice and stamp it (§ 6(h))")]
    [EndpointDescription(
        "The webhook intake for document systems. Signed as a Standard Webhook: webhook-id, webhook-timestamp (Unix seconds, within 5 minutes) and " +
        "webhook-signature: v1,<base64 HMAC-SHA256 of \"{id}.{timestamp}.{body}\"> over the body bytes as sent, under the source's whsec_ secret. " +
        "The notice is stored (with the SHA-256 of the body) before the answer: 201 with the notice's id, its agreement and its § 6(h) stamp " +
        "(effective date, the moment it counts from, the rule, gap flag and the other reading, the explanation, and this server's receipt time), " +
        "and the notice's URL in Location. The same webhook-id again is 200 with the first answer, never a second notice; with another body for the same agreement it is 409. Times need a UTC offset (400 naming the field); " +
        "401 for a bad, missing or stale signature; 404 for an unknown agreement; 413 over 256 KiB; 503 with Retry-After when storage is unavailable.")]
    [AcceptsJson(typeof(NoticeIntakeRequest))]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status401Unauthorized, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status413PayloadTooLarge, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status503ServiceUnavailable, "application/problem+json")]
    public async Task<Results<Created<NoticeReceivedResponse>, Ok<NoticeReceivedResponse>, ValidationProblem, ProblemHttpResult>> PostNoticeAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "notices")] HttpRequest request, CancellationToken cancellationToken)
    {
        var context = request.HttpContext;

        // The signature covers the bytes as received, so the body is read raw and verified before it is parsed.
        var body = await JsonBody.ReadRawAsync(request, cancellationToken).ConfigureAwait(false);
        var headers = request.Headers;
        string? webhookId = headers["webhook-id"];
        var verification = verifier.Verify(webhookId, headers["webhook-timestamp"], headers["webhook-signature"], body);
        if (!verification.IsVerified)
        {
            return Refused(verification);
        }

        if (webhookId!.Length > MaxWebhookId)
        {
            return JsonBody.Problem("webhook-id", $"At most {MaxWebhookId} characters.");
        }

        if (!JsonBody.TryParse<NoticeIntakeRequest>(body, context.Options(), out var notice, out var problem))
        {
            RegRightsActivity.TagNoticeRefused("malformed body");
            return problem;
        }

        RegRightsActivity.TagAgreement(notice.AgreementId);
        var result = await intake.ReceiveAsync(verification.Source!, webhookId, body, notice, cancellationToken).ConfigureAwait(false);
        switch (result)
        {
            case NoticeIntakeResult.Accepted accepted:
                return TypedResults.Created(Location(accepted.Notice.Id), accepted.Notice);
            case NoticeIntakeResult.Replayed replayed:
                context.Response.Headers.Location = Location(replayed.Notice.Id);
                return TypedResults.Ok(replayed.Notice);
            case NoticeIntakeResult.WebhookIdReused reused:
                RegRightsActivity.TagNoticeRefused("webhook-id reused with another body");
                return TypedResults.Problem(
                    detail: $"webhook-id '{reused.WebhookId}' was first received at {OffsetDateTimePattern.Rfc3339.Format(reused.FirstReceivedAt)} with another body. A webhook id names one message; send a new notice under a new id.",
                    statusCode: StatusCodes.Status409Conflict, title: "webhook-id already used for another notice", type: ProblemTypes.WebhookReplay);
            case NoticeIntakeResult.AgreementNotFound missing:
                return AgreementsApi.NotFound(missing.AgreementId);
            case NoticeIntakeResult.Invalid invalid:
                RegRightsActivity.TagNoticeRefused("invalid: " + string.Join(", ", invalid.Errors.Keys));
                return JsonBody.Problem(new Dictionary<string, string[]>(invalid.Errors));
            default:
                throw new InvalidOperationException($"Unknown intake result {result.GetType().Name}.");
        }
    }

    [Function("GetNotice")]
    [ProblemResponse(StatusCodes.Status404NotFound, "No notice with that id.")]
    [ProblemResponse(StatusCodes.Status503ServiceUnavailable, ProblemAnswers.StorageUnavailable)]
    [EndpointSummary("Get a notice")]
    [EndpointDescription("A notice as received and stamped: who sent it to whom, the SHA-256 of its body, this server's receipt time and its § 6(h) stamp.")]
    public async Task<Results<Ok<NoticeDocument>, ProblemHttpResult>> GetNoticeAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "notices/{id}")] HttpRequest request,
        [Description("The notice id, from the Location of POST /api/notices.")] string id,
        CancellationToken cancellationToken)
    {
        var notice = await intake.GetAsync(id, cancellationToken).ConfigureAwait(false);
        return notice is null
            ? TypedResults.Problem(detail: $"No notice with id '{id}'.", statusCode: StatusCodes.Status404NotFound, title: "Notice not found", type: ProblemTypes.NotFound)
            : TypedResults.Ok(notice);
    }

    [Function("ListAgreementNotices")]
    [ProblemResponse(StatusCodes.Status404NotFound, ProblemAnswers.AgreementNotFound)]
    [ProblemResponse(StatusCodes.Status503ServiceUnavailable, ProblemAnswers.StorageUnavailable)]
    [EndpointSummary("List an agreement's notices")]
    [EndpointDescription("Every notice received under the agreement, in the order this server received them, each with its § 6(h) stamp.")]
    public async Task<Results<Ok<IReadOnlyList<NoticeDocument>>, ProblemHttpResult>> ListAgreementNoticesAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "agreements/{id}/notices")] HttpRequest request, string id,
        CancellationToken cancellationToken)
    {
        RegRightsActivity.TagAgreement(id);
        var notices = await intake.ListAsync(id, cancellationToken).ConfigureAwait(false);
        return notices is null ? AgreementsApi.NotFound(id) : TypedResults.Ok(notices);
    }

    [Function("PostExpectedNotice")]
    [ProblemResponse(StatusCodes.Status404NotFound, ProblemAnswers.AgreementNotFound)]
    [ProblemResponse(StatusCodes.Status409Conflict, "The tracking number or envelope id is registered for another notice.")]
    [ProblemResponse(StatusCodes.Status413PayloadTooLarge, ProblemAnswers.TooLarge)]
    [ProblemResponse(StatusCodes.Status503ServiceUnavailable, ProblemAnswers.StorageUnavailable)]
    [EndpointSummary("Register a notice before it arrives")]
    [EndpointDescription(
        "Registers a notice of the agreement and the ways it will come, so each provider's webhook for it is linked to this one notice: a courier " +
        "(FedEx, UPS) by trackingNumber, a fax by the number it will be sent from (faxNumber), a DocuSign envelope by envelopeId. The notice is then " +
        "effective at the earliest of its deliveries (§ 6(h)); until one arrives its stamp is null. 201 with the notice and its URL in Location; with " +
        "the same Idempotency-Key again, 200 with the notice as it is now. A tracking number or envelope id already registered for another notice is 409.")]
    [AcceptsJson(typeof(ExpectedNoticeRequest))]
    [HeaderParameter(AgreementsApi.IdempotencyKeyHeader, "Optional: a key of the client's choosing (1 to 255 printable ASCII characters), the same on each retry of one registration.")]
    public async Task<Results<Created<NoticeDocument>, Ok<NoticeDocument>, ValidationProblem, ProblemHttpResult>> PostExpectedNoticeAsync(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "agreements/{id}/notices/expected")] HttpRequest request, string id,
        CancellationToken cancellationToken)
    {
        RegRightsActivity.TagAgreement(id);
        var body = await JsonBody.ReadRawAsync(request, cancellationToken).ConfigureAwait(false);
        if (!JsonBody.TryParse<ExpectedNoticeRequest>(body, request.HttpContext.Options(), out var registration, out var problem))
        {
            return problem;
        }

        var keys = request.Headers[AgreementsApi.IdempotencyKeyHeader];
        if (keys.Count > 1)
        {
            return JsonBody.Problem(AgreementsApi.IdempotencyKeyHeader, "Send one key, the same on every retry of this registration.");
        }

        var result = await expected.RegisterAsync(id, registration, body, keys.Count == 1 ? keys[0] : null, cancellationToken).ConfigureAwait(false);
        return result switch
        {
            ExpectedNoticeResult.Registered registered => TypedResults.Created(Location(registered.Notice.Id), registered.Notice),
            ExpectedNoticeResult.Replayed replayed => Replayed(request, replayed.Notice),
            ExpectedNoticeResult.AgreementNotFound missing => AgreementsApi.NotFound(missing.AgreementId),
            ExpectedNoticeResult.AlreadyRegistered taken => TypedResults.Problem(
                detail: $"{taken.Path} '{taken.Value}' is already registered for notice {taken.NoticeId}; a tracking number or envelope id names one notice.",
                statusCode: StatusCodes.Status409Conflict, title: "Already registered for another notice", type: ProblemTypes.Conflict),
            ExpectedNoticeResult.Invalid invalid => JsonBody.Problem(new Dictionary<string, string[]>(invalid.Errors)),
            _ => throw new InvalidOperationException($"Unknown result {result.GetType().Name}."),
        };
    }

    private static Ok<NoticeDocument> Replayed(HttpRequest request, NoticeDocument notice)
    {
        request.HttpContext.Response.Headers.Location = Location(notice.Id);
        return TypedResults.Ok(notice);
    }

    private ProblemHttpResult Refused(WebhookVerification verification)
    {
        RegRightsActivity.TagNoticeRefused(verification.Misconfigured ? "webhook verification not configured" : "signature not verified");
        if (verification.Misconfigured)
        {
            log.LogError("Notice refused with 500: {Failure}", verification.Failure);
            return TypedResults.Problem(
                detail: "This server cannot verify webhooks until its operator fixes a source's secret. Retry later with the same webhook-id.",
                statusCode: StatusCodes.Status500InternalServerError, title: "Webhook verification is not configured", type: ProblemTypes.Signature);
        }

        log.LogWarning("Notice refused with 401: {Failure}", verification.Failure);
        return TypedResults.Problem(detail: verification.Failure, statusCode: StatusCodes.Status401Unauthorized,
            title: "Webhook signature not verified", type: ProblemTypes.Signature);
    }

    private static string Location(string noticeId) => $"/api/notices/{noticeId}";
}

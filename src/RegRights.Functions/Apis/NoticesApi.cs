using System.ComponentModel;
using System.Security.Cryptography;
using System.Text.Json;
using NodaTime;
using RegRights.Contracts;
using RegRights.Contracts.Notices;
using RegRights.Core.Agreements;
using RegRights.Core.Notices;
using RegRights.Functions.Webhooks;
using RegRights.Infrastructure.Storage;

namespace RegRights.Functions.Apis;

/// <summary>What the notice endpoints use.</summary>
internal sealed record NoticeServices(AgreementStore Agreements, NoticeStore Notices, WebhookVerifier Verifier, IClock Clock, ILoggerFactory Logs);

/// <summary>
/// Notices under § 6(h): the signed webhook intake <c>POST /api/notices</c>, which stamps the legally effective time,
/// and the management reads <c>GET /api/notices/{id}</c> and <c>GET /api/agreements/{id}/notices</c>.
/// </summary>
internal static class NoticesApi
{
    public const int MaxText = 500;
    public const int MaxUri = 2000;
    public const int MaxWebhookId = 256;

    private static readonly JsonSerializerOptions Stored = new(RegRightsJson.Options) { WriteIndented = false };

    public static IEndpointRouteBuilder MapNoticesApi(this IEndpointRouteBuilder app)
    {
        // Authenticated by its Standard Webhooks signature, not by a function key: "authLevel": "anonymous".
        app.MapPost("/api/notices", PostNoticeAsync)
            .WithName("PostNotice")
            .WithTags("Notices")
            .WithSummary("Receive a signed notice and stamp it (§ 6(h))")
            .WithDescription(
                "The webhook intake for document systems. Signed as a Standard Webhook: webhook-id, webhook-timestamp (Unix seconds, within 5 minutes) and " +
                "webhook-signature: v1,<base64 HMAC-SHA256 of \"{id}.{timestamp}.{body}\"> over the body bytes as sent, under the source's whsec_ secret. " +
                "The notice is stored (with the SHA-256 of the body) before the answer: 201 with the § 6(h) stamp (effective date, the moment it counts from, " +
                "the rule, gap flag and the other reading, the explanation, and this server's receipt time) and the notice's URL in Location. The same " +
                "webhook-id again is 200 with the first stamp, never a second notice; with another body it is 409. Times need a UTC offset (400 naming the field); " +
                "401 for a bad, missing or stale signature; 404 for an unknown agreement; 413 over 256 KiB; 503 with Retry-After when storage is unavailable.")
            .Accepts<NoticeIntakeRequest>("application/json")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);

        var api = app.MapGroup("/api").WithTags("Notices").RequireFunctionKey();
        api.MapGet("/notices/{id}", GetNoticeAsync)
            .WithName("GetNotice")
            .WithSummary("Get a notice")
            .WithDescription("A notice as received and stamped: who sent it to whom, the SHA-256 of its body, this server's receipt time and its § 6(h) stamp.");
        api.MapGet("/agreements/{id}/notices", ListAgreementNoticesAsync)
            .WithName("ListAgreementNotices")
            .WithSummary("List an agreement's notices")
            .WithDescription("Every notice received under the agreement, in the order this server received them, each with its § 6(h) stamp.");
        return app;
    }

    public static async Task<Results<Created<NoticeStampResponse>, Ok<NoticeStampResponse>, ValidationProblem, ProblemHttpResult>> PostNoticeAsync(
        HttpContext context, [AsParameters] NoticeServices services, CancellationToken cancellationToken)
    {
        var log = services.Logs.CreateLogger(typeof(NoticesApi).FullName!);

        // The signature covers the bytes as received, so the body is read raw and verified before it is parsed.
        var body = await JsonBody.ReadRawAsync(context.Request, cancellationToken).ConfigureAwait(false);
        var headers = context.Request.Headers;
        string? webhookId = headers["webhook-id"];
        var verification = services.Verifier.Verify(webhookId, headers["webhook-timestamp"], headers["webhook-signature"], body);
        if (!verification.IsVerified)
        {
            return Refused(log, verification);
        }

        if (webhookId!.Length > MaxWebhookId)
        {
            return JsonBody.Problem("webhook-id", $"At most {MaxWebhookId} characters.");
        }

        if (!JsonBody.TryParse<NoticeIntakeRequest>(body, context.Options(), out var request, out var problem))
        {
            return problem;
        }

        // Every field error at once; the deliveries are checked again below in the agreement's own zone.
        var errors = Validate(request);
        foreach (var (path, messages) in NoticeRequestParser.Parse(request.ToStampRequest(), AgreementTerms.NeoTherapeutics2000).Errors)
        {
            errors[path] = messages;
        }

        if (errors.Count > 0)
        {
            return JsonBody.Problem(errors);
        }

        var source = verification.Source!;
        var noticeId = NoticeStore.NoticeIdFor(source, webhookId);
        var bodySha256 = Convert.ToHexStringLower(SHA256.HashData(body));
        var receiptRead = services.Notices.GetReceiptAsync(noticeId, cancellationToken);
        var agreementRead = services.Agreements.GetAgreementAsync(request.AgreementId!, cancellationToken);
        await Task.WhenAll(receiptRead, agreementRead).ConfigureAwait(false);

        if (await receiptRead.ConfigureAwait(false) is { } receipt)
        {
            var first = await services.Notices.GetAsync(receipt.AgreementId, noticeId, cancellationToken).ConfigureAwait(false)
                ?? throw new InvalidOperationException($"Webhook receipt {noticeId} has no notice; the notice is always written first.");
            return Replay(context, first, bodySha256);
        }

        if (await agreementRead.ConfigureAwait(false) is not { } agreement)
        {
            return AgreementsApi.NotFound(request.AgreementId!);
        }

        var terms = agreement.Document.Terms?.ToTerms() ?? AgreementTerms.NeoTherapeutics2000;
        var parsed = NoticeRequestParser.Parse(request.ToStampRequest(), terms);
        if (!parsed.TryGetValue(out var deliveries))
        {
            return JsonBody.Problem(new Dictionary<string, string[]>(parsed.Errors));
        }

        // § 6(h) is applied with this server's receipt time as the recorded moment; a claimed time after it is flagged.
        var receivedAt = services.Clock.GetCurrentInstant();
        var stamp = NoticeStampResponse.From(NoticeStamper.Default.Stamp(terms, deliveries, receivedAt));
        var document = new NoticeDocument(noticeId, agreement.Id, source, webhookId, request.Sender!.Trim(), request.Recipient!.Trim(),
            request.Kind!.Trim(), request.DocumentUri is { } uri ? new Uri(uri) : null, bodySha256, receivedAt, stamp);
        var json = JsonSerializer.Serialize(document, Stored);
        if (json.Length > NoticeStore.MaxDocumentChars)
        {
            return JsonBody.Problem("deliveries", $"The stamped notice is {json.Length} characters, more than the {NoticeStore.MaxDocumentChars} one record holds; send fewer deliveries or shorter texts.");
        }

        // Write order: the notice (append-only, keyed by source + webhook-id) before the receipt. A try that fails
        // between the two leaves the notice; the client's retry lands on the same row, gets the first notice back,
        // and writes the receipt from it, so the webhook completes exactly once with the first stamp.
        var candidate = new StoredNotice(noticeId, agreement.Id, source, webhookId, bodySha256, receivedAt,
            string.Join(",", request.Deliveries!.Select(d => d!.Method)), json);
        var stored = await services.Notices.AddAsync(candidate, cancellationToken).ConfigureAwait(false);
        await services.Notices.AddReceiptAsync(
            new WebhookReceipt(stored.NoticeId, stored.AgreementId, stored.Source, stored.WebhookId, stored.BodySha256, stored.ReceivedAt),
            cancellationToken).ConfigureAwait(false);

        // AddAsync hands back the very candidate when it was added, and the earlier notice when one was already there.
        if (!ReferenceEquals(stored, candidate))
        {
            return Replay(context, stored, bodySha256);
        }

        return TypedResults.Created(Location(noticeId), stamp);
    }

    public static async Task<Results<Ok<NoticeDocument>, ProblemHttpResult>> GetNoticeAsync(
        [Description("The notice id, from the Location of POST /api/notices.")] string id, NoticeStore notices, CancellationToken cancellationToken)
    {
        var stored = await notices.GetAsync(id, cancellationToken).ConfigureAwait(false);
        return stored is null
            ? TypedResults.Problem(detail: $"No notice with id '{id}'.", statusCode: StatusCodes.Status404NotFound, title: "Notice not found", type: ProblemTypes.NotFound)
            : TypedResults.Ok(Read(stored));
    }

    public static async Task<Results<Ok<IReadOnlyList<NoticeDocument>>, ProblemHttpResult>> ListAgreementNoticesAsync(
        string id, [AsParameters] NoticeServices services, CancellationToken cancellationToken)
    {
        if (await services.Agreements.GetAgreementAsync(id, cancellationToken).ConfigureAwait(false) is null)
        {
            return AgreementsApi.NotFound(id);
        }

        var notices = await services.Notices.ListByAgreementAsync(id, cancellationToken).ConfigureAwait(false);
        return TypedResults.Ok<IReadOnlyList<NoticeDocument>>([.. notices.Select(Read)]);
    }

    private static Results<Created<NoticeStampResponse>, Ok<NoticeStampResponse>, ValidationProblem, ProblemHttpResult> Replay(
        HttpContext context, StoredNotice first, string bodySha256)
    {
        if (!string.Equals(first.BodySha256, bodySha256, StringComparison.Ordinal))
        {
            return TypedResults.Problem(
                detail: $"webhook-id '{first.WebhookId}' was first received at {first.ReceivedAt} with another body. A webhook id names one message; send a new notice under a new id.",
                statusCode: StatusCodes.Status409Conflict, title: "webhook-id already used for another notice", type: ProblemTypes.WebhookReplay);
        }

        context.Response.Headers.Location = Location(first.NoticeId);
        return TypedResults.Ok(Read(first).Stamp);
    }

    private static ProblemHttpResult Refused(ILogger log, WebhookVerification verification)
    {
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

    private static Dictionary<string, string[]> Validate(NoticeIntakeRequest request)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (string.IsNullOrWhiteSpace(request.AgreementId))
        {
            errors["agreementId"] = ["Required: the id of the agreement the notice is given under."];
        }

        Text(errors, "sender", request.Sender);
        Text(errors, "recipient", request.Recipient);
        Text(errors, "kind", request.Kind);
        if (request.DocumentUri is { } uri &&
            (uri.Length > MaxUri || !Uri.TryCreate(uri, UriKind.Absolute, out _)))
        {
            errors["documentUri"] = [$"An absolute URI of at most {MaxUri} characters, or omit it."];
        }

        return errors;
    }

    private static void Text(Dictionary<string, string[]> errors, string path, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            errors[path] = ["Required."];
        }
        else if (value.Length > MaxText)
        {
            errors[path] = [$"At most {MaxText} characters."];
        }
    }

    private static string Location(string noticeId) => $"/api/notices/{noticeId}";

    private static NoticeDocument Read(StoredNotice stored) => JsonSerializer.Deserialize<NoticeDocument>(stored.Document, Stored)
        ?? throw new InvalidDataException($"Notice {stored.NoticeId} has an empty document.");
}

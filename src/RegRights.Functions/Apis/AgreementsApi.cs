using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;
using RegRights.Application;
using RegRights.Application.Agreements;
using RegRights.Contracts.Agreements;
using RegRights.Functions.OpenApi;
using RegRights.Functions.Telemetry;

namespace RegRights.Functions.Apis;

/// <summary>
/// Agreements and their events: <c>/api/agreements</c>, over <see cref="AgreementService"/>. Management endpoints:
/// the host requires the function key.
/// </summary>
[Tags("Agreements")]
[ProblemResponse(StatusCodes.Status503ServiceUnavailable, ProblemAnswers.StorageUnavailable)]
public sealed class AgreementsApi(AgreementService agreements)
{
    public const string IdempotencyKeyHeader = "Idempotency-Key";

    [Function("CreateAgreement")]
    [EndpointSummary("Create an agreement")]
    [EndpointDescription(
        "Stores an agreement's terms (defaults: the seed agreement's), parties and contacts. Returns it with its id and ETag: 201. With an " +
        "Idempotency-Key, a retry of the same create is 200 with the first agreement, and the key with another document is 422.")]
    [AcceptsJson(typeof(AgreementDocument))]
    [HeaderParameter(IdempotencyKeyHeader, "Optional: a key of the client's choosing (1 to 255 printable ASCII characters), the same on each retry of one create.")]
    [ProblemResponse(StatusCodes.Status413PayloadTooLarge, ProblemAnswers.TooLarge)]
    [ProblemResponse(StatusCodes.Status422UnprocessableEntity, "The Idempotency-Key already created an agreement from another document.")]
    public async Task<Results<Created<AgreementView>, Ok<AgreementView>, ValidationProblem, ProblemHttpResult>> CreateAgreementAsync(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "agreements")] HttpRequest request, CancellationToken cancellationToken)
    {
        var context = request.HttpContext;
        var idempotencyKey = request.Headers[IdempotencyKeyHeader];
        if (idempotencyKey.Count > 1)
        {
            return JsonBody.Problem(HeaderErrors.Key(IdempotencyKeyHeader), "Send one key, the same on every retry of this create.");
        }

        var body = await JsonBody.ReadRawAsync(context.Request, cancellationToken).ConfigureAwait(false);
        if (!JsonBody.TryParse<AgreementDocument>(body, context.Options(), out var document, out var problem))
        {
            return problem;
        }

        // With a key, a retry after a lost answer is the first agreement again, never a second one.
        var result = idempotencyKey is [{ } key]
            ? await agreements.CreateAsync(document, key, cancellationToken).ConfigureAwait(false)
            : await agreements.CreateAsync(document, cancellationToken).ConfigureAwait(false);
        switch (result)
        {
            case AgreementWriteResult.Created created:
                RegRightsActivity.TagAgreement(created.Agreement.Id);
                context.Response.Headers.ETag = created.Agreement.ETag;
                return TypedResults.Created($"/api/agreements/{created.Agreement.Id}", created.Agreement);
            case AgreementWriteResult.Replayed replayed:
                RegRightsActivity.TagAgreement(replayed.Agreement.Id);
                context.Response.Headers.ETag = replayed.Agreement.ETag;
                context.Response.Headers.Location = $"/api/agreements/{replayed.Agreement.Id}";
                return TypedResults.Ok(replayed.Agreement);
            case AgreementWriteResult.IdempotencyKeyReused reused:
                return TypedResults.Problem(
                    detail: $"This Idempotency-Key already created agreement '{reused.AgreementId}' from another document. A key names one create; use a new key for a new agreement.",
                    statusCode: StatusCodes.Status422UnprocessableEntity, title: "Idempotency-Key already used", type: ProblemTypes.Conflict);
            case AgreementWriteResult.Invalid invalid:
                return JsonBody.Problem(new Dictionary<string, string[]>(invalid.Errors));
            default:
                throw new InvalidOperationException($"Unexpected create result {result.GetType().Name}.");
        }
    }

    [Function("ListAgreements")]
    [EndpointSummary("List agreements")]
    [EndpointDescription("One page of agreements; pass the continuationToken of a page to get the next.")]
    [QueryParameter("continuationToken", "The token of the previous page.")]
    [QueryParameter("pageSize", "Agreements per page, 1 to 200 (default 50).", typeof(int))]
    public async Task<Results<Ok<AgreementPage>, ValidationProblem>> ListAgreementsAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "agreements")] HttpRequest request, CancellationToken cancellationToken)
    {
        string? continuationToken = request.Query["continuationToken"];
        int? pageSize = null;
        if (request.Query["pageSize"] is [{ } size])
        {
            if (!int.TryParse(size, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var parsed))
            {
                return JsonBody.Problem("pageSize", $"'{size}' is not a whole number; pageSize is 1 to 200.");
            }

            pageSize = parsed;
        }

        var result = await agreements.ListAsync(continuationToken, pageSize, cancellationToken).ConfigureAwait(false);
        return result switch
        {
            AgreementPageResult.Listed listed => TypedResults.Ok(listed.Page),
            AgreementPageResult.Invalid invalid => JsonBody.Problem(new Dictionary<string, string[]>(invalid.Errors)),
            _ => throw new InvalidOperationException($"Unknown list result {result.GetType().Name}."),
        };
    }

    [Function("GetAgreement")]
    [EndpointSummary("Get an agreement")]
    [EndpointDescription("The agreement, with its ETag in the ETag header and the body.")]
    [ProblemResponse(StatusCodes.Status404NotFound, ProblemAnswers.AgreementNotFound)]
    public async Task<Results<Ok<AgreementView>, ProblemHttpResult>> GetAgreementAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "agreements/{id}")] HttpRequest request, string id, CancellationToken cancellationToken)
    {
        RegRightsActivity.TagAgreement(id);
        var context = request.HttpContext;
        var agreement = await agreements.GetAsync(id, cancellationToken).ConfigureAwait(false);
        if (agreement is null)
        {
            return NotFound(id);
        }

        context.Response.Headers.ETag = agreement.ETag;
        return TypedResults.Ok(agreement);
    }

    [Function("UpdateAgreement")]
    [EndpointSummary("Replace an agreement's document")]
    [EndpointDescription(
        "Replaces the whole document: name, terms with every term, parties and contacts, as GET returns them (less id, eTag, eventCount, createdAt, " +
        "updatedAt); a document missing one is 400 naming each missing field, since a left-out term would otherwise be reset to the seed's. " +
        "To change some fields, PATCH. Requires If-Match with the ETag last read: 428 without it, 412 when the agreement changed since (an event counts).")]
    [AcceptsJson(typeof(AgreementDocument))]
    [HeaderParameter("If-Match", IfMatchDescription, Required = true)]
    [ProblemResponse(StatusCodes.Status404NotFound, ProblemAnswers.AgreementNotFound)]
    [ProblemResponse(StatusCodes.Status412PreconditionFailed, ProblemAnswers.PreconditionFailed)]
    [ProblemResponse(StatusCodes.Status413PayloadTooLarge, ProblemAnswers.TooLarge)]
    [ProblemResponse(StatusCodes.Status428PreconditionRequired, ProblemAnswers.PreconditionRequired)]
    public async Task<Results<Ok<AgreementView>, ValidationProblem, ProblemHttpResult>> UpdateAgreementAsync(
        [HttpTrigger(AuthorizationLevel.Function, "put", Route = "agreements/{id}")] HttpRequest request, string id, CancellationToken cancellationToken)
    {
        RegRightsActivity.TagAgreement(id);
        var context = request.HttpContext;
        switch (ReadIfMatch(request, out var candidates))
        {
            case ValidationProblem malformed:
                return malformed;
            case ProblemHttpResult refused:
                return refused;
        }

        var body = await JsonBody.ReadRawAsync(context.Request, cancellationToken).ConfigureAwait(false);
        if (!JsonBody.TryParse<AgreementDocument>(body, context.Options(), out var document, out var problem))
        {
            return problem;
        }

        return Answer(id, await agreements.ReplaceAsync(id, document, candidates, cancellationToken).ConfigureAwait(false), context);
    }

    [Function("PatchAgreement")]
    [EndpointSummary("Change some fields of an agreement")]
    [EndpointDescription(
        "JSON Merge Patch (RFC 7396), Content-Type application/merge-patch+json: the members sent replace the stored ones, an object (terms) is " +
        "merged member by member, an array (parties, contacts, terms.closures) replaces the array, null removes an optional member. " +
        "{\"terms\":{\"filingDays\":45}} changes that term alone. An unknown member is 400 naming its path; null for a member an agreement always has " +
        "(name, terms, any term, parties, contacts) is 400; another content type is 415. Requires If-Match as PUT does: 428 without it, 412 when the agreement changed since.")]
    [AcceptsJson(typeof(AgreementDocument), AgreementMergePatch.MediaType)]
    [HeaderParameter("If-Match", IfMatchDescription, Required = true)]
    [ProblemResponse(StatusCodes.Status404NotFound, ProblemAnswers.AgreementNotFound)]
    [ProblemResponse(StatusCodes.Status412PreconditionFailed, ProblemAnswers.PreconditionFailed)]
    [ProblemResponse(StatusCodes.Status413PayloadTooLarge, ProblemAnswers.TooLarge)]
    [ProblemResponse(StatusCodes.Status415UnsupportedMediaType, "The Content-Type is not application/merge-patch+json.")]
    [ProblemResponse(StatusCodes.Status428PreconditionRequired, ProblemAnswers.PreconditionRequired)]
    public async Task<Results<Ok<AgreementView>, ValidationProblem, ProblemHttpResult>> PatchAgreementAsync(
        [HttpTrigger(AuthorizationLevel.Function, "patch", Route = "agreements/{id}")] HttpRequest request, string id, CancellationToken cancellationToken)
    {
        RegRightsActivity.TagAgreement(id);
        var context = request.HttpContext;
        switch (ReadIfMatch(request, out var candidates))
        {
            case ValidationProblem malformed:
                return malformed;
            case ProblemHttpResult refused:
                return refused;
        }

        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var contentType)
            || !contentType.MediaType.Equals(AgreementMergePatch.MediaType, StringComparison.OrdinalIgnoreCase))
        {
            return TypedResults.Problem(
                detail: $"A PATCH is a JSON Merge Patch (RFC 7396): send Content-Type: {AgreementMergePatch.MediaType}" +
                    (string.IsNullOrEmpty(request.ContentType) ? "." : $", not '{request.ContentType}'."),
                statusCode: StatusCodes.Status415UnsupportedMediaType, title: "Unsupported media type", type: ProblemTypes.UnsupportedMediaType,
                extensions: new Dictionary<string, object?> { ["errors"] = new Dictionary<string, string[]> { [HeaderErrors.Key(HeaderNames.ContentType)] = [$"Must be {AgreementMergePatch.MediaType}."] } });
        }

        var body = await JsonBody.ReadRawAsync(context.Request, cancellationToken).ConfigureAwait(false);
        var result = await agreements.PatchAsync(id, body, candidates, context.Options(), cancellationToken).ConfigureAwait(false);
        return Answer(id, result, context);
    }

    [Function("PostAgreementEvent")]
    [EndpointSummary("Record an event")]
    [EndpointDescription("Appends an event (closing, filed, secCommentReceived, commentResponseFiled, declaredEffective, excusedDelay, holderSold50Percent, indemnificationNotice, indemnityPaid, piggybackNotice, waiver, …). 422 when it contradicts the record, with the reason; the same id again is 200 with the first.")]
    [AcceptsJson(typeof(AgreementEventDocument))]
    [ProblemResponse(StatusCodes.Status404NotFound, ProblemAnswers.AgreementNotFound)]
    [ProblemResponse(StatusCodes.Status409Conflict, "The event id is already recorded for another event, or the agreement kept changing under every attempt.")]
    [ProblemResponse(StatusCodes.Status413PayloadTooLarge, ProblemAnswers.TooLarge)]
    [ProblemResponse(StatusCodes.Status422UnprocessableEntity, "The event contradicts the record (a filing before the Closing Date).")]
    public async Task<Results<Created<AgreementEventDocument>, Ok<AgreementEventDocument>, ValidationProblem, ProblemHttpResult>> PostEventAsync(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "agreements/{id}/events")] HttpRequest request, string id, CancellationToken cancellationToken)
    {
        RegRightsActivity.TagAgreement(id);
        var context = request.HttpContext;
        // An unknown agreement is 404 whatever the body, which is not read.
        var record = await agreements.GetRecordAsync(id, cancellationToken).ConfigureAwait(false);
        if (record is null)
        {
            return NotFound(id);
        }

        var body = await JsonBody.ReadRawAsync(context.Request, cancellationToken).ConfigureAwait(false);
        if (!JsonBody.TryParse<AgreementEventDocument>(body, context.Options(), out var document, out var problem))
        {
            return problem;
        }

        var result = await agreements.RecordEventAsync(record, document, cancellationToken).ConfigureAwait(false);
        switch (result)
        {
            case AgreementEventResult.Recorded recorded:
                return TypedResults.Created($"/api/agreements/{id}/events", recorded.Event);
            case AgreementEventResult.Replayed replayed:
                return TypedResults.Ok(replayed.Event);
            case AgreementEventResult.EventIdReused reused:
                return TypedResults.Problem(
                    detail: $"Event id '{reused.First.Id}' is already recorded as {reused.First.Kind} on {reused.First.Date:uuuu-MM-dd}. Events are never edited; record a new one.",
                    statusCode: StatusCodes.Status409Conflict, title: "Event id already used", type: ProblemTypes.Conflict);
            case AgreementEventResult.Contradicted contradicted:
                return TypedResults.Problem(detail: contradicted.Reason, statusCode: StatusCodes.Status422UnprocessableEntity,
                    title: "The event contradicts the record", type: ProblemTypes.Contradiction);
            case AgreementEventResult.AgreementChanged:
                return TypedResults.Problem(
                    detail: "Another change to this agreement was recorded at the same moment; nothing was stored. Post the event again: it is checked against the new record.",
                    statusCode: StatusCodes.Status409Conflict, title: "The agreement changed", type: ProblemTypes.Conflict);
            case AgreementEventResult.Invalid invalid:
                return JsonBody.Problem(new Dictionary<string, string[]>(invalid.Errors));
            default:
                throw new InvalidOperationException($"Unknown event result {result.GetType().Name}.");
        }
    }

    [Function("ListAgreementEvents")]
    [EndpointSummary("List an agreement's events")]
    [EndpointDescription("The events in the order recorded.")]
    [ProblemResponse(StatusCodes.Status404NotFound, ProblemAnswers.AgreementNotFound)]
    public async Task<Results<Ok<IReadOnlyList<AgreementEventDocument>>, ProblemHttpResult>> ListEventsAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "agreements/{id}/events")] HttpRequest request, string id, CancellationToken cancellationToken)
    {
        RegRightsActivity.TagAgreement(id);
        var events = await agreements.ListEventsAsync(id, cancellationToken).ConfigureAwait(false);
        return events is null ? NotFound(id) : TypedResults.Ok(events);
    }

    private const string IfMatchDescription = "The ETag of the last GET, as it came (W/\"…\"); a list matches when one of its tags is current.";

    // RFC 9110 § 13.1.1: If-Match is "*" or a list of entity tags; anything else is a malformed header (400). None, or
    // "*", is 428: a blind write could undo a change made in between. The ETags this API hands out are weak, as Table
    // Storage makes them, and are compared as the store compares them, character for character: a tag of another form
    // (a strong one, a W/ tag stripped of its W/) is never the current one, so it is 412 without asking the store.
    private static IResult? ReadIfMatch(HttpRequest request, out IReadOnlyList<StoredVersion> candidates)
    {
        candidates = [];
        IList<EntityTagHeaderValue>? tags = null;
        if (!StringValues.IsNullOrEmpty(request.Headers.IfMatch) && !EntityTagHeaderValue.TryParseStrictList(request.Headers.IfMatch, out tags))
        {
            return JsonBody.Problem(HeaderErrors.Key(HeaderNames.IfMatch),
                $"'{request.Headers.IfMatch}' is not an entity tag: send the ETag header of the last GET as it came, quotes and W/ included.");
        }

        if (tags is null || tags.Count == 0 || tags.Any(t => t.Equals(EntityTagHeaderValue.Any)))
        {
            return TypedResults.Problem(
                detail: "Send If-Match with the ETag from the last GET, so a change made in between is not overwritten.",
                statusCode: StatusCodes.Status428PreconditionRequired, title: "If-Match required", type: ProblemTypes.PreconditionRequired);
        }

        candidates = [.. tags.Where(t => t.IsWeak).Select(t => new StoredVersion(t.ToString()))];
        return candidates.Count == 0 ? PreconditionFailed() : null;
    }

    private static Results<Ok<AgreementView>, ValidationProblem, ProblemHttpResult> Answer(string id, AgreementWriteResult result, HttpContext context)
    {
        switch (result)
        {
            case AgreementWriteResult.Replaced replaced:
                context.Response.Headers.ETag = replaced.Agreement.ETag;
                return TypedResults.Ok(replaced.Agreement);
            case AgreementWriteResult.NotFound:
                return NotFound(id);
            case AgreementWriteResult.PreconditionFailed:
                return PreconditionFailed();
            case AgreementWriteResult.Invalid invalid:
                return JsonBody.Problem(new Dictionary<string, string[]>(invalid.Errors));
            default:
                throw new InvalidOperationException($"Unexpected replace result {result.GetType().Name}.");
        }
    }

    private static ProblemHttpResult PreconditionFailed() => TypedResults.Problem(
        detail: "The agreement changed since that ETag was read. GET it again, reapply the change, and send the new ETag.",
        statusCode: StatusCodes.Status412PreconditionFailed, title: "The agreement changed", type: ProblemTypes.Conflict);

    internal static ProblemHttpResult NotFound(string id) => TypedResults.Problem(
        detail: $"No agreement with id '{id}'.", statusCode: StatusCodes.Status404NotFound, title: "Agreement not found", type: ProblemTypes.NotFound);
}

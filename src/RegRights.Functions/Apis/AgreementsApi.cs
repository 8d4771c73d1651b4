using System.ComponentModel;
using Azure;
using Azure.Data.Tables;
using NodaTime;
using RegRights.Contracts.Agreements;
using RegRights.Core.Agreements;
using RegRights.Functions.Reminders;
using RegRights.Infrastructure.Storage;

namespace RegRights.Functions.Apis;

/// <summary>What the agreement endpoints use; <see cref="Index"/> follows every write.</summary>
internal sealed record AgreementServices(AgreementStore Store, IClock Clock, DeadlineIndexUpdater Index);

/// <summary>
/// Agreements and their events: <c>/api/agreements</c>. Management endpoints: they require the function key.
/// </summary>
internal static class AgreementsApi
{
    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 200;

    public static IEndpointRouteBuilder MapAgreementsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api").WithTags("Agreements").RequireFunctionKey();

        api.MapPost("/agreements", CreateAgreementAsync)
            .WithName("CreateAgreement")
            .WithSummary("Create an agreement")
            .WithDescription("Stores an agreement's terms (defaults: the seed agreement's), parties and contacts. Returns it with its id and ETag.")
            .Accepts<AgreementDocument>("application/json");
        api.MapGet("/agreements", ListAgreementsAsync)
            .WithName("ListAgreements")
            .WithSummary("List agreements")
            .WithDescription("One page of agreements; pass the continuationToken of a page to get the next.");
        api.MapGet("/agreements/{id}", GetAgreementAsync)
            .WithName("GetAgreement")
            .WithSummary("Get an agreement")
            .WithDescription("The agreement, with its ETag in the ETag header and the body.");
        api.MapPut("/agreements/{id}", UpdateAgreementAsync)
            .WithName("UpdateAgreement")
            .WithSummary("Replace an agreement's document")
            .WithDescription("Requires If-Match with the ETag last read: 428 without it, 412 when the agreement changed since (an event counts).")
            .Accepts<AgreementDocument>("application/json");
        api.MapPost("/agreements/{id}/events", PostEventAsync)
            .WithName("PostAgreementEvent")
            .WithSummary("Record an event")
            .WithDescription("Appends an event (closing, filed, secCommentReceived, commentResponseFiled, declaredEffective, excusedDelay, holderSold50Percent, indemnificationNotice, indemnityPaid, piggybackNotice, waiver, …). 422 when it contradicts the record, with the reason; the same id again is 200 with the first.")
            .Accepts<AgreementEventDocument>("application/json");
        api.MapGet("/agreements/{id}/events", ListEventsAsync)
            .WithName("ListAgreementEvents")
            .WithSummary("List an agreement's events")
            .WithDescription("The events in the order recorded.");
        return app;
    }

    public static async Task<Results<Created<AgreementView>, ValidationProblem>> CreateAgreementAsync(
        HttpContext context, [AsParameters] AgreementServices services, CancellationToken cancellationToken)
    {
        var (document, problem) = await ReadAgreementAsync(context, cancellationToken).ConfigureAwait(false);
        if (document is null)
        {
            return problem!;
        }

        var stored = await services.Store.CreateAsync(Normalize(document), services.Clock.GetCurrentInstant(), cancellationToken).ConfigureAwait(false);
        await services.Index.IndexAfterWriteAsync(stored.Id, new AgreementRecord(stored, [])).ConfigureAwait(false);
        context.Response.Headers.ETag = stored.ETag.ToString();
        return TypedResults.Created($"/api/agreements/{stored.Id}", ToView(stored));
    }

    // Create and replace take the same body: parsed, then checked field by field (RFC 7807, keyed by JSON path).
    // Exactly one of the two is null.
    private static async Task<(AgreementDocument? Document, ValidationProblem? Problem)> ReadAgreementAsync(
        HttpContext context, CancellationToken cancellationToken)
    {
        var body = await JsonBody.ReadRawAsync(context.Request, cancellationToken).ConfigureAwait(false);
        if (!JsonBody.TryParse<AgreementDocument>(body, context.Options(), out var document, out var problem))
        {
            return (null, problem);
        }

        var errors = AgreementValidation.Validate(document);
        return errors.Count > 0 ? (null, JsonBody.Problem(errors)) : (document, null);
    }

    public static async Task<Results<Ok<AgreementPage>, ValidationProblem>> ListAgreementsAsync(
        [AsParameters] AgreementServices services,
        [Description("The token of the previous page.")] string? continuationToken,
        [Description("Agreements per page, 1 to 200 (default 50).")] int? pageSize,
        CancellationToken cancellationToken)
    {
        if (pageSize is < 1 or > MaxPageSize)
        {
            return JsonBody.Problem("pageSize", $"Must be 1 to {MaxPageSize}.");
        }

        try
        {
            var page = await services.Store.ListAsync(continuationToken, pageSize ?? DefaultPageSize, cancellationToken).ConfigureAwait(false);
            return TypedResults.Ok(new AgreementPage([.. page.Items.Select(ToView)], page.ContinuationToken));
        }
        catch (ArgumentException ex) when (ex.ParamName == nameof(continuationToken))
        {
            return JsonBody.Problem(nameof(continuationToken), "Not a token this API issued; start again without one.");
        }
    }

    public static async Task<Results<Ok<AgreementView>, ProblemHttpResult>> GetAgreementAsync(
        HttpContext context, string id, [AsParameters] AgreementServices services, CancellationToken cancellationToken)
    {
        var stored = await services.Store.GetAgreementAsync(id, cancellationToken).ConfigureAwait(false);
        if (stored is null)
        {
            return NotFound(id);
        }

        context.Response.Headers.ETag = stored.ETag.ToString();
        return TypedResults.Ok(ToView(stored));
    }

    public static async Task<Results<Ok<AgreementView>, ValidationProblem, ProblemHttpResult>> UpdateAgreementAsync(
        HttpContext context, string id, [AsParameters] AgreementServices services, CancellationToken cancellationToken)
    {
        var ifMatch = context.Request.Headers.IfMatch.ToString();
        if (string.IsNullOrEmpty(ifMatch) || ifMatch == "*")
        {
            return TypedResults.Problem(
                detail: "Send If-Match with the ETag from the last GET, so a change made in between is not overwritten.",
                statusCode: StatusCodes.Status428PreconditionRequired, title: "If-Match required", type: ProblemTypes.PreconditionRequired);
        }

        var (document, problem) = await ReadAgreementAsync(context, cancellationToken).ConfigureAwait(false);
        if (document is null)
        {
            return problem!;
        }

        try
        {
            var stored = await services.Store.ReplaceAsync(id, Normalize(document), new ETag(ifMatch), services.Clock.GetCurrentInstant(), cancellationToken)
                .ConfigureAwait(false);
            await services.Index.IndexAfterWriteAsync(id, written: null).ConfigureAwait(false);
            context.Response.Headers.ETag = stored.ETag.ToString();
            return TypedResults.Ok(ToView(stored));
        }
        catch (RequestFailedException ex) when (ex.Status == StatusCodes.Status404NotFound)
        {
            return NotFound(id);
        }
        catch (RequestFailedException ex) when (ex.Status == StatusCodes.Status412PreconditionFailed)
        {
            return TypedResults.Problem(
                detail: "The agreement changed since that ETag was read. GET it again, reapply the change, and send the new ETag.",
                statusCode: StatusCodes.Status412PreconditionFailed, title: "The agreement changed", type: ProblemTypes.Conflict);
        }
    }

    public static async Task<Results<Created<AgreementEventDocument>, Ok<AgreementEventDocument>, ValidationProblem, ProblemHttpResult>> PostEventAsync(
        HttpContext context, string id, [AsParameters] AgreementServices services, CancellationToken cancellationToken)
    {
        var record = await services.Store.GetRecordAsync(id, cancellationToken).ConfigureAwait(false);
        if (record is null)
        {
            return NotFound(id);
        }

        var body = await JsonBody.ReadRawAsync(context.Request, cancellationToken).ConfigureAwait(false);
        if (!JsonBody.TryParse<AgreementEventDocument>(body, context.Options(), out var document, out var problem))
        {
            return problem;
        }

        var errors = AgreementValidation.Validate(document);
        if (errors.Count > 0)
        {
            return JsonBody.Problem(errors);
        }

        var next = AgreementValidation.ToEvent(document);
        if (record.Events.FirstOrDefault(e => e.Event.Id == next.Id) is { } existing)
        {
            // The same event again is a client's retry; the same id for another event is a mistake.
            return existing.Event == next
                ? TypedResults.Ok(AgreementEventDocument.From(existing.Event, existing.RecordedAt))
                : TypedResults.Problem(
                    detail: $"Event id '{next.Id}' is already recorded as {existing.Event.Kind} on {existing.Event.Date:uuuu-MM-dd}. Events are never edited; record a new one.",
                    statusCode: StatusCodes.Status409Conflict, title: "Event id already used", type: ProblemTypes.Conflict);
        }

        var contradiction = EventRecordRules.FindContradiction([.. record.Events.Select(e => e.Event)], next);
        if (contradiction is not null)
        {
            return TypedResults.Problem(detail: contradiction, statusCode: StatusCodes.Status422UnprocessableEntity,
                title: "The event contradicts the record", type: ProblemTypes.Contradiction);
        }

        var now = services.Clock.GetCurrentInstant();
        AgreementRecord appended;
        try
        {
            appended = await services.Store.AppendEventAsync(record, next, now, cancellationToken).ConfigureAwait(false);
        }
        catch (TableTransactionFailedException ex) when (ex.Status == StatusCodes.Status412PreconditionFailed)
        {
            return TypedResults.Problem(
                detail: "Another change to this agreement was recorded at the same moment; nothing was stored. Post the event again: it is checked against the new record.",
                statusCode: StatusCodes.Status409Conflict, title: "The agreement changed", type: ProblemTypes.Conflict);
        }

        await services.Index.IndexAfterWriteAsync(id, appended).ConfigureAwait(false);
        return TypedResults.Created($"/api/agreements/{id}/events", AgreementEventDocument.From(next, now));
    }

    public static async Task<Results<Ok<IReadOnlyList<AgreementEventDocument>>, ProblemHttpResult>> ListEventsAsync(
        string id, [AsParameters] AgreementServices services, CancellationToken cancellationToken)
    {
        var record = await services.Store.GetRecordAsync(id, cancellationToken).ConfigureAwait(false);
        return record is null
            ? NotFound(id)
            : TypedResults.Ok<IReadOnlyList<AgreementEventDocument>>([.. record.Events.Select(e => AgreementEventDocument.From(e.Event, e.RecordedAt))]);
    }

    internal static ProblemHttpResult NotFound(string id) => TypedResults.Problem(
        detail: $"No agreement with id '{id}'.", statusCode: StatusCodes.Status404NotFound, title: "Agreement not found", type: ProblemTypes.NotFound);

    // Stored complete, so a later change to the template's defaults never changes a stored deal's terms.
    private static AgreementDocument Normalize(AgreementDocument document) => document with
    {
        Terms = TermsDocument.From((document.Terms ?? new TermsDocument()).ToTerms()),
        Parties = document.Parties ?? [],
        Contacts = document.Contacts ?? [],
    };

    private static AgreementView ToView(StoredAgreement stored) => new()
    {
        Id = stored.Id,
        ETag = stored.ETag.ToString(),
        Name = stored.Document.Name ?? "",
        Terms = stored.Document.Terms ?? TermsDocument.From(AgreementTerms.NeoTherapeutics2000),
        Parties = stored.Document.Parties ?? [],
        Contacts = stored.Document.Contacts ?? [],
        EventCount = stored.EventCount,
        CreatedAt = stored.CreatedAt,
        UpdatedAt = stored.UpdatedAt,
    };
}

using Microsoft.AspNetCore.Mvc;
using NodaTime;
using NodaTime.Text;
using RegRights.Application.Agreements;
using RegRights.Contracts.Deadlines;
using RegRights.Functions.OpenApi;
using RegRights.Functions.Telemetry;

namespace RegRights.Functions.Apis;

/// <summary><c>GET /api/agreements/{id}/deadlines</c>: the deadline engine's schedule, the same JSON as <c>regrights deadlines --json</c>.</summary>
[Tags("Deadlines")]
[ProblemResponse(StatusCodes.Status503ServiceUnavailable, ProblemAnswers.StorageUnavailable)]
public sealed class DeadlinesApi(AgreementService agreements)
{
    [Function("GetAgreementDeadlines")]
    [EndpointSummary("Get an agreement's deadlines")]
    [EndpointDescription(
        "Every deadline the agreement's terms and events give, in catalog order, each with its section, basis in words, due date, last permitted " +
        "day, practical cutoff, status as of asOf (today in the agreement's zone by default) and warnings: the document regrights deadlines --json prints.")]
    [QueryParameter("asOf", "The date statuses are judged on, yyyy-MM-dd; today in the agreement's zone by default.", Format = "date")]
    [ProblemResponse(StatusCodes.Status404NotFound, ProblemAnswers.AgreementNotFound)]
    [ProblemResponse(StatusCodes.Status422UnprocessableEntity, "The agreement's stored record cannot be computed (stored before writes were checked).")]
    public async Task<Results<Ok<DeadlinesDocument>, ValidationProblem, ProblemHttpResult>> GetDeadlinesAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "agreements/{id}/deadlines")] HttpRequest request, string id,
        CancellationToken cancellationToken)
    {
        RegRightsActivity.TagAgreement(id);
        LocalDate? date = null;
        if (request.Query["asOf"] is [{ } asOf])
        {
            // NodaTime's parser takes a NUL as the end of the text: "2000-05-01\0" would pass as 2000-05-01.
            var parsed = LocalDatePattern.Iso.Parse(asOf);
            if (!parsed.Success || JsonBody.HasControlCharacter(asOf))
            {
                return JsonBody.Problem("asOf", $"'{asOf}' is not an ISO date (yyyy-MM-dd), e.g. 2000-06-01.");
            }

            date = parsed.Value;
        }

        var result = await agreements.GetScheduleResultAsync(id, date, cancellationToken).ConfigureAwait(false);
        return result switch
        {
            ScheduleResult.Computed computed => TypedResults.Ok(DeadlinesDocument.From(computed.Schedule)),
            ScheduleResult.NotFound => AgreementsApi.NotFound(id),
            ScheduleResult.Invalid invalid => JsonBody.Problem(new Dictionary<string, string[]>(invalid.Errors)),
            ScheduleResult.Uncomputable uncomputable => TypedResults.Problem(
                detail: uncomputable.Reason, statusCode: StatusCodes.Status422UnprocessableEntity,
                title: "The agreement's deadlines cannot be computed", type: ProblemTypes.Contradiction),
            _ => throw new InvalidOperationException($"Unknown schedule result {result.GetType().Name}."),
        };
    }
}

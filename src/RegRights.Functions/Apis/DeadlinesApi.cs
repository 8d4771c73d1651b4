using System.ComponentModel;
using NodaTime;
using NodaTime.Text;
using RegRights.Contracts.Deadlines;
using RegRights.Core.Agreements;
using RegRights.Core.Deadlines;
using RegRights.Infrastructure.Storage;

namespace RegRights.Functions.Apis;

/// <summary><c>GET /api/agreements/{id}/deadlines</c>: the deadline engine's schedule, the same JSON as <c>regrights deadlines --json</c>.</summary>
internal static class DeadlinesApi
{
    public static IEndpointRouteBuilder MapDeadlinesApi(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/api").WithTags("Deadlines").RequireFunctionKey()
            .MapGet("/agreements/{id}/deadlines", GetDeadlinesAsync)
            .WithName("GetAgreementDeadlines")
            .WithSummary("Get an agreement's deadlines")
            .WithDescription(
                "Every deadline the agreement's terms and events give, in catalog order, each with its section, basis in words, due date, last permitted " +
                "day, practical cutoff, status as of asOf (today in the agreement's zone by default) and warnings: the document regrights deadlines --json prints.");
        return app;
    }

    public static async Task<Results<Ok<DeadlinesDocument>, ValidationProblem, ProblemHttpResult>> GetDeadlinesAsync(
        string id,
        [Description("The date statuses are judged on, yyyy-MM-dd; today in the agreement's zone by default.")] string? asOf,
        AgreementStore store,
        IClock clock,
        CancellationToken cancellationToken)
    {
        LocalDate? date = null;
        if (asOf is not null)
        {
            var parsed = LocalDatePattern.Iso.Parse(asOf);
            if (!parsed.Success)
            {
                return JsonBody.Problem("asOf", $"'{asOf}' is not an ISO date (yyyy-MM-dd), e.g. 2000-06-01.");
            }

            date = parsed.Value;
        }

        var record = await store.GetRecordAsync(id, cancellationToken).ConfigureAwait(false);
        if (record is null)
        {
            return AgreementsApi.NotFound(id);
        }

        var terms = record.Agreement.Document.Terms?.ToTerms() ?? AgreementTerms.NeoTherapeutics2000;
        var schedule = DeadlineEngine.Compute(terms, [.. record.Events.Select(e => e.Event)], date ?? clock.GetCurrentInstant().InZone(terms.TimeZone).Date);
        return TypedResults.Ok(DeadlinesDocument.From(schedule));
    }
}

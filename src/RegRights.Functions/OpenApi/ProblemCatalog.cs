namespace RegRights.Functions.OpenApi;

/// <summary>
/// The problem answers of the functions whose source declares them only in part: the notice intake's functions
/// (<c>Apis/NoticesApi.cs</c>, kept by the notice intake's owners) declare 401, 413 and 503 on <c>PostNotice</c> with
/// <c>ProducesResponseType</c>; what else each can answer is listed here, by function name, until it is declared on
/// the function itself (<see cref="ProblemResponseAttribute"/>), when its entry goes.
/// </summary>
internal static class ProblemCatalog
{
    public static IReadOnlyDictionary<string, (int Status, string Description)[]> DeclaredElsewhere { get; } =
        new Dictionary<string, (int, string)[]>(StringComparer.Ordinal)
        {
            ["PostNotice"] =
            [
                (StatusCodes.Status404NotFound, "The notice names no agreement this server has."),
                (StatusCodes.Status409Conflict, "The webhook-id was used before for another body naming the same agreement."),
            ],
            ["GetNotice"] =
            [
                (StatusCodes.Status404NotFound, "No notice with that id."),
                (StatusCodes.Status503ServiceUnavailable, ProblemAnswers.StorageUnavailable),
            ],
            ["ListAgreementNotices"] =
            [
                (StatusCodes.Status404NotFound, ProblemAnswers.AgreementNotFound),
                (StatusCodes.Status503ServiceUnavailable, ProblemAnswers.StorageUnavailable),
            ],
        };
}

namespace RegRights.Core.Agreements;

/// <summary>
/// Whether a new event is consistent with the events already recorded. Corrections are new events, so the record is
/// only ever appended to; an event that contradicts it (a filing before the closing, a response to a comment letter
/// that was never received) is refused with the reason, in words a lawyer can check.
/// </summary>
public static class EventRecordRules
{
    /// <summary>The kind of event each answering event must refer to (by <see cref="AgreementEvent.RefersTo"/>).</summary>
    public static IReadOnlyDictionary<AgreementEventKind, AgreementEventKind> Answers { get; } =
        new Dictionary<AgreementEventKind, AgreementEventKind>
        {
            [AgreementEventKind.CommentResponseFiled] = AgreementEventKind.SecCommentReceived, // § 3(b)(iii)
            [AgreementEventKind.AmendmentFiled] = AgreementEventKind.AmendmentPlanned, // § 3(a)
            [AgreementEventKind.StickerFiled] = AgreementEventKind.HolderSold50Percent, // § 3(c)
            [AgreementEventKind.NoticeConfirmed] = AgreementEventKind.FilingNoticeGiven, // § 3(d)
            [AgreementEventKind.IndemnityPaid] = AgreementEventKind.IndemnificationNotice, // § 5(c)
            [AgreementEventKind.PiggybackRequest] = AgreementEventKind.PiggybackNotice, // § 6(g)
            [AgreementEventKind.SuspensionEnded] = AgreementEventKind.SuspensionStarted, // § 6(e): the Advice
            [AgreementEventKind.AdditionalFilingPermitted] = AgreementEventKind.Cutback, // the Rule 415 cutback clause
            [AgreementEventKind.AdditionalFiled] = AgreementEventKind.Cutback,
            [AgreementEventKind.AdditionalReviewNotice] = AgreementEventKind.Cutback,
            [AgreementEventKind.AdditionalDeclaredEffective] = AgreementEventKind.Cutback,
        };

    /// <summary>
    /// The reason <paramref name="next"/> contradicts <paramref name="recorded"/>, or null when it is consistent.
    /// </summary>
    /// <remarks>
    /// Rules: one Closing Date (§ 1), and nothing dated before it; a filing, comment letter or declaration of
    /// effectiveness needs the Registration Statement filed first (§ 2(a), § 3(b)); an answering event (a response, a
    /// sticker, a payment) names an event of the kind it answers, dated on or before it, and answers it once. For
    /// example, a response filed on 2000-06-01 to a letter received 2000-06-05 is refused: it answers a letter that had
    /// not yet arrived.
    /// </remarks>
    /// <param name="recorded">The events already recorded, in the order recorded.</param>
    /// <param name="next">The event to record.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static string? FindContradiction(IReadOnlyList<AgreementEvent> recorded, AgreementEvent next)
    {
        ArgumentNullException.ThrowIfNull(recorded);
        ArgumentNullException.ThrowIfNull(next);

        var closing = recorded.FirstOrDefault(e => e.Kind == AgreementEventKind.Closing);
        if (next.Kind == AgreementEventKind.Closing)
        {
            // A deal that closes in tranches names each closing; one closing of each name (or the seed's one, unnamed).
            var same = recorded.FirstOrDefault(e => e.Kind == AgreementEventKind.Closing && e.Tranche == next.Tranche);
            return same is null
                ? null
                : next.Tranche is null
                    ? $"The Closing Date is already recorded ({same.Date:uuuu-MM-dd}, event '{same.Id}'); an agreement has one (§ 1)."
                    : $"The closing '{next.Tranche}' is already recorded ({same.Date:uuuu-MM-dd}, event '{same.Id}'); each tranche closes once.";
        }

        if (closing is null)
        {
            return $"No Closing Date is recorded; a {next.Kind} event needs the closing first, since every clock runs from it (§ 1).";
        }

        if (next.Date < closing.Date)
        {
            return $"{next.Kind} on {next.Date:uuuu-MM-dd} is before the Closing Date {closing.Date:uuuu-MM-dd}.";
        }

        var filed = recorded.FirstOrDefault(e => e.Kind == AgreementEventKind.Filed);
        if (DealContradiction(recorded, next, filed) is { } deal)
        {
            return deal;
        }

        switch (next.Kind)
        {
            case AgreementEventKind.Filed when filed is not null && !CoversAnotherTranche(recorded, next):
                return $"The Registration Statement is already recorded as filed on {filed.Date:uuuu-MM-dd} (event '{filed.Id}'); record an amendment instead.";
            case AgreementEventKind.SecCommentReceived or AgreementEventKind.DeclaredEffective when filed is null:
                return $"{next.Kind} needs the Registration Statement filed first (§ 2(a), § 3(b)); no filing is recorded.";
            case AgreementEventKind.SecCommentReceived or AgreementEventKind.DeclaredEffective when next.Date < filed!.Date:
                return $"{next.Kind} on {next.Date:uuuu-MM-dd} is before the filing on {filed.Date:uuuu-MM-dd}.";
            case AgreementEventKind.DeclaredEffective when recorded.Any(e => e.Kind == AgreementEventKind.DeclaredEffective):
                return "The Registration Statement is already recorded as declared effective.";
        }

        if (!Answers.TryGetValue(next.Kind, out var answered))
        {
            return null;
        }

        var target = recorded.FirstOrDefault(e => e.Id == next.RefersTo);
        if (target is null || target.Kind != answered)
        {
            return $"{next.Kind} refers to '{next.RefersTo}', but no {answered} event with that id is recorded.";
        }

        if (next.Date < target.Date)
        {
            return $"{next.Kind} on {next.Date:uuuu-MM-dd} answers '{target.Id}' of {target.Date:uuuu-MM-dd}, which had not yet happened.";
        }

        var earlier = recorded.FirstOrDefault(e => e.Kind == next.Kind && e.RefersTo == target.Id);
        return earlier is null ? null : $"'{target.Id}' is already answered by event '{earlier.Id}' on {earlier.Date:uuuu-MM-dd}.";
    }

    // Deal events (issue 13): the review notices and a cutback need a filing, the additional statement's review and
    // effectiveness need its filing, one suspension runs at a time, a Holder becomes saleable under Rule 144 once.
    private static string? DealContradiction(IReadOnlyList<AgreementEvent> recorded, AgreementEvent next, AgreementEvent? filed)
    {
        switch (next.Kind)
        {
            case AgreementEventKind.NoReviewNotice or AgreementEventKind.ReviewNotice when filed is null:
                return $"{next.Kind} needs the Registration Statement filed first: the Commission reviews a filed statement; no filing is recorded.";
            case AgreementEventKind.NoReviewNotice or AgreementEventKind.ReviewNotice when next.Date < filed.Date:
                return $"{next.Kind} on {next.Date:uuuu-MM-dd} is before the filing on {filed.Date:uuuu-MM-dd}.";
            case AgreementEventKind.Cutback when filed is null:
                return "Cutback needs the Registration Statement filed first: the Commission's staff limits what a filed statement registers (Rule 415); no filing is recorded.";
            case AgreementEventKind.Cutback when next.Date < filed.Date:
                return $"Cutback on {next.Date:uuuu-MM-dd} is before the filing on {filed.Date:uuuu-MM-dd}.";
            case AgreementEventKind.AdditionalReviewNotice or AgreementEventKind.AdditionalDeclaredEffective
                when recorded.FirstOrDefault(e => e.Kind == AgreementEventKind.AdditionalFiled && e.RefersTo == next.RefersTo) is null:
                return $"{next.Kind} needs the additional registration statement for the cutback '{next.RefersTo}' filed first; no additionalFiled event refers to it.";
            case AgreementEventKind.AdditionalReviewNotice or AgreementEventKind.AdditionalDeclaredEffective
                when recorded.First(e => e.Kind == AgreementEventKind.AdditionalFiled && e.RefersTo == next.RefersTo) is var additional && next.Date < additional.Date:
                return $"{next.Kind} on {next.Date:uuuu-MM-dd} is before the additional statement's filing on {additional.Date:uuuu-MM-dd}.";
            case AgreementEventKind.Rule144Saleable when string.IsNullOrWhiteSpace(next.Holder):
                return "Rule144Saleable names the Holder whose securities became saleable under Rule 144.";
            case AgreementEventKind.Rule144Saleable when recorded.FirstOrDefault(e => e.Kind == AgreementEventKind.Rule144Saleable && e.Holder == next.Holder) is { } earlier:
                return $"'{next.Holder}' is already recorded as saleable under Rule 144 from {earlier.Date:uuuu-MM-dd} (event '{earlier.Id}'); securities become saleable once.";
            case AgreementEventKind.SuspensionStarted:
                foreach (var e in recorded)
                {
                    if (e.Kind == AgreementEventKind.SuspensionStarted &&
                        !recorded.Any(x => x.Kind == AgreementEventKind.SuspensionEnded && x.RefersTo == e.Id))
                    {
                        return $"The suspension '{e.Id}' noticed {e.Date:uuuu-MM-dd} has not ended; record its Advice (suspensionEnded) first (§ 6(e)).";
                    }

                    if (e.Kind == AgreementEventKind.SuspensionEnded && next.Date < e.Date)
                    {
                        return $"A suspension noticed {next.Date:uuuu-MM-dd} would start before the Advice of {e.Date:uuuu-MM-dd} that ended the one before (§ 6(e)).";
                    }
                }

                return null;
            default:
                return null;
        }
    }

    // A second filing is another tranche's Registration Statement when it names a closing no filing has named.
    private static bool CoversAnotherTranche(IReadOnlyList<AgreementEvent> recorded, AgreementEvent next)
    {
        var closing = recorded.FirstOrDefault(e => e.Kind == AgreementEventKind.Closing && e.Id == next.RefersTo);
        return closing is not null && !recorded.Any(e => e.Kind == AgreementEventKind.Filed &&
            recorded.Any(c => c.Kind == AgreementEventKind.Closing && c.Id == e.RefersTo && c.Tranche == closing.Tranche));
    }
}

using NodaTime;
using RegRights.Core.Agreements;
using RegRights.Core.Calendars;
using RegRights.Core.Deadlines;

namespace RegRights.Core.UnitTests.Deals;

/// <summary>
/// The Rule 415 cutback: the additional registration statement's Filing and Effectiveness Deadlines under the
/// <c>modern-pipe</c> template's clause (45 days after the filing is permitted; 60 days after that filing, 90 if
/// reviewed; rolled to the next day the Commission is open), worked by hand with a 2024 calendar.
/// </summary>
public class CutbackTest
{
    private static readonly AgreementTerms Modern = AgreementTemplates.ModernPipe.Terms;

    private static LocalDate D(int y, int m, int d) => new(y, m, d);

    private static AgreementEvent E(string id, AgreementEventKind kind, LocalDate date, string? refersTo = null) =>
        new(id, kind, date) { RefersTo = refersTo };

    // Closed 2024-01-02, filed 2024-01-25 (on time: due 2024-02-01), the staff's cutback of 2024-03-01.
    private static List<AgreementEvent> Deal() =>
    [
        E("closing", AgreementEventKind.Closing, D(2024, 1, 2)),
        E("filed", AgreementEventKind.Filed, D(2024, 1, 25)),
        E("cutback", AgreementEventKind.Cutback, D(2024, 3, 1)),
    ];

    [Fact]
    public void AdditionalFiling_45DaysAfterTheFilingIsPermitted()
    {
        // Permitted Tuesday 2024-09-03: + 27 days is 09-30, + 18 more is Friday 2024-10-18, an EDGAR day, so no roll.
        var events = Deal();
        events.Add(E("permitted", AgreementEventKind.AdditionalFilingPermitted, D(2024, 9, 3), "cutback"));

        var schedule = DeadlineEngine.Compute(Modern, events, D(2024, 9, 3));

        var filing = schedule.Find("additional-filing#1")!;
        Assert.Equal(D(2024, 10, 18), filing.DueDate);
        Assert.Equal(D(2024, 10, 18), filing.LastPermittedDay);
        Assert.Equal("Filing permitted 2024-09-03 + 45 days", filing.Basis);
        Assert.Equal("§ 2(b)", filing.Section);
        Assert.Equal(
            "on or prior to the additional Filing Deadline, the 45th day following the date the Commission's guidance permits the cut-back securities to be registered; on a day the Commission is closed, the next Business Day on which the Commission is open for business",
            filing.Rule);
        Assert.Equal(DeadlineStatus.Open, filing.Status);
        Assert.Equal("cutback", filing.StartedBy!.Id);
        Assert.Equal(new LocalDate(2024, 10, 18), filing.PracticalCutoff!.Date); // 5:30 p.m. Eastern that day
        Assert.Null(schedule.Find("additional-effectiveness#1"));
        var status = Assert.Single(schedule.Cutbacks);
        Assert.Equal("additional-filing#1", status.FilingKey);
        Assert.Null(status.EffectivenessKey);
        Assert.Equal("The additional Effectiveness Deadline counts from the additional statement's filing: not yet recorded (additionalFiled).", status.Note);
    }

    [Fact]
    public void AdditionalFiling_OnASunday_RollsToMonday()
    {
        // Permitted Thursday 2024-09-05: + 25 days is 09-30, + 20 more is Sunday 2024-10-20; EDGAR is closed, so the
        // deadline rolls to Monday 2024-10-21 (Columbus Day was 10-14).
        var events = Deal();
        events.Add(E("permitted", AgreementEventKind.AdditionalFilingPermitted, D(2024, 9, 5), "cutback"));

        var filing = DeadlineEngine.Compute(Modern, events, D(2024, 9, 5)).Find("additional-filing#1")!;

        Assert.Equal(D(2024, 10, 20), filing.DueDate);
        Assert.Equal(D(2024, 10, 21), filing.LastPermittedDay);
        Assert.Contains(filing.Warnings, w => w.Kind == DeadlineWarningKind.Rolled && w.Message.Contains("Sunday 2024-10-20 to Monday 2024-10-21", StringComparison.Ordinal));
    }

    [Fact]
    public void AdditionalEffectiveness_60DaysAfterItsFiling_Or90OnReview()
    {
        // Filed Thursday 2024-10-10 (in time for 10-18). 60 days: + 21 is 10-31, + 30 is 11-30, + 9 is Monday 2024-12-09.
        // On the review notice of 2024-11-01, 90 days: + 21 is 10-31, + 30 is 11-30, + 31 is 12-31, + 8 is Wednesday 2025-01-08.
        var events = Deal();
        events.Add(E("permitted", AgreementEventKind.AdditionalFilingPermitted, D(2024, 9, 3), "cutback"));
        events.Add(E("additional", AgreementEventKind.AdditionalFiled, D(2024, 10, 10), "cutback"));

        var unreviewed = DeadlineEngine.Compute(Modern, events, D(2024, 10, 31));
        events.Add(E("review", AgreementEventKind.AdditionalReviewNotice, D(2024, 11, 1), "cutback"));
        var reviewed = DeadlineEngine.Compute(Modern, events, D(2024, 11, 1));

        var filing = unreviewed.Find("additional-filing#1")!;
        Assert.Equal(DeadlineStatus.Met, filing.Status);
        Assert.True(filing.OnTime);
        var effectiveness = unreviewed.Find("additional-effectiveness#1")!;
        Assert.Equal(D(2024, 12, 9), effectiveness.DueDate);
        Assert.Equal("Additional filing 2024-10-10 + 60 days", effectiveness.Basis);
        Assert.Equal(
            "on or prior to the additional Effectiveness Deadline, the 60th day following the additional statement's filing (the 90th if the Commission reviews it); on a day the Commission is closed, the next Business Day on which the Commission is open for business",
            effectiveness.Rule);
        var onReview = reviewed.Find("additional-effectiveness#1")!;
        Assert.Equal(D(2025, 1, 8), onReview.DueDate);
        Assert.Equal("Additional filing 2024-10-10 + 90 days (the Commission's review notice of 2024-11-01)", onReview.Basis);
        Assert.Null(Assert.Single(reviewed.Cutbacks).Note);
    }

    [Fact]
    public void AdditionalEffectiveness_DeclaredEffective_IsMet()
    {
        var events = Deal();
        events.Add(E("permitted", AgreementEventKind.AdditionalFilingPermitted, D(2024, 9, 3), "cutback"));
        events.Add(E("additional", AgreementEventKind.AdditionalFiled, D(2024, 10, 10), "cutback"));
        events.Add(E("effective", AgreementEventKind.AdditionalDeclaredEffective, D(2024, 12, 2), "cutback"));

        var effectiveness = DeadlineEngine.Compute(Modern, events, D(2024, 12, 31)).Find("additional-effectiveness#1")!;

        // Effective Monday 2024-12-02, a week before the deadline of 12-09.
        Assert.Equal(DeadlineStatus.Met, effectiveness.Status);
        Assert.True(effectiveness.OnTime);
        Assert.Equal("effective", effectiveness.MetBy!.Id);
    }

    [Fact]
    public void AdditionalFiling_NoPermittedDateYet_SaysSo()
    {
        var schedule = DeadlineEngine.Compute(Modern, Deal(), D(2024, 3, 1));

        Assert.DoesNotContain(schedule.Deadlines, d => d.Obligation == ObligationCatalog.AdditionalFiling);
        var status = Assert.Single(schedule.Cutbacks);
        Assert.Null(status.FilingKey);
        Assert.StartsWith("The additional Filing Deadline counts from the date the Commission's guidance permits", status.Note, StringComparison.Ordinal);
    }

    [Fact]
    public void AdditionalFiling_CountedFromTheCutback_WhenTheClauseSaysSo()
    {
        // A clause of "within 30 days after the cutback": Friday 2024-03-01 + 30 days = Sunday 2024-03-31, rolled to Monday 04-01.
        var terms = Modern with
        {
            AdditionalRegistration = new AdditionalRegistrationClause("§ 2(c)", filingDays: 30, effectivenessDays: 60) { FilingFrom = CutbackStart.CutbackNotice, Roll = RollRule.FollowingCommissionOpen },
        };

        var filing = DeadlineEngine.Compute(terms, Deal(), D(2024, 3, 1)).Find("additional-filing#1")!;

        Assert.Equal(D(2024, 3, 31), filing.DueDate);
        Assert.Equal(D(2024, 4, 1), filing.LastPermittedDay);
        Assert.Equal("Cutback 2024-03-01 + 30 days", filing.Basis);
        Assert.Equal("§ 2(c)", filing.Section);
    }

    [Fact]
    public void TwoCutbacks_AreNumberedByCutback()
    {
        // The second cutback's statement is filed first; its effectiveness is still #2, the number of its cutback.
        var terms = Modern with
        {
            AdditionalRegistration = new AdditionalRegistrationClause("§ 2(c)", filingDays: 30, effectivenessDays: 60) { FilingFrom = CutbackStart.CutbackNotice },
        };
        var events = Deal();
        events.Add(E("cutback-2", AgreementEventKind.Cutback, D(2024, 6, 3)));
        events.Add(E("additional-2", AgreementEventKind.AdditionalFiled, D(2024, 6, 10), "cutback-2"));

        var schedule = DeadlineEngine.Compute(terms, events, D(2024, 6, 10));

        Assert.Equal(D(2024, 3, 31), schedule.Find("additional-filing#1")!.DueDate); // 03-01 + 30
        Assert.Equal(D(2024, 7, 3), schedule.Find("additional-filing#2")!.DueDate); // 06-03 + 30
        Assert.Equal(D(2024, 8, 9), schedule.Find("additional-effectiveness#2")!.DueDate); // 06-10 + 60: + 20 is 06-30, + 31 is 07-31, + 9 is 08-09
        Assert.Null(schedule.Find("additional-effectiveness#1"));
        Assert.Equal(["additional-filing#1", "additional-filing#2"], schedule.Cutbacks.Select(c => c.FilingKey));
    }

    [Fact]
    public void Seed_HasNoCutbackClause_SaysSoAndChangesNothingElse()
    {
        // The agreement of April 28, 2000 has no Rule 415 cutback clause: a cutback recorded under it gives no deadline.
        AgreementEvent[] before =
        [
            E("closing", AgreementEventKind.Closing, D(2000, 4, 28)),
            E("filed", AgreementEventKind.Filed, D(2000, 5, 26)),
        ];
        AgreementEvent[] after = [.. before, E("cutback", AgreementEventKind.Cutback, D(2000, 7, 3))];
        var seed = AgreementTerms.NeoTherapeutics2000;

        var without = DeadlineEngine.Compute(seed, before, D(2000, 7, 3));
        var with = DeadlineEngine.Compute(seed, after, D(2000, 7, 3));

        Assert.False(seed.AdditionalRegistration.IsPresent);
        Assert.Equal(Seen(without), Seen(with));
        var status = Assert.Single(with.Cutbacks);
        Assert.Equal(AdditionalRegistrationClause.NoneNote, status.Note);
        Assert.Null(status.Section);
        Assert.Empty(without.Cutbacks);
    }

    // What a reader of the schedule sees of each deadline.
    private static IEnumerable<string> Seen(DeadlineSchedule schedule) => schedule.Deadlines.Select(d =>
        $"{d.Key} {d.DueDate} {d.LastPermittedDay} {d.Status} {d.Basis} {d.Rule} {string.Join(" | ", d.Warnings.Select(w => w.Message))}");

    [Fact]
    public void Template_MarksTheClauseAsADefault()
    {
        var clause = AgreementTemplates.ModernPipe.Terms.AdditionalRegistration;

        Assert.True(AgreementTemplates.ModernPipe.TermsAreDefaults);
        Assert.Equal(("§ 2(b)", 45, CutbackStart.FilingPermitted, 60, (int?)90), (clause.Section, clause.FilingDays, clause.FilingFrom, clause.EffectivenessDays, clause.ReviewedEffectivenessDays));
    }

    [Theory]
    [InlineData(AgreementEventKind.Cutback, null, "Cutback on 2024-01-20 is before the filing on 2024-01-25.")]
    [InlineData(AgreementEventKind.AdditionalDeclaredEffective, "cutback", "AdditionalDeclaredEffective needs the additional registration statement for the cutback 'cutback' filed first; no additionalFiled event refers to it.")]
    [InlineData(AgreementEventKind.AdditionalFiled, "filed", "AdditionalFiled refers to 'filed', but no Cutback event with that id is recorded.")]
    public void EventRecordRules_RefuseAContradictingCutbackEvent(AgreementEventKind kind, string? refersTo, string reason)
    {
        var next = E("next", kind, D(2024, 1, 20).PlusDays(kind == AgreementEventKind.Cutback ? 0 : 60), refersTo);

        Assert.Equal(reason, EventRecordRules.FindContradiction(Deal(), next));
    }

    [Fact]
    public void EventRecordRules_CutbackBeforeAnyFiling_IsRefused()
    {
        AgreementEvent[] recorded = [E("closing", AgreementEventKind.Closing, D(2024, 1, 2))];

        Assert.Equal(
            "Cutback needs the Registration Statement filed first: the Commission's staff limits what a filed statement registers (Rule 415); no filing is recorded.",
            EventRecordRules.FindContradiction(recorded, E("cutback", AgreementEventKind.Cutback, D(2024, 3, 1))));
    }
}

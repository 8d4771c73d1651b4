using NodaTime;
using NodaTime.Text;
using RegRights.Core.Agreements;
using RegRights.Core.Calendars;
using RegRights.Core.Deadlines;

namespace RegRights.Core.UnitTests.Deadlines;

/// <summary>Dates a lawyer can check by hand against a 2000 calendar and the agreement.</summary>
public partial class DeadlineEngineTest
{
    [Fact]
    public void Compute_FilingDate_SundayStandsWithEdgarCutoffOnFriday()
    {
        // § 1: the 30th day following Friday 2000-04-28 is Sunday 2000-05-28; § 2(a) "on or prior to" is inclusive.
        // No roll rule, so the date stands. EDGAR is closed Sunday; Monday 2000-05-29 is Memorial Day and comes after
        // anyway, so the submission must start by 5:30 p.m. EDT Friday 2000-05-26, which is 2:30 p.m. PDT.
        var schedule = Schedule(D(2000, 5, 1));

        var filing = Get(schedule, "filing-date");

        Assert.Equal("§ 1, 2(a), 3(a)", filing.Section);
        Assert.Equal("Closing Date 2000-04-28 + 30 days", filing.Basis);
        Assert.True(filing.Inclusive);
        Assert.Equal(D(2000, 5, 28), filing.DueDate);
        Assert.Equal(D(2000, 5, 28), filing.LastPermittedDay);
        var cutoff = Assert.IsType<PracticalCutoff>(filing.PracticalCutoff);
        Assert.Equal(D(2000, 5, 26), cutoff.Date);
        Assert.Equal(new LocalDateTime(2000, 5, 26, 17, 30), cutoff.Eastern!.Value.LocalDateTime);
        Assert.Equal(Offset.FromHours(-4), cutoff.Eastern!.Value.Offset);
        Assert.Equal(new LocalDateTime(2000, 5, 26, 14, 30), cutoff.AgreementZone!.Value.LocalDateTime);
        Assert.Equal(Offset.FromHours(-7), cutoff.AgreementZone!.Value.Offset);
        Assert.Equal(DeadlineStatus.Open, filing.Status);
        var warning = Assert.Single(filing.Warnings, w => w.Kind == DeadlineWarningKind.NonBusinessDay);
        Assert.Contains("Sunday 2000-05-28", warning.Message, StringComparison.Ordinal);
        Assert.Contains("Monday 2000-05-29 is Memorial Day", warning.Message, StringComparison.Ordinal);
        Assert.Contains("date stands", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Compute_EffectivenessDate_ExclusiveSaturday()
    {
        // § 1: the 120th day following 2000-04-28 is Saturday 2000-08-26 (2 + 31 + 30 + 31 + 26 days);
        // § 2(a) "prior to" excludes it, so the last permitted day is Friday 2000-08-25.
        var effectiveness = Get(Schedule(D(2000, 5, 1)), "effectiveness-date");

        Assert.False(effectiveness.Inclusive);
        Assert.Equal(D(2000, 8, 26), effectiveness.DueDate);
        Assert.Equal(D(2000, 8, 25), effectiveness.LastPermittedDay);
        Assert.Null(effectiveness.PracticalCutoff);
        Assert.Contains(effectiveness.Warnings, w => w.Message.Contains("Saturday 2000-08-26, is not a Business Day", StringComparison.Ordinal));
    }

    [Fact]
    public void Compute_EffectivenessDate_PostponedByExcusedDelay()
    {
        // § 2(a) second proviso: 10 days of delay not caused by the Company move the date to Tuesday 2000-09-05.
        // The last permitted day, Monday 2000-09-04, is Labor Day, so the practical cutoff is Friday 2000-09-01.
        var delay = new AgreementEvent("delay", AgreementEventKind.ExcusedDelay, D(2000, 8, 1)) { Days = 10 };

        var effectiveness = Get(Schedule(D(2000, 8, 1), delay), "effectiveness-date");

        Assert.Equal("Closing Date 2000-04-28 + 120 days + 10 days of excused delay", effectiveness.Basis);
        Assert.Equal(D(2000, 9, 5), effectiveness.DueDate);
        Assert.Equal(D(2000, 9, 4), effectiveness.LastPermittedDay);
        Assert.Equal(D(2000, 9, 1), effectiveness.PracticalCutoff?.Date);
        Assert.Contains(effectiveness.Warnings, w => w.Message.Contains("Labor Day", StringComparison.Ordinal));
    }

    [Fact]
    public void Compute_EffectivenessDate_DeclaredOnTheDateItselfIsLate()
    {
        // "Prior to" the Effectiveness Date: a declaration on Saturday 2000-08-26 itself does not meet it.
        var declared = Event("effective", AgreementEventKind.DeclaredEffective, D(2000, 8, 26));

        var effectiveness = Get(Schedule(D(2000, 9, 1), declared), "effectiveness-date");

        Assert.Equal(DeadlineStatus.Met, effectiveness.Status);
        Assert.False(effectiveness.OnTime);
    }

    [Fact]
    public void Compute_Standstill_120thBusinessDayAndTheBarRunsThroughIt()
    {
        // § 6(b): counting 120 Business Days from 2000-04-28 over Memorial Day, Independence Day, Labor Day,
        // Admission Day (Friday 2000-09-08) and Columbus Day lands on Friday 2000-10-20. Offerings "after" it are free.
        var schedule = Schedule(D(2000, 10, 20));
        var standstill = Get(schedule, "registration-rights-standstill");

        Assert.Equal(D(2000, 10, 20), standstill.DueDate);
        Assert.Equal("Closing Date 2000-04-28 + 120 Business Days", standstill.Basis);
        Assert.Equal(DeadlineStatus.Open, standstill.Status);
        Assert.Contains(standstill.Warnings, w => w.Kind == DeadlineWarningKind.DraftingGap
            && w.Message.Contains("Saturday 2000-10-21", StringComparison.Ordinal));
        Assert.Equal(DeadlineStatus.Met, Get(Schedule(D(2000, 10, 21)), "registration-rights-standstill").Status);
    }

    [Fact]
    public void Compute_PreFilingReview_FiveBusinessDaysBeforeFilingDateWhenNoFilingPlanned()
    {
        // § 3(a): 5 Business Days before Sunday 2000-05-28, not counting it: 26, 25, 24, 23, 22 May.
        var review = Get(Schedule(D(2000, 5, 1)), "pre-filing-review");

        Assert.Equal(D(2000, 5, 22), review.DueDate);
        Assert.Equal("5 Business Days before the Filing Date 2000-05-28", review.Basis);
    }

    [Fact]
    public void Compute_PreFilingReview_FollowsThePlannedFilingAndIsMetByDrafts()
    {
        // A filing planned for Wednesday 2000-05-24: 23, 22, 19, 18, 17 May, so drafts are due Wednesday 2000-05-17;
        // drafts sent on 2000-05-16 meet it on time. The plan also starts the § 3(d)(i)(A) notice, due the same day.
        var plan = Event("plan", AgreementEventKind.FilingPlanned, D(2000, 5, 24));
        var drafts = Event("drafts", AgreementEventKind.DraftsFurnished, D(2000, 5, 16));

        var schedule = Schedule(D(2000, 5, 18), plan, drafts);
        var review = Get(schedule, "pre-filing-review");

        Assert.Equal(D(2000, 5, 17), review.DueDate);
        Assert.Equal(DeadlineStatus.Met, review.Status);
        Assert.True(review.OnTime);
        var notice = Get(schedule, "filing-notice#1");
        Assert.Equal(D(2000, 5, 17), notice.DueDate);
        Assert.Equal(DeadlineStatus.Missed, notice.Status);
    }

    [Fact]
    public void Compute_SecComments_OneClockPerLetterNumberedByReceipt()
    {
        // § 3(b)(iii): within 10 days of receipt. Letter A received Monday 2000-06-05 is due Thursday 2000-06-15 and is
        // never answered; letter B, received Monday 2000-07-10 and recorded first, is due Thursday 2000-07-20 and is
        // answered on 2000-07-14. Numbered by receipt, A is #1 and B is #2.
        var letterB = Event("letter-b", AgreementEventKind.SecCommentReceived, D(2000, 7, 10));
        var letterA = Event("letter-a", AgreementEventKind.SecCommentReceived, D(2000, 6, 5));
        var response = Event("response-b", AgreementEventKind.CommentResponseFiled, D(2000, 7, 14), "letter-b");

        var schedule = Schedule(D(2000, 7, 20), letterB, letterA, response);
        var first = Get(schedule, "sec-comment-response#1");
        var second = Get(schedule, "sec-comment-response#2");

        Assert.Same(letterA, first.StartedBy);
        Assert.Equal(D(2000, 6, 15), first.DueDate);
        Assert.Equal(DeadlineStatus.Missed, first.Status);
        Assert.Equal("SEC comment letter received 2000-07-10 + 10 days", second.Basis);
        Assert.Equal(D(2000, 7, 20), second.DueDate);
        Assert.Equal(DeadlineStatus.Met, second.Status);
        Assert.Same(response, second.MetBy);
        Assert.True(second.OnTime);
        Assert.Equal(new LocalDateTime(2000, 7, 20, 14, 30), second.PracticalCutoff?.AgreementZone?.LocalDateTime);
    }

    [Fact]
    public void Compute_HolderSale_StickerOverAdmissionDayAndOneDayNotice()
    {
        // § 3(c): a sale on Tuesday 2000-09-05; 4 Business Days are 6, 7, (Friday 8 is Admission Day observed), 11, 12:
        // Tuesday 2000-09-12. § 3(d): notice 1 Business Day before, Monday 2000-09-11, with the 3(c)(ii) gap flagged.
        var sale = Event("sale", AgreementEventKind.HolderSold50Percent, D(2000, 9, 5));

        var schedule = Schedule(D(2000, 9, 5), sale);
        var sticker = Get(schedule, "sticker-filing#1");
        var notice = Get(schedule, "filing-notice#1");

        Assert.Equal(D(2000, 9, 12), sticker.DueDate);
        Assert.Equal(D(2000, 9, 12), sticker.PracticalCutoff?.Date);
        Assert.Equal(D(2000, 9, 11), notice.DueDate);
        Assert.Equal("1 Business Day before the sticker's last permitted day 2000-09-12", notice.Basis);
        Assert.Contains(notice.Warnings, w => w.Kind == DeadlineWarningKind.DraftingGap && w.Message.Contains("3(c)(ii)", StringComparison.Ordinal));
    }

    [Fact]
    public void Compute_Indemnity_PaidLateIsMetButNotOnTime()
    {
        // § 5(c): written notice Wednesday 2000-11-01; 10 Business Days are Nov 2, 3, 6, 7, 8, 9, (Friday 10 is
        // Veterans Day observed, November 11 being a Saturday), 13, 14, 15, 16: Thursday 2000-11-16. Paid 2000-11-20.
        var notice = Event("notice", AgreementEventKind.IndemnificationNotice, D(2000, 11, 1));
        var paid = Event("paid", AgreementEventKind.IndemnityPaid, D(2000, 11, 20), "notice");

        var payment = Get(Schedule(D(2000, 12, 1), notice, paid), "indemnity-payment#1");

        Assert.Equal(D(2000, 11, 16), payment.DueDate);
        Assert.Equal(DeadlineStatus.Met, payment.Status);
        Assert.False(payment.OnTime);
    }

    [Fact]
    public void Compute_Waiver_MarksAMissedDeadlineWaived()
    {
        // § 6(f): a written waiver of the Filing Date; without it, the Filing Date would be missed on 2000-06-01.
        var waiver = new AgreementEvent("waiver", AgreementEventKind.Waiver, D(2000, 5, 25)) { DeadlineKey = "filing-date" };

        var waived = Get(Schedule(D(2000, 6, 1), waiver), "filing-date");
        var missed = Get(Schedule(D(2000, 6, 1)), "filing-date");

        Assert.Equal(DeadlineStatus.Waived, waived.Status);
        Assert.Same(waiver, waived.WaivedBy);
        Assert.Equal(DeadlineStatus.Missed, missed.Status);
    }

    [Fact]
    public void Compute_Piggyback_TwentyDaysAfterNotice()
    {
        // § 6(g): notice received Thursday 2000-06-01; 20 days later is Wednesday 2000-06-21.
        var notice = Event("piggyback", AgreementEventKind.PiggybackNotice, D(2000, 6, 1));

        var election = Get(Schedule(D(2000, 6, 1), notice), "piggyback-election#1");

        Assert.Equal(D(2000, 6, 21), election.DueDate);
        Assert.Equal(DeadlineStatus.Open, election.Status);
    }

    [Fact]
    public void Compute_NoticeConfirmation_OnlyWhenRequested()
    {
        // § 3(d): a notice given Friday 2000-05-19 and a request to confirm it: due Monday 2000-05-22.
        var notice = Event("notice", AgreementEventKind.FilingNoticeGiven, D(2000, 5, 19));
        var request = Event("request", AgreementEventKind.ConfirmationRequested, D(2000, 5, 19), "notice");

        Assert.Null(Schedule(D(2000, 5, 19), notice).Find("notice-confirmation#1"));
        var confirmation = Get(Schedule(D(2000, 5, 19), notice, request), "notice-confirmation#1");
        Assert.Equal(D(2000, 5, 22), confirmation.DueDate);

        // The text can also count from the proposed filing day: the reading is flagged, not hidden.
        Assert.Contains(confirmation.Warnings, w => w.Kind == DeadlineWarningKind.DraftingGap && w.Message.Contains("proposed to be filed", StringComparison.Ordinal));
    }

    [Fact]
    public void Compute_Amendment_ReviewAndNoticeCountBackOverIndependenceDay()
    {
        // An amendment planned for Wednesday 2000-07-05. § 3(a): drafts 1 Business Day before, skipping Independence
        // Day (Tuesday 2000-07-04): Monday 2000-07-03. § 3(d)(i)(A): notice 5 Business Days before: 3 July, 30, 29, 28,
        // 27 June, so Tuesday 2000-06-27. Drafts sent 2000-07-03 meet the review on its last day.
        var plan = Event("amendment", AgreementEventKind.AmendmentPlanned, D(2000, 7, 5));
        var drafts = Event("drafts", AgreementEventKind.DraftsFurnished, D(2000, 7, 3), "amendment");

        var schedule = Schedule(D(2000, 7, 3), plan, drafts);
        var review = Get(schedule, "amendment-review#1");
        var notice = Get(schedule, "filing-notice#1");

        Assert.Equal(D(2000, 7, 3), review.DueDate);
        Assert.Equal(DeadlineStatus.Met, review.Status);
        Assert.True(review.OnTime);
        Assert.Equal(D(2000, 6, 27), notice.DueDate);
        Assert.Equal(DeadlineStatus.Missed, notice.Status);
        Assert.DoesNotContain(notice.Warnings, w => w.Kind == DeadlineWarningKind.DraftingGap);
    }

    [Theory]
    [InlineData(RollRule.None, "2000-05-28")] // the date stands on the Sunday
    [InlineData(RollRule.Following, "2000-05-30")] // Sunday, then Memorial Day Monday: Tuesday
    [InlineData(RollRule.Preceding, "2000-05-26")] // back to Friday
    public void Compute_RollRule_MovesTheLastPermittedDayNotTheDueDate(RollRule roll, string expected)
    {
        var terms = Seed with { Roll = roll };

        var filing = Get(DeadlineEngine.Compute(terms, [Closing], D(2000, 5, 1)), "filing-date");

        Assert.Equal(D(2000, 5, 28), filing.DueDate);
        Assert.Equal(LocalDatePattern.Iso.Parse(expected).Value, filing.LastPermittedDay);
        Assert.Equal(roll != RollRule.None, filing.Warnings.Any(w => w.Kind == DeadlineWarningKind.Rolled));
    }

    [Fact]
    public void Compute_ContestedGoodFriday_ChangesTheStickerDateAndSaysSo()
    {
        // § 3(c): a sale on Wednesday 2001-04-11. Good Friday 2001-04-13 is open by default: 12, 13, 16, 17, so
        // Tuesday 2001-04-17. Read as closed: 12, 16, 17, 18, so Wednesday 2001-04-18. Both dates are shown.
        var sale = Event("sale", AgreementEventKind.HolderSold50Percent, D(2001, 4, 11));

        var byDefault = Get(DeadlineEngine.Compute(Seed, [Closing, sale], D(2001, 4, 11)), "sticker-filing#1");
        var closed = Get(DeadlineEngine.Compute(Seed with { ContestedDays = ContestedDayReading.Closed }, [Closing, sale], D(2001, 4, 11)), "sticker-filing#1");

        Assert.Equal(D(2001, 4, 17), byDefault.DueDate);
        Assert.Equal(D(2001, 4, 18), closed.DueDate);
        var warning = Assert.Single(byDefault.Warnings, w => w.Kind == DeadlineWarningKind.ContestedDay);
        Assert.Contains("Good Friday", warning.Message, StringComparison.Ordinal);
        Assert.Contains("Tuesday 2001-04-17", warning.Message, StringComparison.Ordinal);
        Assert.Contains("Wednesday 2001-04-18", warning.Message, StringComparison.Ordinal);
        Assert.Contains(closed.Warnings, w => w.Kind == DeadlineWarningKind.ContestedDay);
    }

    [Fact]
    public void Compute_EffectivenessPeriodEnd_InformationalNotReminded()
    {
        // § 2(a): Rule 144(k)'s two-year horizon from the Closing Date, 2002-04-28, shown but not reminded.
        var schedule = Schedule(D(2000, 5, 1));

        var end = Get(schedule, "effectiveness-period-end");

        Assert.Equal(D(2002, 4, 28), end.DueDate);
        Assert.False(end.Reminded);
        Assert.All(schedule.Deadlines.Where(d => d.Key != "effectiveness-period-end"), d => Assert.True(d.Reminded));
    }

    [Fact]
    public void Compute_WithoutClosing_OnlyEventClocks()
    {
        var letter = Event("letter", AgreementEventKind.SecCommentReceived, D(2000, 6, 5));

        var schedule = DeadlineEngine.Compute(Seed, [letter], D(2000, 6, 5));

        Assert.Equal(["sec-comment-response#1"], schedule.Deadlines.Select(d => d.Key));
    }

    [Fact]
    public void Compute_NullTerms_Throws()
    {
        Assert.Throws<ArgumentNullException>("terms", () => DeadlineEngine.Compute(null!, [], D(2000, 1, 1)));
    }
}

using NodaTime;
using RegRights.Core.Agreements;
using RegRights.Core.Calendars;
using RegRights.Core.Deadlines;
using RegRights.Core.DelayPayments;

namespace RegRights.Core.UnitTests.Deals;

/// <summary>
/// A modern PIPE deal through the deadline engine: clauses as terms, the review path, two closings, and the delay
/// payments and grace periods on the schedule. Worked examples a lawyer can redo with a calendar of the year.
/// </summary>
public class DealScheduleTest
{
    private static readonly AgreementTerms Modern = AgreementTemplates.ModernPipe.Terms;

    private static readonly HolderSubscription[] Holders =
    [
        new("Alpha Fund LP", Money.Usd(1_000_000m)),
        new("Beta Partners LP", Money.Usd(2_500_000m)),
    ];

    private static LocalDate D(int y, int m, int d) => new(y, m, d);

    private static AgreementEvent E(string id, AgreementEventKind kind, LocalDate date) => new(id, kind, date);

    [Fact]
    public void FilingDeadline_OnTheDayOfMourning_RollsToTheNextDayTheCommissionIsOpen()
    {
        // Closing Tuesday 2024-12-10 + 30 days = Thursday 2025-01-09, the National Day of Mourning for President Carter:
        // New York banks open (a contested Business Day), EDGAR closed. "The next Business Day on which the Commission
        // is open for business" is Friday 2025-01-10.
        var schedule = DeadlineEngine.Compute(Modern, [E("closing", AgreementEventKind.Closing, D(2024, 12, 10))], D(2024, 12, 10));

        var filing = schedule.Find("filing-date")!;
        Assert.Equal(D(2025, 1, 9), filing.DueDate);
        Assert.Equal(D(2025, 1, 10), filing.LastPermittedDay);
        Assert.Equal("§ 2(a)", filing.Section);
        Assert.True(filing.Inclusive);
        Assert.Equal("Closing Date 2024-12-10 + 30 days", filing.Basis);
        Assert.Equal(
            "on or prior to the Filing Date, the 30th day following the Closing Date; on a day the Commission is closed, the next Business Day on which the Commission is open for business",
            filing.Rule);
        Assert.Contains(filing.Warnings, w => w.Kind == DeadlineWarningKind.Rolled && w.Message.Contains("Thursday 2025-01-09 to Friday 2025-01-10", StringComparison.Ordinal));
    }

    [Fact]
    public void FilingDeadline_InNewYorkBusinessDays_AcrossHurricaneSandy_GivesBothReadings()
    {
        // One New York Business Day after Friday 2012-10-26: Monday 2012-10-29 with the Sandy days as Business Days (the
        // Governor declared no bank holiday; each bank was authorized to close under § 24-a(3)), Wednesday 2012-10-31
        // with them closed. EDGAR took filings on both days, so the roll leaves Monday as it is.
        var terms = Modern with { FilingDays = 1, FilingDeadline = Modern.FilingDeadline with { Unit = DayUnit.BusinessDays } };

        var filing = DeadlineEngine.Compute(terms, [E("closing", AgreementEventKind.Closing, D(2012, 10, 26))], D(2012, 10, 26)).Find("filing-date")!;

        Assert.Equal(D(2012, 10, 29), filing.DueDate);
        Assert.Equal(D(2012, 10, 29), filing.LastPermittedDay);
        Assert.Equal("Closing Date 2012-10-26 + 1 Business Day", filing.Basis);
        var contested = Assert.Single(filing.Warnings, w => w.Kind == DeadlineWarningKind.ContestedDay);
        Assert.Contains("Wednesday 2012-10-31", contested.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void EffectivenessDeadline_NoReviewNotice_FiveTradingDaysIfEarlier_SkipsNoSandyDayAfterIt()
    {
        // Closing Monday 2012-10-01 + 60 days = Friday 2012-11-30. The no-review notice on Friday 2012-10-26: the market was
        // closed on the 29th and 30th (Sandy), so 5 Trading Days are October 31, November 1, 2, 5 and 6: Tuesday 2012-11-06
        // (Election Day has been a Trading Day since 1984), earlier than 2012-11-30.
        var events = new[]
        {
            E("closing", AgreementEventKind.Closing, D(2012, 10, 1)),
            E("filed", AgreementEventKind.Filed, D(2012, 10, 15)),
            E("no-review", AgreementEventKind.NoReviewNotice, D(2012, 10, 26)),
        };

        var effectiveness = DeadlineEngine.Compute(Modern, events, D(2012, 10, 26)).Find("effectiveness-date")!;

        Assert.Equal(D(2012, 11, 6), effectiveness.DueDate);
        Assert.Equal(D(2012, 11, 6), effectiveness.LastPermittedDay);
        Assert.Equal(
            "the Commission's no-review notice 2012-10-26 + 5 Trading Days, earlier than Closing Date 2012-10-01 + 60 days (2012-11-30)",
            effectiveness.Basis);
        Assert.EndsWith("or the 5th Trading Day after the Commission says it will not review it, if earlier", effectiveness.Rule, StringComparison.Ordinal);
    }

    [Fact]
    public void EffectivenessDeadline_ReviewNotice_NinetyDaysRolledToMonday()
    {
        // The Commission reviews: Closing 2012-10-01 + 90 days = Sunday 2012-12-30, rolled to Monday 2012-12-31 (a New York
        // Business Day and an EDGAR day).
        var events = new[]
        {
            E("closing", AgreementEventKind.Closing, D(2012, 10, 1)),
            E("filed", AgreementEventKind.Filed, D(2012, 10, 15)),
            E("review", AgreementEventKind.ReviewNotice, D(2012, 10, 26)),
        };

        var effectiveness = DeadlineEngine.Compute(Modern, events, D(2012, 10, 26)).Find("effectiveness-date")!;

        Assert.Equal(D(2012, 12, 30), effectiveness.DueDate);
        Assert.Equal(D(2012, 12, 31), effectiveness.LastPermittedDay);
        Assert.Equal("Closing Date 2012-10-01 + 90 days (the Commission's review notice of 2012-10-26)", effectiveness.Basis);
    }

    [Fact]
    public void TwoClosings_TwoFilingDeadlines_EachMetByItsFiling()
    {
        // Closing 2024-01-02 + 30 = Thursday 2024-02-01; the second closing 2024-02-15 + 30 = Saturday 2024-03-16, rolled
        // to Monday 2024-03-18. The filing of 2024-01-30 names no closing and precedes the second: it meets the first only.
        var events = new[]
        {
            E("closing", AgreementEventKind.Closing, D(2024, 1, 2)),
            E("second", AgreementEventKind.Closing, D(2024, 2, 15)) with { Tranche = "second closing" },
            E("filed", AgreementEventKind.Filed, D(2024, 1, 30)),
            E("filed-2", AgreementEventKind.Filed, D(2024, 3, 15)) with { RefersTo = "second" },
        };

        var schedule = DeadlineEngine.Compute(Modern, events, D(2024, 4, 1));

        var first = schedule.Find("filing-date")!;
        var second = schedule.Find("filing-date#2")!;
        Assert.Equal((D(2024, 2, 1), "filed", DeadlineStatus.Met), (first.LastPermittedDay, first.MetBy!.Id, first.Status));
        Assert.Equal((D(2024, 3, 16), D(2024, 3, 18), "filed-2"), (second.DueDate, second.LastPermittedDay, second.MetBy!.Id));
        Assert.Equal("Closing Date (second closing) 2024-02-15 + 30 days", second.Basis);
        Assert.DoesNotContain(schedule.DelayPayments, f => f.Failure == FailureKind.FilingFailure);
    }

    [Fact]
    public void ClosingOfTheSameTranche_IsACorrection()
    {
        var events = new[]
        {
            E("closing", AgreementEventKind.Closing, D(2024, 1, 2)),
            E("closing-corrected", AgreementEventKind.Closing, D(2024, 1, 3)),
        };

        var schedule = DeadlineEngine.Compute(Modern, events, D(2024, 1, 3));

        Assert.Equal(D(2024, 2, 2), schedule.Find("filing-date")!.DueDate);
        Assert.Null(schedule.Find("filing-date#2"));
    }

    [Fact]
    public void FilingFailureCuredOnDay47_PaymentsAreDeadlinesWithAmountsPerHolder()
    {
        // Filing Date Thursday 2024-02-01 missed; Event Date 2024-02-02; filed 2024-03-20, the 47th day. Period 1
        // (2024-02-02 to 03-02): 1 % × $1,000,000 = $10,000.00 and 1 % × $2,500,000 = $25,000.00, due 5 New York Business
        // Days after Saturday 03-02: Friday 2024-03-08. Period 2 (03-03 to 03-19, 17 of 30 days): $5,666.67 and
        // $14,166.67, total $19,833.34, due Tuesday 2024-03-26.
        var events = new[]
        {
            E("closing", AgreementEventKind.Closing, D(2024, 1, 2)),
            E("filed", AgreementEventKind.Filed, D(2024, 3, 20)),
        };

        var schedule = DeadlineEngine.Compute(Modern, events, D(2024, 3, 20), Holders);

        // Not yet effective on 2024-03-20 either: an Effectiveness Failure from 2024-03-05 runs beside it.
        var failure = Assert.Single(schedule.DelayPayments, f => f.Failure == FailureKind.FilingFailure);
        Assert.Equal((FailureKind.FilingFailure, D(2024, 2, 2), D(2024, 3, 20)), (failure.Failure, failure.EventDate, failure.CuredOn));
        Assert.Equal(Money.Usd(54_833.34m), failure.Schedule!.Total);
        Assert.Equal(["filing-failure-payment#1", "filing-failure-payment#2"], failure.PeriodKeys);

        var first = schedule.Find("filing-failure-payment#1")!;
        // Unpaid on 2024-03-20, twelve days after its due date.
        Assert.Equal((D(2024, 3, 8), D(2024, 3, 8), DeadlineStatus.Missed), (first.DueDate, first.LastPermittedDay, first.Status));
        Assert.Equal("§ 2(d)", first.Section);
        Assert.StartsWith("§ 2(d) period 1: 2024-02-02 to 2024-03-02, 30 of 30 days; payment due Friday 2024-03-08", first.Basis, StringComparison.Ordinal);
        Assert.Contains(first.Warnings, w => w.Message.StartsWith("Amounts due: Alpha Fund LP $10,000.00; Beta Partners LP $25,000.00; total $35,000.00", StringComparison.Ordinal));

        var second = schedule.Find("filing-failure-payment#2")!;
        Assert.Equal(D(2024, 3, 26), second.DueDate);
        Assert.Contains(second.Warnings, w => w.Message.StartsWith("Amounts due: Alpha Fund LP $5,666.67; Beta Partners LP $14,166.67; total $19,833.34", StringComparison.Ordinal));
    }

    [Fact]
    public void DelayPaymentMade_MeetsItsShare_AndLatePaymentBearsInterest()
    {
        // Alpha's $10,000.00 for period 1 paid on 2024-03-18, 10 days after its due date 2024-03-08: 1.5 % a month ×
        // $10,000.00 × 10/30 = $50.00. Beta's share is unpaid, so the period's payment is not met and, as of 2024-04-01, missed.
        var events = new[]
        {
            E("closing", AgreementEventKind.Closing, D(2024, 1, 2)),
            E("filed", AgreementEventKind.Filed, D(2024, 3, 20)),
            E("paid-alpha-1", AgreementEventKind.DelayPaymentMade, D(2024, 3, 18)) with
            {
                DeadlineKey = "filing-failure-payment#1", Holder = "Alpha Fund LP", Amount = Money.Usd(10_000m),
            },
        };

        var schedule = DeadlineEngine.Compute(Modern, events, D(2024, 4, 1), Holders);

        var period = schedule.DelayPayments[0].Schedule!.Periods[0];
        Assert.Equal((Money.Usd(10_000m), Money.Usd(50m)), (period.Holders[0].Paid, period.Holders[0].LateInterest!.Value));
        Assert.Equal(DeadlineStatus.Missed, schedule.Find("filing-failure-payment#1")!.Status);
    }

    [Fact]
    public void FilingFailureUncured_ReachesTheSixPercentCap()
    {
        // 6 % at 1 % per 30 days is 180 days from the Event Date 2024-02-02: the cap is reached on 2024-07-30, and each
        // Holder has accrued 6 % of its amount ($60,000.00 and $150,000.00).
        var schedule = DeadlineEngine.Compute(Modern, [E("closing", AgreementEventKind.Closing, D(2024, 1, 2))], D(2024, 9, 1), Holders);

        var payments = schedule.DelayPayments[0].Schedule!;
        Assert.Equal(D(2024, 7, 30), payments.CapReachedOn);
        Assert.Equal(Money.Usd(210_000m), payments.Total);
        Assert.Equal(Money.Usd(210_000m), payments.Cap);
        Assert.Equal(6, schedule.Deadlines.Count(d => d.Obligation == ObligationCatalog.FilingFailurePayment));
    }

    [Fact]
    public void SuspensionOver30ConsecutiveDays_AdviceDeadline_ThenMaintenanceFailurePayments()
    {
        // Notice 2024-05-01 (day 1): the 30th day is 2024-05-30, so the Advice is due Friday 2024-05-31. The Advice came
        // 2024-06-05: the Maintenance Failure runs from 05-31 (day 31) to 06-04, 5 days: 1 % × $1,000,000 × 5/30 =
        // $1,666.67 and 1 % × $2,500,000 × 5/30 = $4,166.67, due 5 Business Days after 06-04: Tuesday 2024-06-11.
        var events = new List<AgreementEvent>
        {
            E("closing", AgreementEventKind.Closing, D(2024, 1, 2)),
            E("filed", AgreementEventKind.Filed, D(2024, 1, 30)),
            E("effective", AgreementEventKind.DeclaredEffective, D(2024, 2, 28)),
            E("suspension", AgreementEventKind.SuspensionStarted, D(2024, 5, 1)),
        };

        var running = DeadlineEngine.Compute(Modern, events, D(2024, 5, 20), Holders);
        var advice = running.Find("suspension-advice#1")!;
        Assert.Equal((D(2024, 5, 31), DeadlineStatus.Open), (advice.DueDate, advice.Status));
        Assert.Equal(D(2024, 5, 30), running.Suspensions!.CurrentLastAllowedDay);
        Assert.Equal((20, 1), (running.Suspensions.DaysUsed, running.Suspensions.OccasionsUsed));
        Assert.Empty(running.DelayPayments);

        events.Add(E("advice", AgreementEventKind.SuspensionEnded, D(2024, 6, 5)) with { RefersTo = "suspension" });
        var ended = DeadlineEngine.Compute(Modern, events, D(2024, 7, 1), Holders);

        Assert.Equal((DeadlineStatus.Met, false), (ended.Find("suspension-advice#1")!.Status, ended.Find("suspension-advice#1")!.OnTime));
        var failure = Assert.Single(ended.DelayPayments);
        Assert.Equal((FailureKind.MaintenanceFailure, D(2024, 5, 31), D(2024, 6, 5)), (failure.Failure, failure.EventDate, failure.CuredOn));
        var period = Assert.Single(failure.Schedule!.Periods);
        Assert.Equal([Money.Usd(1_666.67m), Money.Usd(4_166.67m)], period.Holders.Select(h => h.Amount));
        Assert.Equal(D(2024, 6, 11), ended.Find("maintenance-failure-payment#1")!.DueDate);
    }

    [Fact]
    public void SuspensionsOver60DaysInAYear_TheThirdOccasionMayLastSixDays()
    {
        // With three occasions allowed: 30 days (2024-01-02 to 01-31, the Advice of 02-01 not counted),
        // 24 days (04-01 to 04-24), so the third, noticed 07-01, may last 6 days, through 07-06 (60 in the 365 days from
        // 2023-07-08), and its Advice is due 07-07. Ended 07-10: the 61st day, 07-07, starts the Maintenance Failure.
        var terms = Modern with { Suspensions = Modern.Suspensions with { MaxOccasionsIn365 = 3 } };
        var events = new[]
        {
            E("closing", AgreementEventKind.Closing, D(2023, 11, 1)),
            E("s1", AgreementEventKind.SuspensionStarted, D(2024, 1, 2)),
            E("a1", AgreementEventKind.SuspensionEnded, D(2024, 2, 1)) with { RefersTo = "s1" },
            E("s2", AgreementEventKind.SuspensionStarted, D(2024, 4, 1)),
            E("a2", AgreementEventKind.SuspensionEnded, D(2024, 4, 25)) with { RefersTo = "s2" },
            E("s3", AgreementEventKind.SuspensionStarted, D(2024, 7, 1)),
            E("a3", AgreementEventKind.SuspensionEnded, D(2024, 7, 10)) with { RefersTo = "s3" },
        };

        var schedule = DeadlineEngine.Compute(terms, events, D(2024, 7, 20), Holders);

        Assert.Equal(D(2024, 7, 7), schedule.Find("suspension-advice#3")!.DueDate);
        var maintenance = Assert.Single(schedule.DelayPayments, f => f.Failure == FailureKind.MaintenanceFailure);
        Assert.Equal((D(2024, 7, 7), D(2024, 7, 10)), (maintenance.EventDate, maintenance.CuredOn));
        Assert.Equal((63, 3), (schedule.Suspensions!.DaysUsed, schedule.Suspensions.OccasionsUsed));
    }

    [Fact]
    public void Seed_MissedFilingDate_SaysThePaymentTermsAreMissing()
    {
        // The seed's § 1 defines "Registration Delay Payments" by a § 2(e) the exhibit does not contain: the failure is
        // found, no amount is guessed, and the result carries the gap.
        var schedule = DeadlineEngine.Compute(AgreementTerms.NeoTherapeutics2000,
            [E("closing", AgreementEventKind.Closing, D(2000, 4, 28))], D(2000, 6, 1), Holders);

        var failure = Assert.Single(schedule.DelayPayments);
        Assert.Equal((FailureKind.FilingFailure, D(2000, 5, 29)), (failure.Failure, failure.EventDate));
        Assert.Null(failure.Schedule);
        Assert.StartsWith("§ 1 refers to § 2(e), which the exhibit does not contain", failure.NotComputed, StringComparison.Ordinal);
        Assert.Equal([CrossReferenceGap.NeoTherapeutics2000RegistrationDelayPayments], failure.Gaps);
        Assert.DoesNotContain(schedule.Deadlines, d => ObligationCatalog.Deal.Contains(d.Obligation));
        Assert.Equal("§ 6(d)", Assert.Single(schedule.SuspensionGaps).Cites);
    }

    [Fact]
    public void Seed_StickerNoticeAndPiggybackCarryTheirGaps()
    {
        var events = new[]
        {
            E("closing", AgreementEventKind.Closing, D(2000, 4, 28)),
            E("sale", AgreementEventKind.HolderSold50Percent, D(2001, 4, 11)),
            E("piggyback", AgreementEventKind.PiggybackNotice, D(2001, 5, 1)),
        };

        var schedule = DeadlineEngine.Compute(AgreementTerms.NeoTherapeutics2000, events, D(2001, 4, 11));

        Assert.Equal("§ 3(c)(ii)", Assert.Single(schedule.Find("filing-notice#1")!.Gaps).Cites);
        Assert.Equal("§ 6.2(v) of the Purchase Agreement", Assert.Single(schedule.Find("piggyback-election#1")!.Gaps).Cites);
        Assert.Empty(schedule.Find("filing-date")!.Gaps);
    }

    [Fact]
    public void Templates_TheSeedIsTheDefaultAndListsFiveGaps()
    {
        Assert.Same(AgreementTemplates.NeoTherapeutics2000, AgreementTemplates.Get("NEOTHERAPEUTICS-2000"));
        Assert.Equal(AgreementTerms.NeoTherapeutics2000, AgreementTemplates.NeoTherapeutics2000.Terms);
        Assert.Equal(["§ 2(e)", "§ 2(f)", "§ 6(d)", "§ 3(c)(ii)", "§ 6.2(v) of the Purchase Agreement"],
            AgreementTemplates.NeoTherapeutics2000.Terms.CrossReferenceGaps.Select(g => g.Cites));
        Assert.True(AgreementTemplates.ModernPipe.TermsAreDefaults);
        Assert.Equal("new-york-banks", AgreementTemplates.ModernPipe.Terms.Calendar.Key);
        Assert.Throws<ArgumentException>(() => AgreementTemplates.Get("x"));
        Assert.Throws<ArgumentException>(() => Modern with { BusinessDayCalendarName = "nyse" });
    }
}

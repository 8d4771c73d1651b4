using NodaTime;
using RegRights.Core.Agreements;
using RegRights.Core.Deadlines;
using RegRights.Core.DelayPayments;

namespace RegRights.Core.UnitTests.Deals;

/// <summary>
/// A Holder's securities saleable under Rule 144 (<see cref="AgreementEventKind.Rule144Saleable"/>): under a clause that
/// excludes such securities that Holder accrues nothing from that day, and the other Holders go on.
/// </summary>
public class Rule144Test
{
    private static readonly AgreementTerms Modern = AgreementTemplates.ModernPipe.Terms;

    private static readonly AgreementTerms Excluding = Modern with
    {
        DelayPayments = DelayPaymentClause.Of(Modern.DelayPayments.Terms! with { ExcludesRule144Saleable = true }),
    };

    private static readonly HolderSubscription[] Holders =
    [
        new("Alpha Fund LP", Money.Usd(1_000_000m)),
        new("Beta Partners LP", Money.Usd(2_500_000m)),
    ];

    private static readonly AgreementEvent[] Events =
    [
        new("closing", AgreementEventKind.Closing, new LocalDate(2024, 1, 2)),
        new("alpha-144", AgreementEventKind.Rule144Saleable, new LocalDate(2024, 6, 17)) { Holder = "Alpha Fund LP" },
        new("filed", AgreementEventKind.Filed, new LocalDate(2024, 7, 20)),
    ];

    private static FailurePayments FilingFailure(AgreementTerms terms) =>
        DeadlineEngine.Compute(terms, Events, new LocalDate(2024, 8, 1), Holders).DelayPayments
            .Single(f => f.Failure == FailureKind.FilingFailure);

    [Fact]
    public void HolderSaleableMidPeriod_AccruesTheDaysBefore_ThenNothing_WhileTheOtherGoesOn()
    {
        // Filing Date Thursday 2024-02-01 missed; Event Date 2024-02-02; filed Saturday 2024-07-20 (the cure). Periods of
        // 30 days: 5 is 2024-06-01 to 06-30, 6 is 07-01 to 07-19 (cured 07-20), 19 of 30 days.
        // Alpha saleable from Monday 2024-06-17: period 5 accrues 06-01 to 06-16, 16 days: 1 % × $1,000,000 × 16/30
        // = $5,333.33; period 6 nothing. Beta: period 5 in full, $25,000.00; period 6: 1 % × $2,500,000 × 19/30 = $15,833.33.
        // Alpha's total 4 × $10,000.00 + $5,333.33 = $45,333.33; Beta's 5 × $25,000.00 + $15,833.33 = $140,833.33;
        // together $186,166.66.
        var schedule = FilingFailure(Excluding).Schedule!;

        Assert.Equal(6, schedule.Periods.Count);
        var fifth = schedule.Periods[4];
        Assert.Equal((new LocalDate(2024, 6, 1), new LocalDate(2024, 6, 30)), (fifth.Start, fifth.End));
        Assert.Equal([Money.Usd(5_333.33m), Money.Usd(25_000m)], fifth.Holders.Select(h => h.Amount));
        Assert.Equal(new LocalDate(2024, 6, 17), fifth.Holders[0].SaleableFrom);
        Assert.Null(fifth.Holders[1].SaleableFrom);
        Assert.Equal(
            "1.0 % × $1,000,000.00 × 16/30 = $5,333.33, pro rata for 16 of 30 days (terms: rate per 30 days, pro rata daily; rounded to the cent, half a cent away from zero); saleable under Rule 144 from 2024-06-17, which does not accrue",
            fifth.Holders[0].Basis);

        var sixth = schedule.Periods[5];
        Assert.Equal((new LocalDate(2024, 7, 1), new LocalDate(2024, 7, 19), AccrualEnd.Cured), (sixth.Start, sixth.End, sixth.EndedBy));
        Assert.Equal([Money.Usd(0m), Money.Usd(15_833.33m)], sixth.Holders.Select(h => h.Amount));
        Assert.Equal(
            "nothing accrues: saleable under Rule 144 from 2024-06-17, before this period (§ 2(d) excludes securities so saleable)",
            sixth.Holders[0].Basis);

        Assert.Equal([Money.Usd(45_333.33m), Money.Usd(140_833.33m)], sixth.Holders.Select(h => h.RunningTotal));
        Assert.Equal(Money.Usd(186_166.66m), schedule.Total);
        Assert.Contains(DelayPaymentReading.Rule144StopsFromSaleableDay, schedule.Readings);
    }

    [Fact]
    public void AllHoldersSaleable_NothingAccruesFromTheLastOnesDay()
    {
        // Beta saleable from 2024-04-10, Alpha from 2024-04-17: nothing accrues from the later day, so period 3 (04-02 to
        // 05-01) runs 04-02 to 04-16, 15 days, and ends by Rule 144. Alpha accrues all 15: 1 % × $1,000,000 × 15/30 =
        // $5,000.00; Beta 04-02 to 04-09, 8 days: 1 % × $2,500,000 × 8/30 = $6,666.67. With periods 1 and 2 in full
        // ($35,000.00 each) the total is $81,666.67.
        AgreementEvent[] events =
        [
            new("closing", AgreementEventKind.Closing, new LocalDate(2024, 1, 2)),
            new("alpha-144", AgreementEventKind.Rule144Saleable, new LocalDate(2024, 4, 17)) { Holder = "Alpha Fund LP" },
            new("beta-144", AgreementEventKind.Rule144Saleable, new LocalDate(2024, 4, 10)) { Holder = "Beta Partners LP" },
        ];

        var schedule = DeadlineEngine.Compute(Excluding, events, new LocalDate(2024, 8, 1), Holders).DelayPayments
            .Single(f => f.Failure == FailureKind.FilingFailure).Schedule!;

        var last = schedule.Periods[^1];
        Assert.Equal((3, new LocalDate(2024, 4, 2), new LocalDate(2024, 4, 16), AccrualEnd.Rule144Saleable),
            (last.Number, last.Start, last.End, last.EndedBy));
        Assert.Equal([Money.Usd(5_000m), Money.Usd(6_666.67m)], last.Holders.Select(h => h.Amount));
        Assert.Equal(Money.Usd(2 * 35_000m + 11_666.67m), schedule.Total);
    }

    [Fact]
    public void ClauseWithoutTheExclusion_TheEventChangesNothing()
    {
        // The modern template's § 2(d) has no Rule 144 exclusion: Alpha accrues period 5 in full, $10,000.00.
        var schedule = FilingFailure(Modern).Schedule!;

        Assert.Equal(Money.Usd(10_000m), schedule.Periods[4].Holders[0].Amount);
        Assert.Null(schedule.Periods[4].Holders[0].SaleableFrom);
        Assert.Equal(
            DeadlineEngine.Compute(Modern, [.. Events.Where(e => e.Kind != AgreementEventKind.Rule144Saleable)], new LocalDate(2024, 8, 1), Holders)
                .DelayPayments.Single(f => f.Failure == FailureKind.FilingFailure).Schedule!.Total,
            schedule.Total);
    }

    [Fact]
    public void EventRecordRules_ANamedHolder_Once()
    {
        var recorded = Events[..2];

        Assert.Equal("Rule144Saleable names the Holder whose securities became saleable under Rule 144.",
            EventRecordRules.FindContradiction(recorded, new("b", AgreementEventKind.Rule144Saleable, new LocalDate(2024, 7, 1))));
        Assert.Equal(
            "'Alpha Fund LP' is already recorded as saleable under Rule 144 from 2024-06-17 (event 'alpha-144'); securities become saleable once.",
            EventRecordRules.FindContradiction(recorded, new("again", AgreementEventKind.Rule144Saleable, new LocalDate(2024, 7, 1)) { Holder = "Alpha Fund LP" }));
        Assert.Null(EventRecordRules.FindContradiction(recorded, new("beta", AgreementEventKind.Rule144Saleable, new LocalDate(2024, 7, 1)) { Holder = "Beta Partners LP" }));
        Assert.Equal("Rule144Saleable on 2023-12-29 is before the Closing Date 2024-01-02.",
            EventRecordRules.FindContradiction(recorded, new("early", AgreementEventKind.Rule144Saleable, new LocalDate(2023, 12, 29)) { Holder = "Beta Partners LP" }));
    }
}

using NodaTime;
using RegRights.Core.DelayPayments;

namespace RegRights.Core.UnitTests.DelayPayments;

/// <summary>Figures a lawyer can redo by hand with a 2024 calendar.</summary>
public partial class DelayPaymentCalculatorTest
{
    [Fact]
    public void Compute_FilingFailureCuredOnDay47_TwoHoldersToTheCent()
    {
        // Filed on 2024-03-20, the 47th day after the Event Date: 47 days accrue, 2024-02-02 to 2024-03-19 (the cure day
        // does not). Period 1 is 30 days (2024-02-02 to 2024-03-02, February having 29), period 2 the 17 days to 2024-03-19.
        var schedule = Compute(Modern(), Filing(curedOn: D(2024, 3, 20)), D(2024, 6, 30));

        Assert.Equal(DelayPaymentOutcome.Computed, schedule.Outcome);
        Assert.Equal(2, schedule.Periods.Count);
        var first = schedule.Periods[0];
        Assert.Equal((D(2024, 2, 2), D(2024, 3, 2), 30, 30, AccrualEnd.FullPeriod), (first.Start, first.End, first.PeriodDays, first.AccruedDays, first.EndedBy));
        Assert.Equal([Money.Usd(10_000m), Money.Usd(25_000m)], first.Holders.Select(h => h.Amount));
        Assert.Equal(Money.Usd(35_000m), first.Total);
        // 5 Business Days after Saturday 2024-03-02: March 4, 5, 6, 7, 8.
        Assert.Equal(D(2024, 3, 8), first.DueDate);

        var second = schedule.Periods[1];
        Assert.Equal((D(2024, 3, 3), D(2024, 3, 19), 17, AccrualEnd.Cured), (second.Start, second.End, second.AccruedDays, second.EndedBy));
        Assert.True(second.IsPartial);
        // 1 % × $1,000,000 × 17/30 = $5,666.666… and 1 % × $2,500,000 × 17/30 = $14,166.666…, each up to the cent.
        Assert.Equal([Money.Usd(5_666.67m), Money.Usd(14_166.67m)], second.Holders.Select(h => h.Amount));
        // The sum of the rounded shares, a cent above 1 % × $3,500,000 × 17/30 = $19,833.33 rounded once.
        Assert.Equal(Money.Usd(19_833.34m), second.Total);
        // 5 Business Days after Tuesday 2024-03-19: March 20, 21, 22, 25, 26.
        Assert.Equal(D(2024, 3, 26), second.DueDate);
        Assert.Equal(Money.Usd(54_833.34m), schedule.Total);
        Assert.Equal(
            "1.0 % × $1,000,000.00 × 17/30 = $5,666.67, pro rata for 17 of 30 days (terms: rate per 30 days, pro rata daily; rounded to the cent, half a cent away from zero)",
            second.Holders[0].Basis);
        Assert.Equal(
            "§ 2(e) period 2: 2024-03-03 to 2024-03-19, 17 of 30 days; cured 2024-03-20, which does not accrue; payment due Tuesday 2024-03-26, 5 Business Days after 2024-03-19",
            second.Basis);
        Assert.Contains(DelayPaymentReading.CureDayDoesNotAccrue, schedule.Readings);
        Assert.Contains(DelayPaymentReading.ShortPeriodDueFromLastAccruingDay, schedule.Readings);
    }

    [Fact]
    public void Compute_HalfEvenRounding_RoundsTheHalfCentDown()
    {
        // 1 % × $1,000,000.50 × 30/30 = $10,000.005: away from zero $10,000.01, half-even $10,000.00.
        var holder = new HolderSubscription("odd", Money.Usd(1_000_000.50m));
        var facts = new DelayPaymentFacts(FailureKind.FilingFailure, EventDate, [holder]);

        var awayFromZero = Compute(Modern(), facts, EventDate.PlusDays(29));
        var halfEven = Compute(Modern() with { Rounding = MoneyRounding.CentHalfEven }, facts, EventDate.PlusDays(29));

        Assert.Equal(Money.Usd(10_000.01m), awayFromZero.Total);
        Assert.Equal(Money.Usd(10_000.00m), halfEven.Total);
    }

    [Fact]
    public void Compute_UncuredAsOfMidPeriod_IsInProgressWithNoDueDate()
    {
        // As of 2024-03-10 the second period has run 8 days (March 3 to 10): $2,666.67 to date for $1,000,000.
        var schedule = Compute(Modern(), Filing(), D(2024, 3, 10));

        var last = schedule.Periods[^1];
        Assert.Equal((AccrualEnd.InProgress, 8, (LocalDate?)null), (last.EndedBy, last.AccruedDays, last.DueDate));
        Assert.Equal(Money.Usd(2_666.67m), last.Holders[0].Amount);
        Assert.Equal(D(2024, 4, 1), last.ScheduledEnd);
    }

    [Fact]
    public void Compute_CalendarMonths_EachMonthOverItsOwnDays()
    {
        // Event Date 2024-01-31, 1 % per calendar month, due 3 calendar days after each period. Months from the Event
        // Date's anniversaries (2024-02-29, 2024-03-31, 2024-04-30): 2024-01-31 to 02-28 (29 days), 02-29 to 03-30
        // (31 days), then 03-31 to 04-29 (30 days) of which 16 have run by 2024-04-15: $1,000,000 × 1 % × 16/30 = $5,333.33.
        var terms = new DelayPaymentTerms("§ 2(e)", FailureKind.EffectivenessFailure, 1.0m, AccrualPeriodLength.CalendarMonth,
            new PaymentDueRule(3, businessDays: false));
        var facts = new DelayPaymentFacts(FailureKind.EffectivenessFailure, D(2024, 1, 31), [TwoHolders[0]]);

        var schedule = Compute(terms, facts, D(2024, 4, 15));

        Assert.Equal(
            [(D(2024, 1, 31), D(2024, 2, 28), 29, 29), (D(2024, 2, 29), D(2024, 3, 30), 31, 31), (D(2024, 3, 31), D(2024, 4, 15), 30, 16)],
            schedule.Periods.Select(p => (p.Start, p.End, p.PeriodDays, p.AccruedDays)));
        Assert.Equal([Money.Usd(10_000m), Money.Usd(10_000m), Money.Usd(5_333.33m)], schedule.Periods.Select(p => p.Total));
        // Calendar days, no roll: Saturday 2024-03-02 stands.
        Assert.Equal(D(2024, 3, 2), schedule.Periods[0].DueDate);
        Assert.Contains(DelayPaymentReading.MonthsAnchoredOnEventDate, schedule.Readings);
    }

    [Fact]
    public void Compute_WholePeriodForAnyPortion_OneDayAccruesTheFullRate()
    {
        var terms = Modern() with { ProRata = ProRataRule.WholePeriodForAnyPortion };

        var schedule = Compute(terms, Filing(curedOn: EventDate.PlusDays(31)), D(2024, 6, 30));

        Assert.Equal([Money.Usd(35_000m), Money.Usd(35_000m)], schedule.Periods.Select(p => p.Total));
        Assert.Equal(1, schedule.Periods[1].AccruedDays);
    }

    [Fact]
    public void Compute_SeedAgreement_GivesTheGapNotNumbers()
    {
        // § 1: "Registration Delay Payments" shall have the meaning set forth in Section 2(e); the exhibit's § 2 ends at (c).
        var schedule = DelayPaymentCalculator.Compute(DelayPaymentClause.NeoTherapeutics2000, Filing(), D(2000, 9, 1), Section1);

        Assert.Equal(DelayPaymentOutcome.TermsMissing, schedule.Outcome);
        Assert.Empty(schedule.Periods);
        Assert.Null(schedule.Total);
        Assert.Equal(CrossReferenceGap.NeoTherapeutics2000RegistrationDelayPayments, schedule.Gap);
        Assert.Equal("§ 1", schedule.Section);
        Assert.StartsWith("§ 1 refers to § 2(e), which the exhibit does not contain", schedule.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void Compute_FailureTheTermsDoNotCount_AccruesNothing()
    {
        var filingOnly = new DelayPaymentTerms("§ 2(e)", FailureKind.FilingFailure, 1.0m, AccrualPeriodLength.ThirtyDays,
            new PaymentDueRule(5, businessDays: true));
        var facts = Filing() with { Failure = FailureKind.MaintenanceFailure };

        var schedule = Compute(filingOnly, facts, D(2024, 6, 30));

        Assert.Equal(DelayPaymentOutcome.FailureNotCovered, schedule.Outcome);
        Assert.Empty(schedule.Periods);
        Assert.Equal("§ 2(e) counts Filing Failure, not a Maintenance Failure: nothing accrues.", schedule.Explanation);
    }

    [Fact]
    public void Compute_Rule144Exclusion_StopsOnTheSaleableDay()
    {
        // Saleable from 2024-02-12: ten days accrue (February 2 to 11), 1 % × $1,000,000 × 10/30 = $3,333.33.
        var terms = Modern() with { ExcludesRule144Saleable = true };
        var facts = Filing() with { Rule144SaleableFrom = D(2024, 2, 12) };

        var schedule = Compute(terms, facts, D(2024, 6, 30));

        var only = Assert.Single(schedule.Periods);
        Assert.Equal((AccrualEnd.Rule144Saleable, 10), (only.EndedBy, only.AccruedDays));
        Assert.Equal(Money.Usd(3_333.33m), only.Holders[0].Amount);
        Assert.Equal(Compute(Modern(), facts, D(2024, 3, 2)).Total, Compute(Modern(), facts with { Rule144SaleableFrom = null }, D(2024, 3, 2)).Total);
    }

    [Fact]
    public void Compute_InvalidFacts_Throw()
    {
        var twice = Filing() with { Holders = [TwoHolders[0], TwoHolders[0]] };
        var mixed = Filing() with { Holders = [TwoHolders[0], new("euro", new Money(1m, "EUR"))] };
        var two = Filing() with { Failure = FailureKind.FilingFailure | FailureKind.EffectivenessFailure };
        var early = Filing(curedOn: EventDate.PlusDays(-1));

        foreach (var facts in new[] { twice, mixed, two, early })
        {
            var ex = Assert.Throws<ArgumentException>(() => Compute(Modern(), facts, D(2024, 6, 30)));
            Assert.Equal("facts", ex.ParamName);
        }
    }
}

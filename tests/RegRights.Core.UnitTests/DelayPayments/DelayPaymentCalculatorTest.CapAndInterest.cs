using NodaTime;
using RegRights.Core.DelayPayments;

namespace RegRights.Core.UnitTests.DelayPayments;

/// <summary>The cap and late interest, by hand.</summary>
public partial class DelayPaymentCalculatorTest
{
    [Fact]
    public void Compute_SixPercentCap_ReachedOnDay180AndNothingAfter()
    {
        // 1 % per 30 days reaches 6 % after six full periods: day 180 is 2024-02-02 + 179 days = 2024-07-30.
        var schedule = Compute(Modern(capPercent: 6m), Filing(), D(2025, 6, 30));

        Assert.Equal(6, schedule.Periods.Count);
        Assert.Equal(D(2024, 7, 30), schedule.CapReachedOn);
        Assert.Equal(AccrualEnd.CapReached, schedule.Periods[^1].EndedBy);
        Assert.Equal(D(2024, 7, 30), schedule.Periods[^1].End);
        Assert.Equal(Money.Usd(210_000m), schedule.Total);
        Assert.Equal(Money.Usd(210_000m), schedule.Cap);
        Assert.Equal([Money.Usd(60_000m), Money.Usd(150_000m)], schedule.Periods[^1].Holders.Select(h => h.RunningTotal));
        // A later as-of date adds nothing.
        Assert.Equal(schedule.Total, Compute(Modern(capPercent: 6m), Filing(), D(2030, 1, 1)).Total);
        Assert.Contains("cap of $210,000.00 was reached on 2024-07-30", schedule.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void Compute_CapMidPeriod_StopsOnTheDayReachedWithTheRemainder()
    {
        // 5.5 % needs 165 days: five full periods (5 %) and 15 of the sixth's 30 days, 2024-07-01 to 2024-07-15.
        var schedule = Compute(Modern(capPercent: 5.5m), Filing(), D(2024, 12, 31));

        var last = schedule.Periods[^1];
        Assert.Equal((6, D(2024, 7, 1), D(2024, 7, 15), 15, AccrualEnd.CapReached), (last.Number, last.Start, last.End, last.AccruedDays, last.EndedBy));
        Assert.Equal(D(2024, 7, 15), schedule.CapReachedOn);
        Assert.Equal([Money.Usd(5_000m), Money.Usd(12_500m)], last.Holders.Select(h => h.Amount));
        Assert.Equal(Money.Usd(192_500m), schedule.Total);
    }

    [Fact]
    public void Compute_CapWithRoundingLeft_LastPeriodPaysWhatTheCapLeaves()
    {
        // 1 % × $1,000,000.50 = $10,000.005, rounded $10,000.01 a period; the 3 % cap is $30,000.015, rounded $30,000.02,
        // reached on day 90. Two periods have accrued $20,000.02, so the third pays $10,000.00, not $10,000.01.
        var holder = new HolderSubscription("h", Money.Usd(1_000_000.50m));
        var facts = new DelayPaymentFacts(FailureKind.FilingFailure, EventDate, [holder]);

        var schedule = Compute(Modern(capPercent: 3m), facts, D(2025, 1, 1));

        Assert.Equal([Money.Usd(10_000.01m), Money.Usd(10_000.01m), Money.Usd(10_000.00m)], schedule.Periods.Select(p => p.Total));
        Assert.Equal(Money.Usd(30_000.02m), schedule.Total);
        Assert.Equal(EventDate.PlusDays(89), schedule.CapReachedOn);
        Assert.EndsWith(
            "capped at $10,000.00: the 3 % cap of $1,000,000.50 is $30,000.02, less $20,000.02 accrued before (uncapped $10,000.01)",
            schedule.Periods[2].Holders[0].Basis, StringComparison.Ordinal);
    }

    [Fact]
    public void Compute_PaymentTenDaysLate_BearsInterestAtOneAndAHalfPercentAMonth()
    {
        // Period 1 is due Friday 2024-03-08. Alpha is paid its $10,000.00 on 2024-03-18, 10 days late:
        // 1.5 % × $10,000.00 × 10/30 = $50.00. Beta is paid $25,000.00 on the due date: no interest.
        var terms = Modern() with { LateInterest = LateInterestTerms.PerMonth(1.5m) };
        PaymentMade[] payments =
        [
            new("alpha", 1, D(2024, 3, 18), Money.Usd(10_000m)),
            new("beta", 1, D(2024, 3, 8), Money.Usd(25_000m)),
        ];

        var schedule = Compute(terms, Filing(curedOn: D(2024, 3, 3), payments), D(2024, 4, 30));

        var first = Assert.Single(schedule.Periods);
        var (alpha, beta) = (first.Holders[0], first.Holders[1]);
        Assert.Equal(Money.Usd(50m), alpha.LateInterest);
        Assert.Equal(Money.Usd(0m), alpha.Outstanding.Round(MoneyRounding.CentHalfAwayFromZero));
        Assert.Equal("1.5 % a month × ($10,000.00 × 10 days)/30 = $50.00, late after the due date 2024-03-08 (simple, daily)", alpha.LateInterestBasis);
        Assert.Equal(Money.Usd(0m), beta.LateInterest);
        Assert.Equal(string.Empty, beta.LateInterestBasis);
        Assert.Contains(DelayPaymentReading.LateInterestSimpleDaily, schedule.Readings);
    }

    [Fact]
    public void Compute_PartPaymentAndStillUnpaid_InterestOnEachBalance()
    {
        // Alpha: $4,000.00 paid 2024-03-18 (10 days on $10,000.00), then $6,000.00 owed to 2024-04-07 (20 days): at 18 %
        // a year, 18 % × ($10,000 × 10 + $6,000 × 20)/365 = 18 % × $220,000/365 = $108.49.
        var terms = Modern() with { LateInterest = LateInterestTerms.PerYear(18m) };
        PaymentMade[] payments = [new("alpha", 1, D(2024, 3, 18), Money.Usd(4_000m))];

        var alpha = Compute(terms, Filing(curedOn: D(2024, 3, 3), payments), D(2024, 4, 7)).Periods[0].Holders[0];

        Assert.Equal(Money.Usd(108.49m), alpha.LateInterest);
        Assert.Equal(Money.Usd(6_000m), alpha.Outstanding);
        Assert.Equal(Money.Usd(4_000m), alpha.Paid);
    }

    [Fact]
    public void Compute_LegalMaximum_IsFlaggedNotComputed()
    {
        var terms = Modern() with { LateInterest = LateInterestTerms.LegalMaximum };

        var schedule = Compute(terms, Filing(curedOn: D(2024, 3, 3)), D(2024, 4, 7));

        Assert.True(schedule.LateInterestUnknown);
        Assert.Null(schedule.Periods[0].Holders[0].LateInterest);
        Assert.Contains("maximum rate permitted by law", schedule.Periods[0].Holders[0].LateInterestBasis, StringComparison.Ordinal);
        Assert.False(Compute(Modern(), Filing(curedOn: D(2024, 3, 3)), D(2024, 4, 7)).LateInterestUnknown);
    }
}

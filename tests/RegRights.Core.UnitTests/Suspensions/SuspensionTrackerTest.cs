using NodaTime;
using RegRights.Core.Calendars;
using RegRights.Core.DelayPayments;
using RegRights.Core.Suspensions;

namespace RegRights.Core.UnitTests.Suspensions;

/// <summary>Grace periods a lawyer can count by hand on a 2024–2025 calendar.</summary>
public class SuspensionTrackerTest
{
    private static readonly Func<LocalDate, bool> Section1 = BusinessDayCalendar.Section1.IsBusinessDay;

    /// <summary>The modern form's limits: 30 consecutive days, 60 in 365, two occasions in 365, starts 10 Business Days apart.</summary>
    private static readonly SuspensionTerms Modern = new("§ 3(n)")
    {
        MaxConsecutiveDays = 30,
        MaxDaysIn365 = 60,
        MaxOccasionsIn365 = 2,
        MinBusinessDaysBetween = 10,
    };

    private static LocalDate D(int year, int month, int day) => new(year, month, day);

    private static SuspensionStatus Evaluate(SuspensionTerms terms, LocalDate asOf, params Suspension[] suspensions) =>
        SuspensionTracker.Evaluate(terms, suspensions, asOf, Section1);

    [Fact]
    public void Evaluate_ThirtyDaysNoticeToAdvice_IsWithinTheLimit()
    {
        // Notice 2024-03-01, Advice 2024-03-31: March 1 to 30 are 30 days (the Advice day does not count).
        var status = Evaluate(Modern, D(2024, 4, 30), new Suspension(D(2024, 3, 1), D(2024, 3, 31)));

        Assert.Empty(status.Breaches);
        Assert.Equal(30, status.DaysUsed);
        Assert.Contains(SuspensionReading.NoticeDayCountsAdviceDayDoesNot, status.Readings);
    }

    [Fact]
    public void Evaluate_MoreThanThirtyConsecutiveDays_MaintenanceFailureFromDay31()
    {
        // Notice 2024-03-01, Advice 2024-04-05: day 31 is Sunday 2024-03-31, the Maintenance Failure's Event Date; the
        // Advice cures it. The failure accrues 2024-03-31 to 2024-04-04: 1 % × $1,000,000 × 5/30 = $1,666.67.
        var status = Evaluate(Modern, D(2024, 4, 30), new Suspension(D(2024, 3, 1), D(2024, 4, 5)));

        var breach = Assert.Single(status.Breaches);
        Assert.Equal((SuspensionLimit.ConsecutiveDays, D(2024, 3, 31), 0, (LocalDate?)D(2024, 4, 5)),
            (breach.Limit, breach.ExceededOn, breach.Suspension, breach.CuredOn));
        Assert.Equal(
            "§ 3(n): the suspension noticed 2024-03-01 exceeds 30 consecutive days on Sunday 2024-03-31, its day 31 (the notice day is day 1); a Maintenance Failure from that day.",
            breach.Basis);

        var terms = new DelayPaymentTerms("§ 2(d)", FailureKind.MaintenanceFailure, 1.0m, AccrualPeriodLength.ThirtyDays,
            new PaymentDueRule(5, businessDays: true));
        var facts = new DelayPaymentFacts(FailureKind.MaintenanceFailure, breach.ExceededOn, [new("alpha", Money.Usd(1_000_000m))])
        {
            CuredOn = breach.CuredOn,
        };
        var payments = DelayPaymentCalculator.Compute(DelayPaymentClause.Of(terms), facts, D(2024, 4, 30), Section1);
        Assert.Equal(Money.Usd(1_666.67m), payments.Total);
        Assert.Equal(5, payments.Periods[0].AccruedDays);
    }

    [Fact]
    public void Evaluate_Running_LastAllowedDayIsDay30()
    {
        var status = Evaluate(Modern, D(2024, 3, 20), new Suspension(D(2024, 3, 1), null));

        Assert.Equal(D(2024, 3, 30), status.CurrentLastAllowedDay);
        Assert.Equal(SuspensionLimit.ConsecutiveDays, status.CurrentLimitingTerm);
        Assert.Empty(status.Breaches);
        Assert.Equal(20, status.DaysUsed);
    }

    [Fact]
    public void Evaluate_SixtyOneDaysInAYear_ExceededOnTheSixtyFirst()
    {
        // 29 days (2024-01-10 to 02-07) and 30 (05-01 to 05-30) leave one day for a third suspension noticed 2024-10-01:
        // it is the 60th, and 2024-10-02 the 61st in the 365 days 2023-10-04 to 2024-10-02.
        var terms = Modern with { MaxOccasionsIn365 = null };
        Suspension[] suspensions =
        [
            new(D(2024, 1, 10), D(2024, 2, 8)),
            new(D(2024, 5, 1), D(2024, 5, 31)),
            new(D(2024, 10, 1), D(2024, 10, 20)),
        ];

        var status = Evaluate(terms, D(2024, 10, 31), suspensions);
        var running = Evaluate(terms, D(2024, 10, 1), [.. suspensions[..2], suspensions[2] with { Ended = null }]);

        var breach = Assert.Single(status.Breaches);
        Assert.Equal((SuspensionLimit.DaysIn365, D(2024, 10, 2), 2), (breach.Limit, breach.ExceededOn, breach.Suspension));
        Assert.Contains("365 days 2023-10-04 to 2024-10-02 to 61 suspension days, over 60", breach.Basis, StringComparison.Ordinal);
        Assert.Equal((D(2024, 10, 1), (SuspensionLimit?)SuspensionLimit.DaysIn365), (running.CurrentLastAllowedDay, running.CurrentLimitingTerm));
        Assert.Equal(60, running.DaysUsed);
    }

    [Fact]
    public void Evaluate_DaysIn365_EarlierDaysLeaveTheWindow()
    {
        // The same first two suspensions, and a third noticed 2025-01-15 (no consecutive limit). As the 365 days slide,
        // January 2024's days leave as the new ones come, so the count holds at 54 until 2025-02-07 (the window then
        // starting 2024-02-08); from there it grows by one a day: 60 on 2025-02-13, the last allowed day.
        var terms = new SuspensionTerms("§ 3(n)") { MaxDaysIn365 = 60 };

        var status = Evaluate(terms, D(2025, 1, 20),
            new(D(2024, 1, 10), D(2024, 2, 8)), new(D(2024, 5, 1), D(2024, 5, 31)), new(D(2025, 1, 15), null));

        Assert.Equal(D(2025, 2, 13), status.CurrentLastAllowedDay);
        // 2024-01-22 to 02-07 (17 days), May's 30 and 2025-01-15 to 20 (6 days).
        Assert.Equal(53, status.DaysUsed);
        Assert.Equal(3, status.OccasionsUsed);
        Assert.Empty(status.Breaches);
    }

    [Theory]
    // Noticed 2024-12-31, the 365 days 2024-01-02 to 2024-12-31 hold 59 earlier days: one for it, then as each earlier
    // day leaves the window a new one comes, 60 through 2025-02-28 (the window then starting 2024-03-01).
    [InlineData(2024, 12, 31, 2025, 2, 28)]
    // Noticed a day sooner, the 365 days 2024-01-01 to 2024-12-30 hold all 60: no day is left, and the last allowed day
    // is the day before the notice.
    [InlineData(2024, 12, 30, 2024, 12, 29)]
    public void Evaluate_DaysIn365_TheWindowsEdge(int year, int month, int day, int lastYear, int lastMonth, int lastDay)
    {
        // 60 days noticed 2024-01-01 with the Advice 2024-03-01: January's 31 and February's 29.
        var terms = new SuspensionTerms("§ 3(n)") { MaxDaysIn365 = 60 };
        var start = D(year, month, day);

        var status = Evaluate(terms, start, new(D(2024, 1, 1), D(2024, 3, 1)), new(start, null));

        Assert.Equal(D(lastYear, lastMonth, lastDay), status.CurrentLastAllowedDay);
        Assert.Equal(status.CurrentLastAllowedDay < start ? 1 : 0, status.Breaches.Count);
    }

    [Fact]
    public void Evaluate_ThirdOccasionInAYear_ExceedsOnItsNotice()
    {
        Suspension[] twoFirst = [new(D(2024, 1, 10), D(2024, 1, 20)), new(D(2024, 6, 3), D(2024, 6, 10))];

        var within = Evaluate(Modern, D(2024, 12, 31), [.. twoFirst, new(D(2024, 11, 4), D(2024, 11, 8))]);
        // The first suspension's last day, 2024-01-19, is before 2024-01-22, the window's start for a notice on 2025-01-21.
        var later = Evaluate(Modern, D(2025, 2, 28), [.. twoFirst, new(D(2025, 1, 21), D(2025, 1, 24))]);

        var breach = Assert.Single(within.Breaches);
        Assert.Equal((SuspensionLimit.OccasionsIn365, D(2024, 11, 4)), (breach.Limit, breach.ExceededOn));
        Assert.Contains("is occasion 3 in the 365 days 2023-11-06 to 2024-11-04, over 2", breach.Basis, StringComparison.Ordinal);
        Assert.Empty(later.Breaches);
        Assert.Contains(SuspensionReading.OccasionCountsWhereItLasts, within.Readings);
    }

    [Fact]
    public void Evaluate_NoticeFewerThanTenBusinessDaysAfterTheLast_Exceeds()
    {
        // Ten Business Days after Friday 2024-03-01: March 4-8 and 11-15, so the earliest next notice is 2024-03-15.
        Suspension first = new(D(2024, 3, 1), D(2024, 3, 4));

        var early = Evaluate(Modern, D(2024, 3, 31), first, new(D(2024, 3, 12), D(2024, 3, 13)));
        var onTime = Evaluate(Modern, D(2024, 3, 31), first, new(D(2024, 3, 15), D(2024, 3, 18)));

        var breach = Assert.Single(early.Breaches);
        Assert.Equal((SuspensionLimit.BusinessDaysBetween, D(2024, 3, 12), 1), (breach.Limit, breach.ExceededOn, breach.Suspension));
        Assert.Contains("the earliest allowed was 2024-03-15", breach.Basis, StringComparison.Ordinal);
        Assert.Empty(onTime.Breaches);
    }

    [Fact]
    public void Evaluate_SeedSection6e_HasNoLimit()
    {
        // § 6(e): dispositions stop on the notice until the Advice; nothing caps how long or how often.
        var status = Evaluate(SuspensionTerms.NeoTherapeutics2000, D(2001, 6, 30), new Suspension(D(2000, 9, 1), null));

        Assert.Empty(status.Breaches);
        Assert.Null(status.CurrentLastAllowedDay);
        Assert.Equal(303, status.DaysUsed);
        Assert.EndsWith("the clause sets no limit on how long or how often, so no suspension is a Maintenance Failure under it.",
            status.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_LaterSuspensionsAreIgnoredAsOfEarlier()
    {
        var status = Evaluate(Modern, D(2024, 3, 10), new(D(2024, 3, 1), D(2024, 3, 4)), new(D(2024, 3, 12), null));

        Assert.Empty(status.Breaches);
        Assert.Equal(3, status.DaysUsed);
        Assert.Null(status.CurrentLastAllowedDay);
    }

    [Fact]
    public void Evaluate_Overlapping_Throws()
    {
        var ex = Assert.Throws<ArgumentException>(() =>
            Evaluate(Modern, D(2024, 12, 31), new(D(2024, 3, 1), D(2024, 3, 10)), new(D(2024, 3, 9), null)));
        Assert.Equal("suspensions", ex.ParamName);
        Assert.Throws<ArgumentException>(() => Evaluate(Modern, D(2024, 12, 31), new Suspension(D(2024, 3, 2), D(2024, 3, 1))));
        Assert.Throws<ArgumentOutOfRangeException>(() => new SuspensionTerms("x") { MaxDaysIn365 = 0 });
    }
}

using NodaTime;
using RegRights.Core.Agreements;
using RegRights.Core.Deadlines;
using RegRights.Core.DelayPayments;

namespace RegRights.Core.UnitTests.Deals;

/// <summary>
/// Subscription amounts per closing (<see cref="HolderSubscription.Tranche"/>): each closing's missed Filing Deadline
/// accrues on the amounts paid at that closing; an amount naming no tranche is the first (or only) closing's.
/// </summary>
public class TrancheAmountsTest
{
    private static readonly AgreementTerms Modern = AgreementTemplates.ModernPipe.Terms;

    private static readonly AgreementEvent[] Events =
    [
        new("closing", AgreementEventKind.Closing, new LocalDate(2024, 1, 2)),
        new("second", AgreementEventKind.Closing, new LocalDate(2024, 2, 15)) { Tranche = "second closing" },
        new("filed", AgreementEventKind.Filed, new LocalDate(2024, 2, 20)) { RefersTo = "closing" },
        new("effective", AgreementEventKind.DeclaredEffective, new LocalDate(2024, 3, 1)),
        new("filed-2", AgreementEventKind.Filed, new LocalDate(2024, 4, 1)) { RefersTo = "second" },
    ];

    private static readonly HolderSubscription[] Holders =
    [
        new("Alpha Fund LP", Money.Usd(1_000_000m)),
        new("Beta Partners LP", Money.Usd(2_500_000m)),
        new("Alpha Fund LP", Money.Usd(500_000m)) { Tranche = "second closing" },
    ];

    [Fact]
    public void TwoClosingsBothFiledLate_EachAccruesOnItsOwnAmounts_NumberedByFirstDay()
    {
        // First closing 2024-01-02: Filing Date Thursday 02-01 missed, Event Date 02-02, filed Tuesday 02-20 (the cure):
        // 02-02 to 02-19, 18 of 30 days: 1 % × $1,000,000 × 18/30 = $6,000.00 (Alpha), 1 % × $2,500,000 × 18/30 =
        // $15,000.00 (Beta), due 5 New York Business Days after Monday 02-19 (Presidents' Day, banks closed): 02-20, 21,
        // 22, 23, 26, Monday 2024-02-26.
        // Second closing 2024-02-15: 30 days is Saturday 03-16, rolled to Monday 03-18; Event Date 03-19, filed Monday
        // 04-01: 03-19 to 03-31, 13 of 30 days, on Alpha's $500,000 at that closing alone: 1 % × $500,000 × 13/30 =
        // $2,166.67, due 5 Business Days after Sunday 03-31: Friday 2024-04-05. Its period starts after the first
        // closing's, so it is payment #2.
        var schedule = DeadlineEngine.Compute(Modern, Events, new LocalDate(2024, 4, 10), Holders);

        var failures = schedule.DelayPayments.Where(f => f.Failure == FailureKind.FilingFailure).ToList();
        Assert.Equal([null, "second closing"], failures.Select(f => f.Tranche));
        Assert.Equal([new LocalDate(2024, 2, 2), new LocalDate(2024, 3, 19)], failures.Select(f => f.EventDate));

        var first = Assert.Single(failures[0].Schedule!.Periods);
        Assert.Equal([("Alpha Fund LP", Money.Usd(6_000m)), ("Beta Partners LP", Money.Usd(15_000m))],
            first.Holders.Select(h => (h.HolderId, h.Amount)));
        Assert.Equal(["filing-failure-payment#1"], failures[0].PeriodKeys);
        Assert.Equal(new LocalDate(2024, 2, 26), schedule.Find("filing-failure-payment#1")!.DueDate);

        var second = Assert.Single(failures[1].Schedule!.Periods);
        Assert.Equal((new LocalDate(2024, 3, 19), new LocalDate(2024, 3, 31), 13), (second.Start, second.End, second.AccruedDays));
        Assert.Equal([("Alpha Fund LP", Money.Usd(2_166.67m))], second.Holders.Select(h => (h.HolderId, h.Amount)));
        Assert.Equal(["filing-failure-payment#2"], failures[1].PeriodKeys);
        var due = schedule.Find("filing-failure-payment#2")!;
        Assert.Equal((new LocalDate(2024, 4, 5), DeadlineStatus.Missed), (due.DueDate, due.Status)); // unpaid on 04-10
        Assert.Contains(due.Warnings, w => w.Message.StartsWith("Amounts due: Alpha Fund LP $2,166.67; total $2,166.67", StringComparison.Ordinal));
    }

    [Fact]
    public void PaymentOfTheSecondClosingsPeriod_MeetsIt()
    {
        // Alpha's $2,166.67 paid Wednesday 2024-04-03 against filing-failure-payment#2, the second closing's period.
        AgreementEvent[] events =
        [
            .. Events,
            new("paid", AgreementEventKind.DelayPaymentMade, new LocalDate(2024, 4, 3))
            {
                DeadlineKey = "filing-failure-payment#2", Holder = "Alpha Fund LP", Amount = Money.Usd(2_166.67m),
            },
        ];

        var schedule = DeadlineEngine.Compute(Modern, events, new LocalDate(2024, 4, 10), Holders);

        var due = schedule.Find("filing-failure-payment#2")!;
        Assert.Equal((DeadlineStatus.Met, "paid"), (due.Status, due.MetBy!.Id));
        Assert.Equal(Money.Usd(2_166.67m), schedule.DelayPayments[1].Schedule!.Periods[0].Holders[0].Paid);
        Assert.Equal(Money.Usd(0m), schedule.DelayPayments[0].Schedule!.Periods[0].Holders[0].Paid);
    }

    [Fact]
    public void SingleAmounts_AreTheFirstClosings_TheSecondsFailureSaysItsBaseIsUnknown()
    {
        // The single-amount form: both Holders' amounts are the first closing's; the second closing's missed Filing
        // Deadline is a Filing Failure with no amounts, saying why.
        HolderSubscription[] single = [.. Holders.Take(2)];

        var schedule = DeadlineEngine.Compute(Modern, Events, new LocalDate(2024, 4, 10), single);

        var failures = schedule.DelayPayments.Where(f => f.Failure == FailureKind.FilingFailure).ToList();
        Assert.Equal(Money.Usd(21_000m), failures[0].Schedule!.Total);
        Assert.Null(failures[1].Schedule);
        Assert.Equal(
            "No Holder's subscription amount is recorded for the closing 'second closing' (a Holder party's trancheAmounts): the payments' base is unknown, so no amounts are computed.",
            failures[1].NotComputed);
        Assert.Equal(["filing-failure-payment#1"], schedule.Deadlines.Where(d => d.Obligation == ObligationCatalog.FilingFailurePayment).Select(d => d.Key));
    }

    [Fact]
    public void MaintenanceFailure_AccruesOnEveryClosingsAmounts()
    {
        // A suspension noticed 2024-05-01 with its Advice on 06-05 exceeds 30 consecutive days from 05-31: 5 days on
        // Alpha's $1,000,000 + $500,000 = $1,500,000: 1 % × $1,500,000 × 5/30 = $2,500.00; Beta's $4,166.67.
        AgreementEvent[] events =
        [
            .. Events,
            new("suspension", AgreementEventKind.SuspensionStarted, new LocalDate(2024, 5, 1)),
            new("advice", AgreementEventKind.SuspensionEnded, new LocalDate(2024, 6, 5)) { RefersTo = "suspension" },
        ];

        var schedule = DeadlineEngine.Compute(Modern, events, new LocalDate(2024, 7, 1), Holders);

        var maintenance = schedule.DelayPayments.Single(f => f.Failure == FailureKind.MaintenanceFailure);
        Assert.Equal([("Alpha Fund LP", Money.Usd(2_500m)), ("Beta Partners LP", Money.Usd(4_166.67m))],
            maintenance.Schedule!.Periods[0].Holders.Select(h => (h.HolderId, h.Amount)));
    }
}

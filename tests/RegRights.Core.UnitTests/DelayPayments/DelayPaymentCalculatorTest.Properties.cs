using FsCheck.Xunit;
using NodaTime;
using RegRights.Core.DelayPayments;

namespace RegRights.Core.UnitTests.DelayPayments;

/// <summary>Properties over clauses, Holders and dates drawn from a seed: the cap, the rounding, monotonicity.</summary>
public partial class DelayPaymentCalculatorTest
{
    private static readonly decimal[] Rates = [0.5m, 1.0m, 1.5m, 2.0m, 0.7m];
    private static readonly decimal?[] Caps = [null, 3m, 6m, 10m, 12m, 5.5m];

    // Weekdays as Business Days: the properties are about money, not holidays.
    private static readonly Func<LocalDate, bool> Weekdays = d => d.DayOfWeek < IsoDayOfWeek.Saturday;

    private static DelayPaymentTerms TermsFrom(int seed)
    {
        var s = (uint)seed;
        return new DelayPaymentTerms("§ 2(e)", FailureKind.FilingFailure, Rates[s % 5],
            s / 5 % 2 == 0 ? AccrualPeriodLength.ThirtyDays : AccrualPeriodLength.CalendarMonth,
            new PaymentDueRule((int)(s / 10 % 10), s / 100 % 2 == 0))
        {
            CapPercent = Caps[s / 200 % 6],
            ProRata = s / 1200 % 4 == 0 ? ProRataRule.WholePeriodForAnyPortion : ProRataRule.Daily,
            Rounding = s / 4800 % 2 == 0 ? MoneyRounding.CentHalfAwayFromZero : MoneyRounding.CentHalfEven,
        };
    }

    // One to four Holders, each $1.00 to $10,000,000.00 in cents, and an Event Date in 2000-2089.
    private static DelayPaymentFacts FactsFrom(int seed, int amounts)
    {
        var count = 1 + (int)((uint)amounts % 4);
        var holders = Enumerable.Range(0, count)
            .Select(i => new HolderSubscription($"h{i}", Money.Usd(1m + (ulong)((uint)amounts * 2654435761u * (uint)(i + 1)) % 1_000_000_000 / 100m)))
            .ToArray();
        return new(FailureKind.FilingFailure, new LocalDate(2000, 1, 1).PlusDays((int)((uint)seed % 32_000)), holders);
    }

    private static decimal TotalOf(DelayPaymentTerms terms, DelayPaymentFacts facts, LocalDate asOf) =>
        DelayPaymentCalculator.Compute(DelayPaymentClause.Of(terms), facts, asOf, Weekdays).Total!.Value.Amount;

    // What numbers several Filing Failures' periods together: the first days Compute gives, with a cure, Rule 144 and
    // payments drawn from the seed (a payment never moves a period).
    [Property]
    public bool PeriodStarts_AreComputesPeriodsFirstDays(int seed, int amounts, ushort days, byte cure)
    {
        var terms = TermsFrom(seed) with { ExcludesRule144Saleable = seed % 3 == 0 };
        var facts = FactsFrom(seed, amounts) is var f ? f with
        {
            CuredOn = cure % 2 == 0 ? f.EventDate.PlusDays(cure) : null,
            Rule144SaleableFrom = cure % 5 == 0 ? f.EventDate.PlusDays(cure / 2) : null,
            Payments = [new PaymentMade(f.Holders[0].HolderId, 1, f.EventDate.PlusDays(40), Money.Usd(1m + cure))],
        } : null!;
        var asOf = facts.EventDate.PlusDays(days % 2000);

        var starts = DelayPaymentCalculator.PeriodStarts(terms, facts, asOf, Weekdays);

        return starts.SequenceEqual(DelayPaymentCalculator.Compute(DelayPaymentClause.Of(terms), facts, asOf, Weekdays).Periods.Select(p => p.Start));
    }

    [Property]
    public bool Compute_TotalNeverExceedsTheCap(int seed, int amounts, ushort days)
    {
        var terms = TermsFrom(seed);
        var facts = FactsFrom(seed, amounts);

        var schedule = DelayPaymentCalculator.Compute(DelayPaymentClause.Of(terms), facts, facts.EventDate.PlusDays(days % 2000), Weekdays);

        return schedule.Cap is not { } cap || (schedule.Total <= cap && schedule.Periods.All(p => p.Holders.Zip(facts.Holders).All(x =>
            x.First.RunningTotal.Amount <= terms.Rounding.Round(x.Second.Amount.Amount * terms.CapPercent!.Value / 100m))));
    }

    [Property]
    public bool Compute_HolderAmountsSumToTheTotal_WithinTheRounding(int seed, int amounts, ushort days)
    {
        var terms = TermsFrom(seed);
        var facts = FactsFrom(seed, amounts);
        var subscribed = facts.Holders.Sum(h => h.Amount.Amount);

        var schedule = DelayPaymentCalculator.Compute(DelayPaymentClause.Of(terms), facts, facts.EventDate.PlusDays(days % 2000), Weekdays);

        // Exactly the sum of the rounded shares; and, short of the cap, within half a cent per Holder of the rate applied
        // once to the sum of the subscriptions.
        return schedule.Periods.All(p =>
        {
            var share = terms.ProRata == ProRataRule.Daily ? p.AccruedDays : p.PeriodDays;
            var once = subscribed * terms.RatePercent * share / (100m * p.PeriodDays);
            return p.Total.Amount == p.Holders.Sum(h => h.Amount.Amount)
                && (p.EndedBy == AccrualEnd.CapReached || Math.Abs(p.Total.Amount - once) <= facts.Holders.Count * terms.Rounding.MaxError);
        }) && schedule.Total!.Value.Amount == schedule.Periods.Sum(p => p.Total.Amount);
    }

    [Property]
    public bool Compute_IsMonotoneInTheAsOfDate(int seed, int amounts, ushort days, byte later)
    {
        var terms = TermsFrom(seed);
        var facts = FactsFrom(seed, amounts);
        var asOf = facts.EventDate.PlusDays(days % 2000 - 30);

        return TotalOf(terms, facts, asOf) <= TotalOf(terms, facts, asOf.PlusDays(later));
    }

    [Property]
    public bool Compute_EarlierCureNeverIncreasesTheAmount(int seed, int amounts, ushort cure, byte later)
    {
        var terms = TermsFrom(seed);
        var facts = FactsFrom(seed, amounts);
        var earlier = facts.EventDate.PlusDays(cure % 1000);
        var asOf = facts.EventDate.PlusDays(1500);

        return TotalOf(terms, facts with { CuredOn = earlier }, asOf)
            <= TotalOf(terms, facts with { CuredOn = earlier.PlusDays(later) }, asOf);
    }
}

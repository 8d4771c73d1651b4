using System.Globalization;
using NodaTime;
using RegRights.Core.Deadlines;

namespace RegRights.Core.DelayPayments;

/// <summary>The words of Registration Delay Payment results, so a lawyer can redo every figure by hand.</summary>
public static class DelayPaymentText
{
    /// <summary>A reading in words, with the other reading where there is one.</summary>
    public static string Describe(DelayPaymentReading reading) => reading switch
    {
        DelayPaymentReading.CureDayDoesNotAccrue =>
            "Reading: the Event Date accrues and the cure day does not (payments run until the failure is cured); the other reading also counts the cure day.",
        DelayPaymentReading.MonthsAnchoredOnEventDate =>
            "Reading: each calendar month runs to the day before the Event Date's next monthly anniversary, each anniversary counted from the Event Date (a 31st becomes the month's last day).",
        DelayPaymentReading.ShortPeriodDueFromLastAccruingDay =>
            "Reading: a period cut short is due counted from its last accruing day; the other reading counts from the full period's end.",
        DelayPaymentReading.RoundedPerHolderPerPeriod =>
            "Reading: each Holder's amount is rounded once per period, and the total is the sum of the rounded amounts.",
        DelayPaymentReading.CapPerHolder =>
            "Reading: the cap is a percent of each Holder's own subscription amount; the last capped period pays each Holder what its cap leaves.",
        DelayPaymentReading.LateInterestSimpleDaily =>
            "Reading: late interest is simple and daily (a month of 30 days, a year of 365), from the day after the due date through the day paid, and a payment goes to the period's amount.",
        DelayPaymentReading.Rule144StopsFromSaleableDay =>
            "Reading: nothing accrues from the first day the securities may be sold under Rule 144 without restriction.",
        _ => reading.ToString(),
    };

    /// <summary>"§ 1 refers to § 2(e), which the exhibit does not contain".</summary>
    public static string Describe(CrossReferenceGap gap) =>
        $"{gap.Section} refers to {gap.Cites}, which the exhibit does not contain";

    internal static string Missing(CrossReferenceGap gap) =>
        $"{Describe(gap)}: the terms of \"{gap.Term}\" are unknown, so no amounts are computed; enter the terms to compute them.";

    internal static string NotCovered(DelayPaymentTerms terms, FailureKind failure) =>
        $"{terms.Section} counts {Failures(terms.Failures)}, not a {Failure(failure)}: nothing accrues.";

    internal static string Percent(decimal percent) => percent.ToString(CultureInfo.InvariantCulture) + " %";

    internal static string Failure(FailureKind failure) => failure switch
    {
        FailureKind.FilingFailure => "Filing Failure",
        FailureKind.EffectivenessFailure => "Effectiveness Failure",
        FailureKind.MaintenanceFailure => "Maintenance Failure",
        _ => failure.ToString(),
    };

    internal static string HolderBasis(DelayPaymentTerms terms, HolderSubscription holder, int shareDays, int periodDays,
        decimal raw, decimal amount, decimal accruedBefore)
    {
        var money = holder.Amount.Currency;
        var share = $"{Percent(terms.RatePercent)} × {holder.Amount} × {shareDays}/{periodDays} = {new Money(raw, money)}";
        var proRata = terms.ProRata == ProRataRule.Daily
            ? shareDays == periodDays
                ? "a full period"
                : string.Create(CultureInfo.InvariantCulture, $"pro rata for {shareDays} of {periodDays} days")
            : "the whole period's rate for any portion of it";
        var line = $"{share}, {proRata} (terms: {Terms(terms)}; rounded {terms.Rounding.Name})";
        if (amount == raw)
        {
            return line;
        }

        return $"{line}; capped at {new Money(amount, money)}: the {Percent(terms.CapPercent!.Value)} cap of {holder.Amount} is " +
            $"{new Money(accruedBefore + amount, money)}, less {new Money(accruedBefore, money)} accrued before (uncapped {new Money(raw, money)})";
    }

    internal static string PeriodBasis(DelayPaymentTerms terms, int number, LocalDate start, LocalDate end, int periodDays,
        int days, AccrualEnd endedBy, DelayPaymentFacts facts, LocalDate? due)
    {
        var ended = endedBy switch
        {
            AccrualEnd.Cured => $"; cured {DateText.Iso(facts.CuredOn!.Value)}, which does not accrue",
            AccrualEnd.CapReached => "; the cap is reached on its last day and nothing accrues after",
            AccrualEnd.Rule144Saleable => $"; saleable under Rule 144 from {DateText.Iso(facts.Rule144SaleableFrom!.Value)}",
            AccrualEnd.InProgress => "; still running, amounts to date",
            _ => string.Empty,
        };
        var payable = due is { } d
            ? $"; payment due {DateText.WithWeekday(d)}, {Due(terms.PaymentDue)} {DateText.Iso(end)}"
            : "; no payment due until the period ends";
        return string.Create(CultureInfo.InvariantCulture, $"{terms.Section} period {number}: {DateText.Iso(start)} to {DateText.Iso(end)}, {days} of {periodDays} days") +
            ended + payable;
    }

    internal static string Summary(DelayPaymentTerms terms, DelayPaymentFacts facts, List<AccrualPeriod> periods,
        Money total, Money? cap, LocalDate? capReachedOn)
    {
        var capText = cap is { } c
            ? capReachedOn is { } day
                ? $"; the {Percent(terms.CapPercent!.Value)} cap of {c} was reached on {DateText.Iso(day)}"
                : $"; {Percent(terms.CapPercent!.Value)} cap {c}"
            : "; no cap";
        return string.Create(CultureInfo.InvariantCulture, $"{terms.Section}: {Failure(facts.Failure)} from {DateText.Iso(facts.EventDate)}, {periods.Count} period(s), {total} accrued") + capText + ".";
    }

    internal static string LateInterest(LateInterestTerms rate, LocalDate due, List<(decimal Balance, int Days)> stretches,
        Money interest, string currency)
    {
        var unit = rate.Basis == LateInterestBasis.PerYear ? "a year" : "a month";
        var terms = string.Join(" + ", stretches.Select(s => string.Create(CultureInfo.InvariantCulture, $"{new Money(s.Balance, currency)} × {s.Days} days")));
        return string.Create(CultureInfo.InvariantCulture, $"{Percent(rate.Percent)} {unit} × ({terms})/{rate.DaysPerUnit} = {interest}, late after the due date {DateText.Iso(due)} (simple, daily)");
    }

    internal static string LegalMaximum(LocalDate due, List<(decimal Balance, int Days)> stretches) =>
        string.Create(CultureInfo.InvariantCulture, $"late after the due date {DateText.Iso(due)} for {stretches.Sum(s => s.Days)} days at \"the maximum rate permitted by law\", which the terms do not state: not computed");

    private static string Terms(DelayPaymentTerms terms)
    {
        var period = terms.Period == AccrualPeriodLength.ThirtyDays ? "rate per 30 days" : "rate per calendar month";
        var proRata = terms.ProRata == ProRataRule.Daily ? "pro rata daily" : "whole period for any portion";
        return $"{period}, {proRata}";
    }

    private static string Due(PaymentDueRule rule) =>
        string.Create(CultureInfo.InvariantCulture, $"{rule.Count} {(rule.BusinessDays ? "Business Days" : "days")} after");

    private static string Failures(FailureKind failures) =>
        string.Join(", ", Enum.GetValues<FailureKind>().Where(f => f != FailureKind.None && failures.HasFlag(f)).Select(Failure));
}

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

    /// <summary>"Filing Failure", "Effectiveness Failure", "Maintenance Failure".</summary>
    public static string Describe(FailureKind failure) => Failure(failure);

    internal static string Failure(FailureKind failure) => failure switch
    {
        FailureKind.FilingFailure => "Filing Failure",
        FailureKind.EffectivenessFailure => "Effectiveness Failure",
        FailureKind.MaintenanceFailure => "Maintenance Failure",
        _ => failure.ToString(),
    };

    internal static string HolderBasis(DelayPaymentTerms terms, ClauseWords words, string holderAmount, int shareDays,
        int periodDays, Money raw, Money amount, Money accruedBefore, LocalDate? saleableFrom)
    {
        if (saleableFrom is { } saleable)
        {
            // Rule 144: the Holder's own day cuts its share; the other Holders' shares go on.
            return shareDays == 0
                ? $"nothing accrues: saleable under Rule 144 from {DateText.Iso(saleable)}, before this period ({terms.Section} excludes securities so saleable)"
                : string.Concat(HolderBasis(terms, words, holderAmount, shareDays, periodDays, raw, amount, accruedBefore, null),
                    "; saleable under Rule 144 from ", DateText.Iso(saleable), ", which does not accrue");
        }

        var line = terms.ProRata == ProRataRule.Daily && shareDays != periodDays
            ? string.Create(CultureInfo.InvariantCulture,
                $"{words.Rate} × {holderAmount} × {shareDays}/{periodDays} = {raw}, pro rata for {shareDays} of {periodDays} days {words.Note}")
            : string.Create(CultureInfo.InvariantCulture,
                $"{words.Rate} × {holderAmount} × {shareDays}/{periodDays} = {raw}, {(shareDays == periodDays && terms.ProRata == ProRataRule.Daily ? "a full period" : "the whole period's rate for any portion of it")} {words.Note}");
        return amount == raw
            ? line
            : string.Create(CultureInfo.InvariantCulture,
                $"{line}; capped at {amount}: the {Percent(terms.CapPercent!.Value)} cap of {holderAmount} is {accruedBefore.Plus(amount)}, less {accruedBefore} accrued before (uncapped {raw})");
    }

    internal static string PeriodBasis(DelayPaymentTerms terms, ClauseWords words, int number, LocalDate start, LocalDate end,
        int periodDays, int days, AccrualEnd endedBy, DelayPaymentFacts facts, LocalDate? due)
    {
        var ended = endedBy switch
        {
            AccrualEnd.Cured => string.Concat("; cured ", DateText.Iso(facts.CuredOn!.Value), ", which does not accrue"),
            AccrualEnd.CapReached => "; the cap is reached on its last day and nothing accrues after",
            AccrualEnd.Rule144Saleable => string.Concat("; saleable under Rule 144 from ", DateText.Iso(facts.Rule144SaleableFrom!.Value)),
            AccrualEnd.InProgress => "; still running, amounts to date",
            _ => string.Empty,
        };
        return due is { } d
            ? string.Create(CultureInfo.InvariantCulture,
                $"{terms.Section} period {number}: {DateText.Iso(start)} to {DateText.Iso(end)}, {days} of {periodDays} days{ended}; payment due {DateText.WithWeekday(d)}, {words.Due} {DateText.Iso(end)}")
            : string.Create(CultureInfo.InvariantCulture,
                $"{terms.Section} period {number}: {DateText.Iso(start)} to {DateText.Iso(end)}, {days} of {periodDays} days{ended}; no payment due until the period ends");
    }

    internal static string Summary(DelayPaymentTerms terms, DelayPaymentFacts facts, IReadOnlyList<AccrualPeriod> periods,
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

    private static string Failures(FailureKind failures) =>
        string.Join(", ", Enum.GetValues<FailureKind>().Where(f => f != FailureKind.None && failures.HasFlag(f)).Select(Failure));
}

/// <summary>The words a computation repeats on every period and Holder, written once for it.</summary>
internal sealed class ClauseWords(DelayPaymentTerms terms)
{
    /// <summary>"1.0 %".</summary>
    internal string Rate { get; } = DelayPaymentText.Percent(terms.RatePercent);

    /// <summary>"(terms: rate per 30 days, pro rata daily; rounded to the cent, half a cent away from zero)".</summary>
    internal string Note { get; } = string.Concat(
        "(terms: ", terms.Period == AccrualPeriodLength.ThirtyDays ? "rate per 30 days" : "rate per calendar month",
        terms.ProRata == ProRataRule.Daily ? ", pro rata daily" : ", whole period for any portion",
        "; rounded ", terms.Rounding.Name, ")");

    /// <summary>"5 Business Days after".</summary>
    internal string Due { get; } = string.Create(CultureInfo.InvariantCulture,
        $"{terms.PaymentDue.Count} {(terms.PaymentDue.BusinessDays ? "Business Days" : "days")} after");
}

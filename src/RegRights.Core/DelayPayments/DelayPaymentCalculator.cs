using System.Numerics;
using NodaTime;
using RegRights.Core.Utility;

namespace RegRights.Core.DelayPayments;

/// <summary>
/// Registration Delay Payments as of a date: the accrual periods from the Event Date, each Holder's amount, the cap,
/// the due dates and late interest. Rules only; the words are <see cref="DelayPaymentText"/>'s.
/// </summary>
public static class DelayPaymentCalculator
{
    /// <summary>Computes the payments accrued on <paramref name="facts"/> under <paramref name="clause"/> as of <paramref name="asOf"/>.</summary>
    /// <remarks>
    /// Days through <paramref name="asOf"/> accrue (inclusive); a period still running is <see cref="AccrualEnd.InProgress"/>,
    /// with its amount to date and no due date. An as-of date before the Event Date gives no periods. A missing clause
    /// gives <see cref="DelayPaymentOutcome.TermsMissing"/> with the gap, and no numbers.
    /// </remarks>
    /// <param name="clause">The agreement's clause.</param>
    /// <param name="facts">The failure, its dates, the Holders and the payments made.</param>
    /// <param name="asOf">The day to compute as of.</param>
    /// <param name="isBusinessDay">The agreement's Business Day test, e.g. <c>BusinessDayCalendar.Section1.IsBusinessDay</c>; used for a due date in Business Days.</param>
    /// <exception cref="ArgumentException">
    /// The facts name no failure or several; no Holder, a repeated Holder id, a non-positive amount or mixed currencies;
    /// a cure before the Event Date; a payment naming an unknown Holder or a period number below 1.
    /// </exception>
    public static DelayPaymentSchedule Compute(DelayPaymentClause clause, DelayPaymentFacts facts, LocalDate asOf,
        Func<LocalDate, bool> isBusinessDay)
    {
        Preconditions.CheckNotNull(clause);
        Preconditions.CheckNotNull(isBusinessDay);
        var currency = CheckFacts(facts);

        if (clause.Terms is not { } terms)
        {
            var gap = clause.Gap!;
            return new(DelayPaymentOutcome.TermsMissing, gap.Section, facts.Failure, facts.EventDate, asOf, [], null, null,
                null, gap, [], DelayPaymentText.Missing(gap));
        }

        if ((terms.Failures & facts.Failure) == 0)
        {
            return new(DelayPaymentOutcome.FailureNotCovered, terms.Section, facts.Failure, facts.EventDate, asOf, [],
                Money.Zero(currency), null, null, null, [], DelayPaymentText.NotCovered(terms, facts.Failure));
        }

        return new Accrual(terms, facts, asOf, isBusinessDay, currency).Run();
    }

    /// <summary>
    /// The first day of each accrual period <see cref="Compute"/> would give, without computing any amount: what numbers
    /// several failures' periods together (the payments made do not move a period).
    /// </summary>
    internal static List<LocalDate> PeriodStarts(DelayPaymentTerms terms, DelayPaymentFacts facts, LocalDate asOf,
        Func<LocalDate, bool> isBusinessDay)
    {
        Preconditions.CheckNotNull(terms);
        return (terms.Failures & facts.Failure) == 0
            ? []
            : new Accrual(terms, facts, asOf, isBusinessDay, CheckFacts(facts)).PeriodStarts();
    }

    // One period's days (Accrual.SpanAt): its first and last accruing day, its scheduled last day, its length and why it ended.
    private readonly record struct Span(LocalDate Start, LocalDate End, LocalDate ScheduledEnd, int PeriodDays, int Days, AccrualEnd EndedBy);

    private static string CheckFacts(DelayPaymentFacts facts)
    {
        Preconditions.CheckNotNull(facts);
        Preconditions.CheckArgument(BitOperations.IsPow2((uint)facts.Failure) && facts.Failure <= FailureKind.MaintenanceFailure,
            nameof(facts), "Facts should name exactly one failure");
        var holders = Preconditions.CheckNotNull(facts.Holders);
        Preconditions.CheckArgument(holders.Count > 0, nameof(facts), "Facts should name at least one Holder");
        var currency = Preconditions.CheckNotNull(holders[0]).Amount.Currency;
        for (var i = 0; i < holders.Count; i++)
        {
            // The messages are written only on failure: this check runs on every computation.
            var holder = Preconditions.CheckNotNull(holders[i]);
            if (IndexOf(holders, holder.HolderId) != i)
            {
                throw new ArgumentException($"Holder {holder.HolderId} is named twice", nameof(facts));
            }

            if (holder.Amount.Amount <= 0m || holder.Amount.Currency != currency)
            {
                throw new ArgumentException($"Holder {holder.HolderId} should have a positive amount in {currency}", nameof(facts));
            }
        }

        Preconditions.CheckArgument(facts.CuredOn is not { } cure || cure >= facts.EventDate, nameof(facts),
            "The cure should not precede the Event Date");
        foreach (var payment in facts.Payments)
        {
            if (IndexOf(holders, payment.HolderId) < 0 || payment.PeriodNumber < 1 || payment.Amount.Currency != currency)
            {
                throw new ArgumentException(
                    $"Payment to {payment.HolderId} should name a Holder, a period from 1 and {currency}", nameof(facts));
            }
        }

        return currency;
    }

    private static readonly List<PaymentMade> NoPayments = [];

    // A deal has a handful of Holders: a scan costs less than building a set.
    private static int IndexOf(IReadOnlyList<HolderSubscription> holders, string holderId)
    {
        for (var i = 0; i < holders.Count; i++)
        {
            if (string.Equals(holders[i].HolderId, holderId, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>One computation's state: the periods are built in order, each Holder's running total carried.</summary>
    private sealed class Accrual(DelayPaymentTerms terms, DelayPaymentFacts facts, LocalDate asOf,
        Func<LocalDate, bool> isBusinessDay, string currency)
    {
        private readonly IReadOnlyList<HolderSubscription> holders = facts.Holders;
        private readonly decimal[] accrued = new decimal[facts.Holders.Count];
        private readonly AccrualText text = new(terms, facts);

        // Each Holder's first day saleable under Rule 144, where the clause excludes such securities.
        private readonly LocalDate?[] saleable = SaleableFrom(terms, facts);

        // Each Holder's cap, rounded once: the last capped period pays exactly what it leaves.
        private readonly decimal[]? caps = terms.CapPercent is { } cap
            ? [.. facts.Holders.Select(h => terms.Rounding.Round(h.Amount.Amount * cap / 100m))]
            : null;

        internal DelayPaymentSchedule Run()
        {
            var (stop, stopReason) = FirstDayNotAccruing();
            var periods = new List<AccrualPeriod>();
            var running = 0m;
            var percentBefore = 0m;
            LocalDate? capReachedOn = null;
            var start = facts.EventDate;
            for (var k = 0; start < stop; k++)
            {
                var span = SpanAt(k, start, percentBefore, stop, stopReason);
                capReachedOn = span.EndedBy == AccrualEnd.CapReached ? span.End : capReachedOn;
                periods.Add(Build(k + 1, span.Start, span.End, span.ScheduledEnd, span.PeriodDays, span.Days, span.EndedBy, ref running));
                if (span.EndedBy != AccrualEnd.FullPeriod)
                {
                    break;
                }

                percentBefore += terms.RatePercent;
                start = span.ScheduledEnd.PlusDays(1);
            }

            Money? capTotal = caps is null ? null : new Money(caps.Sum(), currency);
            var total = new Money(running, currency);
            return new(DelayPaymentOutcome.Computed, terms.Section, facts.Failure, facts.EventDate, asOf, periods, total,
                capTotal, capReachedOn, null, Readings(periods), null, text);
        }

        // The periods' first days, as Run finds them, without an amount.
        internal List<LocalDate> PeriodStarts()
        {
            var (stop, stopReason) = FirstDayNotAccruing();
            var starts = new List<LocalDate>();
            var percentBefore = 0m;
            var start = facts.EventDate;
            for (var k = 0; start < stop; k++)
            {
                var span = SpanAt(k, start, percentBefore, stop, stopReason);
                starts.Add(span.Start);
                if (span.EndedBy != AccrualEnd.FullPeriod)
                {
                    break;
                }

                percentBefore += terms.RatePercent;
                start = span.ScheduledEnd.PlusDays(1);
            }

            return starts;
        }

        // Period k's days (from 0), starting on start: to the end of its 30 days or month, the day before the first day
        // that does not accrue (the day after the as-of date, Rule 144, the cure), or the day the cap is reached.
        private Span SpanAt(int k, LocalDate start, decimal percentBefore, LocalDate stop, AccrualEnd stopReason)
        {
            var scheduledEnd = PeriodStart(k + 1).PlusDays(-1);
            var periodDays = Period.DaysBetween(start, scheduledEnd) + 1;
            var end = scheduledEnd < stop ? scheduledEnd : stop.PlusDays(-1);
            var endedBy = end == scheduledEnd ? AccrualEnd.FullPeriod : stopReason;
            var days = Period.DaysBetween(start, end) + 1;
            if (terms.CapPercent is { } cap && DaysToCap(cap - percentBefore, periodDays) is var toCap && toCap <= days)
            {
                days = toCap;
                end = start.PlusDays(days - 1);
                endedBy = AccrualEnd.CapReached;
            }

            return new(start, end, scheduledEnd, periodDays, days, endedBy);
        }

        private (LocalDate Stop, AccrualEnd Reason) FirstDayNotAccruing()
        {
            var stop = asOf.PlusDays(1);
            var reason = AccrualEnd.InProgress;
            if (terms.ExcludesRule144Saleable && AllSaleableFrom() is { } all && all <= stop)
            {
                (stop, reason) = (all, AccrualEnd.Rule144Saleable);
            }

            if (terms.CureStopsAccrual && facts.CuredOn is { } cure && cure <= stop)
            {
                (stop, reason) = (cure, AccrualEnd.Cured);
            }

            return (stop, reason);
        }

        private static LocalDate?[] SaleableFrom(DelayPaymentTerms terms, DelayPaymentFacts facts)
        {
            var days = new LocalDate?[facts.Holders.Count];
            var byHolder = facts.Rule144SaleableFromByHolder;
            for (var i = 0; terms.ExcludesRule144Saleable && byHolder.Count > 0 && i < days.Length; i++)
            {
                days[i] = byHolder.TryGetValue(facts.Holders[i].HolderId, out var day) ? day : null;
            }

            return days;
        }

        // The day from which no Holder accrues: the day all are saleable, or the last Holder's own day.
        private LocalDate? AllSaleableFrom()
        {
            LocalDate? last = null;
            foreach (var day in saleable)
            {
                if (day is not { } d)
                {
                    last = null;
                    break;
                }

                last = last is { } l && l > d ? l : d;
            }

            return facts.Rule144SaleableFrom is { } everyone && (last is null || everyone < last) ? everyone : last;
        }

        private LocalDate PeriodStart(int k) => terms.Period == AccrualPeriodLength.ThirtyDays
            ? facts.EventDate.PlusDays(30 * k)
            : facts.EventDate.PlusMonths(k);

        // The fewest days of this period at which its share reaches the cap still open (exact: decimal products only).
        private int DaysToCap(decimal remainingPercent, int periodDays)
        {
            if (terms.ProRata == ProRataRule.WholePeriodForAnyPortion)
            {
                return terms.RatePercent >= remainingPercent ? 1 : int.MaxValue;
            }

            var needed = remainingPercent * periodDays;
            var days = (int)Math.Min(Math.Ceiling(needed / terms.RatePercent), int.MaxValue);
            while (days > 1 && terms.RatePercent * (days - 1) >= needed)
            {
                days--;
            }

            while (terms.RatePercent * days < needed)
            {
                days++;
            }

            return days;
        }

        private AccrualPeriod Build(int number, LocalDate start, LocalDate end, LocalDate scheduledEnd, int periodDays,
            int days, AccrualEnd endedBy, ref decimal running)
        {
            var shareDays = terms.ProRata == ProRataRule.Daily ? days : periodDays;
            LocalDate? due = endedBy == AccrualEnd.InProgress ? null : DueDate(end);
            var shares = new HolderAccrual[holders.Count];
            var periodTotal = 0m;
            for (var i = 0; i < holders.Count; i++)
            {
                var holder = holders[i];

                // A Holder saleable under Rule 144 from a day of this period accrues the days before it only.
                var holderDays = saleable[i] is { } from && from <= end ? Math.Max(0, Period.DaysBetween(start, from)) : days;
                var holderShareDays = holderDays == days ? shareDays
                    : terms.ProRata == ProRataRule.Daily ? holderDays
                    : holderDays > 0 ? periodDays : 0;
                var raw = terms.Rounding.Round(holder.Amount.Amount * terms.RatePercent * holderShareDays / (100m * periodDays));
                var amount = raw;
                if (caps is not null)
                {
                    var room = caps[i] - accrued[i];
                    amount = (endedBy == AccrualEnd.CapReached && holderDays == days) || raw > room ? room : raw;
                }

                accrued[i] += amount;
                periodTotal += amount;
                var money = new Money(amount, currency);
                var (paid, interest, late) = LateInterest(holder.HolderId, number, money, due);
                shares[i] = new(holder.HolderId, money, new(accrued[i], currency), paid, interest, text,
                    new(raw, currency), holderShareDays, periodDays, i, late)
                {
                    SaleableFrom = holderDays == days ? null : saleable[i],
                };
            }

            running += periodTotal;
            return new(number, start, end, scheduledEnd, periodDays, days, endedBy, shares, new(periodTotal, currency),
                new(running, currency), due, text);
        }

        private LocalDate DueDate(LocalDate end)
        {
            var rule = terms.PaymentDue;
            if (!rule.BusinessDays)
            {
                return end.PlusDays(rule.Count);
            }

            var date = end;
            for (var n = 0; n < rule.Count; n++)
            {
                do
                {
                    date = date.PlusDays(1);
                }
                while (!isBusinessDay(date));
            }

            return date;
        }

        // Simple daily interest on what stays unpaid after the due date: each payment through the as-of date ends a
        // stretch of days at the balance then owed (its own day included).
        private (Money Paid, Money? Interest, LateStretches? Late) LateInterest(string holderId, int number, Money amount, LocalDate? due)
        {
            var paid = 0m;
            var balance = amount.Amount;
            List<(decimal Balance, int Days)>? stretches = null;
            var from = due ?? LocalDate.MaxIsoValue;
            foreach (var payment in PaymentsFor(holderId, number))
            {
                if (payment.Date > from && balance > 0m)
                {
                    (stretches ??= []).Add((balance, Period.DaysBetween(from, payment.Date)));
                    from = payment.Date;
                }

                paid += payment.Amount.Amount;
                balance -= payment.Amount.Amount;
            }

            if (due is not null && balance > 0m && asOf > from)
            {
                (stretches ??= []).Add((balance, Period.DaysBetween(from, asOf)));
            }

            var paidMoney = new Money(paid, currency);
            var rate = terms.LateInterest;
            if (stretches is null || rate.Basis == LateInterestBasis.None)
            {
                return (paidMoney, Money.Zero(currency), null);
            }

            if (rate.Basis == LateInterestBasis.LegalMaximum)
            {
                return (paidMoney, null, new(due!.Value, stretches));
            }

            var balanceDays = stretches.Sum(s => s.Balance * s.Days);
            var interest = new Money(terms.Rounding.Round(balanceDays * rate.Percent / (100m * rate.DaysPerUnit)), currency);
            return (paidMoney, interest, new(due!.Value, stretches));
        }

        // This Holder's payments against this period made by the as-of date, in date order (a stable insertion sort:
        // there are seldom more than one or two).
        private List<PaymentMade> PaymentsFor(string holderId, int number)
        {
            List<PaymentMade>? found = null;
            foreach (var payment in facts.Payments)
            {
                if (payment.PeriodNumber == number && payment.Date <= asOf && payment.HolderId == holderId)
                {
                    found ??= [];
                    var at = found.Count;
                    while (at > 0 && found[at - 1].Date > payment.Date)
                    {
                        at--;
                    }

                    found.Insert(at, payment);
                }
            }

            return found ?? NoPayments;
        }

        private List<DelayPaymentReading> Readings(List<AccrualPeriod> periods)
        {
            List<DelayPaymentReading> readings = [DelayPaymentReading.CureDayDoesNotAccrue, DelayPaymentReading.RoundedPerHolderPerPeriod];
            if (terms.Period == AccrualPeriodLength.CalendarMonth)
            {
                readings.Add(DelayPaymentReading.MonthsAnchoredOnEventDate);
            }

            if (periods.Any(p => p.EndedBy is AccrualEnd.Cured or AccrualEnd.CapReached or AccrualEnd.Rule144Saleable && p.IsPartial))
            {
                readings.Add(DelayPaymentReading.ShortPeriodDueFromLastAccruingDay);
            }

            if (terms.CapPercent is not null)
            {
                readings.Add(DelayPaymentReading.CapPerHolder);
            }

            if (terms.LateInterest.Basis != LateInterestBasis.None)
            {
                readings.Add(DelayPaymentReading.LateInterestSimpleDaily);
            }

            if (terms.ExcludesRule144Saleable)
            {
                readings.Add(DelayPaymentReading.Rule144StopsFromSaleableDay);
            }

            return readings;
        }
    }
}

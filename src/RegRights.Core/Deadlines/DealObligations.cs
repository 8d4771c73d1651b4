using NodaTime;
using RegRights.Core.Agreements;
using RegRights.Core.Calendars;
using RegRights.Core.DelayPayments;
using RegRights.Core.Suspensions;
using RegRights.Core.Utility;

namespace RegRights.Core.Deadlines;

/// <summary>
/// One failure found on the schedule and its Registration Delay Payments: the Event Date and the cure come from the
/// deadline engine (a missed Filing or Effectiveness Deadline, cured by the filing or the declaration) or from the
/// suspensions (a limit exceeded, cured by the Advice).
/// </summary>
/// <param name="Failure">Which failure.</param>
/// <param name="EventDate">Its first day, which accrues: the day after the missed deadline's last permitted day, or the first day beyond a grace period's limit.</param>
/// <param name="CuredOn">The cure (the filing, the declaration of effectiveness, the Advice); null while uncured.</param>
/// <param name="Basis">Where the Event Date and the cure come from, in words.</param>
public sealed record FailurePayments(FailureKind Failure, LocalDate EventDate, LocalDate? CuredOn, string Basis)
{
    /// <summary>The payments; null when they cannot be computed (<see cref="NotComputed"/> says why).</summary>
    public DelayPaymentSchedule? Schedule { get; init; }

    /// <summary>Why no amounts are computed (the clause is missing, no Holder's subscription amount is recorded); null when they are.</summary>
    public string? NotComputed { get; init; }

    /// <summary>
    /// For a Filing Failure, the tranche of the closing whose Filing Deadline was missed (<c>AgreementEvent.Tranche</c>);
    /// null for the first (or only) closing when it has no name, and for the other failures.
    /// </summary>
    public string? Tranche { get; init; }

    /// <summary>The payment deadline's key of each period of <see cref="Schedule"/>, in order; null for a period still running.</summary>
    public IReadOnlyList<string?> PeriodKeys { get; init; } = [];

    /// <summary>The cross-references this result depends on that the agreement does not contain.</summary>
    public IReadOnlyList<CrossReferenceGap> Gaps { get; init; } = [];
}

/// <summary>
/// What the delay payment and grace period clauses add to a schedule: the suspensions' status and each one's Advice
/// deadline, each failure's payments, and each accrual period's payment as a deadline (due date, amounts per Holder
/// and in total), reminded like any other.
/// </summary>
internal static class DealObligations
{
    internal static (IReadOnlyList<FailurePayments> Payments, SuspensionStatus? Suspensions) Evaluate(
        AgreementTerms terms, BusinessDayCalendar calendar, IReadOnlyList<AgreementEvent> events, LocalDate asOf,
        IReadOnlyList<HolderSubscription> holders, List<Deadline> deadlines)
    {
        var (suspensions, starts, ends) = Suspensions(events);
        var limits = terms.Suspensions;

        // Nothing to count and no limit to state (the seed's schedule before any suspension): no status.
        var status = suspensions.Count == 0 && !limits.HasLimits
            ? null
            : SuspensionTracker.Evaluate(limits, suspensions, asOf, calendar.IsBusinessDay);
        if (limits.MaxConsecutiveDays is not null || limits.MaxDaysIn365 is not null)
        {
            AddAdviceDeadlines(terms, calendar, suspensions, starts, ends, asOf, deadlines);
        }

        // Each closing's Filing Deadline (filing-date, filing-date#2, …), its tranche's subscriptions the base.
        var failures = new List<FailurePayments>();
        var bases = new List<IReadOnlyList<HolderSubscription>>();
        var closings = 0;
        string? firstName = null;
        List<string?>? tranches = null;
        foreach (var deadline in deadlines)
        {
            if (ReferenceEquals(deadline.Obligation, ObligationCatalog.FilingDate))
            {
                var tranche = deadline.StartedBy?.Tranche;
                if (++closings == 1)
                {
                    firstName = tranche;
                }
                else
                {
                    (tranches ??= [firstName]).Add(tranche);
                }

                if (AddMissed(failures, FailureKind.FilingFailure, deadline, asOf, tranche))
                {
                    bases.Add(OfTranche(holders, tranche, closings == 1));
                }
            }
        }

        var firstTranche = OfTranche(holders, firstName, first: true);
        if (AddMissed(failures, FailureKind.EffectivenessFailure, Find(deadlines, ObligationCatalog.EffectivenessDate.Key), asOf, null))
        {
            bases.Add(firstTranche);
        }

        IReadOnlyList<HolderSubscription> all = tranches is not null ? OfClosings(holders, tranches) : firstTranche;
        foreach (var breach in status?.Breaches ?? [])
        {
            failures.Add(new(FailureKind.MaintenanceFailure, breach.ExceededOn, breach.CuredOn,
                breach.Basis + (breach.CuredOn is { } cure ? $" Cured by the Advice of {DateText.Iso(cure)}." : " Uncured: the suspension has not ended.")));
            bases.Add(all);
        }

        var saleable = Rule144Saleable(events, asOf);
        var numbers = FilingNumbers(terms, calendar, failures, bases, saleable, asOf);
        var offset = 0;
        for (var i = 0; i < failures.Count; i++)
        {
            failures[i] = Pay(terms, calendar, failures[i], holders, bases[i], numbers?[i], saleable, events, asOf, deadlines, ref offset);
        }

        return (failures, status);
    }

    // The subscriptions at one closing: those naming its tranche, and for the first closing those naming none.
    private static IReadOnlyList<HolderSubscription> OfTranche(IReadOnlyList<HolderSubscription> holders, string? tranche, bool first)
    {
        var all = true;
        foreach (var h in holders)
        {
            all &= h.Tranche is null || (first && h.Tranche == tranche);
        }

        if (all && first)
        {
            return holders;
        }

        List<HolderSubscription> found = [];
        foreach (var h in holders)
        {
            if (h.Tranche == tranche || (first && h.Tranche is null))
            {
                found.Add(h);
            }
        }

        return found;
    }

    // A Maintenance Failure affects every closing's securities: each Holder's subscriptions at the closings recorded,
    // added up, in the order the Holders are first named.
    private static List<HolderSubscription> OfClosings(IReadOnlyList<HolderSubscription> holders, List<string?> tranches)
    {
        var found = new List<HolderSubscription>();
        foreach (var h in holders)
        {
            if (!(h.Tranche is null || tranches.Contains(h.Tranche)))
            {
                continue;
            }

            var at = found.FindIndex(f => f.HolderId == h.HolderId);
            if (at < 0)
            {
                found.Add(h with { Tranche = null });
            }
            else
            {
                found[at] = found[at] with { Amount = found[at].Amount.Plus(h.Amount) };
            }
        }

        return found;
    }

    // Two or more closings' Filing Failures number their periods together, in order of each period's first day (ties in
    // closing order), so each key names one period and a key, once given, keeps its period as the as-of date moves on
    // (a new period starts after every period already listed). Null: each failure numbers its own from 1.
    private static int[][]? FilingNumbers(AgreementTerms terms, BusinessDayCalendar calendar, List<FailurePayments> failures,
        List<IReadOnlyList<HolderSubscription>> bases, IReadOnlyDictionary<string, LocalDate> saleable, LocalDate asOf)
    {
        var filing = 0;
        for (var i = 0; i < failures.Count; i++)
        {
            filing += failures[i].Failure == FailureKind.FilingFailure && bases[i].Count > 0 ? 1 : 0;
        }

        if (filing < 2 || terms.DelayPayments.Terms is null)
        {
            return null;
        }

        var starts = new List<(LocalDate Start, int Failure, int Period)>();
        var numbers = new int[failures.Count][];
        for (var i = 0; i < failures.Count; i++)
        {
            var failure = failures[i];
            if (failure.Failure != FailureKind.FilingFailure || bases[i].Count == 0)
            {
                continue;
            }

            // The periods' first days only: Pay computes each schedule once, with the payments these numbers match.
            var periods = DelayPaymentCalculator.PeriodStarts(terms.DelayPayments.Terms,
                new DelayPaymentFacts(failure.Failure, failure.EventDate, bases[i])
                {
                    CuredOn = failure.CuredOn, Rule144SaleableFromByHolder = saleable,
                }, asOf,
                calendar.IsBusinessDay);
            numbers[i] = new int[periods.Count];
            for (var k = 0; k < periods.Count; k++)
            {
                starts.Add((periods[k], i, k));
            }
        }

        starts.Sort((a, b) => a.Start != b.Start ? a.Start.CompareTo(b.Start) : a.Failure.CompareTo(b.Failure));
        for (var n = 0; n < starts.Count; n++)
        {
            numbers[starts[n].Failure][starts[n].Period] = n + 1;
        }

        return numbers;
    }

    internal static IReadOnlyList<CrossReferenceGap> GapsFor(AgreementTerms terms, GapAffects affects)
    {
        List<CrossReferenceGap>? found = null;
        foreach (var gap in terms.CrossReferenceGaps)
        {
            if ((gap.Affects & affects) != 0)
            {
                (found ??= []).Add(gap);
            }
        }

        return found ?? (IReadOnlyList<CrossReferenceGap>)[];
    }

    // A missed deadline (not waived, not met by its last permitted day) is a failure from the day after that day.
    private static bool AddMissed(List<FailurePayments> failures, FailureKind kind, Deadline? deadline, LocalDate asOf, string? tranche)
    {
        if (deadline is null || deadline.Status == DeadlineStatus.Waived || deadline.OnTime == true || deadline.LastPermittedDay >= asOf)
        {
            return false;
        }

        var eventDate = deadline.LastPermittedDay.PlusDays(1);
        var cure = deadline.MetBy?.Date;
        var (name, act) = kind == FailureKind.FilingFailure
            ? ("an unmet Filing Deadline", "filing")
            : ("an unmet Effectiveness Deadline", "declaration of effectiveness");
        var basis = $"{deadline.Title} ({deadline.Section}) was not done by its last permitted day, {DateText.WithWeekday(deadline.LastPermittedDay)} ({deadline.Basis}): " +
            $"{name}: {(kind == FailureKind.FilingFailure ? "a" : "an")} {DelayPaymentText.Failure(kind)} from {DateText.WithWeekday(eventDate)}" +
            (cure is { } c ? $", cured by the {act} of {DateText.Iso(c)}." : ", uncured.");
        failures.Add(new(kind, eventDate, cure, basis) { Tranche = tranche });
        return true;
    }

    private static FailurePayments Pay(AgreementTerms terms, BusinessDayCalendar calendar, FailurePayments failure,
        IReadOnlyList<HolderSubscription> holders, IReadOnlyList<HolderSubscription> payees, int[]? numbers,
        IReadOnlyDictionary<string, LocalDate> saleable, IReadOnlyList<AgreementEvent> events, LocalDate asOf, List<Deadline> deadlines, ref int maintenanceOffset)
    {
        var gaps = GapsFor(terms, GapAffects.DelayPayments);
        if (terms.DelayPayments.Terms is not { } clause)
        {
            return failure with { NotComputed = DelayPaymentText.Missing(terms.DelayPayments.Gap!), Gaps = gaps };
        }

        if (holders.Count == 0)
        {
            return failure with
            {
                NotComputed = "No Holder's subscription amount is recorded (a Holder party's subscriptionAmount): the payments' base is unknown, so no amounts are computed.",
                Gaps = gaps,
            };
        }

        if (payees.Count == 0)
        {
            return failure with
            {
                NotComputed = $"No Holder's subscription amount is recorded for {(failure.Tranche is { } tranche ? $"the closing '{tranche}'" : "the first closing")} (a Holder party's trancheAmounts): the payments' base is unknown, so no amounts are computed.",
                Gaps = gaps,
            };
        }

        var obligation = failure.Failure switch
        {
            FailureKind.FilingFailure => ObligationCatalog.FilingFailurePayment,
            FailureKind.EffectivenessFailure => ObligationCatalog.EffectivenessFailurePayment,
            _ => ObligationCatalog.MaintenanceFailurePayment,
        };

        // Maintenance Failures number their periods on from the failure before, so each key names one period.
        var offset = failure.Failure == FailureKind.MaintenanceFailure ? maintenanceOffset : 0;
        var paid = new List<(AgreementEvent Event, PaymentMade Payment)>();
        foreach (var e in events)
        {
            if (e.Kind == AgreementEventKind.DelayPaymentMade && DeadlineId.TryParse(e.DeadlineKey, out var paidId)
                && paidId.ObligationKey == obligation.Key && paidId.Instance is { } n
                && (numbers is null ? n - offset : Array.IndexOf(numbers, n) + 1) is var local && local >= 1
                && e.Holder is { } holder && e.Amount is { } amount && IsPayee(payees, holder))
            {
                paid.Add((e, new PaymentMade(holder, local, e.Date, amount)));
            }
        }

        var facts = new DelayPaymentFacts(failure.Failure, failure.EventDate, payees)
        {
            CuredOn = failure.CuredOn,
            Payments = [.. paid.Select(p => p.Payment)],
            Rule144SaleableFromByHolder = saleable,
        };
        var schedule = DelayPaymentCalculator.Compute(terms.DelayPayments, facts, asOf, calendar.IsBusinessDay);
        var keys = new string?[schedule.Periods.Count];

        // The same for every period of the failure: written once.
        var rule = $"{obligation.Rule}: {DelayPaymentText.Percent(clause.RatePercent)} of each Holder's subscription amount per period ({schedule.Section})";
        for (var k = 0; k < schedule.Periods.Count; k++)
        {
            var period = schedule.Periods[k];
            if (period.DueDate is not { } due)
            {
                continue;
            }

            var id = new DeadlineId(obligation.Key, numbers?[k] ?? offset + period.Number);
            var settled = true;
            var interestUnknown = false;
            foreach (var h in period.Holders)
            {
                settled &= h.Outstanding.Amount <= 0m;
                interestUnknown |= h.LateInterest is null;
            }

            AgreementEvent? metBy = null;
            foreach (var (e, payment) in paid)
            {
                if (payment.PeriodNumber == period.Number && e.Date <= asOf && (metBy is null || e.Date > metBy.Date))
                {
                    metBy = e;
                }
            }

            List<DeadlineWarning> warnings = [new(DeadlineWarningKind.Informational, new AmountsDue(period, schedule))];
            if (interestUnknown)
            {
                warnings.Add(new(DeadlineWarningKind.Informational, "Late interest is \"the maximum rate permitted by law\": not computed."));
            }

            var deadline = new Deadline(obligation, id, period, due, due)
            {
                Section = clause.Section,
                Rule = rule,
                Status = settled && metBy is not null ? DeadlineStatus.Met : asOf <= due ? DeadlineStatus.Open : DeadlineStatus.Missed,
                MetBy = settled ? metBy : null,
                PracticalCutoff = calendar.IsBusinessDay(due) ? null
                    : new PracticalCutoff(calendar.PreviousBusinessDayOrSame(due), null, null, $"the last Business Day on or before {DateText.WithWeekday(due)}"),
                Warnings = warnings,
            };
            keys[k] = deadline.Key;
            deadlines.Add(deadline);
        }

        if (failure.Failure == FailureKind.MaintenanceFailure)
        {
            maintenanceOffset += schedule.Periods.Count;
        }

        return failure with { Schedule = schedule, PeriodKeys = keys, Gaps = gaps };
    }

    // Each suspension's Advice is due the day after its last allowed day: found by evaluating, as of its notice, the
    // suspensions before it and it running, so the day does not move as the as-of date does.
    private static void AddAdviceDeadlines(AgreementTerms terms, BusinessDayCalendar calendar, List<Suspension> suspensions,
        List<AgreementEvent> starts, List<AgreementEvent?> ends, LocalDate asOf, List<Deadline> deadlines)
    {
        var gaps = GapsFor(terms, GapAffects.Suspensions);
        for (var k = 0; k < suspensions.Count && suspensions[k].Started <= asOf; k++)
        {
            var prefix = new List<Suspension>(k + 1);
            prefix.AddRange(suspensions.Take(k));
            prefix.Add(suspensions[k] with { Ended = null });
            var at = SuspensionTracker.Evaluate(terms.Suspensions, prefix, suspensions[k].Started, calendar.IsBusinessDay);
            if (at.CurrentLastAllowedDay is not { } last)
            {
                continue;
            }

            var due = last.PlusDays(1);
            var end = ends[k] is { } e && e.Date <= asOf ? e : null;
            var section = terms.Suspensions.Section;
            deadlines.Add(new Deadline(ObligationCatalog.SuspensionAdvice, new DeadlineId(ObligationCatalog.SuspensionAdvice.Key, k + 1),
                $"{section}: the suspension noticed {DateText.Iso(suspensions[k].Started)} may last through {DateText.WithWeekday(last)} " +
                $"({SuspensionText.Limit(at.CurrentLimitingTerm!.Value)}, the notice day being day 1); the Advice on {DateText.WithWeekday(due)}, not itself a suspension day, ends it within the limit",
                due, due)
            {
                Section = section,
                Status = end is not null ? DeadlineStatus.Met : asOf <= due ? DeadlineStatus.Open : DeadlineStatus.Missed,
                StartedBy = starts[k],
                MetBy = end,
                PracticalCutoff = calendar.IsBusinessDay(due) ? null
                    : new PracticalCutoff(calendar.PreviousBusinessDayOrSame(due), null, null, $"the last Business Day on or before {DateText.WithWeekday(due)}"),
                Gaps = gaps,
            });
        }
    }

    // The § 6(e) notices in date order, each ended by the earliest Advice that names it.
    private static (List<Suspension>, List<AgreementEvent>, List<AgreementEvent?>) Suspensions(IReadOnlyList<AgreementEvent> events)
    {
        var starts = new List<AgreementEvent>();
        foreach (var e in events)
        {
            if (e.Kind == AgreementEventKind.SuspensionStarted)
            {
                var at = starts.Count;
                while (at > 0 && starts[at - 1].Date > e.Date)
                {
                    at--;
                }

                starts.Insert(at, e);
            }
        }

        var suspensions = new List<Suspension>(starts.Count);
        var ends = new List<AgreementEvent?>(starts.Count);
        foreach (var start in starts)
        {
            AgreementEvent? end = null;
            foreach (var e in events)
            {
                if (e.Kind == AgreementEventKind.SuspensionEnded && e.RefersTo == start.Id && (end is null || e.Date < end.Date))
                {
                    end = e;
                }
            }

            ends.Add(end);
            suspensions.Add(new Suspension(start.Date, end?.Date));
        }

        return (suspensions, starts, ends);
    }

    private static bool IsPayee(IReadOnlyList<HolderSubscription> payees, string holder)
    {
        foreach (var p in payees)
        {
            if (p.HolderId == holder)
            {
                return true;
            }
        }

        return false;
    }

    // Each Holder's first day saleable under Rule 144, as recorded by the as-of date.
    private static IReadOnlyDictionary<string, LocalDate> Rule144Saleable(IReadOnlyList<AgreementEvent> events, LocalDate asOf)
    {
        Dictionary<string, LocalDate>? found = null;
        foreach (var e in events)
        {
            if (e.Kind == AgreementEventKind.Rule144Saleable && e.Holder is { } holder && e.Date <= asOf
                && (found is null || !found.TryGetValue(holder, out var day) || e.Date < day))
            {
                (found ??= [])[holder] = e.Date;
            }
        }

        return found ?? NoneSaleable;
    }

    private static readonly IReadOnlyDictionary<string, LocalDate> NoneSaleable = new Dictionary<string, LocalDate>();

    private static Deadline? Find(List<Deadline> deadlines, string key)
    {
        foreach (var d in deadlines)
        {
            if (d.Key == key)
            {
                return d;
            }
        }

        return null;
    }
}

/// <summary>A payment deadline's amounts in words: "Amounts due: Alpha Fund LP $10,000.00; …; total $35,000.00 (…)".</summary>
internal sealed class AmountsDue(AccrualPeriod period, DelayPaymentSchedule schedule) : IWords
{
    public string Write() =>
        $"Amounts due: {string.Join("; ", period.Holders.Select(h => $"{h.HolderId} {h.Amount}"))}; total {period.Total} ({schedule.Explanation})";
}

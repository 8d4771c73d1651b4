using System.Globalization;
using System.Text;
using NodaTime;
using RegRights.Core.Agreements;
using RegRights.Core.Calendars;
using RegRights.Core.DelayPayments;
using RegRights.Core.Utility;

namespace RegRights.Core.Deadlines;

/// <summary>
/// Computes every deadline instance of one agreement from its terms and its recorded events (DOMAIN.md, "Counting"
/// and "Deadlines and clocks"). Pure: the same terms, events and as-of date always give the same schedule.
/// </summary>
/// <remarks>
/// <para>
/// A clock that needs an event starts with that event and stops at its answering event, matched by
/// <see cref="AgreementEvent.RefersTo"/> (a response names its comment letter). The Closing starts the Filing Date,
/// the Effectiveness Date, the § 6(b) bar and the Effectiveness Period horizon; the last Closing recorded wins, since
/// corrections are new events. Events are taken as recorded: the as-of date only decides whether an unanswered
/// deadline is still open or already missed (a deadline whose last permitted day is the as-of date is open).
/// </para>
/// <para>
/// Each date is computed twice, under the agreement's reading of contested days and under the other reading; where
/// the due date, the last permitted day or the practical cutoff differ, a warning gives both. Example: a Holder's
/// 50 % sale on Wednesday 2001-04-11 puts the § 3(c) sticker on Tuesday 2001-04-17 with Good Friday 2001-04-13 a
/// Business Day, and on Wednesday 2001-04-18 with it closed.
/// </para>
/// </remarks>
public static class DeadlineEngine
{
    private static readonly DateTimeZone Eastern = DateTimeZoneProviders.Tzdb["America/New_York"];

    // Reg. S-T Rule 13(a)(2) (17 CFR 232.13(a)(2)): a submission started after 5:30 p.m. Eastern takes the next business
    // day's date; (a)(3) and (a)(4) keep 10 p.m. for Rule 462(b) statements and Section 16 reports, never this engine's filings.
    private static readonly LocalTime EdgarCutoff = new(17, 30);

    /// <summary>Computes the schedule.</summary>
    /// <param name="terms">The agreement's terms (day counts, roll convention, reading of contested days, zone).</param>
    /// <param name="events">The recorded events, in the order they were recorded.</param>
    /// <param name="asOf">The date, in the agreement's zone, statuses are judged on.</param>
    /// <returns>Every instance, in catalog order.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="terms"/> or <paramref name="events"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A date counted in Business Days leaves the calendar's range.</exception>
    public static DeadlineSchedule Compute(AgreementTerms terms, IReadOnlyList<AgreementEvent> events, LocalDate asOf) =>
        Compute(terms, events, asOf, []);

    /// <summary>
    /// Computes the schedule with the Holders' subscription amounts, the base of the Registration Delay Payments: the
    /// deadlines, then each failure's payments and each suspension's Advice (<see cref="DealObligations"/>).
    /// </summary>
    /// <param name="terms">The agreement's terms.</param>
    /// <param name="events">The recorded events, in the order they were recorded.</param>
    /// <param name="asOf">The date, in the agreement's zone, statuses are judged on.</param>
    /// <param name="holders">Each Holder's subscription amount; none: the payments are not computed, and the result says so.</param>
    /// <returns>Every instance, in catalog order, then the deal obligations' instances.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A date counted in Business Days leaves the calendar's range.</exception>
    /// <exception cref="ArgumentException">The suspensions overlap, or a Holder's amount is not positive or in another currency.</exception>
    public static DeadlineSchedule Compute(AgreementTerms terms, IReadOnlyList<AgreementEvent> events, LocalDate asOf,
        IReadOnlyList<HolderSubscription> holders)
    {
        Preconditions.CheckNotNull(terms);
        Preconditions.CheckNotNull(events);
        Preconditions.CheckNotNull(holders);

        var items = Plan(terms, events);
        var calendar = terms.Calendar;
        var other = calendar.WithReading(
            calendar.Reading == ContestedDayReading.Open ? ContestedDayReading.Closed : ContestedDayReading.Open);
        var main = Resolve(terms, calendar, items);
        var alternative = Resolve(terms, other, items);

        var deadlines = new List<Deadline>(items.Count + 4);
        for (var i = 0; i < items.Count; i++)
        {
            deadlines.Add(Build(terms, calendar, items[i], main, alternative, events, asOf));
        }

        var deal = DealObligations.Evaluate(terms, calendar, events, asOf, holders, deadlines);
        return new DeadlineSchedule(terms, asOf, deadlines)
        {
            DelayPayments = deal.Payments,
            Suspensions = deal.Suspensions,
            Cutbacks = Cutbacks(terms, events, deadlines) ?? [],
        };
    }

    // Each cutback recorded, with its deadlines' keys or why one is not computed (no clause; no permitted date yet).
    private static List<CutbackStatus>? Cutbacks(AgreementTerms terms, IReadOnlyList<AgreementEvent> events, List<Deadline> deadlines)
    {
        var cutbacks = ByDate(events, AgreementEventKind.Cutback);
        if (cutbacks.Count == 0)
        {
            return null;
        }

        var clause = terms.AdditionalRegistration;
        var statuses = new List<CutbackStatus>(cutbacks.Count);
        foreach (var cutback in cutbacks)
        {
            var filing = deadlines.Find(d => ReferenceEquals(d.Obligation, ObligationCatalog.AdditionalFiling) && d.StartedBy == cutback);
            var effectiveness = deadlines.Find(d => ReferenceEquals(d.Obligation, ObligationCatalog.AdditionalEffectiveness) && d.StartedBy == cutback);
            statuses.Add(new CutbackStatus(cutback)
            {
                Section = clause.Section,
                FilingKey = filing?.Key,
                EffectivenessKey = effectiveness?.Key,
                Note = !clause.IsPresent ? AdditionalRegistrationClause.NoneNote
                    : filing is null ? "The additional Filing Deadline counts from the date the Commission's guidance permits the cut-back securities to be registered: record it (an additionalFilingPermitted event referring to the cutback)."
                    : effectiveness is null ? "The additional Effectiveness Deadline counts from the additional statement's filing: not yet recorded (additionalFiled)."
                    : null,
            });
        }

        return statuses;
    }

    private static Deadline Build(
        AgreementTerms terms, BusinessDayCalendar calendar, Item item, Dates[] main, Dates[] alternative,
        IReadOnlyList<AgreementEvent> events, LocalDate asOf)
    {
        var dates = main[item.Index];
        var obligation = item.Obligation;
        var anchor = item.Anchor is null ? item.From : main[item.Anchor.Index].Last;
        var waiver = EarliestWaiver(events, item.Id);

        var cutoff = dates.Cutoff is not { } cutoffDate
            ? null
            : obligation.Cutoff == CutoffKind.EdgarFiling
                ? EdgarCutoffAt(terms, cutoffDate, dates.Last)
                : new PracticalCutoff(cutoffDate, null, null,
                    $"the last Business Day on or before {Day(dates.Last)}");

        var onTime = item.MetBy is { } met && met.Date <= dates.Last;
        var status = (obligation.End, item.MetBy, waiver) switch
        {
            (ObligationEnd.Act, not null, _) when onTime => DeadlineStatus.Met,
            (_, _, not null) => DeadlineStatus.Waived,
            (ObligationEnd.Act, not null, _) => DeadlineStatus.Met,
            _ when asOf <= dates.Last => DeadlineStatus.Open,
            (ObligationEnd.Lapse, _, _) => DeadlineStatus.Met,
            _ => DeadlineStatus.Missed,
        };

        return new Deadline(obligation, item.Id, Basis(item, anchor, dates), dates.Due, dates.Last)
        {
            Inclusive = item.Inclusive,
            Section = item.Section ?? obligation.Section,
            Rule = item.Rule ?? obligation.Rule,
            Gaps = Gaps(terms, item),
            PracticalCutoff = cutoff,
            Status = status,
            StartedBy = item.StartedBy,
            MetBy = item.MetBy,
            WaivedBy = waiver,
            Warnings = Warnings(terms, calendar, item, anchor, dates, alternative[item.Index]),
        };
    }

    private static PracticalCutoff EdgarCutoffAt(AgreementTerms terms, LocalDate date, LocalDate last)
    {
        var eastern = Eastern.AtStrictly(date.At(EdgarCutoff));
        var rule = date == last
            ? $"start the EDGAR submission by 5:30 p.m. Eastern on {Day(date)} (Reg. S-T Rule 13(a)(2), 17 CFR 232.13(a)(2))"
            : $"start the EDGAR submission by 5:30 p.m. Eastern on {Day(date)}, the last EDGAR filing day on or before {Day(last)} (Reg. S-T Rule 13(a)(2), 17 CFR 232.13(a)(2))";
        return new PracticalCutoff(date, eastern, eastern.ToInstant().InZone(terms.TimeZone), rule);
    }

    private static string Basis(Item item, LocalDate anchor, Dates dates)
    {
        var obligation = item.Obligation;
        if (ReferenceEquals(obligation, ObligationCatalog.EffectivenessPeriodEnd))
        {
            return $"{item.FromLabel} {DateText.Iso(item.From)} + {Rule144kYears} years (Rule 144(k))";
        }

        var basis = item.Count switch
        {
            DayCount.CalendarDaysAfter when item.ExcusedDays > 0 =>
                $"{item.FromLabel} {DateText.Iso(item.From)} + {Count(item.Days, "day")} + {Count(item.ExcusedDays, "day")} of excused delay",
            DayCount.CalendarDaysAfter => $"{item.FromLabel} {DateText.Iso(item.From)} + {Count(item.Days, "day")}",
            DayCount.BusinessDaysAfter => $"{item.FromLabel} {DateText.Iso(item.From)} + {Count(item.Days, "Business Day")}",
            DayCount.TradingDaysAfter => $"{item.FromLabel} {DateText.Iso(item.From)} + {Count(item.Days, "Trading Day")}",
            _ => $"{Count(item.Days, "Business Day")} before {item.FromLabel} {DateText.Iso(anchor)}",
        };
        if (item.BasisNote is { } note)
        {
            basis += $" ({note})";
        }

        if (item.Alternative is not { } alt)
        {
            return basis;
        }

        var other = $"{alt.Label} {DateText.Iso(alt.From)} + {Count(alt.Days, alt.Count == DayCount.TradingDaysAfter ? "Trading Day" : alt.Count == DayCount.BusinessDaysAfter ? "Business Day" : "day")}";
        return dates.FromAlternative
            ? $"{other}, earlier than {basis} ({DateText.Iso(dates.Standard)})"
            : $"{basis}, not later than {other} ({DateText.Iso(dates.AlternativeDue!.Value)})";
    }

    private static IReadOnlyList<CrossReferenceGap> Gaps(AgreementTerms terms, Item item)
    {
        var affects = item.StickerNotice ? GapAffects.StickerNotice
            : ReferenceEquals(item.Obligation, ObligationCatalog.PiggybackElection) ? GapAffects.PiggybackElection
            : GapAffects.None;
        return affects == GapAffects.None ? [] : DealObligations.GapsFor(terms, affects);
    }

    private static List<DeadlineWarning> Warnings(
        AgreementTerms terms, BusinessDayCalendar calendar, Item item, LocalDate anchor, Dates dates, Dates other)
    {
        var warnings = new List<DeadlineWarning>();
        var obligation = item.Obligation;
        var stands = item.Count == DayCount.CalendarDaysAfter && obligation.End == ObligationEnd.Act && item.Roll == RollRule.None;

        if (NonBusinessDay(calendar, dates.Due, "the due date", stands) is { } due)
        {
            warnings.Add(due);
        }

        if (dates.Last != dates.Due && NonBusinessDay(calendar, dates.Last, "the last permitted day", false) is { } last)
        {
            warnings.Add(last);
        }

        if (dates.Rolled != dates.Due)
        {
            warnings.Add(new(DeadlineWarningKind.Rolled, item.Roll == RollRule.FollowingCommissionOpen
                ? $"The agreement's roll to the next Business Day on which the Commission is open (an EDGAR filing day) moves {Day(dates.Due)} to {Day(dates.Rolled)}."
                : $"The agreement's {item.Roll.ToString().ToLowerInvariant()}-Business-Day convention moves {Day(dates.Due)} to {Day(dates.Rolled)}."));
        }

        if (item.StickerNotice)
        {
            warnings.Add(new(DeadlineWarningKind.DraftingGap,
                "§ 3(d) shortens the notice for a supplement or sticker \"required to be filed or attached pursuant to Section 3(c)(ii)\", " +
                "but § 3(c) has no clause (ii); read as a sticker under § 3(c). It also says \"within one (1) Business Day … prior to such filing\"; " +
                "read as not less than 1 Business Day prior."));
        }

        if (ReferenceEquals(obligation, ObligationCatalog.NoticeConfirmation))
        {
            warnings.Add(new(DeadlineWarningKind.DraftingGap,
                "§ 3(d) asks for confirmation \"no later than one (1) Business Day following the day (i)(A) when a Prospectus … is " +
                "proposed to be filed\": counted here from the day the notice was given (DOMAIN.md); the text can also be read as " +
                "counting from the day the filing is proposed to be made."));
        }

        if (ReferenceEquals(obligation, ObligationCatalog.RegistrationRightsStandstill))
        {
            warnings.Add(new(DeadlineWarningKind.DraftingGap,
                $"§ 6(b) frees offerings \"after the 120th Business Day following the Closing Date\": the bar runs through {Day(dates.Due)} itself; " +
                $"the first day free of it is {Day(dates.Due.PlusDays(1))}."));
        }

        if (ReferenceEquals(obligation, ObligationCatalog.EffectivenessPeriodEnd))
        {
            warnings.Add(new(DeadlineWarningKind.Informational,
                "An estimate, shown and not reminded: § 2(a) ends the Effectiveness Period when all Registrable Securities may be sold " +
                "without volume restrictions under Rule 144(k), as counsel to the Company determines in a written opinion."));
        }

        if (other.Due != dates.Due || other.Last != dates.Last || other.Cutoff != dates.Cutoff)
        {
            warnings.Add(Contested(calendar, item, anchor, dates, other));
        }

        return warnings;
    }

    private static DeadlineWarning? NonBusinessDay(BusinessDayCalendar calendar, LocalDate date, string what, bool stands)
    {
        var day = calendar.GetDay(date);
        if (day.IsBusinessDay)
        {
            return day.IsContested
                ? new(DeadlineWarningKind.NonBusinessDay,
                    $"{Sentences.Capitalize(what)}, {Day(date)}, is a contested day: {Reasons(day)}. It is a Business Day under the reading applied.")
                : null;
        }

        var text = new StringBuilder()
            .Append(CultureInfo.InvariantCulture, $"{Sentences.Capitalize(what)}, {Day(date)}, is not a Business Day: {Reasons(day)}.");
        if (stands)
        {
            text.Append(" The agreement has no roll rule, so the date stands");
        }
        else
        {
            text.Append(" The next Business Day is");
        }

        var next = calendar.NextBusinessDay(date);
        if (stands)
        {
            text.Append("; the next Business Day would be");
        }

        text.Append(CultureInfo.InvariantCulture, $" {Day(next)}");
        var between = new List<string>();
        for (var d = date.PlusDays(1); d < next; d = d.PlusDays(1))
        {
            var skipped = calendar.GetDay(d);
            if (skipped.Reasons.Any(r => r.Kind != DayReasonKind.Weekend))
            {
                between.Add($"{Day(d)} is {Reasons(skipped)}");
            }
        }

        if (between.Count > 0)
        {
            text.Append(" (").AppendJoin("; ", between).Append(')');
        }

        return new(DeadlineWarningKind.NonBusinessDay, text.Append('.').ToString());
    }

    private static DeadlineWarning Contested(BusinessDayCalendar calendar, Item item, LocalDate anchor, Dates dates, Dates other)
    {
        var start = item.Count == DayCount.BusinessDaysBefore ? anchor : item.From;
        var low = Min(Min(start, dates.Due), Min(other.Due, Min(dates.Cutoff ?? dates.Last, other.Cutoff ?? other.Last)));
        var high = Max(Max(start, dates.Due), Max(other.Due, Max(dates.Last, other.Last)));
        var contested = calendar.GetNotableDays(new DateInterval(low, high))
            .Where(d => d.Reasons.Any(r => r.Effect == DayEffect.Contested))
            .Select(d => $"{Day(d.Date)} ({Reasons(d)})");

        var (applied, otherReading) = calendar.Reading == ContestedDayReading.Open
            ? ("contested days as Business Days (the reading applied)", "contested days closed")
            : ("contested days closed (the reading applied)", "contested days as Business Days");
        var changes = new List<string>();
        if (dates.Due != other.Due)
        {
            changes.Add($"the due date is {Day(dates.Due)} with {applied} and {Day(other.Due)} with {otherReading}");
        }

        if (dates.Last != other.Last)
        {
            changes.Add($"the last permitted day is {Day(dates.Last)} with {applied} and {Day(other.Last)} with {otherReading}");
        }

        if (dates.Cutoff != other.Cutoff)
        {
            changes.Add($"the practical cutoff is {OptionalDay(dates.Cutoff)} with {applied} and {OptionalDay(other.Cutoff)} with {otherReading}");
        }

        return new(DeadlineWarningKind.ContestedDay,
            $"The result turns on a contested day, {string.Join(", ", contested)}: {string.Join("; ", changes)}.");
    }

    private static Dates[] Resolve(AgreementTerms terms, BusinessDayCalendar calendar, List<Item> items)
    {
        var dates = new Dates[items.Count];

        // Anchored items (a review before the Filing Date, a notice before a sticker) read their anchor's last
        // permitted day, and anchors are never anchored themselves: two passes suffice.
        for (var pass = 0; pass < 2; pass++)
        {
            foreach (var item in items)
            {
                if ((item.Anchor is null) == (pass == 0))
                {
                    dates[item.Index] = ResolveOne(terms, calendar, item, item.Anchor is null ? item.From : dates[item.Anchor.Index].Last);
                }
            }
        }

        return dates;
    }

    private static Dates ResolveOne(AgreementTerms terms, BusinessDayCalendar calendar, Item item, LocalDate anchor)
    {
        var obligation = item.Obligation;
        var due = ReferenceEquals(obligation, ObligationCatalog.EffectivenessPeriodEnd)
            ? item.From.PlusYears(Rule144kYears)
            : Count(terms, calendar, item.Count, item.From, item.Days + item.ExcusedDays, anchor);

        // The review path's "or …, if earlier": the earlier of the two dates is the deadline.
        var standard = due;
        LocalDate? alternativeDue = null;
        if (item.Alternative is { } alt)
        {
            alternativeDue = Count(terms, calendar, alt.Count, alt.From, alt.Days, alt.From);
            due = alternativeDue.Value < due ? alternativeDue.Value : due;
        }

        var rolled = item.Roll == RollRule.None ? due : calendar.Roll(due, item.Roll);
        var last = item.Inclusive ? rolled : rolled.PlusDays(-1);
        LocalDate? cutoff = obligation.Cutoff switch
        {
            CutoffKind.EdgarFiling => BusinessDayCalendar.Edgar.PreviousBusinessDayOrSame(last),
            CutoffKind.BusinessDay when !calendar.IsBusinessDay(last) => calendar.PreviousBusinessDayOrSame(last),
            _ => null,
        };
        return new Dates(due, rolled, last, cutoff) { Standard = standard, AlternativeDue = alternativeDue };
    }

    private static LocalDate Count(AgreementTerms terms, BusinessDayCalendar calendar, DayCount count, LocalDate from, int days, LocalDate anchor) =>
        count switch
        {
            DayCount.CalendarDaysAfter => from.PlusDays(days),
            DayCount.BusinessDaysAfter => calendar.PlusBusinessDays(from, days),
            DayCount.TradingDaysAfter => terms.TradingCalendar.PlusBusinessDays(from, days),
            _ => calendar.PlusBusinessDays(anchor, -days),
        };

    // The general roll convention concerns calendar-day deadlines only; a count in Business Days always lands on one,
    // and the Rule 144(k) horizon is an estimate, not a deadline. A clause may name its own.
    private static RollRule RollFor(AgreementTerms terms, Obligation obligation, DayCount count, RollRule? own) =>
        obligation.End != ObligationEnd.Act ? RollRule.None
        : own ?? (count == DayCount.CalendarDaysAfter ? terms.Roll : RollRule.None);

    private static List<Item> Plan(AgreementTerms terms, IReadOnlyList<AgreementEvent> events)
    {
        // Every instance in the order planned; ordered and numbered at the end (InCatalogOrder).
        var items = new List<Item>(16);

        var closings = Closings(events);
        var closing = closings.Count > 0 ? closings[0] : null;
        var filed = Earliest(events, AgreementEventKind.Filed);
        var planned = Latest(events, AgreementEventKind.FilingPlanned);
        Item? filingItem = null;

        // § 1, 2(a), 3(a): "on or prior to the Filing Date", the 30th day following the Closing Date; one per closing
        // when the deal closes in tranches.
        for (var c = 0; c < closings.Count; c++)
        {
            var item = ClauseItem(ObligationCatalog.FilingDate, terms, terms.FilingDeadline, terms.FilingDays, closings[c],
                ClosingLabel(closings[c]), "Filing Date");
            item.MetBy = FilingFor(events, closings, c);
            items.Add(item);
        }

        filingItem = items.Count > 0 ? items[0] : null;
        if (closing is not null)
        {
            // § 2(a): effective "prior to the Effectiveness Date", postponed a day per day of excused delay.
            var excused = 0;
            foreach (var e in events)
            {
                if (e.Kind == AgreementEventKind.ExcusedDelay)
                {
                    excused += e.Days ?? 0;
                }
            }

            var clause = terms.EffectivenessDeadline;
            var start = clause.From == ClauseStart.Filing ? filed : closing;
            if (start is not null)
            {
                var review = Earliest(events, AgreementEventKind.ReviewNotice);
                var noReview = Earliest(events, AgreementEventKind.NoReviewNotice);
                var path = terms.ReviewPath;
                var days = review is not null && path.ReviewedDays is { } reviewed ? reviewed : terms.EffectivenessDays;
                var item = ClauseItem(ObligationCatalog.EffectivenessDate, terms, clause, days, start,
                    clause.From == ClauseStart.Filing ? "the filing" : "Closing Date", "Effectiveness Date");
                item.ExcusedDays = excused;
                item.MetBy = Earliest(events, AgreementEventKind.DeclaredEffective);
                item.BasisNote = review is not null && path.ReviewedDays is not null
                    ? $"the Commission's review notice of {DateText.Iso(review.Date)}"
                    : null;
                item.Alternative = noReview is not null && path.NoReviewDays is { } quick
                    ? new Alternative(noReview.Date, "the Commission's no-review notice", quick, CountOf(path.NoReviewUnit))
                    : null;
                item.Rule = path == ReviewPath.None ? item.Rule : EffectivenessRule(terms);
                items.Add(item);
            }

            // § 6(b): the bar ends with the 120th Business Day following the Closing Date.
            items.Add(new Item(ObligationCatalog.RegistrationRightsStandstill, terms, closing.Date, "Closing Date") { StartedBy = closing });
            items.Add(new Item(ObligationCatalog.EffectivenessPeriodEnd, terms, closing.Date, "Closing Date") { StartedBy = closing });
        }

        // § 3(a): drafts "not less than five (5) Business Days prior to the filing"; the filing itself when recorded,
        // else the planned filing, else the Filing Date.
        var registration = filed ?? planned;
        if (registration is not null || filingItem is not null)
        {
            var (from, label) = filed is not null ? (filed.Date, "the filing")
                : planned is not null ? (planned.Date, "the planned filing")
                : (default(LocalDate), "the Filing Date");
            items.Add(new Item(ObligationCatalog.PreFilingReview, terms, from, label)
            {
                Anchor = registration is null ? filingItem : null,
                StartedBy = registration ?? closing,
                MetBy = Earliest(events, AgreementEventKind.DraftsFurnished, planned?.Id, filed?.Id, orUnreferenced: true),
            });
        }

        // § 3(d)(i)(A): notice of the Registration Statement's proposed filing.
        if (registration is not null)
        {
            items.Add(new Item(ObligationCatalog.FilingNotice, terms, registration.Date,
                filed is not null ? "the filing" : "the planned filing")
            {
                StartedBy = registration,
                MetBy = Earliest(events, AgreementEventKind.FilingNoticeGiven, planned?.Id, filed?.Id),
            });
        }

        foreach (var plan in ByDate(events, AgreementEventKind.AmendmentPlanned))
        {
            var amendmentFiled = Earliest(events, AgreementEventKind.AmendmentFiled, plan.Id);
            var (from, label) = amendmentFiled is not null
                ? (amendmentFiled.Date, "the amendment's filing")
                : (plan.Date, "the amendment's planned filing");

            // § 3(a): amendment drafts 1 Business Day before; § 3(d)(i)(A): notice 5 Business Days before.
            items.Add(new Item(ObligationCatalog.AmendmentReview, terms, from, label)
            {
                StartedBy = plan,
                MetBy = Earliest(events, AgreementEventKind.DraftsFurnished, plan.Id),
            });
            items.Add(new Item(ObligationCatalog.FilingNotice, terms, from, label)
            {
                StartedBy = plan,
                MetBy = Earliest(events, AgreementEventKind.FilingNoticeGiven, plan.Id),
            });
        }

        foreach (var sale in ByDate(events, AgreementEventKind.HolderSold50Percent))
        {
            // § 3(c): "within four (4) Business Days" of a Holder's 50 % sale.
            var stickerFiled = Earliest(events, AgreementEventKind.StickerFiled, sale.Id);
            var sticker = new Item(ObligationCatalog.StickerFiling, terms, sale.Date, "Holder's 50 % sale")
            {
                StartedBy = sale,
                MetBy = stickerFiled,
            };
            items.Add(sticker);

            // § 3(d): 1 Business Day's notice before the sticker: its filing when recorded, else its last permitted day.
            items.Add(new Item(ObligationCatalog.FilingNotice, terms, stickerFiled?.Date ?? default,
                stickerFiled is not null ? "the sticker's filing" : "the sticker's last permitted day")
            {
                Days = terms.StickerNoticeBusinessDays,
                Anchor = stickerFiled is null ? sticker : null,
                StickerNotice = true,
                StartedBy = sale,
                MetBy = Earliest(events, AgreementEventKind.FilingNoticeGiven, sale.Id),
            });
        }

        foreach (var request in ByDate(events, AgreementEventKind.ConfirmationRequested))
        {
            // § 3(d): "no later than one (1) Business Day following the day" of the notice, once asked.
            var notice = ById(events, AgreementEventKind.FilingNoticeGiven, request.RefersTo);
            if (notice is not null)
            {
                items.Add(new Item(ObligationCatalog.NoticeConfirmation, terms, notice.Date, "§ 3(d) notice given")
                {
                    StartedBy = request,
                    MetBy = Earliest(events, AgreementEventKind.NoticeConfirmed, notice.Id),
                });
            }
        }

        foreach (var (obligation, starts, answers, label) in Clocks)
        {
            AddClocks(items, obligation, terms, events, starts, answers, label);
        }

        AddCutbacks(items, terms, events);
        return InCatalogOrder(items);
    }

    // The Rule 415 cutback clause: for the nth cutback, additional-filing#n from its start and, once that statement is
    // filed, additional-effectiveness#n from the filing (the review notice's days where it has them).
    private static void AddCutbacks(List<Item> items, AgreementTerms terms, IReadOnlyList<AgreementEvent> events)
    {
        var clause = terms.AdditionalRegistration;
        if (!clause.IsPresent)
        {
            return;
        }

        var cutbacks = ByDate(events, AgreementEventKind.Cutback);
        var effectiveness = new List<Item>();
        for (var k = 0; k < cutbacks.Count; k++)
        {
            var cutback = cutbacks[k];
            var filed = Earliest(events, AgreementEventKind.AdditionalFiled, cutback.Id);
            var start = clause.FilingFrom == CutbackStart.CutbackNotice
                ? cutback
                : Earliest(events, AgreementEventKind.AdditionalFilingPermitted, cutback.Id);
            if (start is not null)
            {
                var count = CountOf(clause.FilingUnit);
                items.Add(new Item(ObligationCatalog.AdditionalFiling, terms, start.Date, clause.FilingFrom == CutbackStart.CutbackNotice ? "Cutback" : "Filing permitted")
                {
                    Days = clause.FilingDays,
                    Count = count,
                    Inclusive = true,
                    Roll = RollFor(terms, ObligationCatalog.AdditionalFiling, count, clause.Roll),
                    Section = clause.Section,
                    Rule = $"on or prior to the additional Filing Deadline, the {Ordinal(clause.FilingDays)} {Unit(clause.FilingUnit)} following {CutbackStartWords(clause.FilingFrom)}{RollWords(clause.Roll ?? (clause.FilingUnit == DayUnit.CalendarDays ? terms.Roll : RollRule.None))}",
                    StartedBy = cutback,
                    MetBy = filed,
                    Number = k + 1,
                });
            }

            if (filed is not null)
            {
                var review = Earliest(events, AgreementEventKind.AdditionalReviewNotice, cutback.Id);
                var reviewed = review is not null && clause.ReviewedEffectivenessDays is not null;
                var count = CountOf(clause.EffectivenessUnit);
                var rule = $"on or prior to the additional Effectiveness Deadline, the {Ordinal(clause.EffectivenessDays)} {Unit(clause.EffectivenessUnit)} following the additional statement's filing";
                effectiveness.Add(new Item(ObligationCatalog.AdditionalEffectiveness, terms, filed.Date, "Additional filing")
                {
                    Days = reviewed ? clause.ReviewedEffectivenessDays!.Value : clause.EffectivenessDays,
                    Count = count,
                    Inclusive = true,
                    Roll = RollFor(terms, ObligationCatalog.AdditionalEffectiveness, count, clause.Roll),
                    Section = clause.Section,
                    Rule = (clause.ReviewedEffectivenessDays is { } r ? $"{rule} (the {Ordinal(r)} if the Commission reviews it)" : rule)
                        + RollWords(clause.Roll ?? (clause.EffectivenessUnit == DayUnit.CalendarDays ? terms.Roll : RollRule.None)),
                    BasisNote = reviewed ? $"the Commission's review notice of {DateText.Iso(review!.Date)}" : null,
                    StartedBy = cutback,
                    MetBy = Earliest(events, AgreementEventKind.AdditionalDeclaredEffective, cutback.Id),
                    Number = k + 1,
                });
            }
        }

        items.AddRange(effectiveness);
    }

    private static string CutbackStartWords(CutbackStart start) => start == CutbackStart.CutbackNotice
        ? "the cutback"
        : "the date the Commission's guidance permits the cut-back securities to be registered";

    // The clocks one event starts and the event that refers to it stops, one row each: § 3(b)(iii) comment letters,
    // § 5(c) indemnity notices, § 6(g) piggyback notices.
    private static readonly (Obligation Obligation, AgreementEventKind Starts, AgreementEventKind Answers, string Label)[] Clocks =
    [
        (ObligationCatalog.SecCommentResponse, AgreementEventKind.SecCommentReceived, AgreementEventKind.CommentResponseFiled, "SEC comment letter received"),
        (ObligationCatalog.IndemnityPayment, AgreementEventKind.IndemnificationNotice, AgreementEventKind.IndemnityPaid, "written notice of fees and expenses"),
        (ObligationCatalog.PiggybackElection, AgreementEventKind.PiggybackNotice, AgreementEventKind.PiggybackRequest, "Company's notice received"),
    ];

    // The catalog's order, each obligation's instances in the order planned, except that filing notices (planned from
    // the filing, amendments and stickers) follow their starting events' dates: a stable insertion sort of a dozen
    // items. Then each is keyed: a repeating clock's instances #1, #2, …; a second closing's Filing Deadline is
    // filing-date#2, the first keeping the key it always had.
    private static List<Item> InCatalogOrder(List<Item> items)
    {
        var all = new List<Item>(items.Count);
        foreach (var item in items)
        {
            var rank = Rank(item.Obligation);
            var at = all.Count;
            while (at > 0 && (Rank(all[at - 1].Obligation) is var before && (rank < before || (rank == before
                && ReferenceEquals(item.Obligation, ObligationCatalog.FilingNotice) && item.StartedBy!.Date < all[at - 1].StartedBy!.Date))))
            {
                at--;
            }

            all.Insert(at, item);
        }

        var n = 0;
        for (var i = 0; i < all.Count; i++)
        {
            var item = all[i];
            n = i > 0 && ReferenceEquals(all[i - 1].Obligation, item.Obligation) ? n + 1 : 0;
            item.Id = item.Number is { } number ? new DeadlineId(item.Obligation.Key, number)
                : item.Obligation.Repeats || n > 0 ? new DeadlineId(item.Obligation.Key, n + 1)
                : new DeadlineId(item.Obligation.Key);
            item.Index = i;
        }

        return all;
    }

    private static int Rank(Obligation obligation)
    {
        var catalog = ObligationCatalog.All;
        for (var i = 0; i < catalog.Count; i++)
        {
            if (ReferenceEquals(catalog[i], obligation))
            {
                return i;
            }
        }

        return catalog.Count;
    }

    // An item shaped by a deadline clause: its unit, inclusiveness, roll, section and, where it differs from the seed's
    // shape, its rule in words.
    private static Item ClauseItem(Obligation obligation, AgreementTerms terms, DeadlineClause clause, int days,
        AgreementEvent start, string label, string name)
    {
        var count = CountOf(clause.Unit);
        var seedShape = clause == (ReferenceEquals(obligation, ObligationCatalog.FilingDate)
            ? DeadlineClause.SeedFiling
            : DeadlineClause.SeedEffectiveness);
        return new Item(obligation, terms, start.Date, label)
        {
            Days = days,
            Count = count,
            Inclusive = clause.Inclusive,
            Roll = RollFor(terms, obligation, count, clause.Roll),
            Section = clause.Section,
            Rule = seedShape ? null : ClauseRule(clause, days, name, terms),
            StartedBy = start,
        };
    }

    private static DayCount CountOf(DayUnit unit) => unit switch
    {
        DayUnit.BusinessDays => DayCount.BusinessDaysAfter,
        DayUnit.TradingDays => DayCount.TradingDaysAfter,
        _ => DayCount.CalendarDaysAfter,
    };

    private static string Unit(DayUnit unit) => unit switch
    {
        DayUnit.BusinessDays => "Business Day",
        DayUnit.TradingDays => "Trading Day",
        _ => "day",
    };

    private static string ClauseRule(DeadlineClause clause, int days, string name, AgreementTerms terms)
    {
        var from = clause.From == ClauseStart.Filing ? "the filing of the Registration Statement" : "the Closing Date";
        var roll = RollWords(clause.Roll ?? (clause.Unit == DayUnit.CalendarDays ? terms.Roll : RollRule.None));
        return $"{(clause.Inclusive ? "on or prior to" : "prior to")} the {name}, the {Ordinal(days)} {Unit(clause.Unit)} following {from}{roll}";
    }

    private static string RollWords(RollRule roll) => roll switch
    {
        RollRule.Following => "; on a day that is not a Business Day, the next Business Day",
        RollRule.Preceding => "; on a day that is not a Business Day, the Business Day before",
        RollRule.FollowingCommissionOpen => "; on a day the Commission is closed, the next Business Day on which the Commission is open for business",
        _ => "",
    };

    private static string EffectivenessRule(AgreementTerms terms)
    {
        var clause = terms.EffectivenessDeadline;
        var path = terms.ReviewPath;
        var text = ClauseRule(clause, terms.EffectivenessDays, "Effectiveness Date", terms);
        if (path.ReviewedDays is { } reviewed)
        {
            text += $" (the {Ordinal(reviewed)} if the Commission reviews the Registration Statement)";
        }

        if (path.NoReviewDays is { } quick)
        {
            text += $", or the {Ordinal(quick)} {Unit(path.NoReviewUnit)} after the Commission says it will not review it, if earlier";
        }

        return text;
    }

    private static string Ordinal(int n) => (n % 100) switch
    {
        11 or 12 or 13 => $"{n}th",
        _ => (n % 10) switch { 1 => $"{n}st", 2 => $"{n}nd", 3 => $"{n}rd", _ => $"{n}th" },
    };

    private static string ClosingLabel(AgreementEvent closing) =>
        closing.Tranche is null ? "Closing Date" : $"Closing Date ({closing.Tranche})";

    // One closing per tranche (the seed's one has none), the last recorded of each: a later one is a correction.
    // In order of each tranche's first recording.
    private static List<AgreementEvent> Closings(IReadOnlyList<AgreementEvent> events)
    {
        var found = new List<AgreementEvent>(1);
        foreach (var e in events)
        {
            if (e.Kind != AgreementEventKind.Closing)
            {
                continue;
            }

            var at = found.FindIndex(c => c.Tranche == e.Tranche);
            if (at < 0)
            {
                found.Add(e);
            }
            else
            {
                found[at] = e;
            }
        }

        return found;
    }

    // The filing that meets a closing's Filing Deadline: the earliest that names it (or a correction of it), or that
    // names no closing and comes on or after it (with one closing, any unnamed filing, as the seed always read).
    private static AgreementEvent? FilingFor(IReadOnlyList<AgreementEvent> events, List<AgreementEvent> closings, int c)
    {
        var closing = closings[c];
        AgreementEvent? found = null;
        foreach (var e in events)
        {
            if (e.Kind != AgreementEventKind.Filed || (found is not null && e.Date >= found.Date))
            {
                continue;
            }

            var named = e.RefersTo is { } id ? events.FirstOrDefault(x => x.Kind == AgreementEventKind.Closing && x.Id == id) : null;
            if (named is not null ? named.Tranche == closing.Tranche : closings.Count == 1 || e.Date >= closing.Date)
            {
                found = e;
            }
        }

        return found;
    }

    private static void AddClocks(
        List<Item> into, Obligation obligation, AgreementTerms terms, IReadOnlyList<AgreementEvent> events,
        AgreementEventKind starts, AgreementEventKind answers, string label)
    {
        foreach (var start in ByDate(events, starts))
        {
            into.Add(new Item(obligation, terms, start.Date, label)
            {
                StartedBy = start,
                MetBy = Earliest(events, answers, start.Id),
            });
        }
    }

    // In order of date, ties in recorded order (a stable sort), so that instance numbers follow the dates.
    private static List<AgreementEvent> ByDate(IReadOnlyList<AgreementEvent> events, AgreementEventKind kind)
    {
        List<AgreementEvent>? found = null;
        for (var i = 0; i < events.Count; i++)
        {
            if (events[i].Kind == kind)
            {
                var e = events[i];
                found ??= [];
                var at = found.Count;
                while (at > 0 && found[at - 1].Date > e.Date)
                {
                    at--;
                }

                found.Insert(at, e);
            }
        }

        return found ?? NoEvents;
    }

    private static readonly List<AgreementEvent> NoEvents = [];

    private static AgreementEvent? Latest(IReadOnlyList<AgreementEvent> events, AgreementEventKind kind)
    {
        AgreementEvent? found = null;
        foreach (var e in events)
        {
            if (e.Kind == kind)
            {
                found = e;
            }
        }

        return found;
    }

    // The answer to a clock is the earliest-dated event of its kind that refers to the starting event; the Registration
    // Statement's drafts may also be sent without a reference, as there is only one.
    private static AgreementEvent? Earliest(
        IReadOnlyList<AgreementEvent> events, AgreementEventKind kind, string? refersTo = null, string? orRefersTo = null,
        bool orUnreferenced = false, bool any = false)
    {
        AgreementEvent? found = null;
        for (var i = 0; i < events.Count; i++)
        {
            var e = events[i];
            if (e.Kind == kind && (found is null || e.Date < found.Date) &&
                (any || (e.RefersTo is null ? orUnreferenced : e.RefersTo == refersTo || e.RefersTo == orRefersTo)))
            {
                found = e;
            }
        }

        return found;
    }

    private static AgreementEvent? Earliest(IReadOnlyList<AgreementEvent> events, AgreementEventKind kind) =>
        Earliest(events, kind, any: true);

    private static AgreementEvent? EarliestWaiver(IReadOnlyList<AgreementEvent> events, DeadlineId id)
    {
        AgreementEvent? found = null;
        for (var i = 0; i < events.Count; i++)
        {
            var e = events[i];
            if (e.Kind == AgreementEventKind.Waiver && (found is null || e.Date < found.Date)
                && DeadlineId.TryParse(e.DeadlineKey, out var waived) && waived == id)
            {
                found = e;
            }
        }

        return found;
    }

    private static AgreementEvent? ById(IReadOnlyList<AgreementEvent> events, AgreementEventKind kind, string? id)
    {
        for (var i = 0; i < events.Count; i++)
        {
            if (events[i].Kind == kind && events[i].Id == id)
            {
                return events[i];
            }
        }

        return null;
    }

    private const int Rule144kYears = 2;

    private static LocalDate Min(LocalDate a, LocalDate b) => a < b ? a : b;

    private static LocalDate Max(LocalDate a, LocalDate b) => a > b ? a : b;

    private static string Day(LocalDate date) => DateText.WithWeekday(date);

    private static string OptionalDay(LocalDate? date) => date is { } d ? Day(d) : "none";

    private static string Count(int n, string unit) => n == 1 ? $"1 {unit}" : $"{n} {unit}s";

    private static string Reasons(CalendarDay day) => string.Join("; ", day.Reasons);

    private readonly record struct Dates(LocalDate Due, LocalDate Rolled, LocalDate Last, LocalDate? Cutoff)
    {
        // Without the review path's alternative, the date counted; with it, the standard count's date.
        public LocalDate Standard { get; init; }

        public LocalDate? AlternativeDue { get; init; }

        public bool FromAlternative => AlternativeDue is { } alt && alt < Standard;
    }

    // The review path's other count: from the no-review notice, if earlier.
    private sealed record Alternative(LocalDate From, string Label, int Days, DayCount Count);

    private sealed class Item(Obligation obligation, AgreementTerms terms, LocalDate from, string fromLabel)
    {
        public Obligation Obligation { get; } = obligation;

        public LocalDate From { get; } = from;

        public string FromLabel { get; } = fromLabel;

        public int Days { get; init; } = obligation.DaysUnder(terms);

        public DayCount Count { get; init; } = obligation.Count;

        public bool Inclusive { get; init; } = obligation.Inclusive;

        public RollRule Roll { get; init; } = RollFor(terms, obligation, obligation.Count, null);

        public string? Section { get; init; }

        public string? Rule { get; set; }

        public string? BasisNote { get; set; }

        public Alternative? Alternative { get; set; }

        public int ExcusedDays { get; set; }

        public Item? Anchor { get; init; }

        public bool StickerNotice { get; init; }

        public AgreementEvent? StartedBy { get; init; }

        public AgreementEvent? MetBy { get; set; }

        public DeadlineId Id { get; set; }

        // The instance number where it is not the item's place among its obligation's (a cutback's nth statement).
        public int? Number { get; init; }

        public int Index { get; set; }
    }
}

using RegRights.Core.Reminders;

namespace RegRights.Core.Deadlines;

/// <summary>
/// The obligations the Registration Rights Agreement of April 28, 2000 imposes with a date (DOMAIN.md,
/// "Deadlines and clocks"), in the order a schedule lists them.
/// </summary>
/// <remarks>
/// Two drafting gaps are met here and flagged on every instance they touch: § 3(d) shortens the notice for a sticker
/// "required to be filed or attached pursuant to Section 3(c)(ii)", but § 3(c) has no clause (ii) (read as § 3(c));
/// and § 6(b) frees offerings "after the 120th Business Day following the Closing Date", so the bar runs through that
/// day itself.
/// </remarks>
public static class ObligationCatalog
{
    /// <summary>File the Registration Statement on or prior to the Filing Date, Closing + 30 days (§ 1, 2(a), 3(a)).</summary>
    public static Obligation FilingDate { get; } = new(
        "filing-date", "File the Registration Statement (Form S-3)", "§ 1, 2(a), 3(a)",
        "on or prior to the Filing Date, the 30th day following the Closing Date",
        DayCount.CalendarDaysAfter, inclusive: true, CutoffKind.EdgarFiling, t => t.FilingDays)
    {
        // § 2(a): the Holders' registration is what the Filing and Effectiveness Dates protect.
        Audience = ReminderAudience.WithHolders,
        DefinedTerm = "Filing Date",
    };

    /// <summary>
    /// The Registration Statement declared effective prior to the Effectiveness Date, Closing + 120 days, postponed a
    /// day per day of excused delay (§ 1, 2(a)).
    /// </summary>
    public static Obligation EffectivenessDate { get; } = new(
        "effectiveness-date", "Registration Statement declared effective", "§ 1, 2(a)",
        "prior to the Effectiveness Date, the 120th day following the Closing Date, postponed one day for each day of delay not caused by the Company",
        DayCount.CalendarDaysAfter, inclusive: false, CutoffKind.BusinessDay, t => t.EffectivenessDays)
    { Audience = ReminderAudience.WithHolders, DefinedTerm = "Effectiveness Date" };

    /// <summary>Drafts to Holders, Special Counsel and underwriters 5 Business Days before the filing (§ 3(a)).</summary>
    public static Obligation PreFilingReview { get; } = new(
        "pre-filing-review", "Furnish drafts of the Registration Statement and Prospectus for review", "§ 3(a)",
        "not less than 5 Business Days prior to the filing (prior to the Filing Date where no filing is planned)",
        DayCount.BusinessDaysBefore, inclusive: true, CutoffKind.BusinessDay, t => t.PreFilingReviewBusinessDays)
    { Audience = ReminderAudience.WithSpecialCounsel };

    /// <summary>Drafts of an amendment or supplement 1 Business Day before its filing (§ 3(a)).</summary>
    public static Obligation AmendmentReview { get; } = new(
        "amendment-review", "Furnish drafts of the amendment or supplement for review", "§ 3(a)",
        "not less than 1 Business Day prior to the filing of the amendment or supplement",
        DayCount.BusinessDaysBefore, inclusive: true, CutoffKind.BusinessDay, t => t.AmendmentReviewBusinessDays)
    { Repeats = true, Audience = ReminderAudience.WithSpecialCounsel };

    /// <summary>Notice to Holders 5 Business Days before a proposed filing; 1 for a § 3(c) sticker (§ 3(d)(i)(A)).</summary>
    public static Obligation FilingNotice { get; } = new(
        "filing-notice", "Notify Holders of the proposed filing", "§ 3(d)(i)(A)",
        "not less than 5 Business Days prior to the proposed filing (1 Business Day for a supplement or sticker under § 3(c))",
        DayCount.BusinessDaysBefore, inclusive: true, CutoffKind.BusinessDay, t => t.FilingNoticeBusinessDays)
    { Repeats = true, Audience = ReminderAudience.WithSpecialCounsel };

    /// <summary>Written confirmation of a § 3(d) notice, when asked, 1 Business Day after the notice day (§ 3(d)).</summary>
    public static Obligation NoticeConfirmation { get; } = new(
        "notice-confirmation", "Confirm the § 3(d) notice in writing", "§ 3(d)",
        "if requested, no later than 1 Business Day following the day of the notice",
        DayCount.BusinessDaysAfter, inclusive: true, CutoffKind.BusinessDay, t => t.NoticeConfirmationBusinessDays)
    { Repeats = true, Audience = ReminderAudience.WithSpecialCounsel };

    /// <summary>Respond to each SEC comment letter within 10 days of receipt (§ 3(b)(iii)).</summary>
    public static Obligation SecCommentResponse { get; } = new(
        "sec-comment-response", "Respond to the SEC comment letter", "§ 3(b)(iii)",
        "within 10 days of receipt of the comments; one clock per letter",
        DayCount.CalendarDaysAfter, inclusive: true, CutoffKind.EdgarFiling, t => t.SecCommentResponseDays)
    { Repeats = true };

    /// <summary>File a supplement or sticker within 4 Business Days after a Holder sold 50 % (§ 3(c)).</summary>
    public static Obligation StickerFiling { get; } = new(
        "sticker-filing", "File the prospectus supplement or sticker", "§ 3(c)",
        "within 4 Business Days after a Holder has sold 50 % of the Registrable Securities covered by the Prospectus",
        DayCount.BusinessDaysAfter, inclusive: true, CutoffKind.EdgarFiling, t => t.StickerFilingBusinessDays)
    {
        // § 3(c) protects the selling Holder, § 5(c) pays the Indemnified Party, § 6(g) is the Holder's own election.
        Repeats = true,
        Audience = ReminderAudience.WithHolders,
    };

    /// <summary>Pay an Indemnified Party's fees and expenses within 10 Business Days of written notice (§ 5(c)).</summary>
    public static Obligation IndemnityPayment { get; } = new(
        "indemnity-payment", "Pay the Indemnified Party's fees and expenses", "§ 5(c)",
        "within 10 Business Days of written notice",
        DayCount.BusinessDaysAfter, inclusive: true, CutoffKind.BusinessDay, t => t.IndemnityPaymentBusinessDays)
    { Repeats = true, Audience = ReminderAudience.WithHolders };

    /// <summary>A Holder's written request to join a Company registration, within 20 days of the notice (§ 6(g)).</summary>
    public static Obligation PiggybackElection { get; } = new(
        "piggyback-election", "Holder's written request to join the Company's registration", "§ 6(g)",
        "within 20 days after receipt of the Company's notice",
        DayCount.CalendarDaysAfter, inclusive: true, CutoffKind.BusinessDay, t => t.PiggybackElectionDays)
    { Repeats = true, Audience = ReminderAudience.WithHolders };

    /// <summary>The end of the bar on granting registration rights: the 120th Business Day after Closing (§ 6(b)).</summary>
    public static Obligation RegistrationRightsStandstill { get; } = new(
        "registration-rights-standstill", "End of the bar on granting registration rights", "§ 6(b)",
        "offerings after the 120th Business Day following the Closing Date do not violate § 6(b); the bar runs through that day",
        DayCount.BusinessDaysAfter, inclusive: true, CutoffKind.None, t => t.StandstillBusinessDays)
    { End = ObligationEnd.Lapse };

    /// <summary>Informational: the Rule 144(k) horizon that ends the Effectiveness Period (§ 2(a)); not reminded.</summary>
    public static Obligation EffectivenessPeriodEnd { get; } = new(
        "effectiveness-period-end", "Effectiveness Period ends (Rule 144(k) horizon, estimate)", "§ 2(a)",
        "until all Registrable Securities may be sold under Rule 144(k) without volume restrictions, per counsel's opinion; estimated as the Closing Date + 2 years",
        DayCount.CalendarDaysAfter, inclusive: true, CutoffKind.None, _ => Rule144kHoldingDays)
    { End = ObligationEnd.Lapse, Reminded = false };

    /// <summary>Every obligation, in schedule order.</summary>
    public static IReadOnlyList<Obligation> All { get; } =
    [
        FilingDate, EffectivenessDate, PreFilingReview, AmendmentReview, FilingNotice, NoticeConfirmation,
        SecCommentResponse, StickerFiling, IndemnityPayment, PiggybackElection, RegistrationRightsStandstill,
        EffectivenessPeriodEnd,
    ];

    // Rule 144(k) as in force in 2000 (two years' holding by a non-affiliate) is law, not a term of the deal; the
    // horizon is computed in years, so this count is only what DaysUnder reports.
    private const int Rule144kHoldingDays = 730;

    // Deal obligations (issue 13): what a modern form's delay payment and grace period clauses add. Their days come
    // from the clauses' own results, not from a count in the terms.

    /// <summary>Pay a Filing Failure's Registration Delay Payments for one accrual period, by its due date.</summary>
    public static Obligation FilingFailurePayment { get; } = DelayPayment("filing-failure-payment", "Filing Failure");

    /// <summary>Pay an Effectiveness Failure's Registration Delay Payments for one accrual period, by its due date.</summary>
    public static Obligation EffectivenessFailurePayment { get; } = DelayPayment("effectiveness-failure-payment", "Effectiveness Failure");

    /// <summary>Pay a Maintenance Failure's Registration Delay Payments for one accrual period, by its due date.</summary>
    public static Obligation MaintenanceFailurePayment { get; } = DelayPayment("maintenance-failure-payment", "Maintenance Failure");

    /// <summary>
    /// End a suspension within the grace period's limits: the Advice by the day after the suspension's last allowed
    /// day (the Advice day is not a suspension day).
    /// </summary>
    public static Obligation SuspensionAdvice { get; } = new(
        "suspension-advice", "Give the Advice ending the suspension (grace period)", "§ 6(e)",
        "the Advice that the Prospectus may be used again, no later than the day after the suspension's last allowed day under the grace period limits",
        DayCount.CalendarDaysAfter, inclusive: true, CutoffKind.BusinessDay, _ => 0)
    {
        // A suspension stops the Holders' sales until the Advice; delay payments (below) are paid to them.
        Repeats = true,
        Audience = ReminderAudience.WithHolders,
    };

    /// <summary>
    /// File the additional registration statement for the securities a Rule 415 cutback left out, one per cutback:
    /// the clause's days after the date the Commission's guidance permits it, or after the cutback.
    /// </summary>
    public static Obligation AdditionalFiling { get; } = new(
        "additional-filing", "File the additional Registration Statement for the cut-back securities (Rule 415)", "Rule 415 cutback clause",
        "on or prior to the additional Filing Deadline, the clause's days after the date the Commission's guidance permits the cut-back securities to be registered",
        DayCount.CalendarDaysAfter, inclusive: true, CutoffKind.EdgarFiling, t => t.AdditionalRegistration.FilingDays)
    {
        // The cut-back securities are the Holders' own, unregistered until this statement is effective.
        Repeats = true,
        Audience = ReminderAudience.WithHolders,
    };

    /// <summary>The additional registration statement declared effective, the clause's days after its filing (more if reviewed).</summary>
    public static Obligation AdditionalEffectiveness { get; } = new(
        "additional-effectiveness", "Additional Registration Statement declared effective (Rule 415 cutback)", "Rule 415 cutback clause",
        "on or prior to the additional Effectiveness Deadline, the clause's days after the additional statement's filing",
        DayCount.CalendarDaysAfter, inclusive: true, CutoffKind.BusinessDay, t => t.AdditionalRegistration.EffectivenessDays)
    { Repeats = true, Audience = ReminderAudience.WithHolders };

    /// <summary>
    /// The deal obligations, which only a deal's delay payment, grace period and Rule 415 cutback clauses give
    /// instances.
    /// </summary>
    public static IReadOnlyList<Obligation> Deal { get; } =
        [FilingFailurePayment, EffectivenessFailurePayment, MaintenanceFailurePayment, SuspensionAdvice, AdditionalFiling, AdditionalEffectiveness];

    private static Obligation DelayPayment(string key, string failure) => new(
        key, $"Pay the Registration Delay Payments ({failure})", "Registration Delay Payments",
        $"each accrual period's payment on a {failure}, to each Holder, by the period's due date",
        DayCount.BusinessDaysAfter, inclusive: true, CutoffKind.BusinessDay, _ => 0)
    { Repeats = true, Audience = ReminderAudience.WithHolders };

    /// <summary>Finds an obligation (of <see cref="All"/> or <see cref="Deal"/>) by its key or by an instance key (<c>sec-comment-response#2</c>).</summary>
    /// <returns>The obligation, or null when the key names none or is no deadline key (<see cref="DeadlineId.TryParse"/>).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="key"/> is null.</exception>
    public static Obligation? Find(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return DeadlineId.TryParse(key, out var id) ? Find(id) : null;
    }

    /// <summary>Finds the obligation (of <see cref="All"/> or <see cref="Deal"/>) a deadline instance is of.</summary>
    /// <returns>The obligation, or null when <see cref="DeadlineId.ObligationKey"/> names none (or for <c>default</c>).</returns>
    public static Obligation? Find(DeadlineId id)
    {
        foreach (var obligation in All.Concat(Deal))
        {
            if (obligation.Key == id.ObligationKey)
            {
                return obligation;
            }
        }

        return null;
    }
}

namespace RegRights.Core.Agreements;

/// <summary>
/// What happened under an agreement. Events start and stop the clocks of the obligation catalog; each names the
/// section it comes from. Corrections are new events, never edits.
/// </summary>
public enum AgreementEventKind
{
    /// <summary>The Closing Date (§ 1). Starts the Filing Date, Effectiveness Date and § 6(b) clocks.</summary>
    Closing,

    /// <summary>The Company plans to file the Registration Statement on the event's date (§ 3(a) review, § 3(d)(i)(A) notice).</summary>
    FilingPlanned,

    /// <summary>The Registration Statement was filed with the Commission (§ 2(a), § 3(a)).</summary>
    Filed,

    /// <summary>An amendment or supplement is planned for filing on the event's date (§ 3(a), § 3(d)(i)(A)).</summary>
    AmendmentPlanned,

    /// <summary>A planned amendment or supplement was filed (<see cref="AgreementEvent.RefersTo"/> names the plan).</summary>
    AmendmentFiled,

    /// <summary>An SEC comment letter was received (§ 3(b)(iii)); one clock per letter.</summary>
    SecCommentReceived,

    /// <summary>The response to a comment letter was filed (<see cref="AgreementEvent.RefersTo"/> names the letter).</summary>
    CommentResponseFiled,

    /// <summary>The Registration Statement was declared effective (§ 2(a)).</summary>
    DeclaredEffective,

    /// <summary>
    /// Days of delay in the declaration of effectiveness not caused by the Company (§ 2(a), second proviso);
    /// <see cref="AgreementEvent.Days"/> carries the count.
    /// </summary>
    ExcusedDelay,

    /// <summary>A Holder sold 50 % of the Registrable Securities covered by the Prospectus (§ 3(c)).</summary>
    HolderSold50Percent,

    /// <summary>The supplement or sticker after a 50 % sale was filed (<see cref="AgreementEvent.RefersTo"/> names the sale).</summary>
    StickerFiled,

    /// <summary>A § 3(d) notice was given on the event's date; a written confirmation may be requested.</summary>
    FilingNoticeGiven,

    /// <summary>A § 3(d) notice was confirmed in writing (<see cref="AgreementEvent.RefersTo"/> names the notice).</summary>
    NoticeConfirmed,

    /// <summary>Written notice of an Indemnified Party's fees and expenses (§ 5(c)).</summary>
    IndemnificationNotice,

    /// <summary>Fees and expenses paid (<see cref="AgreementEvent.RefersTo"/> names the § 5(c) notice).</summary>
    IndemnityPaid,

    /// <summary>A Holder received the Company's piggyback notice (§ 6(g)).</summary>
    PiggybackNotice,

    /// <summary>A Holder requested inclusion in writing (<see cref="AgreementEvent.RefersTo"/> names the notice).</summary>
    PiggybackRequest,

    /// <summary>
    /// A written waiver under § 6(f) of one deadline (<see cref="AgreementEvent.DeadlineKey"/>, e.g.
    /// <c>filing-date</c> or <c>sec-comment-response#2</c>).
    /// </summary>
    Waiver,

    /// <summary>
    /// Drafts were furnished to the Holders, their Special Counsel and any managing underwriters for review (§ 3(a));
    /// <see cref="AgreementEvent.RefersTo"/> names the planned amendment, or is empty (or names the filing plan) for
    /// the Registration Statement itself.
    /// </summary>
    DraftsFurnished,

    /// <summary>
    /// A recipient of a § 3(d) notice asked for written confirmation (<see cref="AgreementEvent.RefersTo"/> names the
    /// notice); starts the § 3(d) confirmation clock, which runs from the notice day.
    /// </summary>
    ConfirmationRequested,

    // Deal events (issue 13).

    /// <summary>The Commission said it will not review the Registration Statement (the Effectiveness Deadline's review path).</summary>
    NoReviewNotice,

    /// <summary>The Commission said it will review the Registration Statement (the longer Effectiveness Deadline).</summary>
    ReviewNotice,

    /// <summary>
    /// The Holders received the Company's notice that the Prospectus may not be used (§ 6(e)): a suspension (grace
    /// period) starts on the event's date, its first day.
    /// </summary>
    SuspensionStarted,

    /// <summary>
    /// The Holders received the Advice that the Prospectus may be used again (§ 6(e); <see cref="AgreementEvent.RefersTo"/>
    /// names the suspension): the event's date is not a suspension day.
    /// </summary>
    SuspensionEnded,

    /// <summary>
    /// A Registration Delay Payment made to one Holder (<see cref="AgreementEvent.Holder"/>,
    /// <see cref="AgreementEvent.Amount"/>) against one accrual period, named by its payment deadline's key in
    /// <see cref="AgreementEvent.DeadlineKey"/>, e.g. <c>filing-failure-payment#1</c>.
    /// </summary>
    DelayPaymentMade,

    /// <summary>
    /// One Holder's (<see cref="AgreementEvent.Holder"/>) Registrable Securities may be sold under Rule 144 without
    /// restriction from the event's date: under a delay payment clause that excludes such securities, that Holder
    /// accrues nothing from that day.
    /// </summary>
    Rule144Saleable,

    /// <summary>
    /// The Commission's staff limited the securities the Registration Statement may register (Rule 415, the "cutback"):
    /// under the agreement's cutback clause (<see cref="AdditionalRegistrationClause"/>) the cut-back securities need an
    /// additional registration statement. Each cutback is one; its other events refer to it.
    /// </summary>
    Cutback,

    /// <summary>
    /// The earliest date the Commission's guidance permits the cut-back securities to be registered
    /// (<see cref="AgreementEvent.RefersTo"/> names the cutback): the start of the additional statement's Filing Deadline
    /// under <see cref="CutbackStart.FilingPermitted"/>.
    /// </summary>
    AdditionalFilingPermitted,

    /// <summary>The additional registration statement for a cutback was filed (<see cref="AgreementEvent.RefersTo"/> names the cutback).</summary>
    AdditionalFiled,

    /// <summary>The Commission said it will review the additional registration statement (<see cref="AgreementEvent.RefersTo"/> names the cutback).</summary>
    AdditionalReviewNotice,

    /// <summary>The additional registration statement was declared effective (<see cref="AgreementEvent.RefersTo"/> names the cutback).</summary>
    AdditionalDeclaredEffective,
}

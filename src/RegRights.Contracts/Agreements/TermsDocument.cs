using System.Globalization;
using NodaTime;
using RegRights.Core.Agreements;
using RegRights.Core.Calendars;
using RegRights.Core.Notices;

namespace RegRights.Contracts.Agreements;

/// <summary>
/// <see cref="AgreementTerms"/> as JSON. A missing member takes the seed agreement's value, so a client sends only
/// what its deal changes (a 45-day Filing Date is <c>{"filingDays": 45}</c>).
/// </summary>
public sealed record TermsDocument
{
    /// <summary>The IANA zone of "California time" or its equivalent, e.g. America/Los_Angeles.</summary>
    public string? TimeZone { get; init; }

    /// <summary>§ 1 Filing Date: days after the Closing Date.</summary>
    public int? FilingDays { get; init; }

    /// <summary>§ 1 Effectiveness Date: days after the Closing Date.</summary>
    public int? EffectivenessDays { get; init; }

    /// <summary>§ 3(a) drafts before a Registration Statement: Business Days.</summary>
    public int? PreFilingReviewBusinessDays { get; init; }

    /// <summary>§ 3(a) drafts before an amendment or supplement: Business Days.</summary>
    public int? AmendmentReviewBusinessDays { get; init; }

    /// <summary>§ 3(d)(i)(A) notice before a filing: Business Days.</summary>
    public int? FilingNoticeBusinessDays { get; init; }

    /// <summary>§ 3(d) notice before a § 3(c) sticker: Business Days.</summary>
    public int? StickerNoticeBusinessDays { get; init; }

    /// <summary>§ 3(d) written confirmation: Business Days.</summary>
    public int? NoticeConfirmationBusinessDays { get; init; }

    /// <summary>§ 3(b)(iii) response to an SEC comment letter: days.</summary>
    public int? SecCommentResponseDays { get; init; }

    /// <summary>§ 3(c) sticker after a 50 % sale: Business Days.</summary>
    public int? StickerFilingBusinessDays { get; init; }

    /// <summary>§ 5(c) indemnity payment: Business Days.</summary>
    public int? IndemnityPaymentBusinessDays { get; init; }

    /// <summary>§ 6(g) piggyback election: days.</summary>
    public int? PiggybackElectionDays { get; init; }

    /// <summary>§ 6(b) standstill: Business Days after the Closing Date.</summary>
    public int? StandstillBusinessDays { get; init; }

    /// <summary>§ 6(h)(i) fax cut-off, local time (2:00 p.m. is <c>14:00:00</c>).</summary>
    public LocalTime? FaxCutoff { get; init; }

    /// <summary>§ 6(h)(ii) late bound, local time (11:59 p.m. is <c>23:59:00</c>).</summary>
    public LocalTime? FaxLateBound { get; init; }

    /// <summary>What a calendar-day deadline on a non-Business Day does.</summary>
    public RollRule? Roll { get; init; }

    /// <summary>How contested days are read.</summary>
    public ContestedDayReading? ContestedDays { get; init; }

    /// <summary>Closures beyond the shipped ones.</summary>
    public IReadOnlyList<ClosureDocument>? Closures { get; init; }

    /// <summary>
    /// § 6(h): the facsimile numbers the notice clause names, as written, e.g. <c>["(949) 788-6706"]</c>; a fax received
    /// on one of them is a notice under this agreement. Omitted means none.
    /// </summary>
    public IReadOnlyList<string>? NoticeFaxNumbers { get; init; }

    // Deal clauses (issue 13).

    /// <summary>The Filing Deadline's shape: what it counts, from which event, inclusive or not, its roll rule, its section.</summary>
    public DeadlineClauseDocument? FilingDeadline { get; init; }

    /// <summary>The Effectiveness Deadline's shape.</summary>
    public DeadlineClauseDocument? EffectivenessDeadline { get; init; }

    /// <summary>The Effectiveness Deadline's review path (the Commission's review and no-review notices).</summary>
    public ReviewPathDocument? ReviewPath { get; init; }

    /// <summary>The Business Day calendar by name: <c>california-banks</c> (§ 1, the seed's) or <c>new-york-banks</c>.</summary>
    public string? BusinessDayCalendar { get; init; }

    /// <summary>The Trading Day calendar by name: <c>nyse</c>.</summary>
    public string? TradingDayCalendar { get; init; }

    /// <summary>The Registration Delay Payment clause, or the cross-reference that keeps it from being read.</summary>
    public DelayPaymentsDocument? DelayPayments { get; init; }

    /// <summary>The limits on suspensions (grace periods).</summary>
    public SuspensionTermsDocument? Suspensions { get; init; }

    /// <summary>The Rule 415 cutback clause (an additional registration statement for cut-back securities), or <c>{"none": true}</c>.</summary>
    public AdditionalRegistrationDocument? AdditionalRegistration { get; init; }

    /// <summary>The sections the agreement cites and does not contain; every result that depends on one carries it.</summary>
    public IReadOnlyList<CrossReferenceGapDocument>? CrossReferenceGaps { get; init; }

    /// <summary>
    /// The notice clause: a named one (<c>{"clause": "modern-email"}</c>) and what the deal changes in it
    /// (<see cref="NoticeClauseDocument"/>). Omitted means the seed's § 6(h), whose fax times are
    /// <see cref="FaxCutoff"/> and <see cref="FaxLateBound"/>; another table carries its own, and those two must then
    /// keep the seed's values.
    /// </summary>
    public NoticeClauseDocument? Notice { get; init; }

    /// <summary>The document of <paramref name="terms"/>, every member filled.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="terms"/> is null.</exception>
    public static TermsDocument From(AgreementTerms terms)
    {
        ArgumentNullException.ThrowIfNull(terms);
        return new()
        {
            TimeZone = terms.TimeZone.Id,
            FilingDays = terms.FilingDays,
            EffectivenessDays = terms.EffectivenessDays,
            PreFilingReviewBusinessDays = terms.PreFilingReviewBusinessDays,
            AmendmentReviewBusinessDays = terms.AmendmentReviewBusinessDays,
            FilingNoticeBusinessDays = terms.FilingNoticeBusinessDays,
            StickerNoticeBusinessDays = terms.StickerNoticeBusinessDays,
            NoticeConfirmationBusinessDays = terms.NoticeConfirmationBusinessDays,
            SecCommentResponseDays = terms.SecCommentResponseDays,
            StickerFilingBusinessDays = terms.StickerFilingBusinessDays,
            IndemnityPaymentBusinessDays = terms.IndemnityPaymentBusinessDays,
            PiggybackElectionDays = terms.PiggybackElectionDays,
            StandstillBusinessDays = terms.StandstillBusinessDays,
            FaxCutoff = terms.FaxCutoff,
            FaxLateBound = terms.FaxLateBound,
            Roll = terms.Roll,
            ContestedDays = terms.ContestedDays,
            Closures = [.. terms.Closures.Select(c => new ClosureDocument
            {
                Date = c.Date, Name = c.Name, Source = c.Source, Effect = c.Effect,
            })],
            NoticeFaxNumbers = [.. terms.NoticeFaxNumbers],
            FilingDeadline = DeadlineClauseDocument.Of(terms.FilingDeadline),
            EffectivenessDeadline = DeadlineClauseDocument.Of(terms.EffectivenessDeadline),
            ReviewPath = ReviewPathDocument.From(terms.ReviewPath),
            BusinessDayCalendar = terms.BusinessDayCalendarName,
            TradingDayCalendar = terms.TradingDayCalendarName,
            DelayPayments = DelayPaymentsDocument.From(terms.DelayPayments),
            Suspensions = SuspensionTermsDocument.From(terms.Suspensions),
            AdditionalRegistration = AdditionalRegistrationDocument.From(terms.AdditionalRegistration),
            CrossReferenceGaps = [.. terms.CrossReferenceGaps.Select(CrossReferenceGapDocument.From)],
            Notice = NoticeClauseDocument.From(terms.NoticeClause),
        };
    }

    /// <summary>
    /// The terms this document describes over <paramref name="template"/>'s (the seed agreement's by default).
    /// </summary>
    /// <param name="template">The terms a member left out takes; null for the seed agreement's.</param>
    /// <exception cref="ArgumentException">A value is out of range (the exception's <c>ParamName</c> names the term),
    /// the zone is unknown, a closure lacks a member, or the fax cut-off is not before the late bound.</exception>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Usage", "CA2208", Justification = "ParamName names the term in error, which the API turns into its JSON path.")]
    public AgreementTerms ToTerms(AgreementTerms? template = null)
    {
        var terms = template ?? AgreementTerms.NeoTherapeutics2000;
        if (TimeZone is not null)
        {
            terms = terms with
            {
                TimeZone = DateTimeZoneProviders.Tzdb.GetZoneOrNull(TimeZone)
                    ?? throw new ArgumentException($"Unknown time zone '{TimeZone}'.", nameof(TimeZone)),
            };
        }

        terms = terms with
        {
            FilingDays = FilingDays ?? terms.FilingDays,
            EffectivenessDays = EffectivenessDays ?? terms.EffectivenessDays,
            PreFilingReviewBusinessDays = PreFilingReviewBusinessDays ?? terms.PreFilingReviewBusinessDays,
            AmendmentReviewBusinessDays = AmendmentReviewBusinessDays ?? terms.AmendmentReviewBusinessDays,
            FilingNoticeBusinessDays = FilingNoticeBusinessDays ?? terms.FilingNoticeBusinessDays,
            StickerNoticeBusinessDays = StickerNoticeBusinessDays ?? terms.StickerNoticeBusinessDays,
            NoticeConfirmationBusinessDays = NoticeConfirmationBusinessDays ?? terms.NoticeConfirmationBusinessDays,
            SecCommentResponseDays = SecCommentResponseDays ?? terms.SecCommentResponseDays,
            StickerFilingBusinessDays = StickerFilingBusinessDays ?? terms.StickerFilingBusinessDays,
            IndemnityPaymentBusinessDays = IndemnityPaymentBusinessDays ?? terms.IndemnityPaymentBusinessDays,
            PiggybackElectionDays = PiggybackElectionDays ?? terms.PiggybackElectionDays,
            StandstillBusinessDays = StandstillBusinessDays ?? terms.StandstillBusinessDays,
            FaxCutoff = FaxCutoff ?? terms.FaxCutoff,
            FaxLateBound = FaxLateBound ?? terms.FaxLateBound,
            Roll = Roll ?? terms.Roll,
            ContestedDays = ContestedDays ?? terms.ContestedDays,
            Closures = Closures is null
                ? terms.Closures
                : [.. Closures.Select((c, i) => (c ?? throw new ArgumentException("A closure is required, not null.", $"closures[{i}]")).ToClosure(i))],
            NoticeFaxNumbers = NoticeFaxNumbers is null
                ? terms.NoticeFaxNumbers
                : [.. NoticeFaxNumbers.Select((n, i) => n ?? throw new ArgumentException("A fax number is required, not null.", $"noticeFaxNumbers[{i}]"))],
            NoticeClause = Notice?.ToClause() ?? terms.NoticeClause,
        };
        terms = DealTerms(terms);
        CheckSeedFaxTimes(terms);
        return terms.Validate();
    }

    // Deal clauses (issue 13): errors name the member's JSON path under the terms.
    private AgreementTerms DealTerms(AgreementTerms terms) => terms with
    {
        FilingDeadline = FilingDeadline is null ? terms.FilingDeadline : FilingDeadline.ToClause("filingDeadline"),
        EffectivenessDeadline = EffectivenessDeadline is null ? terms.EffectivenessDeadline : EffectivenessDeadline.ToClause("effectivenessDeadline"),
        ReviewPath = ReviewPath is null ? terms.ReviewPath : ReviewPath.ToReviewPath(),
        BusinessDayCalendarName = BusinessDayCalendar is null ? terms.BusinessDayCalendarName : Named(BusinessDayCalendar, "businessDayCalendar", trading: false),
        TradingDayCalendarName = TradingDayCalendar is null ? terms.TradingDayCalendarName : Named(TradingDayCalendar, "tradingDayCalendar", trading: true),
        DelayPayments = DelayPayments is null ? terms.DelayPayments : DelayPayments.ToClause(),
        Suspensions = Suspensions is null ? terms.Suspensions : Suspensions.ToTerms(),
        AdditionalRegistration = AdditionalRegistration is null ? terms.AdditionalRegistration : AdditionalRegistration.ToClause(),
        CrossReferenceGaps = CrossReferenceGaps is null
            ? terms.CrossReferenceGaps
            : [.. CrossReferenceGaps.Select((g, i) => (g ?? throw new ArgumentException("A gap is required, not null.", $"crossReferenceGaps[{i}]")).ToGap($"crossReferenceGaps[{i}]"))],
    };

    private static string Named(string name, string path, bool trading)
    {
        try
        {
            return trading
                ? (AgreementTerms.NeoTherapeutics2000 with { TradingDayCalendarName = name }).TradingDayCalendarName
                : (AgreementTerms.NeoTherapeutics2000 with { BusinessDayCalendarName = name }).BusinessDayCalendarName;
        }
        catch (ArgumentException ex)
        {
            throw new ArgumentException(DealPaths.At(path, ex).Message, path, ex);
        }
    }

    // faxCutoff and faxLateBound set the seed table's times; with another table they would change nothing, so a value
    // other than the seed's is refused rather than dropped. The seed's values pass: every document carries them.
    private static void CheckSeedFaxTimes(AgreementTerms terms)
    {
        var seed = AgreementTerms.NeoTherapeutics2000;
        if (terms.NoticeClause.Rules.SequenceEqual(NoticeClause.NeoTherapeutics2000.Rules))
        {
            return;
        }

        foreach (var (name, value, seedValue) in new[] { (nameof(FaxCutoff), terms.FaxCutoff, seed.FaxCutoff), (nameof(FaxLateBound), terms.FaxLateBound, seed.FaxLateBound) })
        {
            if (value != seedValue)
            {
                throw new ArgumentException(
                    $"Sets the seed clause's § 6(h) fax time, and this agreement's notice clause ('{terms.NoticeClause.Name}' with its own table) has its own: " +
                    $"leave it at {seedValue:HH:mm:ss} and give the time in notice.rules.", name);
            }
        }
    }
}

/// <summary>A closure supplied as data (<see cref="Closure"/>).</summary>
public sealed record ClosureDocument
{
    /// <summary>The closed date.</summary>
    public LocalDate? Date { get; init; }

    /// <summary>What the day is called.</summary>
    public string? Name { get; init; }

    /// <summary>The order or law that closed it.</summary>
    public string? Source { get; init; }

    /// <summary><c>closed</c> or <c>contested</c>.</summary>
    public DayEffect? Effect { get; init; }

    // Errors name the closure by its place in the list (closures[1].source), so a client can find the one at fault.
    internal Closure ToClosure(int index)
    {
        var path = string.Create(CultureInfo.InvariantCulture, $"closures[{index}]");
        if (Date is not { } date)
        {
            throw new ArgumentException("A closure needs its date.", $"{path}.date");
        }

        try
        {
            return new(date, Name ?? "", Source ?? "", Effect ?? DayEffect.Closed);
        }
        catch (ArgumentException ex)
        {
            var reason = ex.Message;
            var cut = reason.IndexOf(" (Parameter", StringComparison.Ordinal);
            throw new ArgumentException(cut > 0 ? reason[..cut] : reason, $"{path}.{ex.ParamName}", ex);
        }
    }
}

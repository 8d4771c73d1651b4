using NodaTime;
using RegRights.Core.Calendars;
using RegRights.Core.DelayPayments;
using RegRights.Core.Notices;
using RegRights.Core.Suspensions;
using RegRights.Core.Utility;

namespace RegRights.Core.Agreements;

/// <summary>
/// The numbers one registration rights agreement fixes: day counts, the notice clause's cut-off times, its time zone
/// and roll convention. Every number is a term of the deal, so another deal's 45-day Filing Date is data, not code.
/// <see cref="NeoTherapeutics2000"/> is the seed agreement's set, the default template.
/// </summary>
/// <remarks>Day counts must lie in [0, 1000]; the fax cut-off must be earlier than the late bound.</remarks>
public sealed record AgreementTerms
{
    private const int MaxDays = 1000;

    /// <summary>The terms of the Registration Rights Agreement of April 28, 2000 (NeoTherapeutics, Inc.).</summary>
    public static AgreementTerms NeoTherapeutics2000 { get; } = new();

    /// <summary>The zone the agreement's dates and times are in; "California time" is America/Los_Angeles (§ 6(h)).</summary>
    public DateTimeZone TimeZone { get; init => field = Preconditions.CheckNotNull(value); } =
        DateTimeZoneProviders.Tzdb[ZoneNames.CaliforniaZoneId];

    /// <summary>
    /// The words the agreement's times are named by: "California time" for America/Los_Angeles, as § 6(h) says;
    /// otherwise the place of the zone's id, e.g. "New York time" (<see cref="ZoneNames.For"/>).
    /// </summary>
    public string ZoneName => ZoneNames.For(TimeZone);

    /// <summary>Filing Date: the Nth day following the Closing Date (§ 1, "Filing Date"; default 30).</summary>
    public int FilingDays { get; init => field = Days(value); } = 30;

    /// <summary>Effectiveness Date: the Nth day following the Closing Date (§ 1, "Effectiveness Date"; default 120).</summary>
    public int EffectivenessDays { get; init => field = Days(value); } = 120;

    /// <summary>Drafts furnished not less than N Business Days before a Registration Statement is filed (§ 3(a); 5).</summary>
    public int PreFilingReviewBusinessDays { get; init => field = Days(value); } = 5;

    /// <summary>Drafts furnished not less than N Business Days before an amendment or supplement is filed (§ 3(a); 1).</summary>
    public int AmendmentReviewBusinessDays { get; init => field = Days(value); } = 1;

    /// <summary>Holders notified not less than N Business Days before a proposed filing (§ 3(d)(i)(A); 5).</summary>
    public int FilingNoticeBusinessDays { get; init => field = Days(value); } = 5;

    /// <summary>The same notice for a supplement or sticker under § 3(c): N Business Days (§ 3(d); 1).</summary>
    public int StickerNoticeBusinessDays { get; init => field = Days(value); } = 1;

    /// <summary>A § 3(d) notice confirmed in writing no later than N Business Days following it (§ 3(d); 1).</summary>
    public int NoticeConfirmationBusinessDays { get; init => field = Days(value); } = 1;

    /// <summary>Each SEC comment letter answered within N days of receipt (§ 3(b)(iii); 10).</summary>
    public int SecCommentResponseDays { get; init => field = Days(value); } = 10;

    /// <summary>A supplement or sticker filed within N Business Days after a Holder sold 50 % (§ 3(c); 4).</summary>
    public int StickerFilingBusinessDays { get; init => field = Days(value); } = 4;

    /// <summary>An Indemnified Party's fees paid within N Business Days of written notice (§ 5(c); 10).</summary>
    public int IndemnityPaymentBusinessDays { get; init => field = Days(value); } = 10;

    /// <summary>A Holder's piggyback request within N days after receipt of the Company's notice (§ 6(g); 20).</summary>
    public int PiggybackElectionDays { get; init => field = Days(value); } = 20;

    /// <summary>The bar on granting registration rights ends at the Nth Business Day following the Closing Date (§ 6(b); 120).</summary>
    public int StandstillBusinessDays { get; init => field = Days(value); } = 120;

    /// <summary>
    /// A fax "prior to" this time on a Business Day is effective that day (§ 6(h)(i); 2:00 p.m.): the seed clause's
    /// cut-off. Another clause (<see cref="NoticeClause"/>) carries its own times and does not read it.
    /// </summary>
    public LocalTime FaxCutoff { get; init; } = new(14, 0);

    /// <summary>
    /// A fax later than the cut-off and "earlier than" this time is effective the next Business Day (§ 6(h)(ii);
    /// 11:59 p.m.): the seed clause's late bound, as <see cref="FaxCutoff"/> is its cut-off.
    /// </summary>
    public LocalTime FaxLateBound { get; init; } = new(23, 59);

    /// <summary>
    /// The notice clause as written: its zone, calendar and table of method → rule (<see cref="Notices.NoticeClause"/>);
    /// the seed's § 6(h) by default. The stamper applies <see cref="Notice"/>.
    /// </summary>
    public NoticeClause NoticeClause { get; init => field = Preconditions.CheckNotNull(value); } = NoticeClause.NeoTherapeutics2000;

    /// <summary>
    /// The clause the stamper applies: <see cref="NoticeClause"/>, with the seed's fax times taken from
    /// <see cref="FaxCutoff"/> and <see cref="FaxLateBound"/> when its table is the seed's.
    /// </summary>
    public NoticeClause Notice
    {
        get
        {
            if (!ReferenceEquals(NoticeClause.Rules, NoticeClause.NeoTherapeutics2000.Rules) && !NoticeClause.Rules.SequenceEqual(NoticeClause.NeoTherapeutics2000.Rules))
            {
                return NoticeClause;
            }

            if (notice is { } cached && ReferenceEquals(cached.Clause, NoticeClause) && cached.Cutoff == FaxCutoff && cached.LateBound == FaxLateBound)
            {
                return cached.Notice;
            }

            var built = NoticeClause.WithFaxTimes(FaxCutoff, FaxLateBound);
            notice = (NoticeClause, FaxCutoff, FaxLateBound, built);
            return built;
        }
    }

    /// <summary>The zone notices are read in: the clause's, else the agreement's (<see cref="TimeZone"/>).</summary>
    public DateTimeZone NoticeTimeZone => NoticeClause.TimeZone ?? TimeZone;

    /// <summary>The words for <see cref="NoticeTimeZone"/>'s times, e.g. "California time", "New York time".</summary>
    public string NoticeZoneName => ZoneNames.For(NoticeTimeZone);

    /// <summary>
    /// The calendar the notice clause's Business Day means, under these terms' reading of contested days. When it is the
    /// agreement's own (<see cref="Calendar"/>, the § 1 Business Day), the agreement's closures apply too.
    /// </summary>
    public BusinessDayCalendar NoticeCalendar
    {
        get
        {
            var own = Calendar;
            if (string.Equals(NoticeClause.CalendarName, own.Key, StringComparison.Ordinal))
            {
                return own;
            }

            if (noticeCalendar is { } cached && cached.Name == NoticeClause.CalendarName && cached.Reading == ContestedDays)
            {
                return cached.Calendar;
            }

            var built = CalendarCatalog.Get(NoticeClause.CalendarName).WithReading(ContestedDays);
            noticeCalendar = (NoticeClause.CalendarName, ContestedDays, built);
            return built;
        }
    }

    private (NoticeClause Clause, LocalTime Cutoff, LocalTime LateBound, NoticeClause Notice)? notice;

    private (string Name, ContestedDayReading Reading, BusinessDayCalendar Calendar)? noticeCalendar;

    /// <summary>What a calendar-day deadline on a non-Business Day does; the seed agreement has no roll rule.</summary>
    public RollRule Roll { get; init; } = RollRule.None;

    /// <summary>How contested days (Good Friday afternoon, executive-order closures) are read.</summary>
    public ContestedDayReading ContestedDays { get; init; } = ContestedDayReading.Open;

    /// <summary>The most facsimile numbers <see cref="NoticeFaxNumbers"/> may list.</summary>
    public const int MaxNoticeFaxNumbers = 20;

    /// <summary>
    /// The facsimile numbers the notice clause names, as written (§ 6(h): "the facsimile telephone number specified in
    /// this Section"; the seed agreement names (949) 788-6706, (714) 755-8290 and (858) 450-8499). A fax received on one
    /// of them is a notice under this agreement. None by default; each must be a fax number (<see cref="FaxNumber"/>),
    /// at most <see cref="MaxNoticeFaxNumbers"/>, no number twice.
    /// </summary>
    /// <exception cref="ArgumentException">On set: a number is not a fax number (ParamName <c>noticeFaxNumbers[i]</c>), is listed twice, or there are too many.</exception>
    public IReadOnlyList<string> NoticeFaxNumbers { get; init => field = CheckFaxNumbers(value); } = [];

    /// <summary>Closures recorded for this agreement beyond the shipped ones (a Governor's bank closure, say).</summary>
    public IReadOnlyList<Closure> Closures { get; init => field = Preconditions.CheckNotNull(value); } = [];

    // Deal clauses (issue 13): the Filing and Effectiveness Deadlines' shapes, the calendars by name, the delay
    // payment and suspension clauses and the cross-references the agreement cites without containing.

    /// <summary>The Filing Deadline's shape (its days are <see cref="FilingDays"/>); the seed's by default.</summary>
    public DeadlineClause FilingDeadline { get; init => field = Preconditions.CheckNotNull(value); } = DeadlineClause.SeedFiling;

    /// <summary>The Effectiveness Deadline's shape (its days are <see cref="EffectivenessDays"/>); the seed's by default.</summary>
    public DeadlineClause EffectivenessDeadline { get; init => field = Preconditions.CheckNotNull(value); } = DeadlineClause.SeedEffectiveness;

    /// <summary>The Effectiveness Deadline's review path; none by default (the seed's).</summary>
    public ReviewPath ReviewPath { get; init => field = Preconditions.CheckNotNull(value); } = ReviewPath.None;

    /// <summary>The Business Day calendar by catalog name (<see cref="CalendarCatalog"/>); <c>california-banks</c> (§ 1) by default.</summary>
    /// <exception cref="ArgumentException">On set: no Business Day calendar has that name (<c>nyse</c> counts Trading Days).</exception>
    public string BusinessDayCalendarName { get; init => field = CheckCalendarName(value, trading: false); } = CalendarCatalog.DefaultName;

    /// <summary>The Trading Day calendar by catalog name; <c>nyse</c> by default.</summary>
    /// <exception cref="ArgumentException">On set: no Trading Day calendar has that name.</exception>
    public string TradingDayCalendarName { get; init => field = CheckCalendarName(value, trading: true); } = TradingDayDefaultName;

    /// <summary>The default Trading Day calendar's name.</summary>
    public const string TradingDayDefaultName = "nyse";

    /// <summary>The Registration Delay Payment clause; the seed's is missing (§ 1 cites a § 2(e) the exhibit lacks).</summary>
    public DelayPaymentClause DelayPayments { get; init => field = Preconditions.CheckNotNull(value); } = DelayPaymentClause.NeoTherapeutics2000;

    /// <summary>The Rule 415 cutback clause (an additional registration statement for cut-back securities); the seed has none.</summary>
    public AdditionalRegistrationClause AdditionalRegistration { get; init => field = Preconditions.CheckNotNull(value); } = AdditionalRegistrationClause.None;

    /// <summary>The limits on suspensions (grace periods); the seed's § 6(e) sets none.</summary>
    public SuspensionTerms Suspensions { get; init => field = Preconditions.CheckNotNull(value); } = SuspensionTerms.NeoTherapeutics2000;

    /// <summary>The sections the agreement cites and does not contain; every result that depends on one carries it.</summary>
    public IReadOnlyList<CrossReferenceGap> CrossReferenceGaps { get; init => field = Preconditions.CheckNotNull(value); } =
        CrossReferenceGap.NeoTherapeutics2000;

    /// <summary>The Trading Day calendar (<see cref="TradingDayCalendarName"/>).</summary>
    public BusinessDayCalendar TradingCalendar => CalendarCatalog.Get(TradingDayCalendarName);

    private static string CheckCalendarName(string value, bool trading)
    {
        Preconditions.CheckNotNull(value);
        var kind = trading ? "Trading Day" : "Business Day";
        var names = CalendarCatalog.Names.Where(n => CountsDays(n, trading)).ToList();
        var found = names.Find(n => string.Equals(n, value, StringComparison.OrdinalIgnoreCase));
        Preconditions.CheckArgument(found is not null, trading ? nameof(TradingDayCalendarName) : nameof(BusinessDayCalendarName),
            $"'{value}' is not a {kind} calendar; {kind} calendars: {string.Join(", ", names)}.");
        return found!;
    }

    // Read from the catalog, so a calendar added there is known here; a calendar builds no table until a date is asked
    // about, so this costs nothing. EDGAR days are neither Business Days nor Trading Days.
    private static bool CountsDays(string name, bool trading) =>
        CalendarCatalog.Get(name) is var named && named.Key != BusinessDayCalendar.Edgar.Key && (named.DayName == "Trading Day") == trading;

    // Keep the last calendar, keyed by what it was made from, so that the tables it has built are reused and a copy
    // made by `with` never serves a stale calendar.
    private (string Name, ContestedDayReading Reading, IReadOnlyList<Closure> Closures, BusinessDayCalendar Calendar)? calendar;

    /// <summary>The Business Day calendar (<see cref="BusinessDayCalendarName"/>, § 1's by default) under these terms' reading and closures.</summary>
    public BusinessDayCalendar Calendar
    {
        get
        {
            if (calendar is { } cached && cached.Name == BusinessDayCalendarName && cached.Reading == ContestedDays
                && ReferenceEquals(cached.Closures, Closures))
            {
                return cached.Calendar;
            }

            var built = CalendarCatalog.Get(BusinessDayCalendarName).WithReading(ContestedDays).WithClosures(Closures);
            calendar = (BusinessDayCalendarName, ContestedDays, Closures, built);
            return built;
        }
    }

    /// <summary>Checks the relations between terms that single setters cannot.</summary>
    /// <exception cref="ArgumentException">The fax cut-off is not earlier than the late bound.</exception>
    public AgreementTerms Validate()
    {
        Preconditions.CheckArgument(FaxCutoff < FaxLateBound, nameof(FaxCutoff),
            $"The fax cut-off ({FaxCutoff:HH:mm:ss}) must be earlier than the late bound ({FaxLateBound:HH:mm:ss}).");
        return this;
    }

    /// <inheritdoc />
    public bool Equals(AgreementTerms? other) =>
        other is not null &&
        TimeZone.Id == other.TimeZone.Id &&
        FilingDays == other.FilingDays &&
        EffectivenessDays == other.EffectivenessDays &&
        PreFilingReviewBusinessDays == other.PreFilingReviewBusinessDays &&
        AmendmentReviewBusinessDays == other.AmendmentReviewBusinessDays &&
        FilingNoticeBusinessDays == other.FilingNoticeBusinessDays &&
        StickerNoticeBusinessDays == other.StickerNoticeBusinessDays &&
        NoticeConfirmationBusinessDays == other.NoticeConfirmationBusinessDays &&
        SecCommentResponseDays == other.SecCommentResponseDays &&
        StickerFilingBusinessDays == other.StickerFilingBusinessDays &&
        IndemnityPaymentBusinessDays == other.IndemnityPaymentBusinessDays &&
        PiggybackElectionDays == other.PiggybackElectionDays &&
        StandstillBusinessDays == other.StandstillBusinessDays &&
        FaxCutoff == other.FaxCutoff &&
        FaxLateBound == other.FaxLateBound &&
        NoticeClause.Equals(other.NoticeClause) &&
        Roll == other.Roll &&
        ContestedDays == other.ContestedDays &&
        Closures.SequenceEqual(other.Closures) &&
        NoticeFaxNumbers.SequenceEqual(other.NoticeFaxNumbers, StringComparer.Ordinal) &&
        DealClausesEqual(other);

    // Deal clauses (issue 13).
    private bool DealClausesEqual(AgreementTerms other) =>
        FilingDeadline == other.FilingDeadline &&
        EffectivenessDeadline == other.EffectivenessDeadline &&
        ReviewPath == other.ReviewPath &&
        BusinessDayCalendarName == other.BusinessDayCalendarName &&
        TradingDayCalendarName == other.TradingDayCalendarName &&
        DelayPayments == other.DelayPayments &&
        Suspensions == other.Suspensions &&
        AdditionalRegistration == other.AdditionalRegistration &&
        CrossReferenceGaps.SequenceEqual(other.CrossReferenceGaps);

    /// <inheritdoc />
    public override int GetHashCode() =>
        HashCode.Combine(TimeZone.Id, FilingDays, EffectivenessDays, SecCommentResponseDays, FaxCutoff, Roll, Closures.Count);

    private static IReadOnlyList<string> CheckFaxNumbers(IReadOnlyList<string> value)
    {
        Preconditions.CheckNotNull(value);
        Preconditions.CheckArgument(value.Count <= MaxNoticeFaxNumbers, nameof(NoticeFaxNumbers),
            $"At most {MaxNoticeFaxNumbers} notice fax numbers; {value.Count} were given.");
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < value.Count; i++)
        {
            var path = string.Create(System.Globalization.CultureInfo.InvariantCulture, $"noticeFaxNumbers[{i}]");
            Preconditions.CheckArgument(FaxNumber.TryNormalize(value[i], out var e164), path,
                $"'{value[i]}' is not a facsimile number: {FaxNumber.MinDigits} to {FaxNumber.MaxDigits} digits, a + and the country code unless it is a 10-digit North American number, e.g. (949) 788-6706 or +44 20 7946 0958.");
            Preconditions.CheckArgument(seen.Add(e164!), path, $"'{value[i]}' is listed twice (as {e164}).");
        }

        return [.. value];
    }

    private static int Days(int value, [System.Runtime.CompilerServices.CallerMemberName] string name = "") =>
        Preconditions.CheckArgumentRange(name, value, 0, MaxDays);
}

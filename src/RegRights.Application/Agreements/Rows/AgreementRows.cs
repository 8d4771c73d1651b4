using RegRights.Contracts.Agreements;
using RegRights.Core.Agreements;

namespace RegRights.Application.Agreements.Rows;

/// <summary>
/// The one place an agreement's API document and its stored row meet (<see cref="AgreementRow"/>): member for member,
/// both ways, so that a document read back is the document stored.
/// </summary>
public static class AgreementRows
{
    /// <summary>The row that stores <paramref name="document"/>.</summary>
    public static AgreementRow ToRow(AgreementDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        return new()
        {
            Name = document.Name,
            Terms = ToRow(document.Terms),
            Parties = Each(document.Parties, ToRow),
            Contacts = Each(document.Contacts, ToRow),
            RemindDeadlinesBeforeRegistration = document.RemindDeadlinesBeforeRegistration,
            Template = document.Template,
        };
    }

    /// <summary>The document <paramref name="row"/> stores.</summary>
    public static AgreementDocument ToDocument(AgreementRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        return new()
        {
            Name = row.Name,
            Terms = ToDocument(row.Terms),
            Parties = Each(row.Parties, ToDocument),
            Contacts = Each(row.Contacts, ToDocument),
            RemindDeadlinesBeforeRegistration = row.RemindDeadlinesBeforeRegistration,
            Template = row.Template,
        };
    }

    /// <summary>The terms stored as <paramref name="json"/> (a <see cref="TermsRow"/>), over the seed's where it gives none.</summary>
    /// <exception cref="ArgumentException">A stored term is one this version refuses.</exception>
    public static AgreementTerms ReadTerms(string json) =>
        (ToDocument(StoredJson.FromJson<TermsRow>(json)) ?? new TermsDocument()).ToTerms();

    /// <summary>The row that stores <paramref name="terms"/>, or null.</summary>
    public static TermsRow? ToRow(TermsDocument? terms) => terms is null ? null : new()
    {
        TimeZone = terms.TimeZone,
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
        Closures = Each(terms.Closures, c => new ClosureRow { Date = c.Date, Name = c.Name, Source = c.Source, Effect = c.Effect }),
        NoticeFaxNumbers = terms.NoticeFaxNumbers?.ToList(),
        FilingDeadline = ToRow(terms.FilingDeadline),
        EffectivenessDeadline = ToRow(terms.EffectivenessDeadline),
        ReviewPath = terms.ReviewPath is { } review
            ? new ReviewPathRow { ReviewedDays = review.ReviewedDays, NoReviewDays = review.NoReviewDays, NoReviewUnit = review.NoReviewUnit }
            : null,
        BusinessDayCalendar = terms.BusinessDayCalendar,
        TradingDayCalendar = terms.TradingDayCalendar,
        DelayPayments = terms.DelayPayments is { } pay ? new DelayPaymentsRow
        {
            Missing = ToRow(pay.Missing), Section = pay.Section, Failures = pay.Failures?.ToList(), RatePercent = pay.RatePercent, Period = pay.Period,
            ProRata = pay.ProRata, CapPercent = pay.CapPercent, PaymentDueDays = pay.PaymentDueDays, PaymentDueBusinessDays = pay.PaymentDueBusinessDays,
            LateInterest = pay.LateInterest, LateInterestPercent = pay.LateInterestPercent, CureStopsAccrual = pay.CureStopsAccrual,
            ExcludesRule144Saleable = pay.ExcludesRule144Saleable, Rounding = pay.Rounding,
        } : null,
        Suspensions = terms.Suspensions is { } s ? new SuspensionTermsRow
        {
            Section = s.Section, MaxConsecutiveDays = s.MaxConsecutiveDays, MaxDaysIn365 = s.MaxDaysIn365,
            MaxOccasionsIn365 = s.MaxOccasionsIn365, MinBusinessDaysBetween = s.MinBusinessDaysBetween,
        } : null,
        AdditionalRegistration = terms.AdditionalRegistration is { } more ? new AdditionalRegistrationRow
        {
            None = more.None, Section = more.Section, FilingDays = more.FilingDays, FilingFrom = more.FilingFrom, FilingUnit = more.FilingUnit,
            EffectivenessDays = more.EffectivenessDays, ReviewedEffectivenessDays = more.ReviewedEffectivenessDays,
            EffectivenessUnit = more.EffectivenessUnit, Roll = more.Roll,
        } : null,
        CrossReferenceGaps = Each(terms.CrossReferenceGaps, g => ToRow(g)!),
        Notice = terms.Notice is { } notice ? new NoticeClauseRow
        {
            Clause = notice.Clause, TimeZone = notice.TimeZone, Calendar = notice.Calendar,
            Rules = Each(notice.Rules, r => new NoticeRuleRow
            {
                Method = r.Method, Kind = r.Kind, Section = r.Section, NextDaySection = r.NextDaySection, Cutoff = r.Cutoff,
                SameDayAtCutoff = r.SameDayAtCutoff, NextDayAtCutoff = r.NextDayAtCutoff, LateBound = r.LateBound,
                NextDayOnNonBusinessDay = r.NextDayOnNonBusinessDay, Days = r.Days,
            }),
        } : null,
    };

    /// <summary>The terms <paramref name="row"/> stores, or null.</summary>
    public static TermsDocument? ToDocument(TermsRow? row) => row is null ? null : new()
    {
        TimeZone = row.TimeZone,
        FilingDays = row.FilingDays,
        EffectivenessDays = row.EffectivenessDays,
        PreFilingReviewBusinessDays = row.PreFilingReviewBusinessDays,
        AmendmentReviewBusinessDays = row.AmendmentReviewBusinessDays,
        FilingNoticeBusinessDays = row.FilingNoticeBusinessDays,
        StickerNoticeBusinessDays = row.StickerNoticeBusinessDays,
        NoticeConfirmationBusinessDays = row.NoticeConfirmationBusinessDays,
        SecCommentResponseDays = row.SecCommentResponseDays,
        StickerFilingBusinessDays = row.StickerFilingBusinessDays,
        IndemnityPaymentBusinessDays = row.IndemnityPaymentBusinessDays,
        PiggybackElectionDays = row.PiggybackElectionDays,
        StandstillBusinessDays = row.StandstillBusinessDays,
        FaxCutoff = row.FaxCutoff,
        FaxLateBound = row.FaxLateBound,
        Roll = row.Roll,
        ContestedDays = row.ContestedDays,
        Closures = Each(row.Closures, c => new ClosureDocument { Date = c.Date, Name = c.Name, Source = c.Source, Effect = c.Effect }),
        NoticeFaxNumbers = row.NoticeFaxNumbers?.ToList(),
        FilingDeadline = ToDocument(row.FilingDeadline),
        EffectivenessDeadline = ToDocument(row.EffectivenessDeadline),
        ReviewPath = row.ReviewPath is { } review
            ? new ReviewPathDocument { ReviewedDays = review.ReviewedDays, NoReviewDays = review.NoReviewDays, NoReviewUnit = review.NoReviewUnit }
            : null,
        BusinessDayCalendar = row.BusinessDayCalendar,
        TradingDayCalendar = row.TradingDayCalendar,
        DelayPayments = row.DelayPayments is { } pay ? new DelayPaymentsDocument
        {
            Missing = ToDocument(pay.Missing), Section = pay.Section, Failures = pay.Failures?.ToList(), RatePercent = pay.RatePercent, Period = pay.Period,
            ProRata = pay.ProRata, CapPercent = pay.CapPercent, PaymentDueDays = pay.PaymentDueDays, PaymentDueBusinessDays = pay.PaymentDueBusinessDays,
            LateInterest = pay.LateInterest, LateInterestPercent = pay.LateInterestPercent, CureStopsAccrual = pay.CureStopsAccrual,
            ExcludesRule144Saleable = pay.ExcludesRule144Saleable, Rounding = pay.Rounding,
        } : null,
        Suspensions = row.Suspensions is { } s ? new SuspensionTermsDocument
        {
            Section = s.Section, MaxConsecutiveDays = s.MaxConsecutiveDays, MaxDaysIn365 = s.MaxDaysIn365,
            MaxOccasionsIn365 = s.MaxOccasionsIn365, MinBusinessDaysBetween = s.MinBusinessDaysBetween,
        } : null,
        AdditionalRegistration = row.AdditionalRegistration is { } more ? new AdditionalRegistrationDocument
        {
            None = more.None, Section = more.Section, FilingDays = more.FilingDays, FilingFrom = more.FilingFrom, FilingUnit = more.FilingUnit,
            EffectivenessDays = more.EffectivenessDays, ReviewedEffectivenessDays = more.ReviewedEffectivenessDays,
            EffectivenessUnit = more.EffectivenessUnit, Roll = more.Roll,
        } : null,
        CrossReferenceGaps = Each(row.CrossReferenceGaps, g => ToDocument(g)!),
        Notice = row.Notice is { } notice ? new NoticeClauseDocument
        {
            Clause = notice.Clause, TimeZone = notice.TimeZone, Calendar = notice.Calendar,
            Rules = Each(notice.Rules, r => new NoticeRuleDocument
            {
                Method = r.Method, Kind = r.Kind, Section = r.Section, NextDaySection = r.NextDaySection, Cutoff = r.Cutoff,
                SameDayAtCutoff = r.SameDayAtCutoff, NextDayAtCutoff = r.NextDayAtCutoff, LateBound = r.LateBound,
                NextDayOnNonBusinessDay = r.NextDayOnNonBusinessDay, Days = r.Days,
            }),
        } : null,
    };

    private static DeadlineClauseRow? ToRow(DeadlineClauseDocument? clause) => clause is null ? null : new()
    {
        Unit = clause.Unit, From = clause.From, Inclusive = clause.Inclusive, Roll = clause.Roll, Section = clause.Section,
    };

    private static DeadlineClauseDocument? ToDocument(DeadlineClauseRow? clause) => clause is null ? null : new()
    {
        Unit = clause.Unit, From = clause.From, Inclusive = clause.Inclusive, Roll = clause.Roll, Section = clause.Section,
    };

    private static CrossReferenceGapRow? ToRow(CrossReferenceGapDocument? gap) => gap is null ? null : new()
    {
        Section = gap.Section, Term = gap.Term, Cites = gap.Cites, Affects = gap.Affects?.ToList(), Explanation = gap.Explanation, Description = gap.Description,
    };

    private static CrossReferenceGapDocument? ToDocument(CrossReferenceGapRow? gap) => gap is null ? null : new()
    {
        Section = gap.Section, Term = gap.Term, Cites = gap.Cites, Affects = gap.Affects?.ToList(), Explanation = gap.Explanation, Description = gap.Description,
    };

    private static PartyRow ToRow(PartyDocument party) => new()
    {
        Name = party.Name,
        Role = party.Role is { } role ? PartyRoles[role] : null,
        Address = party.Address,
        SubscriptionAmount = ToRow(party.SubscriptionAmount),
        TrancheAmounts = Each(party.TrancheAmounts, t => new TrancheAmountRow { Tranche = t.Tranche, Amount = ToRow(t.Amount) }),
    };

    private static PartyDocument ToDocument(PartyRow party) => new()
    {
        Name = party.Name,
        Role = party.Role is { } role ? PartyRoles.Read(role) : null,
        Address = party.Address,
        SubscriptionAmount = ToDocument(party.SubscriptionAmount),
        TrancheAmounts = Each(party.TrancheAmounts, t => new TrancheAmountDocument { Tranche = t.Tranche, Amount = ToDocument(t.Amount) }),
    };

    private static MoneyRow? ToRow(MoneyDocument? money) => money is null ? null : new() { Amount = money.Amount, Currency = money.Currency };

    private static MoneyDocument? ToDocument(MoneyRow? money) => money is null ? null : new() { Amount = money.Amount, Currency = money.Currency };

    private static ContactRow ToRow(ContactDocument contact) => new()
    {
        Name = contact.Name,
        Role = contact.Role is { } role ? ContactRoles[role] : null,
        Represents = contact.Represents,
        Email = contact.Email,
        Facsimile = contact.Facsimile,
        Address = contact.Address,
    };

    private static ContactDocument ToDocument(ContactRow contact) => new()
    {
        Name = contact.Name,
        Role = contact.Role is { } role ? ContactRoles.Read(role) : null,
        Represents = contact.Represents,
        Email = contact.Email,
        Facsimile = contact.Facsimile,
        Address = contact.Address,
    };

    private static readonly StoredNames<PartyRole> PartyRoles = new("party role", new()
    {
        [PartyRole.Company] = "company",
        [PartyRole.Holder] = "holder",
    });

    private static readonly StoredNames<ContactRole> ContactRoles = new("contact role", new()
    {
        [ContactRole.Company] = "company",
        [ContactRole.CompanyCounsel] = "companyCounsel",
        [ContactRole.Holder] = "holder",
        [ContactRole.HoldersCounsel] = "holdersCounsel",
        [ContactRole.SpecialCounsel] = "specialCounsel",
    });

    // A null element is kept as one: the use case refuses it in a request, and the store keeps what it is given.
    private static List<TOut>? Each<TIn, TOut>(IEnumerable<TIn>? items, Func<TIn, TOut> map)
        where TIn : class
        where TOut : class =>
        items?.Select(item => item is null ? null! : map(item)).ToList();
}

using System.Globalization;
using RegRights.Core.Agreements;
using RegRights.Core.Calendars;
using RegRights.Core.DelayPayments;
using RegRights.Core.Suspensions;

namespace RegRights.Contracts.Agreements;

/// <summary>An exact amount of money: a decimal (sent as a JSON number, e.g. <c>1000000.00</c>) and an ISO 4217 code.</summary>
public sealed record MoneyDocument
{
    /// <summary>The amount, e.g. <c>1000000</c>.</summary>
    public decimal? Amount { get; init; }

    /// <summary>The ISO 4217 currency, e.g. <c>USD</c>.</summary>
    public string? Currency { get; init; }

    /// <summary>The document of <paramref name="money"/>.</summary>
    public static MoneyDocument From(Money money) => new() { Amount = money.Amount, Currency = money.Currency };

    /// <summary>The amount this document describes.</summary>
    /// <exception cref="ArgumentException">A member is missing or the currency is not three upper-case letters (ParamName names it).</exception>
    public Money ToMoney()
    {
        if (Amount is not { } amount)
        {
            throw new ArgumentException("Required: the amount, a JSON number such as 1000000.00.", "amount");
        }

        if (Currency is null)
        {
            throw new ArgumentException("Required: the ISO 4217 currency, e.g. USD.", "currency");
        }

        try
        {
            return new Money(amount, Currency);
        }
        catch (ArgumentException)
        {
            throw new ArgumentException($"'{Currency}' is not an ISO 4217 code: three upper-case letters, e.g. USD.", "currency");
        }
    }
}

/// <summary>The shape of the Filing or the Effectiveness Deadline (<see cref="DeadlineClause"/>).</summary>
public sealed record DeadlineClauseDocument
{
    /// <summary>What it counts: <c>calendarDays</c>, <c>businessDays</c> or <c>tradingDays</c>.</summary>
    public DayUnit? Unit { get; init; }

    /// <summary>What it counts from: <c>closing</c> or <c>filing</c>.</summary>
    public ClauseStart? From { get; init; }

    /// <summary>True for "on or prior to" (the day itself is in time); false for "prior to".</summary>
    public bool? Inclusive { get; init; }

    /// <summary><c>none</c>, <c>following</c>, <c>preceding</c> or <c>followingCommissionOpen</c>; omitted: the agreement's <c>roll</c> for calendar days.</summary>
    public RollRule? Roll { get; init; }

    /// <summary>The section that sets it, e.g. "§ 2(a)"; omitted: the seed agreement's.</summary>
    public string? Section { get; init; }

    internal static DeadlineClauseDocument Of(DeadlineClause clause) => new()
    {
        Unit = clause.Unit, From = clause.From, Inclusive = clause.Inclusive, Roll = clause.Roll, Section = clause.Section,
    };

    internal DeadlineClause ToClause(string path)
    {
        var unit = Unit ?? throw new ArgumentException("Required: calendarDays, businessDays or tradingDays.", $"{path}.unit");
        var from = From ?? throw new ArgumentException("Required: closing or filing.", $"{path}.from");
        var inclusive = Inclusive ?? throw new ArgumentException("Required: true for \"on or prior to\", false for \"prior to\".", $"{path}.inclusive");
        try
        {
            return new DeadlineClause { Unit = unit, From = from, Inclusive = inclusive, Roll = Roll, Section = Section };
        }
        catch (ArgumentException ex)
        {
            throw DealPaths.At(path, ex);
        }
    }
}

/// <summary>The Effectiveness Deadline's review path (<see cref="ReviewPath"/>); every member optional.</summary>
public sealed record ReviewPathDocument
{
    /// <summary>The Effectiveness Deadline's days once the Commission's review notice is recorded, e.g. 90.</summary>
    public int? ReviewedDays { get; init; }

    /// <summary>The count after the Commission's no-review notice that applies if earlier, e.g. 5.</summary>
    public int? NoReviewDays { get; init; }

    /// <summary>What <see cref="NoReviewDays"/> counts; <c>tradingDays</c> when omitted.</summary>
    public DayUnit? NoReviewUnit { get; init; }

    internal static ReviewPathDocument From(ReviewPath path) => new()
    {
        ReviewedDays = path.ReviewedDays, NoReviewDays = path.NoReviewDays, NoReviewUnit = path.NoReviewUnit,
    };

    internal ReviewPath ToReviewPath()
    {
        try
        {
            return new ReviewPath { ReviewedDays = ReviewedDays, NoReviewDays = NoReviewDays, NoReviewUnit = NoReviewUnit ?? DayUnit.TradingDays };
        }
        catch (ArgumentException ex)
        {
            throw DealPaths.At("reviewPath", ex);
        }
    }
}

/// <summary>A section the agreement cites and does not contain (<see cref="CrossReferenceGap"/>).</summary>
public sealed record CrossReferenceGapDocument
{
    /// <summary>Where the citation is, e.g. "§ 1".</summary>
    public string? Section { get; init; }

    /// <summary>The term it defines, e.g. "Registration Delay Payments".</summary>
    public string? Term { get; init; }

    /// <summary>The missing section, e.g. "§ 2(e)".</summary>
    public string? Cites { get; init; }

    /// <summary>Which results carry it: <c>delayPayments</c>, <c>suspensions</c>, <c>stickerNotice</c>, <c>piggybackElection</c>; none when omitted.</summary>
    public IReadOnlyList<GapAffects>? Affects { get; init; }

    /// <summary>The gap in words, where "§ X refers to § Y, which the exhibit does not contain" is not enough.</summary>
    public string? Explanation { get; init; }

    /// <summary>The gap in words, as every result that carries it shows it.</summary>
    public string? Description { get; init; }

    internal static CrossReferenceGapDocument From(CrossReferenceGap gap) => new()
    {
        Section = gap.Section, Term = gap.Term, Cites = gap.Cites,
        Affects = [.. Enum.GetValues<GapAffects>().Where(a => a != GapAffects.None && gap.Affects.HasFlag(a))],
        Explanation = gap.Explanation, Description = gap.Describe(),
    };

    internal CrossReferenceGap ToGap(string path) =>
        new(Section ?? throw new ArgumentException("Required: where the citation is, e.g. § 1.", $"{path}.section"),
            Term ?? throw new ArgumentException("Required: the term it defines.", $"{path}.term"),
            Cites ?? throw new ArgumentException("Required: the missing section, e.g. § 2(e).", $"{path}.cites"))
        {
            Affects = (Affects ?? []).Aggregate(GapAffects.None, (all, a) => all | a),
            Explanation = Explanation,
        };
}

/// <summary>
/// The Registration Delay Payment clause (<see cref="DelayPaymentTerms"/>), or <see cref="Missing"/>: the
/// cross-reference that keeps it from being read (the seed's § 1 cites a § 2(e) the exhibit lacks).
/// </summary>
public sealed record DelayPaymentsDocument
{
    /// <summary>Set when the agreement cites the clause without containing it; then no other member may be.</summary>
    public CrossReferenceGapDocument? Missing { get; init; }

    /// <summary>The clause's section, e.g. "§ 2(d)".</summary>
    public string? Section { get; init; }

    /// <summary>The failures that accrue: <c>filingFailure</c>, <c>effectivenessFailure</c>, <c>maintenanceFailure</c>.</summary>
    public IReadOnlyList<FailureKind>? Failures { get; init; }

    /// <summary>Percent of each Holder's subscription amount per period, e.g. 1.0.</summary>
    public decimal? RatePercent { get; init; }

    /// <summary><c>thirtyDays</c> or <c>calendarMonth</c>.</summary>
    public AccrualPeriodLength? Period { get; init; }

    /// <summary><c>daily</c> (default) or <c>wholePeriodForAnyPortion</c>.</summary>
    public ProRataRule? ProRata { get; init; }

    /// <summary>The cap, percent of each Holder's subscription amount, e.g. 6.0; omitted: none.</summary>
    public decimal? CapPercent { get; init; }

    /// <summary>Each payment is due this many days after its period's last day.</summary>
    public int? PaymentDueDays { get; init; }

    /// <summary>Whether <see cref="PaymentDueDays"/> counts Business Days.</summary>
    public bool? PaymentDueBusinessDays { get; init; }

    /// <summary>Late interest: <c>none</c> (default), <c>perMonth</c>, <c>perYear</c> or <c>legalMaximum</c>.</summary>
    public LateInterestBasis? LateInterest { get; init; }

    /// <summary>The late interest rate for <c>perMonth</c> or <c>perYear</c>, e.g. 1.5.</summary>
    public decimal? LateInterestPercent { get; init; }

    /// <summary>Whether a cure stops accrual; true by default.</summary>
    public bool? CureStopsAccrual { get; init; }

    /// <summary>Whether securities saleable under Rule 144 accrue nothing; false by default.</summary>
    public bool? ExcludesRule144Saleable { get; init; }

    /// <summary><c>centHalfAwayFromZero</c> (default) or <c>centHalfEven</c>.</summary>
    public string? Rounding { get; init; }

    internal static DelayPaymentsDocument From(DelayPaymentClause clause)
    {
        if (clause.Terms is not { } t)
        {
            return new() { Missing = CrossReferenceGapDocument.From(clause.Gap!) };
        }

        return new()
        {
            Section = t.Section,
            Failures = [.. new[] { FailureKind.FilingFailure, FailureKind.EffectivenessFailure, FailureKind.MaintenanceFailure }.Where(f => t.Failures.HasFlag(f))],
            RatePercent = t.RatePercent, Period = t.Period, ProRata = t.ProRata, CapPercent = t.CapPercent,
            PaymentDueDays = t.PaymentDue.Count, PaymentDueBusinessDays = t.PaymentDue.BusinessDays,
            LateInterest = t.LateInterest.Basis,
            LateInterestPercent = t.LateInterest.Basis is LateInterestBasis.PerMonth or LateInterestBasis.PerYear ? t.LateInterest.Percent : null,
            CureStopsAccrual = t.CureStopsAccrual, ExcludesRule144Saleable = t.ExcludesRule144Saleable,
            Rounding = ReferenceEquals(t.Rounding, MoneyRounding.CentHalfEven) ? "centHalfEven" : "centHalfAwayFromZero",
        };
    }

    internal DelayPaymentClause ToClause()
    {
        const string Path = "delayPayments";
        if (Missing is { } missing)
        {
            if (Section is not null || Failures is not null || RatePercent is not null || Period is not null || PaymentDueDays is not null)
            {
                throw new ArgumentException("Either the clause's terms or 'missing' (the clause is cited and not contained), not both: send \"missing\": null with the terms.", $"{Path}.missing");
            }

            return DelayPaymentClause.Missing(missing.ToGap($"{Path}.missing"));
        }

        var section = Section ?? throw new ArgumentException("Required: the clause's section, e.g. § 2(d) (or 'missing').", $"{Path}.section");
        var failures = Failures ?? throw new ArgumentException("Required: filingFailure, effectivenessFailure and/or maintenanceFailure.", $"{Path}.failures");
        var rate = RatePercent ?? throw new ArgumentException("Required: percent per period, e.g. 1.0.", $"{Path}.ratePercent");
        var period = Period ?? throw new ArgumentException("Required: thirtyDays or calendarMonth.", $"{Path}.period");
        var dueDays = PaymentDueDays ?? throw new ArgumentException("Required: days after each period's end, e.g. 5.", $"{Path}.paymentDueDays");
        var dueBusiness = PaymentDueBusinessDays ?? throw new ArgumentException("Required: true for Business Days.", $"{Path}.paymentDueBusinessDays");
        var rounding = Rounding switch
        {
            null or "centHalfAwayFromZero" => MoneyRounding.CentHalfAwayFromZero,
            "centHalfEven" => MoneyRounding.CentHalfEven,
            _ => throw new ArgumentException("centHalfAwayFromZero or centHalfEven.", $"{Path}.rounding"),
        };
        var late = LateInterest ?? LateInterestBasis.None;
        if ((late is LateInterestBasis.PerMonth or LateInterestBasis.PerYear) != (LateInterestPercent is not null))
        {
            throw new ArgumentException("A percent is given with perMonth or perYear late interest, and only then.", $"{Path}.lateInterestPercent");
        }

        try
        {
            return DelayPaymentClause.Of(new DelayPaymentTerms(section, failures.Aggregate(FailureKind.None, (all, f) => all | f), rate, period,
                new PaymentDueRule(dueDays, dueBusiness))
            {
                ProRata = ProRata ?? ProRataRule.Daily,
                CapPercent = CapPercent,
                LateInterest = late switch
                {
                    LateInterestBasis.PerMonth => LateInterestTerms.PerMonth(LateInterestPercent!.Value),
                    LateInterestBasis.PerYear => LateInterestTerms.PerYear(LateInterestPercent!.Value),
                    LateInterestBasis.LegalMaximum => LateInterestTerms.LegalMaximum,
                    _ => LateInterestTerms.None,
                },
                CureStopsAccrual = CureStopsAccrual ?? true,
                ExcludesRule144Saleable = ExcludesRule144Saleable ?? false,
                Rounding = rounding,
            });
        }
        catch (ArgumentException ex)
        {
            throw DealPaths.At(Path, ex, ex.ParamName switch
            {
                "failures" => "failures",
                "ratePercent" => "ratePercent",
                "count" => "paymentDueDays",
                "percent" => "lateInterestPercent",
                "CapPercent" => "capPercent",
                _ => null,
            });
        }
    }
}

/// <summary>The limits on suspensions (<see cref="SuspensionTerms"/>); each limit optional.</summary>
public sealed record SuspensionTermsDocument
{
    /// <summary>The clause's section, e.g. "§ 6(e)".</summary>
    public string? Section { get; init; }

    /// <summary>The most consecutive days one suspension may last.</summary>
    public int? MaxConsecutiveDays { get; init; }

    /// <summary>The most suspension days in any 365-day period.</summary>
    public int? MaxDaysIn365 { get; init; }

    /// <summary>The most occasions in any 365-day period.</summary>
    public int? MaxOccasionsIn365 { get; init; }

    /// <summary>The fewest Business Days from one suspension's notice to the next.</summary>
    public int? MinBusinessDaysBetween { get; init; }

    internal static SuspensionTermsDocument From(SuspensionTerms terms) => new()
    {
        Section = terms.Section, MaxConsecutiveDays = terms.MaxConsecutiveDays, MaxDaysIn365 = terms.MaxDaysIn365,
        MaxOccasionsIn365 = terms.MaxOccasionsIn365, MinBusinessDaysBetween = terms.MinBusinessDaysBetween,
    };

    internal SuspensionTerms ToTerms()
    {
        var section = Section ?? throw new ArgumentException("Required: the clause's section, e.g. § 6(e).", "suspensions.section");
        try
        {
            return new SuspensionTerms(section)
            {
                MaxConsecutiveDays = MaxConsecutiveDays, MaxDaysIn365 = MaxDaysIn365,
                MaxOccasionsIn365 = MaxOccasionsIn365, MinBusinessDaysBetween = MinBusinessDaysBetween,
            };
        }
        catch (ArgumentException ex)
        {
            throw DealPaths.At("suspensions", ex);
        }
    }
}

/// <summary>
/// The Rule 415 cutback clause (<see cref="AdditionalRegistrationClause"/>): <c>{"none": true}</c> for an agreement
/// without one (the seed's), else its section and day counts, e.g.
/// <c>{"section":"§ 2(b)","filingDays":45,"filingFrom":"filingPermitted","effectivenessDays":60,"reviewedEffectivenessDays":90}</c>.
/// </summary>
public sealed record AdditionalRegistrationDocument
{
    private const string Path = "additionalRegistration";

    /// <summary>True when the agreement has no cutback clause; then no other member may be set.</summary>
    public bool? None { get; init; }

    /// <summary>The clause's section, e.g. "§ 2(b)".</summary>
    public string? Section { get; init; }

    /// <summary>Days from <see cref="FilingFrom"/> to the additional statement's Filing Deadline, e.g. 45.</summary>
    public int? FilingDays { get; init; }

    /// <summary><c>filingPermitted</c> (the date the Commission's guidance permits the filing; default) or <c>cutbackNotice</c>.</summary>
    public CutbackStart? FilingFrom { get; init; }

    /// <summary>What <see cref="FilingDays"/> counts: <c>calendarDays</c> (default), <c>businessDays</c> or <c>tradingDays</c>.</summary>
    public DayUnit? FilingUnit { get; init; }

    /// <summary>Days from the additional statement's filing to its Effectiveness Deadline, e.g. 60.</summary>
    public int? EffectivenessDays { get; init; }

    /// <summary>The Effectiveness Deadline's days once the Commission says it will review the statement, e.g. 90; omitted: the same.</summary>
    public int? ReviewedEffectivenessDays { get; init; }

    /// <summary>What <see cref="EffectivenessDays"/> counts: <c>calendarDays</c> (default), <c>businessDays</c> or <c>tradingDays</c>.</summary>
    public DayUnit? EffectivenessUnit { get; init; }

    /// <summary>Both deadlines' roll rule; omitted: the agreement's <c>roll</c> for calendar days.</summary>
    public RollRule? Roll { get; init; }

    internal static AdditionalRegistrationDocument From(AdditionalRegistrationClause clause) => !clause.IsPresent
        ? new() { None = true }
        : new()
        {
            Section = clause.Section,
            FilingDays = clause.FilingDays,
            FilingFrom = clause.FilingFrom,
            FilingUnit = clause.FilingUnit,
            EffectivenessDays = clause.EffectivenessDays,
            ReviewedEffectivenessDays = clause.ReviewedEffectivenessDays,
            EffectivenessUnit = clause.EffectivenessUnit,
            Roll = clause.Roll,
        };

    internal AdditionalRegistrationClause ToClause()
    {
        if (None == true)
        {
            // A clause both absent and given would be read one way or the other without a word: refused.
            foreach (var (member, set) in new[]
            {
                ("section", Section is not null), ("filingDays", FilingDays is not null), ("filingFrom", FilingFrom is not null),
                ("filingUnit", FilingUnit is not null), ("effectivenessDays", EffectivenessDays is not null),
                ("reviewedEffectivenessDays", ReviewedEffectivenessDays is not null), ("effectivenessUnit", EffectivenessUnit is not null),
                ("roll", Roll is not null),
            })
            {
                if (set)
                {
                    throw new ArgumentException("Must be left out when none is true: the agreement has no cutback clause.", $"{Path}.{member}");
                }
            }

            return AdditionalRegistrationClause.None;
        }

        var section = Section ?? throw new ArgumentException("Required: the clause's section, e.g. § 2(b) (or none: true for an agreement without one).", $"{Path}.section");
        var filingDays = FilingDays ?? throw new ArgumentException("Required: the days to the additional statement's Filing Deadline, e.g. 45.", $"{Path}.filingDays");
        var effectivenessDays = EffectivenessDays ?? throw new ArgumentException("Required: the days from the additional statement's filing to its Effectiveness Deadline, e.g. 60.", $"{Path}.effectivenessDays");
        try
        {
            return new AdditionalRegistrationClause(section, filingDays, effectivenessDays)
            {
                FilingFrom = FilingFrom ?? CutbackStart.FilingPermitted,
                FilingUnit = FilingUnit ?? DayUnit.CalendarDays,
                ReviewedEffectivenessDays = ReviewedEffectivenessDays,
                EffectivenessUnit = EffectivenessUnit ?? DayUnit.CalendarDays,
                Roll = Roll,
            };
        }
        catch (ArgumentException ex)
        {
            throw DealPaths.At(Path, ex);
        }
    }
}

internal static class DealPaths
{
    // A Core check names its C# parameter; the error names the JSON path under the terms.
    internal static ArgumentException At(string path, ArgumentException ex, string? member = null)
    {
        var reason = ex.Message;
        var cut = reason.IndexOf(" (Parameter", StringComparison.Ordinal);
        var name = member ?? (string.IsNullOrEmpty(ex.ParamName) ? null : char.ToLowerInvariant(ex.ParamName[0]) + ex.ParamName[1..]);
        return new ArgumentException(cut > 0 ? reason[..cut] : reason, name is null ? path : string.Create(CultureInfo.InvariantCulture, $"{path}.{name}"), ex);
    }
}

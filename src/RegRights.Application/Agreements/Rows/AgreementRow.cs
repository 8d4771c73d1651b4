using System.Text.Json.Serialization;
using NodaTime;
using RegRights.Core.Agreements;
using RegRights.Core.Calendars;
using RegRights.Core.Deadlines;
using RegRights.Core.DelayPayments;
using RegRights.Core.Notices;

namespace RegRights.Application.Agreements.Rows;

// The agreement as the store keeps it, apart from the API's documents (RegRights.Contracts), so that renaming a member
// of the API is not a data migration. Shape 1 is the JSON every stored agreement has had: each member keeps the
// API's name and order of the day the shapes were parted, and AgreementRows maps the two both ways, in one place.
// A member added is written only when set, so the rows that do not use it stay shape 1; a change to a member here is
// a new shape: its number on the row, and a reader for the rows of the shape before.

/// <summary>An agreement's head row as stored: its name, template, terms, parties and contacts.</summary>
public sealed record AgreementRow
{
    /// <summary>The shape this version writes; a row without one is shape 1.</summary>
    public const int CurrentShape = 1;

    /// <summary>What the agreement is called.</summary>
    public string? Name { get; init; }

    /// <summary>The terms as given, over the template's (null: the template's).</summary>
    public TermsRow? Terms { get; init; }

    /// <summary>The parties as given.</summary>
    public IReadOnlyList<PartyRow>? Parties { get; init; }

    /// <summary>The contacts as given.</summary>
    public IReadOnlyList<ContactRow>? Contacts { get; init; }

    /// <summary>Whether deadlines are reminded before the Holders' securities are registered.</summary>
    public bool? RemindDeadlinesBeforeRegistration { get; init; }

    /// <summary>The template's name (null: the seed's).</summary>
    public string? Template { get; init; }
}

/// <summary>A party as stored.</summary>
public sealed record PartyRow
{
    /// <summary>The name as signed.</summary>
    public string? Name { get; init; }

    /// <summary><c>company</c> or <c>holder</c>, as the API wrote it.</summary>
    public string? Role { get; init; }

    /// <summary>The notice address.</summary>
    public string? Address { get; init; }

    /// <summary>The first closing's subscription amount.</summary>
    public MoneyRow? SubscriptionAmount { get; init; }

    /// <summary>The later closings' subscription amounts.</summary>
    public IReadOnlyList<TrancheAmountRow>? TrancheAmounts { get; init; }
}

/// <summary>A later closing's subscription amount as stored.</summary>
public sealed record TrancheAmountRow
{
    /// <summary>The closing's tranche.</summary>
    public string? Tranche { get; init; }

    /// <summary>The amount.</summary>
    public MoneyRow? Amount { get; init; }
}

/// <summary>Money as stored: an exact decimal and its currency.</summary>
public sealed record MoneyRow
{
    /// <summary>The amount.</summary>
    public decimal? Amount { get; init; }

    /// <summary>The ISO 4217 code.</summary>
    public string? Currency { get; init; }
}

/// <summary>A contact as stored.</summary>
public sealed record ContactRow
{
    /// <summary>The contact's name.</summary>
    public string? Name { get; init; }

    /// <summary><c>company</c>, <c>companyCounsel</c>, <c>holder</c>, <c>holdersCounsel</c> or <c>specialCounsel</c>, as the API wrote it.</summary>
    public string? Role { get; init; }

    /// <summary>Whom the contact represents.</summary>
    public string? Represents { get; init; }

    /// <summary>The email address.</summary>
    public string? Email { get; init; }

    /// <summary>The facsimile number.</summary>
    public string? Facsimile { get; init; }

    /// <summary>The postal address.</summary>
    public string? Address { get; init; }
}

/// <summary>The terms as stored: each null member is the template's.</summary>
public sealed record TermsRow
{
#pragma warning disable CS1591 // Each member of these rows is the API's member of the same name (TermsDocument and the rest), documented there.
    public string? TimeZone { get; init; }
    public int? FilingDays { get; init; }
    public int? EffectivenessDays { get; init; }
    public int? PreFilingReviewBusinessDays { get; init; }
    public int? AmendmentReviewBusinessDays { get; init; }
    public int? FilingNoticeBusinessDays { get; init; }
    public int? StickerNoticeBusinessDays { get; init; }
    public int? NoticeConfirmationBusinessDays { get; init; }
    public int? SecCommentResponseDays { get; init; }
    public int? StickerFilingBusinessDays { get; init; }
    public int? IndemnityPaymentBusinessDays { get; init; }
    public int? PiggybackElectionDays { get; init; }
    public int? StandstillBusinessDays { get; init; }
    public LocalTime? FaxCutoff { get; init; }
    public LocalTime? FaxLateBound { get; init; }
    public RollRule? Roll { get; init; }
    public ContestedDayReading? ContestedDays { get; init; }
    public IReadOnlyList<ClosureRow>? Closures { get; init; }
    public IReadOnlyList<string>? NoticeFaxNumbers { get; init; }
    public DeadlineClauseRow? FilingDeadline { get; init; }
    public DeadlineClauseRow? EffectivenessDeadline { get; init; }
    public ReviewPathRow? ReviewPath { get; init; }
    public string? BusinessDayCalendar { get; init; }
    public string? TradingDayCalendar { get; init; }
    public DelayPaymentsRow? DelayPayments { get; init; }
    public SuspensionTermsRow? Suspensions { get; init; }

    // Added after shape 1, so written only when set: a row that does not use it is shape 1's JSON byte for byte.
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public AdditionalRegistrationRow? AdditionalRegistration { get; init; }

    public IReadOnlyList<CrossReferenceGapRow>? CrossReferenceGaps { get; init; }
    public NoticeClauseRow? Notice { get; init; }
}

/// <summary>A closure as stored.</summary>
public sealed record ClosureRow
{
    public LocalDate? Date { get; init; }
    public string? Name { get; init; }
    public string? Source { get; init; }
    public DayEffect? Effect { get; init; }
}

/// <summary>The Filing or Effectiveness Deadline's shape as stored.</summary>
public sealed record DeadlineClauseRow
{
    public DayUnit? Unit { get; init; }
    public ClauseStart? From { get; init; }
    public bool? Inclusive { get; init; }
    public RollRule? Roll { get; init; }
    public string? Section { get; init; }
}

/// <summary>The Effectiveness Deadline's review paths as stored.</summary>
public sealed record ReviewPathRow
{
    public int? ReviewedDays { get; init; }
    public int? NoReviewDays { get; init; }
    public DayUnit? NoReviewUnit { get; init; }
}

/// <summary>A cross-reference gap as stored.</summary>
public sealed record CrossReferenceGapRow
{
    public string? Section { get; init; }
    public string? Term { get; init; }
    public string? Cites { get; init; }
    public IReadOnlyList<GapAffects>? Affects { get; init; }
    public string? Explanation { get; init; }
    public string? Description { get; init; }
}

/// <summary>The Registration Delay Payment clause as stored.</summary>
public sealed record DelayPaymentsRow
{
    public CrossReferenceGapRow? Missing { get; init; }
    public string? Section { get; init; }
    public IReadOnlyList<FailureKind>? Failures { get; init; }
    public decimal? RatePercent { get; init; }
    public AccrualPeriodLength? Period { get; init; }
    public ProRataRule? ProRata { get; init; }
    public decimal? CapPercent { get; init; }
    public int? PaymentDueDays { get; init; }
    public bool? PaymentDueBusinessDays { get; init; }
    public LateInterestBasis? LateInterest { get; init; }
    public decimal? LateInterestPercent { get; init; }
    public bool? CureStopsAccrual { get; init; }
    public bool? ExcludesRule144Saleable { get; init; }
    public string? Rounding { get; init; }
}

/// <summary>The grace-period limits as stored.</summary>
public sealed record SuspensionTermsRow
{
    public string? Section { get; init; }
    public int? MaxConsecutiveDays { get; init; }
    public int? MaxDaysIn365 { get; init; }
    public int? MaxOccasionsIn365 { get; init; }
    public int? MinBusinessDaysBetween { get; init; }
}

/// <summary>The Rule 415 cutback clause as stored.</summary>
public sealed record AdditionalRegistrationRow
{
    public bool? None { get; init; }
    public string? Section { get; init; }
    public int? FilingDays { get; init; }
    public CutbackStart? FilingFrom { get; init; }
    public DayUnit? FilingUnit { get; init; }
    public int? EffectivenessDays { get; init; }
    public int? ReviewedEffectivenessDays { get; init; }
    public DayUnit? EffectivenessUnit { get; init; }
    public RollRule? Roll { get; init; }
}

/// <summary>The notice clause as stored.</summary>
public sealed record NoticeClauseRow
{
    public string? Clause { get; init; }
    public string? TimeZone { get; init; }
    public string? Calendar { get; init; }
    public IReadOnlyList<NoticeRuleRow>? Rules { get; init; }
}

/// <summary>A notice method's rule as stored.</summary>
public sealed record NoticeRuleRow
{
    public DeliveryMethod? Method { get; init; }
    public NoticeRuleKind? Kind { get; init; }
    public string? Section { get; init; }
    public string? NextDaySection { get; init; }
    public LocalTime? Cutoff { get; init; }
    public bool? SameDayAtCutoff { get; init; }
    public bool? NextDayAtCutoff { get; init; }
    public LocalTime? LateBound { get; init; }
    public bool? NextDayOnNonBusinessDay { get; init; }
    public int? Days { get; init; }
#pragma warning restore CS1591
}

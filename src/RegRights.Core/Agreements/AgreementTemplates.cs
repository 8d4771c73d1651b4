using System.Diagnostics.CodeAnalysis;
using NodaTime;
using RegRights.Core.Calendars;
using RegRights.Core.DelayPayments;
using RegRights.Core.Notices;
using RegRights.Core.Suspensions;
using RegRights.Core.Utility;

namespace RegRights.Core.Agreements;

/// <summary>A named set of terms an agreement starts from; the agreement overrides any term.</summary>
/// <param name="Name">The catalog name, e.g. <c>modern-pipe</c>.</param>
/// <param name="Title">What it is, in words.</param>
/// <param name="Source">Where its terms come from.</param>
/// <param name="Terms">The terms.</param>
/// <param name="TermsAreDefaults">
/// True when every term is a template default that counsel should confirm against the signed agreement; false when the
/// terms are read from one signed agreement (the seed's).
/// </param>
public sealed record AgreementTemplate(string Name, string Title, string Source, AgreementTerms Terms, bool TermsAreDefaults);

/// <summary>
/// The templates by name: <c>neotherapeutics-2000</c> (the seed agreement of April 28, 2000, the default) and
/// <c>modern-pipe</c> (the common modern PIPE form's values). Names are matched ignoring case.
/// </summary>
public static class AgreementTemplates
{
    /// <summary>The default template's name.</summary>
    public const string DefaultName = "neotherapeutics-2000";

    /// <summary>The seed agreement: its terms as signed, with the sections it cites and does not contain.</summary>
    public static AgreementTemplate NeoTherapeutics2000 { get; } = new(
        DefaultName,
        "Registration Rights Agreement dated April 28, 2000 (NeoTherapeutics, Inc.)",
        "the agreement's text (../shared/reference/registration-rights-agreement-2000-04-28.txt)",
        AgreementTerms.NeoTherapeutics2000,
        TermsAreDefaults: false);

    /// <summary>
    /// The common modern PIPE registration rights form: New York Business Days and NYSE Trading Days, the Filing
    /// Deadline the 30th day after the Closing, the Effectiveness Deadline the 60th (90th if the Commission reviews) or
    /// the 5th Trading Day after its no-review notice if earlier, both rolled to the next Business Day the Commission
    /// is open; Registration Delay Payments of 1.0 % per 30 days pro rata daily, capped at 6 %, due within 5 Business
    /// Days, 1.5 % a month on late payment; grace periods of at most 30 consecutive days, 60 days and two occasions in
    /// any 365 days, 10 Business Days apart; an additional registration statement after a Rule 415 cutback filed within 45
    /// days after the Commission's guidance permits it and effective by the 60th day after its filing (90th if
    /// reviewed); notices under the modern e-mail, courier and hand clause
/// (<see cref="NoticeClause.ModernEmail"/>, New York time, Trading Days). Every value is a template default to confirm
/// against the signed agreement.
    /// </summary>
    public static AgreementTemplate ModernPipe { get; } = new(
        "modern-pipe",
        "Modern PIPE registration rights agreement (common form)",
        "the values most common in public EDGAR exhibits of PIPE registration rights agreements (issue 13); confirm each against the signed agreement",
        AgreementTerms.NeoTherapeutics2000 with
        {
            TimeZone = DateTimeZoneProviders.Tzdb["America/New_York"],
            BusinessDayCalendarName = "new-york-banks",
            TradingDayCalendarName = AgreementTerms.TradingDayDefaultName,
            FilingDays = 30,
            FilingDeadline = new() { Inclusive = true, Roll = RollRule.FollowingCommissionOpen, Section = "§ 2(a)" },
            EffectivenessDays = 60,
            EffectivenessDeadline = new() { Inclusive = true, Roll = RollRule.FollowingCommissionOpen, Section = "§ 2(a)" },
            ReviewPath = new() { ReviewedDays = 90, NoReviewDays = 5, NoReviewUnit = DayUnit.TradingDays },
            DelayPayments = DelayPaymentClause.Of(new DelayPaymentTerms(
                "§ 2(d)", FailureKind.FilingFailure | FailureKind.EffectivenessFailure | FailureKind.MaintenanceFailure, 1.0m,
                AccrualPeriodLength.ThirtyDays, new PaymentDueRule(5, businessDays: true))
            {
                ProRata = ProRataRule.Daily,
                CapPercent = 6.0m,
                LateInterest = LateInterestTerms.PerMonth(1.5m),
            }),
            Suspensions = new SuspensionTerms("§ 3(n)")
            {
                MaxConsecutiveDays = 30, MaxDaysIn365 = 60, MaxOccasionsIn365 = 2, MinBusinessDaysBetween = 10,
            },
            CrossReferenceGaps = [],
            NoticeClause = NoticeClause.ModernEmail,

            // The Rule 415 cutback: file 45 days after the date the Commission's guidance permits the cut-back
            // securities to be registered, effective by the 60th day after that filing (90th if reviewed), rolled as
            // the Filing and Effectiveness Deadlines are (README, "The Rule 415 cutback").
            AdditionalRegistration = new AdditionalRegistrationClause("§ 2(b)", filingDays: 45, effectivenessDays: 60)
            {
                FilingFrom = CutbackStart.FilingPermitted,
                ReviewedEffectivenessDays = 90,
                Roll = RollRule.FollowingCommissionOpen,
            },
        },
        TermsAreDefaults: true);

    /// <summary>Every template, the default first.</summary>
    public static IReadOnlyList<AgreementTemplate> All { get; } = [NeoTherapeutics2000, ModernPipe];

    /// <summary>The named template, if there is one (case is ignored).</summary>
    public static bool TryGet(string? name, [NotNullWhen(true)] out AgreementTemplate? template)
    {
        template = All.FirstOrDefault(t => string.Equals(t.Name, name, StringComparison.OrdinalIgnoreCase));
        return template is not null;
    }

    /// <summary>The named template.</summary>
    /// <exception cref="ArgumentException">No template has that name; the message lists the names.</exception>
    public static AgreementTemplate Get(string name)
    {
        Preconditions.CheckArgument(TryGet(name, out var template), nameof(name), UnknownMessage(name));
        return template!;
    }

    /// <summary>"unknown template 'x'; templates: neotherapeutics-2000, modern-pipe."</summary>
    public static string UnknownMessage(string? name) => $"unknown template '{name}'; templates: {string.Join(", ", All.Select(t => t.Name))}.";
}

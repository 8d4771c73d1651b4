using NodaTime;
using RegRights.Core.Calendars;
using RegRights.Core.DelayPayments;

namespace RegRights.Core.UnitTests.DelayPayments;

/// <summary>Builders shared by the worked examples and the properties.</summary>
public partial class DelayPaymentCalculatorTest
{
    private static readonly Func<LocalDate, bool> Section1 = BusinessDayCalendar.Section1.IsBusinessDay;

    // Closing 2024-01-02; the Filing Date, the 30th day after, is Thursday 2024-02-01 ("on or prior to"), so the
    // Filing Failure's Event Date is Friday 2024-02-02.
    private static readonly LocalDate EventDate = new(2024, 2, 2);

    private static readonly HolderSubscription[] TwoHolders =
    [
        new("alpha", Money.Usd(1_000_000m)),
        new("beta", Money.Usd(2_500_000m)),
    ];

    /// <summary>A modern PIPE clause: 1.0 % per 30 days, pro rata daily, due 5 Business Days after each period.</summary>
    private static DelayPaymentTerms Modern(decimal? capPercent = null) =>
        new("§ 2(e)", FailureKind.FilingFailure | FailureKind.EffectivenessFailure | FailureKind.MaintenanceFailure, 1.0m,
            AccrualPeriodLength.ThirtyDays, new PaymentDueRule(5, businessDays: true))
        {
            CapPercent = capPercent,
        };

    private static DelayPaymentSchedule Compute(DelayPaymentTerms terms, DelayPaymentFacts facts, LocalDate asOf) =>
        DelayPaymentCalculator.Compute(DelayPaymentClause.Of(terms), facts, asOf, Section1);

    private static DelayPaymentFacts Filing(LocalDate? curedOn = null, IReadOnlyList<PaymentMade>? payments = null) =>
        new(FailureKind.FilingFailure, EventDate, TwoHolders) { CuredOn = curedOn, Payments = payments ?? [] };

    private static LocalDate D(int year, int month, int day) => new(year, month, day);
}

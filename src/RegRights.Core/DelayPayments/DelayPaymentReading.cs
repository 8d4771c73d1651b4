namespace RegRights.Core.DelayPayments;

/// <summary>A reading chosen where the clauses are silent; each result lists those it depends on.</summary>
public enum DelayPaymentReading
{
    /// <summary>The Event Date accrues and the cure day does not (payments run "until cured"). Other reading: the cure day accrues too.</summary>
    CureDayDoesNotAccrue,

    /// <summary>Calendar months run from the Event Date's monthly anniversaries, each counted from the Event Date (month-end clamped).</summary>
    MonthsAnchoredOnEventDate,

    /// <summary>A period cut short (cure, cap, Rule 144) is due counted from its last accruing day. Other reading: from its scheduled end.</summary>
    ShortPeriodDueFromLastAccruingDay,

    /// <summary>Each Holder's amount is rounded once per period; the total is the sum of the rounded amounts.</summary>
    RoundedPerHolderPerPeriod,

    /// <summary>The cap applies to each Holder's own subscription amount; the day it is reached is the same for all (one rate).</summary>
    CapPerHolder,

    /// <summary>Late interest is simple and daily: per month over 30 days, per year over 365, from the day after the due date through the day paid; payments go to the period's amount.</summary>
    LateInterestSimpleDaily,

    /// <summary>Rule 144 saleability stops accrual from the first day the securities are so saleable.</summary>
    Rule144StopsFromSaleableDay,
}

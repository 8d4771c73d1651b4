namespace RegRights.Core.DelayPayments;

/// <summary>What a partial accrual period (ended by cure, the cap, Rule 144 or the as-of date) accrues.</summary>
public enum ProRataRule
{
    /// <summary>Daily over the period's own days: 17 days of a 30-day period accrue 17/30 of the rate.</summary>
    Daily,

    /// <summary>"For each period or portion thereof": any day of a period accrues the whole period's rate.</summary>
    WholePeriodForAnyPortion,
}

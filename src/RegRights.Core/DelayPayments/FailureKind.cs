namespace RegRights.Core.DelayPayments;

/// <summary>The failures a Registration Delay Payment clause can count; a flag set in the terms, one flag for an Event.</summary>
[Flags]
public enum FailureKind
{
    /// <summary>None counted.</summary>
    None = 0,

    /// <summary>The Registration Statement not filed by the Filing Date.</summary>
    FilingFailure = 1,

    /// <summary>The Registration Statement not declared effective by the Effectiveness Date.</summary>
    EffectivenessFailure = 2,

    /// <summary>The Registration Statement unavailable beyond the allowed grace (suspension) periods.</summary>
    MaintenanceFailure = 4,
}

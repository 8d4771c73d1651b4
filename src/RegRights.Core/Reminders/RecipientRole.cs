namespace RegRights.Core.Reminders;

/// <summary>Who receives a deadline's reminders, by their role under the agreement.</summary>
public enum RecipientRole
{
    /// <summary>The Company's counsel: receives every reminder.</summary>
    CompanyCounsel,

    /// <summary>The Holders of Registrable Securities.</summary>
    Holder,

    /// <summary>The Holders' own counsel.</summary>
    HoldersCounsel,

    /// <summary>The one Special Counsel to the Holders (§ 1, "Special Counsel"), where a section names it.</summary>
    SpecialCounsel,
}

namespace RegRights.Core.Calendars;

/// <summary>What kind of rule a <see cref="DayReason"/> comes from.</summary>
public enum DayReasonKind
{
    /// <summary>Saturday or Sunday, excluded by the definition itself (§ 1; NYSE Rule 7.2 for Trading Days).</summary>
    Weekend,

    /// <summary>A federal legal holiday under 5 U.S.C. § 6103, including its in-lieu days.</summary>
    FederalLegalHoliday,

    /// <summary>A California optional bank holiday under Cal. Civ. Code § 7.1.</summary>
    CaliforniaBankHoliday,

    /// <summary>A closure by executive order or other governmental action, supplied as data.</summary>
    Closure,

    /// <summary>
    /// A day commercial banks in The City of New York may close: a public holiday of N.Y. Gen. Constr. Law § 24 on
    /// which the Federal Reserve Banks close, or one the market does not keep (contested), or a federal in-lieu day
    /// the banks do not keep (a note).
    /// </summary>
    NewYorkBankHoliday,

    /// <summary>A holiday of the New York Stock Exchange under NYSE Rule 7.2 (formerly Rule 51), as in force that year.</summary>
    ExchangeHoliday,
}

/// <summary>What a <see cref="DayReason"/> does to the day under the calendar's reading.</summary>
public enum DayEffect
{
    /// <summary>The day is not a Business Day.</summary>
    Closed,

    /// <summary>
    /// A contested day: a Business Day under the default reading, not one under the other reading
    /// (<see cref="ContestedDayReading.Closed"/>). Good Friday's half-day bank closure is the standing example.
    /// </summary>
    Contested,

    /// <summary>Named when a user asks why, but without effect (Inauguration Day under § 6103(c)).</summary>
    Note,
}

/// <summary>How a calendar treats contested days (DOMAIN.md, "Holidays").</summary>
public enum ContestedDayReading
{
    /// <summary>The default: a contested day is a Business Day, and results it changes are flagged.</summary>
    Open,

    /// <summary>The other reading: a contested day is not a Business Day.</summary>
    Closed,
}

/// <summary>
/// One reason a date is, or might be, other than an ordinary Business Day: its name and the law it comes from.
/// </summary>
/// <param name="Name">The day's name as the law spells it, e.g. "Admission Day".</param>
/// <param name="Source">The legal source a lawyer can check, e.g. "Cal. Civ. Code § 7.1".</param>
/// <param name="Kind">The family of rules the reason belongs to.</param>
/// <param name="Effect">Whether the reason closes the day, contests it, or is only a note.</param>
public sealed record DayReason(string Name, string Source, DayReasonKind Kind, DayEffect Effect)
{
    /// <inheritdoc />
    public override string ToString() => $"{Name} ({Source})";
}

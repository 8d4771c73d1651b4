using NodaTime;

namespace RegRights.Core.Calendars;

/// <summary>Maps an ISO date in the supported range to its day number from <see cref="MinDate"/>, without allocating.</summary>
internal static class DayIndex
{
    internal static readonly LocalDate MinDate = new(1971, 1, 1);
    internal static readonly LocalDate MaxDate = new(2100, 12, 31);

    // Day number of January 1 of each year, so a lookup is one add.
    private static readonly int[] YearStarts = BuildYearStarts();

    internal static int DayCount { get; } = Period.DaysBetween(MinDate, MaxDate) + 1;

    internal static int Of(LocalDate date, string paramName)
    {
        if (TryOf(date, out var index))
        {
            return index;
        }

        if (date.Calendar != CalendarSystem.Iso)
        {
            throw new ArgumentException($"Business Days are counted in the ISO calendar; {date} is in {date.Calendar.Id}.", paramName);
        }

        throw new ArgumentOutOfRangeException(paramName, date,
            $"Business Days are known from {MinDate:uuuu-MM-dd} to {MaxDate:uuuu-MM-dd}; {date:uuuu-MM-dd} is outside that range.");
    }

    internal static bool TryOf(LocalDate date, out int index)
    {
        var offset = date.Year - MinDate.Year;
        if ((uint)offset >= (uint)YearStarts.Length || date.Calendar != CalendarSystem.Iso)
        {
            index = -1;
            return false;
        }

        index = YearStarts[offset] + date.DayOfYear - 1;
        return true;
    }

    private static int[] BuildYearStarts()
    {
        var starts = new int[MaxDate.Year - MinDate.Year + 1];
        for (var i = 1; i < starts.Length; i++)
        {
            starts[i] = starts[i - 1] + CalendarSystem.Iso.GetDaysInYear(MinDate.Year + i - 1);
        }

        return starts;
    }
}

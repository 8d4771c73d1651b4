using NodaTime;
using RegRights.Core.Calendars;

namespace RegRights.Benchmarks.Calendars;

/// <summary>
/// What a calendar without tables would do: re-derive the year's holidays from the rules on every question and walk
/// day by day. The yardstick the table-driven <see cref="BusinessDayCalendar.Section1"/> is measured against.
/// </summary>
internal static class NaiveBusinessDays
{
    internal static bool IsBusinessDay(LocalDate date)
    {
        if (date.DayOfWeek is IsoDayOfWeek.Saturday or IsoDayOfWeek.Sunday)
        {
            return false;
        }

        // Next year's rules too: a Saturday January 1 closes December 31.
        var rules = HolidayRules.Federal(date.Year)
            .Concat(HolidayRules.Federal(date.Year + 1))
            .Concat(HolidayRules.CaliforniaBank(date.Year));
        foreach (var (holiday, reason) in rules)
        {
            if (holiday == date && reason.Effect == DayEffect.Closed)
            {
                return false;
            }
        }

        foreach (var closure in FederalClosures.ExecutiveOrders)
        {
            if (closure.Date == date && closure.Effect == DayEffect.Closed)
            {
                return false;
            }
        }

        return true;
    }

    internal static LocalDate PlusBusinessDays(LocalDate date, int count)
    {
        var step = Math.Sign(count);
        for (var left = Math.Abs(count); left > 0;)
        {
            date = date.PlusDays(step);
            if (IsBusinessDay(date))
            {
                left--;
            }
        }

        return date;
    }
}

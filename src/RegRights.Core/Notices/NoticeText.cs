using System.Globalization;
using NodaTime;
using NodaTime.Text;
using RegRights.Core.Calendars;
using RegRights.Core.Deadlines;

namespace RegRights.Core.Notices;

/// <summary>The words and time formats of notice stamps, so every explanation shows times the same way.</summary>
internal static class NoticeText
{
    // Local time, offset and abbreviation together, e.g. "2000-05-26 15:05:00 -07:00 (PDT)": the offset lets a
    // reader convert by hand, the abbreviation shows which of PST and PDT was in force that day. Fractions of a
    // second are shown only when present, because they decide a fax at 2:00:00.5 p.m.
    private static readonly ZonedDateTimePattern MomentPattern = ZonedDateTimePattern.CreateWithInvariantCulture(
        "uuuu'-'MM'-'dd HH':'mm':'ss;FFFFFFFFF o<+HH:mm> '('x')'", null);

    internal static string Moment(ZonedDateTime value) => MomentPattern.Format(value);

    // A schedule's and a stamp's dates read alike: "Friday 2000-05-26".
    internal static string Day(LocalDate date) => DateText.WithWeekday(date);

    /// <summary>"2:00 p.m.", "11:59 p.m.", "9:30:15 a.m.": the agreement's way of writing a time.</summary>
    internal static string ClockTime(LocalTime time)
    {
        var seconds = time.Second != 0 || time.NanosecondOfSecond != 0
            ? ":" + time.Second.ToString("00", CultureInfo.InvariantCulture)
            : string.Empty;
        return string.Create(CultureInfo.InvariantCulture,
            $"{time.ClockHourOfHalfDay}:{time.Minute:00}{seconds} {(time.Hour < 12 ? "a.m." : "p.m.")}");
    }

    internal static string Method(DeliveryMethod method) => method switch
    {
        DeliveryMethod.Facsimile => "facsimile",
        DeliveryMethod.Courier => "overnight courier",
        DeliveryMethod.Email => "e-mail",
        DeliveryMethod.Mail => "mail",
        DeliveryMethod.Hand => "hand",
        _ => method.ToString(),
    };

    internal static string Ordinal(int index, int count) =>
        string.Create(CultureInfo.InvariantCulture, $"delivery {index + 1} of {count}");

    /// <summary>Why a date is not a Business Day, e.g. "Memorial Day (5 U.S.C. § 6103(a))", or "weekend".</summary>
    internal static string Reasons(CalendarDay day)
    {
        var reasons = day.Reasons
            .Where(r => r.Effect != DayEffect.Note)
            .Select(r => r.Kind == DayReasonKind.Weekend ? "weekend" : r.ToString());
        return string.Join(" and ", reasons);
    }

    /// <summary>The dates strictly between <paramref name="from"/> and <paramref name="to"/> that do not count, each with why.</summary>
    internal static string Skipped(BusinessDayCalendar calendar, LocalDate from, LocalDate to)
    {
        var skipped = new List<string>();
        for (var date = from.PlusDays(1); date < to; date = date.PlusDays(1))
        {
            if (!calendar.IsBusinessDay(date))
            {
                skipped.Add($"{Day(date)}: {Reasons(calendar.GetDay(date))}");
            }
        }

        return skipped.Count == 0
            ? string.Empty
            : $" (skipping {string.Join("; ", skipped)})";
    }
}

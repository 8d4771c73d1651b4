using NodaTime;
using NodaTime.Text;

namespace RegRights.Infrastructure.Storage;

/// <summary>
/// How values are written to table columns. Dates and moments go as ISO-8601 strings, never as Edm.DateTime:
/// Azure refuses a DateTime before 1601-01-01 (Azurite does not), and a <see cref="LocalDate"/> is a date, not a moment.
/// </summary>
internal static class TableValues
{
    public static string Format(LocalDate date) => LocalDatePattern.Iso.Format(date);

    public static string Format(Instant instant) => InstantPattern.ExtendedIso.Format(instant);

    public static LocalDate ParseDate(string value) => LocalDatePattern.Iso.Parse(value).Value;

    public static Instant ParseInstant(string value) => InstantPattern.ExtendedIso.Parse(value).Value;
}

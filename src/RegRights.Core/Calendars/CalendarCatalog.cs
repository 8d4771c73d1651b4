using System.Diagnostics.CodeAnalysis;
using RegRights.Core.Utility;

namespace RegRights.Core.Calendars;

/// <summary>
/// The named calendars, so that a deal's terms (and the CLI's <c>--calendar</c>) can name one:
/// <c>california-banks</c> (the seed's § 1 Business Day, the default), <c>new-york-banks</c>, <c>nyse</c> (Trading
/// Days) and <c>edgar</c>. Names are matched ignoring case.
/// </summary>
public static class CalendarCatalog
{
    /// <summary>The default calendar's name: the seed agreement's § 1 Business Day.</summary>
    public const string DefaultName = "california-banks";

    private static readonly (string Name, Func<BusinessDayCalendar> Calendar)[] Entries =
    [
        (DefaultName, () => BusinessDayCalendar.Section1),
        ("new-york-banks", () => BusinessDayCalendar.NewYorkBanks),
        ("nyse", () => BusinessDayCalendar.Nyse),
        ("edgar", () => BusinessDayCalendar.Edgar),
    ];

    /// <summary>Every name, in catalog order.</summary>
    public static IReadOnlyList<string> Names { get; } = [.. Entries.Select(e => e.Name)];

    /// <summary>The named calendar, if there is one: made on first use (its tables are built as dates are asked about), then shared.</summary>
    /// <param name="name">A catalog name, e.g. <c>nyse</c>; case is ignored.</param>
    /// <param name="calendar">The calendar, or null.</param>
    /// <returns>Whether the name is in the catalog.</returns>
    public static bool TryGet(string? name, [NotNullWhen(true)] out BusinessDayCalendar? calendar)
    {
        foreach (var (entry, make) in Entries)
        {
            if (string.Equals(entry, name, StringComparison.OrdinalIgnoreCase))
            {
                calendar = make();
                return true;
            }
        }

        calendar = null;
        return false;
    }

    /// <summary>The named calendar.</summary>
    /// <param name="name">A catalog name; case is ignored.</param>
    /// <returns>The shared calendar.</returns>
    /// <exception cref="ArgumentException">No calendar has that name; the message lists the names.</exception>
    public static BusinessDayCalendar Get(string name)
    {
        Preconditions.CheckArgument(TryGet(name, out var calendar), nameof(name), UnknownMessage(name));
        return calendar!;
    }

    /// <summary>The words for a name the catalog lacks: "unknown calendar 'x'; calendars: california-banks, …".</summary>
    public static string UnknownMessage(string? name) => $"unknown calendar '{name}'; calendars: {string.Join(", ", Names)}.";
}

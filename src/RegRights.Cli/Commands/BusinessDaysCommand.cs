using System.CommandLine;
using RegRights.Core.Calendars;

namespace RegRights.Cli.Commands;

/// <summary>
/// <c>regrights business-days</c>: the days in a range that are not Business Days, and why, or the Business Day N days
/// from a date; under § 1 (<c>california-banks</c>) by default, or any Business Day calendar of the catalog.
/// </summary>
internal static class BusinessDaysCommand
{
    internal static Command Create() => CalendarDaysCommand.Create(
        "business-days",
        "Non-Business Days under § 1 in a range (both ends included), with their legal sources; contested days listed apart, with both readings. "
        + "--count N counts Business Days from --from instead; --calendar names another calendar (new-york-banks, edgar).",
        CalendarCatalog.DefaultName,
        "Business Day",
        "trading-days");
}

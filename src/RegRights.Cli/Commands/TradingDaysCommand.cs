using System.CommandLine;

namespace RegRights.Cli.Commands;

/// <summary>
/// <c>regrights trading-days</c>: the days in a range the New York Stock Exchange is closed, and why (NYSE Rule 7.2 and
/// its special closings), or the Trading Day N days from a date. The same shape as <c>business-days</c>.
/// </summary>
internal static class TradingDaysCommand
{
    internal static Command Create() => CalendarDaysCommand.Create(
        "trading-days",
        "Days the NYSE is closed in a range (both ends included), with the rule or closing behind each; --count N counts Trading Days from --from instead.",
        "nyse",
        "Trading Day",
        "business-days");
}

using System.CommandLine;
using RegRights.Cli;
using RegRights.Cli.Commands;

var root = new RootCommand("regrights: deadlines, notice stamps, Business Days and Trading Days of SEC registration rights agreements.");
root.Subcommands.Add(DeadlinesCommand.Create());
root.Subcommands.Add(BusinessDaysCommand.Create());
root.Subcommands.Add(StampCommand.Create());
root.Subcommands.Add(TradingDaysCommand.Create());
return CliRunner.Run(root, args);

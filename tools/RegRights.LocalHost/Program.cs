return await RegRights.LocalHost.LocalHostCommand.RunAsync(args);

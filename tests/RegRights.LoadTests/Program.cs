using RegRights.LoadTests;

// Benchmarks, not tests (CI builds them, never runs them); everything on loopback, every loop bounded in time and count.
//
// The notice intake through the local Functions host, beside a bare function (one Table insert) in a separate
// test-only worker under its own host, at each client count:
//   dotnet run -c Release --project tests/RegRights.LoadTests -- [--clients 1,16,64] [--seconds 10] [--max-requests 20000]
//     [--repetitions 1] [--max-warm-up 240]
// With repetitions, each level alternates bare and intake runs, and a summary gives each level's medians: on a shared
// machine one pair can land in a busy or a quiet second.
//
// The app's cold start under the local host, from launching a fresh worker process to the first 200 from /api/health:
//   dotnet publish src/RegRights.Functions -c Release -o artifacts/publish
//   dotnet run -c Release --project tests/RegRights.LoadTests -- --cold-start 5 [--app artifacts/publish]
//     [--env NAME=VALUE ...] [--trace]
var commandLine = new CommandLine(args);
return commandLine.Has("--cold-start")
    ? await ColdStart.RunAsync(commandLine)
    : await IntakeLoad.RunAsync(commandLine);

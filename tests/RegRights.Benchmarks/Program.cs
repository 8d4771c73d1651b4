using BenchmarkDotNet.Running;
using RegRights.Benchmarks.Notices;

// One benchmark class per area, in a folder named after it (Calendars/, Deadlines/, Notices/); BenchmarkSwitcher
// finds every class, and --filter picks among them. (Not typeof(Program): the Functions app, referenced for the
// intake benchmark, has a Program of its own.)
BenchmarkSwitcher.FromAssembly(typeof(NoticeStampBenchmarks).Assembly).Run(args);

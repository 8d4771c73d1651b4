using BenchmarkDotNet.Running;

// One benchmark class per area, in a folder named after it (Calendars/, Deadlines/, Notices/); BenchmarkSwitcher
// finds every class, and --filter picks among them.
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);

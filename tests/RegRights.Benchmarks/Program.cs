using BenchmarkDotNet.Running;

// One benchmark class per area, in a folder named after it (Calendars/ now; the schedule and notice-stamping
// benchmarks beside it); BenchmarkSwitcher finds every class, and --filter picks among them.
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);

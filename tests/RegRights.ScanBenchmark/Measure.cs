namespace RegRights.ScanBenchmark;

/// <summary>Times of the repetitions after a warm-up, and the requests of the last one (every repetition makes the same).</summary>
internal sealed record Measurement(IReadOnlyList<TimeSpan> Times, RequestCounts Requests)
{
    public double MeanMs => Times.Average(t => t.TotalMilliseconds);

    /// <summary>The sample standard deviation.</summary>
    public double StdDevMs => Times.Count < 2 ? 0 : Math.Sqrt(Times.Sum(t => Math.Pow(t.TotalMilliseconds - MeanMs, 2)) / (Times.Count - 1));

    public double MinMs => Times.Min(t => t.TotalMilliseconds);

    public double MaxMs => Times.Max(t => t.TotalMilliseconds);

    public override string ToString() =>
        $"{MeanMs:N0} ms ± {StdDevMs:N0} (min {MinMs:N0}, max {MaxMs:N0}, n = {Times.Count}); {Requests}";
}

internal static class Measure
{
    /// <summary>
    /// Runs <paramref name="run"/> once to warm up (unless <paramref name="warmUp"/> is false: something just ran the same
    /// code), then <paramref name="repetitions"/> times; each run returns the time of the part being measured and pauses
    /// <paramref name="counter"/> around anything else it does.
    /// </summary>
    public static async Task<Measurement> RunAsync(int repetitions, RequestCounter counter, Func<Task<TimeSpan>> run, bool warmUp = true)
    {
        if (warmUp)
        {
            await run();
        }

        var times = new List<TimeSpan>(repetitions);
        RequestCounts? requests = null;
        for (var i = 0; i < repetitions; i++)
        {
            counter.Start();
            times.Add(await run());
            var counts = counter.Stop();
            if (requests is not null && requests != counts with { ResponseBytes = requests.ResponseBytes })
            {
                throw new InvalidOperationException($"Repetitions made different requests: {requests} and then {counts}.");
            }

            requests = counts;
        }

        return new Measurement(times, requests!);
    }
}

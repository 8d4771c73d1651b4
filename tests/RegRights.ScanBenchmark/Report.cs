namespace RegRights.ScanBenchmark;

/// <summary>The figures as the Markdown tables the README quotes.</summary>
internal static class Report
{
    public static void Print(IReadOnlyList<StageResult> stages)
    {
        Console.WriteLine("| Agreements | Window | Due | ScanAsync requests (query pages + entity reads / writes) | ScanAsync time | Naive pass requests (query pages) | Naive pass time | Naive ÷ ScanAsync |");
        Console.WriteLine("| ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: |");
        foreach (var stage in stages)
        {
            var naive = stage.Naive;
            foreach (var scan in stage.Scans)
            {
                var m = scan.Measurement;
                var r = m.Requests;
                Console.WriteLine(
                    $"| {stage.Agreements:N0} | {scan.Window.Name} | {scan.Result.Due:N0} | {r.Total:N0} ({r.QueryPages:N0} + {r.EntityReads:N0} / {r.Writes + r.Batches:N0}) " +
                    $"| {m.MeanMs:N0} ± {m.StdDevMs:N0} ms | {naive.Requests.Total:N0} ({naive.Requests.QueryPages:N0}) | {naive.MeanMs:N0} ± {naive.StdDevMs:N0} ms " +
                    $"| {naive.MeanMs / m.MeanMs:N1}× |");
            }
        }

        Console.WriteLine();
        Console.WriteLine("| Agreements | Index rows | Seeding | Naive pass, KiB read | Store-API naive (a query per agreement), extrapolated | One partition query in Azurite |");
        Console.WriteLine("| ---: | ---: | ---: | ---: | ---: | ---: |");
        foreach (var stage in stages)
        {
            var perAgreement = stage.StoreApiPerAgreement;
            Console.WriteLine(
                $"| {stage.Agreements:N0} | {stage.IndexRows:N0} | {stage.SeedRate:N0} agreements/s | {stage.Naive.Requests.ResponseBytes / 1024.0:N0} " +
                $"| {stage.Agreements + ((stage.Agreements + 999) / 1000):N0} requests, ~{(perAgreement * stage.Agreements).TotalSeconds:N0} s ({perAgreement.TotalMilliseconds:N1} ms × {stage.Agreements:N0}, sampled on {stage.StoreApiSampled}) " +
                $"| {stage.PartitionQuery.TotalMilliseconds:N1} ms |");
        }
    }
}

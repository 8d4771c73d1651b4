using System.Text.Json;

namespace RegRights.Cli.FunctionalTests;

/// <summary>
/// The Rule 415 cutback through <c>regrights deadlines --template modern-pipe --events …</c>: the additional
/// registration statement's deadlines, as the API gives them, without a server.
/// </summary>
public sealed class CutbackCommandTest : IDisposable
{
    private readonly string events = Path.Combine(Path.GetTempPath(), $"regrights-cutback-{Guid.NewGuid():N}.json");

    public void Dispose() => File.Delete(events);

    [Fact]
    public async Task Deadlines_CutbackAndItsPermittedDate_GiveTheAdditionalFilingDeadline()
    {
        // Closed 2024-01-02, filed 01-25, cut back by the staff on 02-15, effective 02-28; the Commission's guidance permits
        // the cut-back securities to be registered from Tuesday 2024-09-03: + 27 days is 09-30, + 18 more is Friday 2024-10-18.
        // The additional statement filed Thursday 10-10: effective by 10-10 + 60 days (+ 21 is 10-31, + 30 is 11-30, + 9)
        // = Monday 2024-12-09.
        await File.WriteAllTextAsync(events, """
            [
              {"id":"closing","kind":"closing","date":"2024-01-02"},
              {"id":"filed","kind":"filed","date":"2024-01-25"},
              {"id":"cutback","kind":"cutback","date":"2024-02-15","note":"staff limited the resale to one third of the public float"},
              {"id":"effective","kind":"declaredEffective","date":"2024-02-28"},
              {"id":"permitted","kind":"additionalFilingPermitted","date":"2024-09-03","refersTo":"cutback"},
              {"id":"additional","kind":"additionalFiled","date":"2024-10-10","refersTo":"cutback"}
            ]
            """, TestContext.Current.CancellationToken);

        var (exitCode, stdout, stderr) = await RegrightsTool.RunAsync(
            "deadlines", "--template", "modern-pipe", "--events", events, "--as-of", "2024-10-10", "--json");

        Assert.Equal(0, exitCode);
        Assert.Empty(stderr);
        using var json = JsonDocument.Parse(stdout);
        var deadlines = json.RootElement.GetProperty("deadlines").EnumerateArray().ToList();
        var filing = deadlines.Single(d => d.GetProperty("key").GetString() == "additional-filing#1");
        Assert.Equal(("2024-10-18", "§ 2(b)", "met", "Filing permitted 2024-09-03 + 45 days"),
            (filing.GetProperty("dueDate").GetString(), filing.GetProperty("section").GetString(), filing.GetProperty("status").GetString(), filing.GetProperty("basis").GetString()));
        var effectiveness = deadlines.Single(d => d.GetProperty("key").GetString() == "additional-effectiveness#1");
        Assert.Equal(("2024-12-09", "open"), (effectiveness.GetProperty("dueDate").GetString(), effectiveness.GetProperty("status").GetString()));
        var cutback = Assert.Single(json.RootElement.GetProperty("cutbacks").EnumerateArray().ToList());
        Assert.Equal(("cutback", "additional-filing#1", "additional-effectiveness#1", JsonValueKind.Null),
            (cutback.GetProperty("cutback").GetProperty("id").GetString(), cutback.GetProperty("filingKey").GetString(),
                cutback.GetProperty("effectivenessKey").GetString(), cutback.GetProperty("note").ValueKind));
    }

    [Fact]
    public async Task Deadlines_SeedWithACutback_SaysItHasNoSuchClause()
    {
        await File.WriteAllTextAsync(events, """
            [
              {"id":"closing","kind":"closing","date":"2000-04-28"},
              {"id":"filed","kind":"filed","date":"2000-05-26"},
              {"id":"cutback","kind":"cutback","date":"2000-07-03"}
            ]
            """, TestContext.Current.CancellationToken);

        var (exitCode, stdout, _) = await RegrightsTool.RunAsync("deadlines", "--events", events, "--as-of", "2000-07-03", "--json");

        Assert.Equal(0, exitCode);
        using var json = JsonDocument.Parse(stdout);
        Assert.DoesNotContain(json.RootElement.GetProperty("deadlines").EnumerateArray(), d => d.GetProperty("obligation").GetString()!.StartsWith("additional-", StringComparison.Ordinal));
        var cutback = Assert.Single(json.RootElement.GetProperty("cutbacks").EnumerateArray().ToList());
        Assert.StartsWith("The agreement has no Rule 415 cutback clause", cutback.GetProperty("note").GetString(), StringComparison.Ordinal);
    }
}

namespace RegRights.Cli.FunctionalTests;

/// <summary>
/// The bad-input corpus of the CLI, one data row per command and class of bad argument (malformed, wrong type, out of
/// range, unknown option, injection-looking text, bad encoding): the tool exits 2, prints nothing on stdout, and one
/// line on stderr naming the argument. The CLI stores nothing, so a refused command leaves nothing behind; stdout
/// being empty is the proof that it computed nothing either. The HTTP corpus is
/// <c>RegRights.Functions.FunctionalTests/Apis/BadInputCorpusTest</c>.
/// </summary>
public sealed class BadArgumentCorpusTest
{
    public static TheoryData<string, string[], string> Cases => new()
    {
        { "deadlines: malformed date", ["deadlines", "--closing", "2000-13-45"], "--closing" },
        { "deadlines: wrong type", ["deadlines", "--closing", "yesterday"], "--closing" },
        { "deadlines: out-of-range date", ["deadlines", "--closing", "9999-12-31"], "--closing" },
        { "deadlines: clocks past the calendar", ["deadlines", "--closing", "2099-01-01"], "--closing" },
        { "deadlines: as-of out of range", ["deadlines", "--closing", "2000-04-28", "--as-of", "0001-01-01"], "--as-of" },
        { "deadlines: wrong type (number)", ["deadlines", "--closing", "2000-04-28", "--excused-delay-days", "ten"], "--excused-delay-days" },
        { "deadlines: unknown option", ["deadlines", "--clsoing", "2000-04-28"], "--clsoing" },
        { "deadlines: injection-looking text", ["deadlines", "--closing", "2000-04-28; rm -rf /"], "--closing" },
        { "deadlines: bad encoding", ["deadlines", "--closing", "２０００-04-28"], "--closing" },
        { "business-days: out-of-range date", ["business-days", "--from", "2100-12-01", "--to", "2101-01-31"], "--to" },
        { "business-days: malformed date", ["business-days", "--from", "2000-05-01", "--to", "2000/12/31"], "--to" },
        { "business-days: unknown option", ["business-days", "--from", "2000-05-01", "--until", "2000-12-31"], "--until" },
        { "stamp: unknown method", ["stamp", "--method", "pigeon", "--sent", "2000-05-26T14:05:00-07:00"], "--method" },
        { "stamp: time without an offset", ["stamp", "--method", "facsimile", "--sent", "2000-05-26T14:05:00"], "--sent" },
        { "stamp: malformed time", ["stamp", "--method", "facsimile", "--sent", "2000-05-26T25:61:00-07:00"], "--sent" },
        { "stamp: injection-looking text", ["stamp", "--method", "facsimile'; DROP TABLE Notices; --", "--sent", "2000-05-26T14:05:00-07:00"], "--method" },
        { "stamp: unknown clause", ["stamp", "--clause", "modern", "--method", "email", "--sent", "2025-01-08T17:29:00-05:00"], "--clause" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task BadArgument_ExitsTwoNamingItAndPrintsNothing(string name, string[] args, string named)
    {
        var (exitCode, stdout, stderr) = await RegrightsTool.RunAsync(args);

        Assert.True(exitCode == 2, $"{name}: exit {exitCode}, stderr {stderr}");
        Assert.Equal("", stdout);
        Assert.Contains(named, stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", stderr, StringComparison.Ordinal);
    }
}

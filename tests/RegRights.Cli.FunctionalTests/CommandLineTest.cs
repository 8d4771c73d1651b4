namespace RegRights.Cli.FunctionalTests;

/// <summary>What <c>regrights</c> says to a command it does not know, and to none.</summary>
public class CommandLineTest
{
    [Fact]
    public async Task Run_UnknownCommand_NamesItAndTheCommandsWithExitCode2()
    {
        // Arrange, Act
        var (exitCode, stdout, stderr) = await RegrightsTool.RunAsync("frobnicate");

        // Assert: one line naming the word typed and the commands there are, never the library's words.
        Assert.Equal(2, exitCode);
        Assert.Empty(stdout);
        var line = Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal("regrights: unknown command 'frobnicate'; commands: deadlines, business-days, stamp, trading-days (--help for each).", line.TrimEnd('\r'));
    }

    [Fact]
    public async Task Run_NoCommand_ListsTheCommandsWithExitCode2()
    {
        // Arrange, Act
        var (exitCode, _, stderr) = await RegrightsTool.RunAsync();

        // Assert
        Assert.Equal(2, exitCode);
        Assert.StartsWith("regrights: no command given; commands: deadlines, business-days, stamp", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_Help_StillWorks()
    {
        // Arrange, Act
        var (exitCode, stdout, _) = await RegrightsTool.RunAsync("--help");

        // Assert
        Assert.Equal(0, exitCode);
        Assert.Contains("business-days", stdout, StringComparison.Ordinal);
    }
}

using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using RegRights.Functions.Timers;

namespace RegRights.Functions.FunctionalTests.Timers;

/// <summary>
/// The timer function.json files the host reads: valid for the host, never run on startup, monitored, and exactly the
/// timer functions the app registers (the app's own and this project's test-only ones, copied side by side).
/// </summary>
public sealed class TimerFunctionDefinitionTest(FunctionsAppFixture app)
{
    private TimerFunctionCatalog Catalog => app.Services.GetRequiredService<TimerFunctionCatalog>();

    [Fact]
    public void FunctionJson_DeclaresExactlyTheRegisteredTimerFunctions()
    {
        var declared = Catalog.Declared.Keys.Order(StringComparer.Ordinal).ToArray();
        var registered = Catalog.Registered.Keys.Order(StringComparer.Ordinal).ToArray();

        Assert.Contains(ProbeTimerFunction.Name, declared);
        Assert.Equal(declared, registered);
    }

    [Fact]
    public void FunctionJson_EveryTimerIsValidForTheHost()
    {
        Assert.NotEmpty(Catalog.Declared);
        foreach (var function in Catalog.Declared.Values)
        {
            // The schedule parsed with seconds (six fields); a catch-up never hinges on a run at startup; the host
            // keeps the schedule status only with useMonitor.
            Assert.Equal(6, function.Expression.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length);
            Assert.False(function.RunOnStartup, $"{function.Name}: runOnStartup must be false");
            Assert.True(function.UseMonitor, $"{function.Name}: useMonitor must be true");

            using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(TimerFunctionDefinition.FunctionsFolder, function.Name, "function.json")));
            var binding = Assert.Single(json.RootElement.GetProperty("bindings").EnumerateArray());
            Assert.Equal("in", binding.GetProperty("direction").GetString());
            Assert.Equal(JsonValueKind.False, binding.GetProperty("runOnStartup").ValueKind);
            Assert.Equal(JsonValueKind.True, binding.GetProperty("useMonitor").ValueKind);
        }
    }

    [Theory]
    [InlineData("0 * * * *", "six fields")]     // five-field cron: the host reads NCRONTAB with seconds
    [InlineData("every hour", "six fields")]
    [InlineData("", "needs a name and a schedule")]
    public void Read_ScheduleTheHostWouldRefuse_ThrowsNamingTheFile(string schedule, string reason)
    {
        // Arrange
        var folder = Directory.CreateTempSubdirectory("regrights-functions-");
        try
        {
            var file = Path.Combine(Directory.CreateDirectory(Path.Combine(folder.FullName, "Broken")).FullName, "function.json");
            File.WriteAllText(file, $$"""{"bindings":[{"type":"timerTrigger","direction":"in","name":"timer","schedule":"{{schedule}}"}]}""");

            // Act
            var ex = Assert.Throws<InvalidDataException>(() => TimerFunctionDefinition.ReadAll(folder.FullName));

            // Assert
            Assert.Contains(file, ex.Message, StringComparison.Ordinal);
            Assert.Contains(reason, ex.Message, StringComparison.Ordinal);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public void AddTimerFunction_NameTheHostWouldRefuse_Throws()
    {
        var services = new ServiceCollection();

        Assert.Throws<ArgumentException>(() => services.AddTimerFunction("Scan Deadlines", (_, _, _) => Task.CompletedTask));
        Assert.Throws<ArgumentException>(() => services.AddTimerFunction("admin", (_, _, _) => Task.CompletedTask));
    }
}

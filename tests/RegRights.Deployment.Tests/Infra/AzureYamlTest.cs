using System.Text.RegularExpressions;

namespace RegRights.Deployment.Tests.Infra;

/// <summary>azure.yaml deploys the Functions project the azd way, to the Function App infra/ tags for it.</summary>
public sealed partial class AzureYamlTest
{
    [Fact]
    public void Service_IsTheFunctionsProjectPublishedByAzd()
    {
        var services = Services();

        // language dotnet: azd runs `dotnet publish -c Release` and zips the output; host function: it uploads that zip
        // to the Flex Consumption app. Hooks or dist would deploy something else than the publish output.
        var (name, settings) = Assert.Single(services);
        Assert.Equal("api", name);
        Assert.Equal(
            new Dictionary<string, string> { ["project"] = "./src/RegRights.Functions", ["language"] = "dotnet", ["host"] = "function" },
            settings);
        Assert.True(File.Exists(Repository.PathOf("src", "RegRights.Functions", "RegRights.Functions.csproj")));
    }

    [Fact]
    public void Service_NamesTheFunctionAppTheBicepTags()
    {
        var (name, _) = Assert.Single(Services());
        var functionApp = File.ReadAllText(Repository.PathOf("infra", "modules", "function-app.bicep"));

        // azd finds the app to deploy to by the azd-service-name tag.
        Assert.Contains($"'azd-service-name': '{name}'", functionApp, StringComparison.Ordinal);
    }

    // azure.yaml's services block: each service name at two spaces, its settings at four (nested blocks such as
    // hooks show up as a setting with an empty value).
    private static Dictionary<string, Dictionary<string, string>> Services()
    {
        var services = new Dictionary<string, Dictionary<string, string>>();
        var inServices = false;
        Dictionary<string, string>? current = null;
        foreach (var line in File.ReadLines(Repository.PathOf("azure.yaml")))
        {
            if (line.TrimStart().StartsWith('#') || line.Trim().Length == 0)
            {
                continue;
            }

            var entry = Entry().Match(line);
            Assert.True(entry.Success, $"azure.yaml line not understood: {line}");
            var indent = entry.Groups["indent"].Length;
            var (key, value) = (entry.Groups["key"].Value, entry.Groups["value"].Value.Trim());
            if (indent == 0)
            {
                inServices = key == "services";
            }
            else if (inServices && indent == 2)
            {
                current = services[key] = [];
            }
            else if (inServices && indent == 4)
            {
                current![key] = value;
            }
        }

        return services;
    }

    [GeneratedRegex(@"^(?<indent> *)(?<key>[A-Za-z0-9_-]+):(?<value>.*)$")]
    private static partial Regex Entry();
}

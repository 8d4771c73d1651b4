using System.Text.Json;
using System.Text.RegularExpressions;

namespace RegRights.Deployment.Tests.Infra;

/// <summary>One resource of a compiled ARM template, with the (possibly nested) template that declares it.</summary>
internal sealed record ArmResource(string Type, JsonElement Json, JsonElement Template)
{
    public bool IsExisting => Json.TryGetProperty("existing", out var existing) && existing.GetBoolean();

    public JsonElement Properties => Json.GetProperty("properties");
}

/// <summary>Reads what `bicep build` writes: symbolic (languageVersion 2.0) or array resources, modules as nested deployments.</summary>
internal static partial class ArmTemplate
{
    public static IEnumerable<JsonElement> Templates(JsonElement template)
    {
        yield return template;
        foreach (var deployment in DeclaredResources(template).Where(r => r.Type == "Microsoft.Resources/deployments"))
        {
            if (deployment.Properties.TryGetProperty("template", out var nested))
            {
                foreach (var inner in Templates(nested))
                {
                    yield return inner;
                }
            }
        }
    }

    /// <summary>Every resource the deployment creates, in every module; `existing` references left out.</summary>
    public static IEnumerable<ArmResource> Resources(JsonElement template) =>
        Templates(template).SelectMany(DeclaredResources).Where(r => !r.IsExisting);

    /// <summary>The role definition ids an assignment grants: literal ids, or the ids held by the variables its expression names.</summary>
    public static IReadOnlySet<string> RoleDefinitionIds(ArmResource assignment)
    {
        var expression = assignment.Properties.GetProperty("roleDefinitionId").GetString()!;
        var text = VariableReference().Matches(expression)
            .Select(m => assignment.Template.GetProperty("variables").GetProperty(m.Groups[1].Value).GetRawText())
            .Prepend(expression);
        return text.SelectMany(t => Guid().Matches(t).Select(m => m.Value.ToLowerInvariant())).ToHashSet();
    }

    /// <summary>The app setting names in a siteConfig.appSettings expression (`createObject('name', 'X', 'value', ...)`).</summary>
    public static IReadOnlyList<string> SettingNames(string appSettingsExpression) =>
        SettingName().Matches(appSettingsExpression).Select(m => m.Groups[1].Value).ToList();

    private static IEnumerable<ArmResource> DeclaredResources(JsonElement template)
    {
        if (!template.TryGetProperty("resources", out var resources))
        {
            return [];
        }

        var items = resources.ValueKind == JsonValueKind.Object
            ? resources.EnumerateObject().Select(p => p.Value)
            : resources.EnumerateArray();
        return items.Select(r => new ArmResource(r.GetProperty("type").GetString()!, r, template)).ToList();
    }

    [GeneratedRegex(@"variables\('([^']+)'\)")]
    private static partial Regex VariableReference();

    [GeneratedRegex("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")]
    private static partial Regex Guid();

    [GeneratedRegex(@"createObject\('name', '([^']+)', 'value'")]
    private static partial Regex SettingName();
}

using System.Collections;
using System.Reflection;
using System.Text.Json;

namespace RegRights.Testing;

/// <summary>Which members of a sample document are left unset, so that a sample meant to set every member shows the one it misses.</summary>
public static class EveryMember
{
    /// <summary>The paths of the members no value in <paramref name="sample"/> sets ("$.parties[*].role").</summary>
    public static IReadOnlyList<string> Unset(object sample) => [.. Unset(sample, "$")];

    // In a list, a member set by any element is set.
    private static IEnumerable<string> Unset(object? value, string path)
    {
        if (value is null)
        {
            return [path];
        }

        if (value is string || value.GetType().IsValueType)
        {
            return [];
        }

        if (value is IEnumerable items)
        {
            var each = items.Cast<object?>().Select(item => Unset(item, path + "[*]").ToHashSet(StringComparer.Ordinal)).ToList();
            return each.Count == 0 ? [path + "[]"] : each.Aggregate((all, next) => [.. all.Intersect(next, StringComparer.Ordinal)]);
        }

        return value.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.GetIndexParameters().Length == 0 && p.Name != "EqualityContract")
            .SelectMany(p => Unset(p.GetValue(value), $"{path}.{JsonNamingPolicy.CamelCase.ConvertName(p.Name)}"));
    }
}

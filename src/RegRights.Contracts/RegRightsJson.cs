using System.Text.Json;
using System.Text.Json.Serialization;
using NodaTime;
using NodaTime.Serialization.SystemTextJson;

namespace RegRights.Contracts;

/// <summary>
/// The one set of JSON settings the HTTP API and the CLI share, so that `regrights … --json` and the API emit the
/// same document: camelCase names, enums as camelCase strings, NodaTime values as ISO-8601 (an <c>OffsetDateTime</c>
/// always with its offset), nulls written out so a reader sees every field.
/// </summary>
public static class RegRightsJson
{
    /// <summary>The shared options. Read-only: copy them to change anything.</summary>
    public static JsonSerializerOptions Options { get; } = Create();

    /// <summary>Applies the shared settings to <paramref name="options"/> (for ASP.NET Core's own options).</summary>
    public static JsonSerializerOptions Configure(JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        options.DictionaryKeyPolicy = JsonNamingPolicy.CamelCase;
        options.DefaultIgnoreCondition = JsonIgnoreCondition.Never;
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false));
        options.ConfigureForNodaTime(DateTimeZoneProviders.Tzdb);
        return options;
    }

    private static JsonSerializerOptions Create()
    {
        var options = Configure(new JsonSerializerOptions(JsonSerializerDefaults.Web) { WriteIndented = true });
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}

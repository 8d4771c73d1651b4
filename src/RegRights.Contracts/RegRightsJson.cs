using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using NodaTime;
using NodaTime.Serialization.SystemTextJson;

namespace RegRights.Contracts;

/// <summary>
/// The one set of JSON settings the HTTP API and the CLI share, so that `regrights … --json` and the API emit the
/// same document: camelCase names, enums as camelCase strings, NodaTime values as ISO-8601 (an <c>OffsetDateTime</c>
/// always with its offset), nulls written out so a reader sees every field, and text as written: "§ 6(h)" and
/// "-07:00"/"+05:30" appear literally, not as <c>\u00A7</c> and <c>\u002B</c>.
/// </summary>
/// <remarks>
/// The relaxed encoder still escapes what JSON requires (quotes, backslashes, control characters); it does not escape
/// HTML-sensitive characters such as &lt; and &amp;. That is safe here: the documents are served as application/json or
/// printed by the CLI, and are never embedded in an HTML page or script.
/// </remarks>
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
        options.Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping;
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

using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using NodaTime;
using NodaTime.Serialization.SystemTextJson;

namespace RegRights.Application;

/// <summary>How the app's own records are written into a stored row and read back (an agreement row, a notice, a provider link).</summary>
/// <remarks>
/// Its own settings, not the API's (<c>RegRightsJson</c>), so that a change to how the API writes JSON is not a change
/// to what is stored; they write what the API's wrote on the day the two were parted: camelCase names and enum
/// values, every member (nulls too), NodaTime's ISO text.
/// </remarks>
internal static class StoredJson
{
    // A stored record was written by this app, perhaps by a later version during a deployment: a member this version
    // does not know is skipped on read, where a request's unknown member is refused (RegRightsJson).
    public static readonly JsonSerializerOptions Options = Create();

    public static string ToJson<T>(T value) => JsonSerializer.Serialize(value, Options);

    public static T FromJson<T>(string value) => JsonSerializer.Deserialize<T>(value, Options)
        ?? throw new InvalidDataException($"A stored {typeof(T).Name} is null.");

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
            DictionaryKeyPolicy = JsonNamingPolicy.CamelCase,
            DefaultIgnoreCondition = JsonIgnoreCondition.Never,
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
            UnmappedMemberHandling = JsonUnmappedMemberHandling.Skip,
            WriteIndented = false,
        };
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false));
        options.ConfigureForNodaTime(DateTimeZoneProviders.Tzdb);
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}

using System.Text.Json;
using RegRights.Contracts;

namespace RegRights.Application;

/// <summary>How the app's own documents are written into a stored record and read back (a notice, a provider link, terms).</summary>
internal static class StoredJson
{
    // A stored document was written by this app, perhaps by a later version during a deployment: a member this
    // version does not know is skipped on read, where a request's unknown member is refused (RegRightsJson).
    public static readonly JsonSerializerOptions Options = new(RegRightsJson.Options)
    {
        WriteIndented = false,
        UnmappedMemberHandling = System.Text.Json.Serialization.JsonUnmappedMemberHandling.Skip,
    };

    public static string ToJson<T>(T value) => JsonSerializer.Serialize(value, Options);

    public static T FromJson<T>(string value) => JsonSerializer.Deserialize<T>(value, Options)
        ?? throw new InvalidDataException($"A stored {typeof(T).Name} is null.");
}

using System.Text.Json;
using NodaTime;
using NodaTime.Text;
using RegRights.Contracts;

namespace RegRights.Infrastructure.Storage;

/// <summary>
/// How values are written to table columns. Dates and moments go as ISO-8601 strings, never as Edm.DateTime:
/// Azure refuses a DateTime before 1601-01-01 (Azurite does not), and a <see cref="LocalDate"/> is a date, not a moment.
/// </summary>
internal static class TableValues
{
    // A stored document was written by this app, perhaps by a later version during a deployment: a member this
    // version does not know is skipped on read, where a request's unknown member is refused (RegRightsJson).
    public static readonly JsonSerializerOptions Json = new(RegRightsJson.Options)
    {
        WriteIndented = false,
        UnmappedMemberHandling = System.Text.Json.Serialization.JsonUnmappedMemberHandling.Skip,
    };

    public static string Format(LocalDate date) => LocalDatePattern.Iso.Format(date);

    public static string Format(Instant instant) => InstantPattern.ExtendedIso.Format(instant);

    public static LocalDate ParseDate(string value) => LocalDatePattern.Iso.Parse(value).Value;

    public static Instant ParseInstant(string value) => InstantPattern.ExtendedIso.Parse(value).Value;

    public static string ToJson<T>(T value) => JsonSerializer.Serialize(value, Json);

    public static T FromJson<T>(string value) => JsonSerializer.Deserialize<T>(value, Json)
        ?? throw new InvalidDataException($"A stored {typeof(T).Name} is null.");
}

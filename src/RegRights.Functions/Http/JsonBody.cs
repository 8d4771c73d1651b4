using System.Buffers;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;
using NodaTime;
using NodaTime.Serialization.SystemTextJson;
using RegRights.Contracts;

namespace RegRights.Functions.Http;

/// <summary>
/// Reads request bodies as the endpoints need them: the raw bytes (a webhook's signature covers them as received),
/// capped at 256 KiB, and JSON errors reported with the field's JSON path and the position.
/// </summary>
internal static class JsonBody
{
    /// <summary>The body as received. More than 256 KiB is a <see cref="BadHttpRequestException"/> with 413.</summary>
    /// <remarks>
    /// A body whose Content-Length is declared and within the limit (every webhook sender's) is read straight into an
    /// array of that length: no 16 KiB chunk and no growing copy for a notice of a few hundred bytes. Kestrel ends the
    /// body at the declared length. Any other body is read in pooled chunks up to the limit.
    /// </remarks>
    public static async Task<byte[]> ReadRawAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        int read;
        if (request.ContentLength is { } declared and <= RequestLimits.MaxBodyBytes)
        {
            var body = new byte[declared];
            var filled = 0;
            while (filled < body.Length && (read = await request.Body.ReadAsync(body.AsMemory(filled), cancellationToken).ConfigureAwait(false)) > 0)
            {
                filled += read;
            }

            return filled == body.Length ? body : body[..filled];
        }

        using var buffer = new MemoryStream();
        var chunk = ArrayPool<byte>.Shared.Rent(16 * 1024);
        try
        {
            while ((read = await request.Body.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
            {
                if (buffer.Length + read > RequestLimits.MaxBodyBytes)
                {
                    throw new BadHttpRequestException("Request body too large.", StatusCodes.Status413PayloadTooLarge);
                }

                buffer.Write(chunk, 0, read);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(chunk);
        }

        return buffer.ToArray();
    }

    /// <summary>
    /// Reads <paramref name="body"/> strictly (<see cref="RegRightsJson.Read{T}"/>: unknown members and duplicate keys
    /// refused); on failure, a 400 validation problem keyed by the JSON path, worded for a person.
    /// </summary>
    public static bool TryParse<T>(ReadOnlySpan<byte> body, JsonSerializerOptions options, out T value, out ValidationProblem problem)
        where T : class
    {
        var result = RegRightsJson.Read<T>(body, options);
        if (result.TryGetValue(out value))
        {
            problem = null!;
            return true;
        }

        problem = Problem(new Dictionary<string, string[]>(result.Errors));
        return false;
    }

    /// <summary>
    /// The HTTP API's JSON settings: <see cref="RegRightsJson"/>'s, over ASP.NET Core's web defaults less their
    /// numbers-in-strings, so that <c>"30"</c> is refused where a number is expected, as the OpenAPI document says.
    /// </summary>
    public static void Configure(JsonSerializerOptions options)
    {
        RegRightsJson.Configure(options);
        options.NumberHandling = JsonNumberHandling.Strict;

        // NodaTime's parsers take a NUL as the end of the text, so "2000-05-26\u0000" would be read as 2000-05-26;
        // a date, time or moment with a control character in it is refused at its path instead. First, so they win.
        options.Converters.Insert(0, new NoControlCharacters<LocalDate>(NodaConverters.LocalDateConverter));
        options.Converters.Insert(0, new NoControlCharacters<LocalTime>(NodaConverters.LocalTimeConverter));
        options.Converters.Insert(0, new NoControlCharacters<OffsetDateTime>(NodaConverters.OffsetDateTimeConverter));
        options.Converters.Insert(0, new NoControlCharacters<Instant>(NodaConverters.InstantConverter));
    }

    /// <summary>Whether <paramref name="text"/> (a query value, say) holds a control character, NUL included.</summary>
    public static bool HasControlCharacter(string text) => text.Any(char.IsControl);

    private sealed class NoControlCharacters<T>(JsonConverter<T> inner) : JsonConverter<T>
    {
        public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            if (reader.TokenType == JsonTokenType.String && HasControlCharacter(reader.GetString() ?? ""))
            {
                throw new JsonException("A control character (NUL, CR, LF and the like) is not part of a date, a time or a moment; send the ISO text alone");
            }

            return inner.Read(ref reader, typeToConvert, options)!;
        }

        public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) => inner.Write(writer, value, options);
    }

    /// <summary>The app's JSON options (RegRightsJson), as configured for minimal APIs.</summary>
    public static JsonSerializerOptions Options(this HttpContext context) =>
        context.RequestServices.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;

    /// <summary>A 400 naming one field.</summary>
    public static ValidationProblem Problem(string path, string message) => Problem(new Dictionary<string, string[]> { [path] = [message] });

    /// <summary>A 400 naming each field by its JSON path.</summary>
    public static ValidationProblem Problem(IDictionary<string, string[]> errors) => TypedResults.ValidationProblem(
        errors, detail: "See errors: each key is the JSON path of a field.", title: "The request is invalid", type: ProblemTypes.Validation);
}

using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using NodaTime;
using NodaTime.Serialization.SystemTextJson;
using RegRights.Contracts.Notices;

namespace RegRights.Contracts;

/// <summary>
/// The one set of JSON settings the HTTP API and the CLI share, so that `regrights … --json` and the API emit the
/// same document: camelCase names, enums as camelCase strings, NodaTime values as ISO-8601 (an <c>OffsetDateTime</c>
/// always with its offset), nulls written out so a reader sees every field, and text as written: "§ 6(h)" and
/// "-07:00"/"+05:30" appear literally, not as <c>\u00A7</c> and <c>\u002B</c>.
/// </summary>
/// <remarks>
/// Reading is strict, because a member dropped without a word is a wrong record: a member no document declares
/// (<c>{"terms":{"filingDay":60}}</c>, a delivery's <c>recievedAt</c>) and a member given twice (<c>{"name":"a",
/// "name":"b"}</c>) are refused with the JSON path, where a lenient reader would store the default 30 days, a notice
/// with no receipt, or whichever name came last. <see cref="Read{T}"/> words each error for a person.
/// <para>
/// The relaxed encoder still escapes what JSON requires (quotes, backslashes, control characters); it does not escape
/// HTML-sensitive characters such as &lt; and &amp;. That is safe here: the documents are served as application/json or
/// printed by the CLI, and are never embedded in an HTML page or script.
/// </para>
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
        options.UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow;
        options.AllowDuplicateProperties = false;
        options.Converters.Add(new NamedEnumConverterFactory());
        options.ConfigureForNodaTime(DateTimeZoneProviders.Tzdb);
        return options;
    }

    /// <summary>
    /// Reads a request body as <typeparamref name="T"/>, or every reason it cannot be, keyed by JSON path
    /// (<c>$.terms.filingDay</c>) and worded for a person: an unknown member lists the members there are, a wrong type
    /// says what is expected (<c>one of company, companyCounsel, …</c>, never <c>System.Nullable`1[…]</c>), a syntax
    /// error gives its line and byte.
    /// </summary>
    /// <remarks>
    /// The reader stops at the first error, so one body gets one error. An empty body, or the literal <c>null</c>, is an
    /// error at <c>$</c>: every request is a JSON object.
    /// </remarks>
    /// <param name="utf8Json">The body as received, UTF-8.</param>
    /// <param name="options">The options to read with; null for <see cref="Options"/>.</param>
    /// <typeparam name="T">The request document.</typeparam>
    public static RequestResult<T> Read<T>(ReadOnlySpan<byte> utf8Json, JsonSerializerOptions? options = null)
        where T : class
    {
        options ??= Options;
        if (utf8Json.IsEmpty)
        {
            return Error<T>("$", "The request body is empty; a JSON object is required.");
        }

        try
        {
            return JsonSerializer.Deserialize(utf8Json, TypeInfo<T>(options)) is { } value
                ? RequestResult.ForValue(value)
                : Error<T>("$", "The request body is null; a JSON object is required.");
        }
        catch (JsonException ex)
        {
            var path = string.IsNullOrEmpty(ex.Path) ? "$" : ex.Path;
            return Error<T>(path, JsonErrorText.Describe(ex, path, typeof(T), options));
        }
    }

    /// <summary>
    /// The metadata <typeparamref name="T"/> is read and written with under <paramref name="options"/>: compile-time
    /// (<see cref="RegRightsJsonContext"/>) where there is some, else by reflection where the runtime allows it.
    /// </summary>
    /// <exception cref="NotSupportedException">In the native CLI, for a type <see cref="RegRightsJsonContext"/> does not list.</exception>
    public static JsonTypeInfo<T> TypeInfo<T>(JsonSerializerOptions? options = null) =>
        (JsonTypeInfo<T>)(options ?? Options).GetTypeInfo(typeof(T));

    private static RequestResult<T> Error<T>(string path, string message) =>
        RequestResult.ForErrors<T>(new Dictionary<string, string[]>(StringComparer.Ordinal) { [path] = [message] });

    private static JsonSerializerOptions Create()
    {
        var options = Configure(new JsonSerializerOptions(JsonSerializerDefaults.Web) { WriteIndented = true });
        options.TypeInfoResolverChain.Add(RegRightsJsonContext.Default);
        if (JsonSerializer.IsReflectionEnabledByDefault)
        {
            options.TypeInfoResolverChain.Add(Reflection());
        }

        options.MakeReadOnly();
        return options;
    }

    // The switch is off in the native CLI, which then resolves through RegRightsJsonContext alone.
    [UnconditionalSuppressMessage("Trimming", "IL2026", Justification = "Only when JsonSerializer.IsReflectionEnabledByDefault, which the trimmed CLI turns off.")]
    [UnconditionalSuppressMessage("AOT", "IL3050", Justification = "Only when JsonSerializer.IsReflectionEnabledByDefault, which the native CLI turns off.")]
    private static DefaultJsonTypeInfoResolver Reflection() => new();

    /// <summary>What a person is told for a <see cref="JsonException"/>, found from the path and the types it walks.</summary>
    private static class JsonErrorText
    {
        public static string Describe(JsonException ex, string path, Type root, JsonSerializerOptions options)
        {
            var position = ex.LineNumber is { } line
                ? string.Create(CultureInfo.InvariantCulture, $" (line {line + 1}, byte {ex.BytePositionInLine + 1})")
                : "";
            return Reason(ex, path, root, options).TrimEnd('.') + position + ".";
        }

        private static string Reason(JsonException ex, string path, Type root, JsonSerializerOptions options)
        {
            var (parent, member, target) = Walk(root, path, options);
            if (ex.Message.StartsWith("Duplicate property", StringComparison.Ordinal) && member is not null)
            {
                return $"'{member}' is given more than once; each member may appear once, since a second value would silently replace the first";
            }

            if (parent is not null && member is not null && target is null)
            {
                var members = string.Join(", ", options.GetTypeInfo(parent).Properties.Select(p => p.Name));
                return $"'{member}' is not a member here, and an unknown member is refused rather than dropped; the members are {members}";
            }

            if (target is not null && UnderlyingOrSelf(target).IsEnum && ex.InnerException is null
                && !ex.Message.StartsWith("The JSON value", StringComparison.Ordinal))
            {
                // NamedEnumConverterFactory's own words, which name the allowed values.
                return ex.Message;
            }

            if (target is not null && ex.Message.StartsWith("The JSON value could not be converted", StringComparison.Ordinal))
            {
                // NodaTime's own words name what in the text failed ("The month 99 is out of range in year 9999").
                var detail = ex.InnerException?.GetType().Namespace == "NodaTime.Text" ? " " + FirstSentence(ex.InnerException.Message) : "";
                return $"Expected {Expected(target, options)}.{detail}";
            }

            // A syntax error: the reader's words, less its advice to change the reader's options and the path it repeats.
            var reason = ex.Message;
            foreach (var tail in new[] { " Path:", " Change the reader options." })
            {
                var cut = reason.IndexOf(tail, StringComparison.Ordinal);
                reason = cut > 0 ? reason[..cut] : reason;
            }

            return reason;
        }

        // The declared type at each step of $.a.b[0].c; (parent type, last member name, that member's type or null
        // when the parent has no such member).
        private static (Type? Parent, string? Member, Type? Target) Walk(Type root, string path, JsonSerializerOptions options)
        {
            Type? current = root;
            Type? parent = null;
            string? member = null;
            var i = 1;
            while (i < path.Length && current is not null)
            {
                if (path[i] == '.')
                {
                    var end = path.IndexOfAny(['.', '['], i + 1);
                    member = path[(i + 1)..(end < 0 ? path.Length : end)];
                    parent = UnderlyingOrSelf(current);
                    current = Member(parent, member, options);
                    i = end < 0 ? path.Length : end;
                }
                else if (path[i] == '[')
                {
                    var end = path.IndexOf(']', i);
                    if (end < 0)
                    {
                        break;
                    }

                    if (path[i + 1] == '\'')
                    {
                        // ['odd name']: a member whose name needs quoting.
                        member = path[(i + 2)..(end - 1)];
                        parent = UnderlyingOrSelf(current);
                        current = Member(parent, member, options);
                    }
                    else
                    {
                        current = ElementType(current, options);
                    }

                    i = end + 1;
                }
                else
                {
                    break;
                }
            }

            return (parent, member, current);
        }

        private static Type? Member(Type type, string name, JsonSerializerOptions options)
        {
            var info = options.GetTypeInfo(type);
            if (info.Kind != JsonTypeInfoKind.Object)
            {
                return null;
            }

            var comparison = options.PropertyNameCaseInsensitive ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
            return info.Properties.FirstOrDefault(p => string.Equals(p.Name, name, comparison))?.PropertyType;
        }

        private static Type? ElementType(Type type, JsonSerializerOptions options) => options.GetTypeInfo(type).ElementType;

        private static Type UnderlyingOrSelf(Type type) => Nullable.GetUnderlyingType(type) ?? type;

        private static string Expected(Type type, JsonSerializerOptions options)
        {
            type = UnderlyingOrSelf(type);
            if (type.IsEnum)
            {
                return "one of " + string.Join(", ", NamedEnumConverterFactory.Names(type));
            }

            if (type == typeof(string))
            {
                return "a string";
            }

            if (type == typeof(int) || type == typeof(long))
            {
                return "a whole number";
            }

            if (type == typeof(bool))
            {
                return "true or false";
            }

            if (type == typeof(LocalDate))
            {
                return "an ISO date, yyyy-MM-dd (e.g. 2000-04-28)";
            }

            if (type == typeof(LocalTime))
            {
                return "a time of day, HH:mm:ss (e.g. 14:00:00)";
            }

            if (type == typeof(OffsetDateTime))
            {
                return "an ISO-8601 date and time with its UTC offset (e.g. 2000-05-26T15:05:00-07:00)";
            }

            return options.GetTypeInfo(type).Kind switch
            {
                JsonTypeInfoKind.Enumerable => "an array",
                JsonTypeInfoKind.Object or JsonTypeInfoKind.Dictionary => "an object",
                _ => "a " + type.Name,
            };
        }

        private static string FirstSentence(string message)
        {
            var cut = message.IndexOf(". ", StringComparison.Ordinal);
            return cut > 0 ? message[..(cut + 1)] : message;
        }
    }
}

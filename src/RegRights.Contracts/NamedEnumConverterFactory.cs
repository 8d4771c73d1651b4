using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using System.Text.Json.Serialization;
using NodaTime;
using RegRights.Contracts.Agreements;
using RegRights.Core.Agreements;
using RegRights.Core.Calendars;
using RegRights.Core.Deadlines;
using RegRights.Core.DelayPayments;
using RegRights.Core.Notices;
using RegRights.Core.Reminders;
using RegRights.Core.Suspensions;

namespace RegRights.Contracts;

/// <summary>
/// Enums as their camelCase names (<c>companyCounsel</c>), read by name only: a number, a name no member has, and a
/// comma-joined list of names are refused with the allowed names, e.g. "'boss' is not one of company, companyCounsel,
/// holder, holdersCounsel, specialCounsel."
/// </summary>
/// <remarks>
/// <see cref="JsonStringEnumConverter"/> would read <c>"company, holder"</c> as the two values or-ed together, a role
/// no contact can have, and words its refusal as <c>System.Nullable`1[…ContactRole]</c>. Names are matched ignoring
/// case, as member names are (<see cref="JsonSerializerDefaults.Web"/>).
/// </remarks>
internal sealed class NamedEnumConverterFactory : JsonConverterFactory
{
    /// <summary>The names <paramref name="enumType"/>'s values are written as, in declaration order.</summary>
    public static IEnumerable<string> Names(Type enumType) => Enum.GetNames(enumType).Select(JsonNamingPolicy.CamelCase.ConvertName);

    /// <inheritdoc />
    public override bool CanConvert(Type typeToConvert) => typeToConvert.IsEnum;

    /// <inheritdoc />
    public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
        Listed.TryGetValue(typeToConvert, out var create) ? create() : ByReflection(typeToConvert);

    /// <summary>The enums made without reflection; every enum in a document the CLI writes is one (<c>RegRightsJsonContextTest</c>).</summary>
    internal static IEnumerable<Type> ListedTypes => Listed.Keys;

    // The native CLI cannot make a generic type at run time, so the converters of the enums the documents hold are
    // written out here; an enum not listed is made by reflection where the runtime allows.
    private static readonly FrozenDictionary<Type, Func<JsonConverter>> Listed = new[]
    {
        Of<IsoDayOfWeek>(), Of<AgreementEventKind>(), Of<RollRule>(), Of<DayReasonKind>(), Of<DayEffect>(),
        Of<ContestedDayReading>(), Of<DayCount>(), Of<CutoffKind>(), Of<ObligationEnd>(), Of<DeadlineStatus>(),
        Of<DeadlineWarningKind>(), Of<DeliveryMethod>(), Of<NoticeRule>(), Of<NoticeWarningKind>(), Of<NoticeGap>(), Of<NoticeRuleKind>(),
        Of<ReminderStepKind>(), Of<RecipientRole>(), Of<PartyRole>(), Of<ContactRole>(),
        Of<DayUnit>(), Of<ClauseStart>(), Of<FailureKind>(), Of<AccrualPeriodLength>(), Of<ProRataRule>(),
        Of<LateInterestBasis>(), Of<GapAffects>(), Of<AccrualEnd>(), Of<SuspensionLimit>(), Of<CutbackStart>(),
    }.ToFrozenDictionary();

    private static KeyValuePair<Type, Func<JsonConverter>> Of<T>()
        where T : struct, Enum => new(typeof(T), () => new Converter<T>());

    [UnconditionalSuppressMessage("AOT", "IL3050", Justification = "Every enum the native CLI writes is listed; RegRightsJsonContextTest checks it.")]
    [UnconditionalSuppressMessage("Trimming", "IL2071", Justification = "Converter<T> is a private type whose constructor is always kept by the listed instantiations.")]
    private static JsonConverter ByReflection(Type enumType) =>
        (JsonConverter)Activator.CreateInstance(typeof(Converter<>).MakeGenericType(enumType))!;

    private sealed class Converter<T> : JsonConverter<T>
        where T : struct, Enum
    {
        private readonly FrozenDictionary<string, T> byName =
            Enum.GetValues<T>().ToFrozenDictionary(v => JsonNamingPolicy.CamelCase.ConvertName(v.ToString()), StringComparer.OrdinalIgnoreCase);

        private readonly FrozenDictionary<T, string> names =
            Enum.GetValues<T>().ToFrozenDictionary(v => v, v => JsonNamingPolicy.CamelCase.ConvertName(v.ToString()));

        private readonly string allowed = string.Join(", ", Names(typeof(T)));

        public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            if (reader.TokenType != JsonTokenType.String)
            {
                throw new JsonException($"Expected a string, one of {allowed}.");
            }

            var text = reader.GetString()!;
            return byName.TryGetValue(text, out var value) ? value : throw new JsonException($"'{text}' is not one of {allowed}.");
        }

        public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) =>
            writer.WriteStringValue(names.TryGetValue(value, out var name)
                ? name
                : throw new JsonException($"{value} is not a defined {typeof(T).Name}."));

        public override T ReadAsPropertyName(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            Read(ref reader, typeToConvert, options);

        public override void WriteAsPropertyName(Utf8JsonWriter writer, T value, JsonSerializerOptions options) =>
            writer.WritePropertyName(names[value]);
    }
}

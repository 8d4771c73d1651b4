using System.Text.Json.Serialization;
using RegRights.Contracts.Agreements;
using RegRights.Contracts.Calendars;
using RegRights.Contracts.Deadlines;
using RegRights.Contracts.Notices;

namespace RegRights.Contracts;

/// <summary>
/// Compile-time JSON metadata for the documents the CLI writes, so that the native (ahead-of-time compiled)
/// <c>regrights</c> needs no reflection. <see cref="RegRightsJson.Options"/> resolves through it first; names, enums
/// and NodaTime values still come from the options, so a document reads and writes as it does by reflection
/// (<c>RegRightsJsonContextTest</c> compares the two).
/// </summary>
[JsonSourceGenerationOptions(GenerationMode = JsonSourceGenerationMode.Metadata)]
[JsonSerializable(typeof(DeadlinesDocument))]
[JsonSerializable(typeof(NonBusinessDaysDocument))]
[JsonSerializable(typeof(CalendarCountDocument))]
[JsonSerializable(typeof(NoticeStampResponse))]
[JsonSerializable(typeof(TemplatesDocument))]
[JsonSerializable(typeof(TermsDocument))]
[JsonSerializable(typeof(IReadOnlyList<AgreementEventDocument>))]
[JsonSerializable(typeof(IReadOnlyList<PartyDocument>))]
internal sealed partial class RegRightsJsonContext : JsonSerializerContext;

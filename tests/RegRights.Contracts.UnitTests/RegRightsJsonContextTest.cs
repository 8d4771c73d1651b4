using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using NodaTime;
using NodaTime.Text;
using RegRights.Contracts.Agreements;
using RegRights.Contracts.Calendars;
using RegRights.Contracts.Deadlines;
using RegRights.Contracts.Notices;
using RegRights.Core.Agreements;
using RegRights.Core.Calendars;
using RegRights.Core.Deadlines;
using RegRights.Core.Notices;

namespace RegRights.Contracts.UnitTests;

/// <summary>
/// The compile-time metadata the native CLI writes with (<see cref="RegRightsJsonContext"/>) gives the same documents as
/// reflection: a member renamed, dropped or written differently would be a different answer from the native tool.
/// </summary>
public class RegRightsJsonContextTest
{
    private static readonly JsonSerializerOptions ByReflection = ReflectionOnly();

    public static TheoryData<string> Documents() => [.. Samples().Keys];

    [Theory]
    [MemberData(nameof(Documents))]
    public void Options_ContextDocument_ResolvedAtCompileTime(string name)
    {
        var type = Samples()[name].GetType();

        Assert.Same(RegRightsJsonContext.Default, RegRightsJson.Options.GetTypeInfo(type).OriginatingResolver);
    }

    [Theory]
    [MemberData(nameof(Documents))]
    public void Options_ContextDocument_SameTextAsReflection(string name)
    {
        var document = Samples()[name];

        var compiled = JsonSerializer.Serialize(document, RegRightsJson.Options.GetTypeInfo(document.GetType()));
        var reflected = JsonSerializer.Serialize(document, ByReflection.GetTypeInfo(document.GetType()));

        Assert.Equal(reflected, compiled);
        Assert.True(compiled.Length > 200, compiled);
    }

    [Theory]
    [MemberData(nameof(Documents))]
    public void Options_ContextDocument_ReadsBackToTheSameText(string name)
    {
        var document = Samples()[name];
        var info = RegRightsJson.Options.GetTypeInfo(document.GetType());
        var json = JsonSerializer.Serialize(document, info);

        var again = JsonSerializer.Serialize(JsonSerializer.Deserialize(json, info), info);

        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(json), JsonNode.Parse(again)), again);
    }

    [Fact]
    public void NamedEnumConverterFactory_EveryEnumInAContextDocument_Listed()
    {
        // The native CLI cannot make Converter<T> for an enum at run time: each one its documents hold must be listed.
        var listed = NamedEnumConverterFactory.ListedTypes.ToHashSet();
        var seen = new HashSet<Type>();
        var enums = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var document in Samples().Values)
        {
            Walk(ByReflection.GetTypeInfo(document.GetType()), seen, enums, listed);
        }

        Assert.Empty(enums);
        Assert.True(seen.Count(t => (Nullable.GetUnderlyingType(t) ?? t).IsEnum) >= 5, "the walk found too few enums to be a walk");
    }

    private static void Walk(JsonTypeInfo info, HashSet<Type> seen, SortedSet<string> missing, HashSet<Type> listed)
    {
        if (!seen.Add(info.Type))
        {
            return;
        }

        var type = Nullable.GetUnderlyingType(info.Type) ?? info.Type;
        if (type.IsEnum && !listed.Contains(type))
        {
            missing.Add(type.FullName!);
        }

        var next = info.Properties.Select(p => p.PropertyType)
            .Concat(info.ElementType is { } element ? [element] : [])
            .Concat(Nullable.GetUnderlyingType(info.Type) is { } underlying ? [underlying] : []);
        foreach (var t in next)
        {
            Walk(ByReflection.GetTypeInfo(t), seen, missing, listed);
        }
    }

    // One of each document the CLI writes, from the seed agreement.
    private static Dictionary<string, object> Samples()
    {
        var terms = AgreementTerms.NeoTherapeutics2000;
        var closing = new LocalDate(2000, 4, 28);
        var events = new List<AgreementEvent>
        {
            new("closing", AgreementEventKind.Closing, closing),
            new("filed", AgreementEventKind.Filed, new LocalDate(2000, 5, 26)),
            new("sec-comment-1", AgreementEventKind.SecCommentReceived, new LocalDate(2000, 6, 20)),
        };
        var sent = OffsetDateTimePattern.ExtendedIso.Parse("2000-05-26T14:00:00-07:00").GetValueOrThrow();
        var stamp = NoticeStamper.Default.Stamp(terms, [new Delivery(DeliveryMethod.Facsimile, sent)], Instant.FromUtc(2000, 5, 26, 21, 1));
        return new(StringComparer.Ordinal)
        {
            ["deadlines"] = DeadlinesDocument.From(DeadlineEngine.Compute(terms, events, new LocalDate(2000, 6, 1))),
            ["business-days"] = NonBusinessDaysDocument.From(
                BusinessDayCalendar.Section1.GetNotableDays(new DateInterval(new LocalDate(2001, 1, 1), new LocalDate(2001, 12, 31)))),
            ["stamp"] = NoticeStampResponse.From(stamp, terms.TimeZone),
            // The CLI reads a deal's terms (--terms): every enum in them, the cutback clause's filingFrom among them.
            ["terms (modern-pipe)"] = TermsDocument.From(AgreementTemplates.ModernPipe.Terms),
            ["trading-days --count"] = new CalendarCountDocument(
                "nyse", "Trading Day", new LocalDate(2012, 10, 25), 5, new LocalDate(2012, 11, 2), IsoDayOfWeek.Friday, null,
                NonBusinessDaysDocument.From(CalendarCatalog.Get("nyse").GetNotableDays(new DateInterval(new LocalDate(2012, 10, 26), new LocalDate(2012, 11, 2))))),
        };
    }

    private static JsonSerializerOptions ReflectionOnly()
    {
        var options = RegRightsJson.Configure(new JsonSerializerOptions(JsonSerializerDefaults.Web) { WriteIndented = true });
        options.TypeInfoResolver = new DefaultJsonTypeInfoResolver();
        options.MakeReadOnly();
        return options;
    }
}

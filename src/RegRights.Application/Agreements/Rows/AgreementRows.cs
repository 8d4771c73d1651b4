using RegRights.Contracts.Agreements;
using RegRights.Core.Agreements;
using Riok.Mapperly.Abstractions;

namespace RegRights.Application.Agreements.Rows;

/// <summary>
/// The one place an agreement's API document and its stored row meet (<see cref="AgreementRow"/>): member for member,
/// both ways, so that a document read back is the document stored. Mapperly generates the copies, and a member of
/// either side that maps to nothing fails the build; by hand are the stored names of the roles and the lists of objects.
/// </summary>
[Mapper(RequiredMappingStrategy = RequiredMappingStrategy.Both, EnabledConversions = MappingConversionType.Enumerable)]
public static partial class AgreementRows
{
    /// <summary>The row that stores <paramref name="document"/>.</summary>
    public static AgreementRow ToRow(AgreementDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        return Row(document);
    }

    /// <summary>The document <paramref name="row"/> stores.</summary>
    public static AgreementDocument ToDocument(AgreementRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        return Document(row);
    }

    /// <summary>The terms stored as <paramref name="json"/> (a <see cref="TermsRow"/>), over the seed's where it gives none.</summary>
    /// <exception cref="ArgumentException">A stored term is one this version refuses.</exception>
    public static AgreementTerms ReadTerms(string json) =>
        (ToDocument(StoredJson.FromJson<TermsRow>(json)) ?? new TermsDocument()).ToTerms();

    /// <summary>The row that stores <paramref name="terms"/>, or null.</summary>
    public static partial TermsRow? ToRow(TermsDocument? terms);

    /// <summary>The terms <paramref name="row"/> stores, or null.</summary>
    public static partial TermsDocument? ToDocument(TermsRow? row);

    private static partial AgreementRow Row(AgreementDocument document);

    private static partial AgreementDocument Document(AgreementRow row);

    private static partial PartyRow Row(PartyDocument party);

    private static partial PartyDocument Document(PartyRow party);

    private static partial TrancheAmountRow Row(TrancheAmountDocument amount);

    private static partial TrancheAmountDocument Document(TrancheAmountRow amount);

    private static partial ContactRow Row(ContactDocument contact);

    private static partial ContactDocument Document(ContactRow contact);

    private static partial ClosureRow Row(ClosureDocument closure);

    private static partial ClosureDocument Document(ClosureRow closure);

    private static partial CrossReferenceGapRow Row(CrossReferenceGapDocument gap);

    private static partial CrossReferenceGapDocument Document(CrossReferenceGapRow gap);

    private static partial NoticeRuleRow Row(NoticeRuleDocument rule);

    private static partial NoticeRuleDocument Document(NoticeRuleRow rule);

    // The lists of objects by hand: Mapperly trusts the element's annotation and would throw on a null element, which
    // the use case refuses in a request and the store keeps as given.
#pragma warning disable CA1859 // Mapperly takes a method for a member only where its types are the member's own.
    private static IReadOnlyList<PartyRow>? Rows(IReadOnlyList<PartyDocument>? parties) => Each(parties, Row);

    private static IReadOnlyList<PartyDocument>? Documents(IReadOnlyList<PartyRow>? parties) => Each(parties, Document);

    private static IReadOnlyList<TrancheAmountRow>? Rows(IReadOnlyList<TrancheAmountDocument>? amounts) => Each(amounts, Row);

    private static IReadOnlyList<TrancheAmountDocument>? Documents(IReadOnlyList<TrancheAmountRow>? amounts) => Each(amounts, Document);

    private static IReadOnlyList<ContactRow>? Rows(IReadOnlyList<ContactDocument>? contacts) => Each(contacts, Row);

    private static IReadOnlyList<ContactDocument>? Documents(IReadOnlyList<ContactRow>? contacts) => Each(contacts, Document);

    private static IReadOnlyList<ClosureRow>? Rows(IReadOnlyList<ClosureDocument>? closures) => Each(closures, Row);

    private static IReadOnlyList<ClosureDocument>? Documents(IReadOnlyList<ClosureRow>? closures) => Each(closures, Document);

    private static IReadOnlyList<CrossReferenceGapRow>? Rows(IReadOnlyList<CrossReferenceGapDocument>? gaps) => Each(gaps, Row);

    private static IReadOnlyList<CrossReferenceGapDocument>? Documents(IReadOnlyList<CrossReferenceGapRow>? gaps) => Each(gaps, Document);

    private static IReadOnlyList<NoticeRuleRow>? Rows(IReadOnlyList<NoticeRuleDocument>? rules) => Each(rules, Row);

    private static IReadOnlyList<NoticeRuleDocument>? Documents(IReadOnlyList<NoticeRuleRow>? rules) => Each(rules, Document);
#pragma warning restore CA1859

    private static string Name(PartyRole role) => PartyRoles[role];

    private static PartyRole PartyRoleOf(string role) => PartyRoles.Read(role);

    private static string Name(ContactRole role) => ContactRoles[role];

    private static ContactRole ContactRoleOf(string role) => ContactRoles.Read(role);

    private static readonly StoredNames<PartyRole> PartyRoles = new("party role", new()
    {
        [PartyRole.Company] = "company",
        [PartyRole.Holder] = "holder",
    });

    private static readonly StoredNames<ContactRole> ContactRoles = new("contact role", new()
    {
        [ContactRole.Company] = "company",
        [ContactRole.CompanyCounsel] = "companyCounsel",
        [ContactRole.Holder] = "holder",
        [ContactRole.HoldersCounsel] = "holdersCounsel",
        [ContactRole.SpecialCounsel] = "specialCounsel",
    });

    private static List<TOut>? Each<TIn, TOut>(IEnumerable<TIn>? items, Func<TIn, TOut> map)
        where TIn : class
        where TOut : class =>
        items?.Select(item => item is null ? null! : map(item)).ToList();
}

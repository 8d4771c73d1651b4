using RegRights.Core.Agreements;

namespace RegRights.Contracts.Agreements;

/// <summary>The templates an agreement can be created from (<c>GET /api/templates</c>).</summary>
/// <param name="Templates">Every template, the default first.</param>
public sealed record TemplatesDocument(IReadOnlyList<TemplateDocument> Templates)
{
    /// <summary>Every template of the catalog.</summary>
    public static TemplatesDocument FromCatalog() => new([.. AgreementTemplates.All.Select(TemplateDocument.From)]);
}

/// <summary>One template: its terms and which of them are template defaults to confirm against the signed agreement.</summary>
/// <param name="Name">The name an agreement's <c>template</c> gives.</param>
/// <param name="Title">What it is.</param>
/// <param name="Source">Where its terms come from.</param>
/// <param name="IsDefault">Whether an agreement that names none gets it.</param>
/// <param name="Terms">Its terms, every member filled.</param>
/// <param name="ToConfirm">
/// The terms (JSON member names) that are template defaults counsel should confirm against the signed agreement: every
/// term of <c>modern-pipe</c>, none of the seed's (read from the signed agreement).
/// </param>
/// <param name="Confirm">The mark in words, or null when there is nothing to confirm.</param>
public sealed record TemplateDocument(string Name, string Title, string Source, bool IsDefault, TermsDocument Terms,
    IReadOnlyList<string> ToConfirm, string? Confirm)
{
    private static readonly IReadOnlyList<string> TermNames = [.. RegRightsJson.TypeInfo<TermsDocument>().Properties.Select(p => p.Name)];

    internal static TemplateDocument From(AgreementTemplate template) => new(
        template.Name, template.Title, template.Source, template.Name == AgreementTemplates.DefaultName,
        TermsDocument.From(template.Terms),
        template.TermsAreDefaults ? TermNames : [],
        template.TermsAreDefaults
            ? "Template default: confirm each term against the signed agreement, and override any that differs."
            : null);
}

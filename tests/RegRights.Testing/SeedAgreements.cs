using RegRights.Contracts.Agreements;
using RegRights.Core.Agreements;

namespace RegRights.Testing;

/// <summary>
/// The seed agreement, the Registration Rights Agreement of April 28, 2000 between NeoTherapeutics, Inc. and its PIPE
/// purchasers (<c>../shared/reference</c>), as the tests send and store it: built here once, so a test says only what
/// it changes (<c>SeedAgreements.Document() with { … }</c>).
/// </summary>
public static class SeedAgreements
{
    /// <summary>The agreement's name.</summary>
    public const string Name = "Registration Rights Agreement dated April 28, 2000";

    /// <summary>The Company as § 6(h) addresses a notice to it: "NeoTherapeutics, Inc., Attention: Chief Financial Officer".</summary>
    public const string CompanyNoticeAddress = "NeoTherapeutics, Inc., Attention: Chief Financial Officer";

    /// <summary>§ 6(h) "If to the Company": the Chief Financial Officer of NeoTherapeutics, Inc., facsimile (949) 788-6706.</summary>
    public static ContactDocument CompanyCfo { get; } = new()
    {
        Name = "Chief Financial Officer", Role = ContactRole.Company, Represents = "NeoTherapeutics, Inc.", Facsimile = "(949) 788-6706",
    };

    /// <summary>§ 6(h) "With copies to": Alan W. Pettis, Esq., Latham &amp; Watkins, facsimile (714) 755-8290.</summary>
    public static ContactDocument CompanyCounsel { get; } = new()
    {
        Name = "Alan W. Pettis, Esq.", Role = ContactRole.CompanyCounsel, Represents = "Latham & Watkins", Facsimile = "(714) 755-8290",
    };

    /// <summary>§ 6(h) "If to the Purchasers", with copies to: Stephen C. Ferruolo, Esq., Heller, Ehrman, White &amp; McAuliffe, LLP, facsimile (858) 450-8499.</summary>
    public static ContactDocument HoldersCounsel { get; } = new()
    {
        Name = "Stephen C. Ferruolo, Esq.", Role = ContactRole.HoldersCounsel, Represents = "Heller, Ehrman, White & McAuliffe, LLP", Facsimile = "(858) 450-8499",
    };

    /// <summary>The seed's terms (<see cref="AgreementTerms.NeoTherapeutics2000"/>) as the API writes them.</summary>
    public static TermsDocument Terms => TermsDocument.From(AgreementTerms.NeoTherapeutics2000);

    /// <summary>
    /// The seed agreement: its name, its terms, the Company and one Holder (Royal Canadian Growth Fund) as parties, and
    /// the § 6(h) notice addresses as contacts: the Company's CFO, the Company's counsel, the Holders' counsel.
    /// </summary>
    /// <param name="companyCfo">
    /// Whether the Company's CFO is among the contacts (first); without it, company counsel is the first contact and
    /// the Holders' counsel the second, as the storage tests count them.
    /// </param>
    public static AgreementDocument Document(bool companyCfo = true) => new()
    {
        Name = Name,
        Terms = Terms,
        Parties =
        [
            new PartyDocument { Name = "NeoTherapeutics, Inc.", Role = PartyRole.Company, Address = "157 Technology Drive, Irvine, California 92618" },
            new PartyDocument { Name = "Royal Canadian Growth Fund", Role = PartyRole.Holder },
        ],
        Contacts = companyCfo ? [CompanyCfo, CompanyCounsel, HoldersCounsel] : [CompanyCounsel, HoldersCounsel],
    };
}

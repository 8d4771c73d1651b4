using System.Text.Json;
using RegRights.Application.Agreements.Rows;
using RegRights.Contracts;
using RegRights.Contracts.Agreements;

namespace RegRights.Application.UnitTests.Agreements.Rows;

/// <summary>What <see cref="AgreementRows"/> maps by hand beside Mapperly's copies: the lists of objects.</summary>
public sealed class AgreementRowsTest
{
    [Fact]
    public void NullElementOfEveryListOfObjects_IsKeptBothWays()
    {
        // The use case refuses a null element in a request; the store keeps what it is given, as it is given.
        var document = new AgreementDocument
        {
            Parties = [null!, new PartyDocument { Name = "Holder", TrancheAmounts = [null!] }],
            Contacts = [null!],
            Terms = new TermsDocument
            {
                Closures = [null!],
                CrossReferenceGaps = [null!],
                Notice = new NoticeClauseDocument { Rules = [null!] },
            },
        };

        var back = AgreementRows.ToDocument(AgreementRows.ToRow(document));

        Assert.Equal(ApiJson(document), ApiJson(back));
    }

    private static string ApiJson(AgreementDocument document) => JsonSerializer.Serialize(document, RegRightsJson.Options);
}

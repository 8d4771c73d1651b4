using System.Text.Json;
using RegRights.Contracts.Agreements;
using RegRights.Core.DelayPayments;

namespace RegRights.Contracts.UnitTests.Agreements;

public class PartyDocumentTest
{
    [Fact]
    public void ToSubscriptions_TheFirstClosingsAmountThenEachLaterClosings()
    {
        // Alpha paid $1,000,000 at the first closing and $500,000 at the "second closing"; the Company has none.
        var parties = JsonSerializer.Deserialize<IReadOnlyList<PartyDocument>>(
            """
            [{"name":"Alpha Fund LP","role":"holder","subscriptionAmount":{"amount":1000000,"currency":"USD"},
              "trancheAmounts":[{"tranche":"second closing","amount":{"amount":500000,"currency":"USD"}}]},
             {"name":"Acme, Inc.","role":"company"}]
            """, RegRightsJson.Options)!;

        Assert.Equal(
            [new HolderSubscription("Alpha Fund LP", Money.Usd(1_000_000m)), new HolderSubscription("Alpha Fund LP", Money.Usd(500_000m)) { Tranche = "second closing" }],
            parties.SelectMany(p => p.ToSubscriptions()));
    }
}

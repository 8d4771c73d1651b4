using RegRights.Core.Agreements;
using RegRights.Core.Deadlines;

namespace RegRights.Core.UnitTests.Deadlines;

public class ObligationCatalogTest
{
    [Fact]
    public void All_KeysAreDomainTableInOrder()
    {
        // DOMAIN.md "Deadlines and clocks": the keys are a contract with the API, the reminder ledger and the CLI.
        string[] expected =
        [
            "filing-date", "effectiveness-date", "pre-filing-review", "amendment-review", "filing-notice",
            "notice-confirmation", "sec-comment-response", "sticker-filing", "indemnity-payment", "piggyback-election",
            "registration-rights-standstill", "effectiveness-period-end",
        ];

        Assert.Equal(expected, ObligationCatalog.All.Select(o => o.Key));
    }

    [Theory]
    [InlineData("filing-date", 30)] // § 1
    [InlineData("effectiveness-date", 120)] // § 1
    [InlineData("sec-comment-response#2", 10)] // § 3(b)(iii), an instance key
    [InlineData("indemnity-payment", 10)] // § 5(c), Business Days
    [InlineData("registration-rights-standstill", 120)] // § 6(b), Business Days
    public void Find_DaysComeFromTheTerms(string key, int days)
    {
        var obligation = ObligationCatalog.Find(key);

        Assert.NotNull(obligation);
        Assert.Equal(days, obligation.DaysUnder(AgreementTerms.NeoTherapeutics2000));
    }

    [Fact]
    public void DaysUnder_AnotherDealsFilingDays()
    {
        var terms = AgreementTerms.NeoTherapeutics2000 with { FilingDays = 45 };

        Assert.Equal(45, ObligationCatalog.FilingDate.DaysUnder(terms));
    }

    [Fact]
    public void Find_UnknownKey_IsNull()
    {
        Assert.Null(ObligationCatalog.Find("closing-date"));
    }
}

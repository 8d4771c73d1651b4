using RegRights.Core.Agreements;
using RegRights.Core.Deadlines;
using RegRights.Core.Reminders;

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

    [Theory]
    [InlineData("filing-date#abc")] // not an instance number
    [InlineData("sec-comment-response#0")] // instances count from 1
    [InlineData("sec-comment-response#02")] // not the text the schedule writes
    public void Find_MalformedInstanceKey_IsNull(string key)
    {
        Assert.Null(ObligationCatalog.Find(key));
    }

    [Fact]
    public void Name_IsTheDefinedTermWhereTheAgreementHasOne()
    {
        // § 1 defines "Filing Date" and "Effectiveness Date"; every other deadline is named by its title.
        Assert.Equal("Filing Date", ObligationCatalog.FilingDate.Name);
        Assert.Equal("Effectiveness Date", ObligationCatalog.EffectivenessDate.Name);
        Assert.All(ObligationCatalog.All.Concat(ObligationCatalog.Deal).Skip(2), o =>
        {
            Assert.Null(o.DefinedTerm);
            Assert.Equal(o.Title, o.Name);
        });
    }

    [Fact]
    public void Audience_EachEntryNamesItsRoles()
    {
        // The table the reminders go by: § 3(a) and § 3(d) name the Special Counsel; § 3(b)(iii) comment responses, the
        // § 6(b) standstill and the informational horizon are the Company's own affairs; the rest concern the Holders.
        var expected = new Dictionary<string, IReadOnlyList<RecipientRole>>
        {
            ["filing-date"] = ReminderAudience.WithHolders,
            ["effectiveness-date"] = ReminderAudience.WithHolders,
            ["pre-filing-review"] = ReminderAudience.WithSpecialCounsel,
            ["amendment-review"] = ReminderAudience.WithSpecialCounsel,
            ["filing-notice"] = ReminderAudience.WithSpecialCounsel,
            ["notice-confirmation"] = ReminderAudience.WithSpecialCounsel,
            ["sec-comment-response"] = ReminderAudience.CompanyOnly,
            ["sticker-filing"] = ReminderAudience.WithHolders,
            ["indemnity-payment"] = ReminderAudience.WithHolders,
            ["piggyback-election"] = ReminderAudience.WithHolders,
            ["registration-rights-standstill"] = ReminderAudience.CompanyOnly,
            ["effectiveness-period-end"] = ReminderAudience.CompanyOnly,
            ["filing-failure-payment"] = ReminderAudience.WithHolders,
            ["effectiveness-failure-payment"] = ReminderAudience.WithHolders,
            ["maintenance-failure-payment"] = ReminderAudience.WithHolders,
            ["suspension-advice"] = ReminderAudience.WithHolders,
            ["additional-filing"] = ReminderAudience.WithHolders,
            ["additional-effectiveness"] = ReminderAudience.WithHolders,
        };

        Assert.Equal(expected.Keys, ObligationCatalog.All.Concat(ObligationCatalog.Deal).Select(o => o.Key));
        Assert.All(ObligationCatalog.All.Concat(ObligationCatalog.Deal), o => Assert.Same(expected[o.Key], o.Audience));
    }
}

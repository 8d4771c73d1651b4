using RegRights.Contracts.Agreements;
using RegRights.Core.Agreements;
using RegRights.Core.Calendars;

namespace RegRights.Contracts.UnitTests.Agreements;

public class AdditionalRegistrationDocumentTest
{
    [Fact]
    public void From_Seed_SaysThereIsNone()
    {
        var document = TermsDocument.From(AgreementTerms.NeoTherapeutics2000).AdditionalRegistration!;

        Assert.True(document.None);
        Assert.Null(document.Section);
        Assert.Null(document.FilingDays);
    }

    [Theory]
    [InlineData("neotherapeutics-2000")]
    [InlineData("modern-pipe")]
    public void FromAndToTerms_RoundTrip(string template)
    {
        var terms = AgreementTemplates.Get(template).Terms;

        var back = TermsDocument.From(terms).ToTerms(AgreementTerms.NeoTherapeutics2000);

        Assert.Equal(terms.AdditionalRegistration, back.AdditionalRegistration);
    }

    [Fact]
    public void ToTerms_OverTheTemplate_TakesTheDealsClause()
    {
        var document = new TermsDocument
        {
            AdditionalRegistration = new() { Section = "§ 2(c)", FilingDays = 30, FilingFrom = CutbackStart.CutbackNotice, EffectivenessDays = 90, Roll = RollRule.Following },
        };

        var clause = document.ToTerms(AgreementTemplates.ModernPipe.Terms).AdditionalRegistration;

        Assert.Equal(("§ 2(c)", 30, CutbackStart.CutbackNotice, 90, (int?)null, (RollRule?)RollRule.Following),
            (clause.Section, clause.FilingDays, clause.FilingFrom, clause.EffectivenessDays, clause.ReviewedEffectivenessDays, clause.Roll));
    }

    [Theory]
    [InlineData(true, "§ 2(b)", 45, 60, null, "additionalRegistration.section")] // none, and a clause given
    [InlineData(null, null, 45, 60, null, "additionalRegistration.section")] // no section
    [InlineData(null, "§ 2(b)", null, 60, null, "additionalRegistration.filingDays")]
    [InlineData(null, "§ 2(b)", 45, null, null, "additionalRegistration.effectivenessDays")]
    [InlineData(null, "§ 2(b)", 1001, 60, null, "additionalRegistration.filingDays")] // beyond 1000 days
    [InlineData(null, "§ 2(b)", 45, 60, -1, "additionalRegistration.reviewedEffectivenessDays")]
    [InlineData(null, "", 45, 60, null, "additionalRegistration.section")] // an empty section
    public void ToTerms_BadClause_IsRefusedAtItsMember(bool? none, string? section, int? filingDays, int? effectivenessDays, int? reviewed, string path)
    {
        var document = new TermsDocument
        {
            AdditionalRegistration = new() { None = none, Section = section, FilingDays = filingDays, EffectivenessDays = effectivenessDays, ReviewedEffectivenessDays = reviewed },
        };

        var ex = Assert.ThrowsAny<ArgumentException>(() => document.ToTerms());

        Assert.Equal(path, ex.ParamName);
    }
}

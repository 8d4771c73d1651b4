using NodaTime;
using RegRights.Application;
using RegRights.Application.Agreements;
using RegRights.Application.Agreements.Rows;
using RegRights.Contracts.Agreements;
using RegRights.Core.Agreements;
using RegRights.Testing;

namespace RegRights.Application.UnitTests.Agreements;

/// <summary>What a stored agreement gives the deadline index: its terms whole, as the scan reads them back.</summary>
public sealed class StoredAgreementTest
{
    [Fact]
    public void StoredTerms_ModernDealOverridingOnlyItsFilingDays_ReadBackInTheTemplatesZoneAndCalendar()
    {
        // Arrange: a modern-pipe agreement whose terms name only the Filing Deadline's 30 days.
        var document = SeedAgreements.Document() with { Template = AgreementTemplates.ModernPipe.Name, Terms = new TermsDocument { FilingDays = 30 } };
        var agreement = new StoredAgreement("0123456789abcdef0123456789abcdef", default, document, 0, Instant.FromUtc(2024, 1, 2, 15, 0), Instant.FromUtc(2024, 1, 2, 15, 0));

        // Act: as the reminder scan reads an index row's terms, with no template to fill them.
        var read = AgreementRows.ReadTerms(StoredJson.ToJson(agreement.StoredTerms));

        // Assert: New York and the template's calendars, not the seed's California ones; the override kept.
        Assert.Equal("America/New_York", read.TimeZone.Id);
        Assert.Equal(30, read.FilingDays);
        Assert.Equal(AgreementTemplates.ModernPipe.Terms with { FilingDays = 30 }, read);
    }
}

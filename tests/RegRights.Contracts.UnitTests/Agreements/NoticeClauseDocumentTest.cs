using NodaTime;
using RegRights.Contracts.Agreements;
using RegRights.Core.Agreements;
using RegRights.Core.Notices;

namespace RegRights.Contracts.UnitTests.Agreements;

/// <summary>The notice clause in the terms document: by name, with a table of its own, and refused at the path at fault.</summary>
public class NoticeClauseDocumentTest
{
    private static AgreementTerms Read(string termsJson) =>
        RegRightsJson.Read<TermsDocument>(System.Text.Encoding.UTF8.GetBytes(termsJson)).Value!.ToTerms();

    [Fact]
    public void Terms_WithoutNotice_AreTheSeedClause_AndWriteItByNameAlone()
    {
        var terms = new TermsDocument().ToTerms();

        Assert.Same(NoticeClause.NeoTherapeutics2000, terms.NoticeClause);
        Assert.Equal(new NoticeClauseDocument { Clause = "neotherapeutics-2000" }, TermsDocument.From(terms).Notice);
    }

    [Fact]
    public void Terms_NamingTheModernClause_RoundTrip()
    {
        var terms = Read("""{"notice":{"clause":"modern-email"}}""");

        Assert.Same(NoticeClause.ModernEmail, terms.NoticeClause);
        Assert.Equal(terms, TermsDocument.From(terms).ToTerms());
    }

    [Fact]
    public void Terms_WithATableOfTheirOwn_StampUnderIt_AndRoundTrip()
    {
        // A deal whose e-mail is effective "at or prior to 5:00 p.m." on a New York bank Business Day, courier the third
        // Business Day after deposit. 5:00:00 p.m. on Wednesday 2025-01-08 is then that day, under Section 9(a).
        var terms = Read("""
            {"notice":{"clause":"modern-email","calendar":"new-york-banks","rules":[
              {"method":"email","kind":"sameDayBeforeCutoff","section":"Section 9(a)","nextDaySection":"Section 9(b)","cutoff":"17:00:00","sameDayAtCutoff":true,"nextDayOnNonBusinessDay":true},
              {"method":"courier","kind":"businessDaysAfterSending","section":"Section 9(c)","days":3}]}}
            """);

        var stamp = NoticeStamper.Default.Stamp(terms, [new Delivery(DeliveryMethod.Email, new OffsetDateTime(new LocalDateTime(2025, 1, 8, 17, 0), Offset.FromHours(-5)))],
            Instant.FromUtc(2025, 1, 8, 23, 0));

        Assert.Equal(("Section 9(a)", new LocalDate(2025, 1, 8)), (stamp.Section, stamp.EffectiveDate));
        Assert.Contains("at or prior to 5:00 p.m.", stamp.Explanation, StringComparison.Ordinal);
        var document = TermsDocument.From(terms).Notice!;
        Assert.Equal(("modern-email", "new-york-banks", 2), (document.Clause, document.Calendar, document.Rules?.Count));
        Assert.Equal(terms, TermsDocument.From(terms).ToTerms());
    }

    [Theory]
    [InlineData("""{"notice":{"clause":"modern"}}""", "notice.clause")]
    [InlineData("""{"notice":{"calendar":"lse"}}""", "notice.calendar")]
    [InlineData("""{"notice":{"timeZone":"Mars/Olympus"}}""", "notice.timeZone")]
    [InlineData("""{"notice":{"rules":[{"method":"email","kind":"sameDayBeforeCutoff","section":"9(a)","nextDaySection":"9(b)","cutoff":"17:00:00","lateBound":"16:00:00"}]}}""", "notice.rules[0]")]
    [InlineData("""{"notice":{"rules":[{"method":"email","kind":"sameDayBeforeCutoff","section":"9(a)","cutoff":"17:00:00"}]}}""", "notice.rules[0].nextDaySection")]
    [InlineData("""{"notice":{"rules":[{"method":"email","kind":"onReceipt","section":" 9(a)"}]}}""", "notice.rules[0].section")]
    [InlineData("""{"notice":{"rules":[{"method":"courier","kind":"businessDaysAfterSending","section":"9(c)","days":31}]}}""", "notice.rules[0].days")]
    [InlineData("""{"faxLateBound":"22:00:00","notice":{"clause":"modern-email"}}""", "FaxLateBound")]
    public void Terms_WithABadClause_AreRefusedAtThePath(string termsJson, string path)
    {
        var error = Assert.ThrowsAny<ArgumentException>(() => Read(termsJson));

        Assert.Equal(path, error.ParamName);
    }

    [Fact]
    public void Terms_NamingTheSeedClause_KeepTheirOwnFaxTimes()
    {
        // faxCutoff still sets the seed table's cut-off: 2:30 p.m. makes a 2:15 p.m. fax on a Business Day § 6(h)(i).
        var terms = Read("""{"faxCutoff":"14:30:00","notice":{"clause":"neotherapeutics-2000"}}""");

        var stamp = NoticeStamper.Default.Stamp(terms, [new Delivery(DeliveryMethod.Facsimile, new OffsetDateTime(new LocalDateTime(2000, 5, 26, 14, 15), Offset.FromHours(-7)))],
            Instant.FromUtc(2000, 5, 26, 22, 0));

        Assert.Equal(("6(h)(i)", new LocalDate(2000, 5, 26)), (stamp.Section, stamp.EffectiveDate));
    }
}

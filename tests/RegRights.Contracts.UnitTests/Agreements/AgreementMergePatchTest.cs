using System.Text;
using System.Text.Json.Nodes;
using RegRights.Contracts.Agreements;
using RegRights.Core.Agreements;

namespace RegRights.Contracts.UnitTests.Agreements;

public sealed class AgreementMergePatchTest
{
    // RFC 7396 Appendix A, each target, patch and result as the RFC gives them.
    [Theory]
    [InlineData("""{"a":"b"}""", """{"a":"c"}""", """{"a":"c"}""")]
    [InlineData("""{"a":"b"}""", """{"b":"c"}""", """{"a":"b","b":"c"}""")]
    [InlineData("""{"a":"b"}""", """{"a":null}""", """{}""")]
    [InlineData("""{"a":"b","b":"c"}""", """{"a":null}""", """{"b":"c"}""")]
    [InlineData("""{"a":["b"]}""", """{"a":"c"}""", """{"a":"c"}""")]
    [InlineData("""{"a":"c"}""", """{"a":["b"]}""", """{"a":["b"]}""")]
    [InlineData("""{"a":{"b":"c"}}""", """{"a":{"b":"d","c":null}}""", """{"a":{"b":"d"}}""")]
    [InlineData("""{"a":[{"b":"c"}]}""", """{"a":[1]}""", """{"a":[1]}""")]
    [InlineData("""["a","b"]""", """["c","d"]""", """["c","d"]""")]
    [InlineData("""{"a":"b"}""", """["c"]""", """["c"]""")]
    [InlineData("""{"a":"foo"}""", "null", "null")]
    [InlineData("""{"a":"foo"}""", "\"bar\"", "\"bar\"")]
    [InlineData("""{"e":null}""", """{"a":1}""", """{"e":null,"a":1}""")]
    [InlineData("""[1,2]""", """{"a":"b","c":null}""", """{"a":"b"}""")]
    [InlineData("""{}""", """{"a":{"bb":{"ccc":null}}}""", """{"a":{"bb":{}}}""")]
    public void Merge_IsRfc7396(string target, string patch, string expected)
    {
        var merged = AgreementMergePatch.Merge(JsonNode.Parse(target), JsonNode.Parse(patch));

        Assert.Equal(expected, merged?.ToJsonString() ?? "null");
    }

    [Fact]
    public void Apply_OneTerm_ChangesThatTermAndKeepsTheRest()
    {
        var current = new AgreementDocument { Name = "RRA", Terms = TermsDocument.From(AgreementTerms.NeoTherapeutics2000), Parties = [], Contacts = [] };

        var result = AgreementMergePatch.Apply(current, """{"terms":{"filingDays":45}}"""u8);

        Assert.True(result.Success, string.Join("; ", result.Errors.Keys));
        Assert.Equal(Json(current with { Terms = current.Terms! with { FilingDays = 45 } }), Json(result.Value));
    }

    [Fact]
    public void Apply_NullForAnOptionalMemberInAnObject_RemovesIt()
    {
        // A party's address is optional; parties are an array, so the patch sends the array whole, address null.
        var current = new AgreementDocument
        {
            Name = "RRA", Terms = TermsDocument.From(AgreementTerms.NeoTherapeutics2000), Contacts = [],
            Parties = [new PartyDocument { Name = "NeoTherapeutics, Inc.", Role = PartyRole.Company, Address = "157 Technology Drive" }],
        };

        var result = AgreementMergePatch.Apply(current, Encoding.UTF8.GetBytes("""{"parties":[{"name":"NeoTherapeutics, Inc.","role":"company","address":null}]}"""));

        Assert.Null(Assert.Single(result.Value.Parties!).Address);
    }

    private static string Json(AgreementDocument document) => System.Text.Json.JsonSerializer.Serialize(document, RegRightsJson.Options);

    [Fact]
    public void Apply_SeveralBadMembers_NamesEach()
    {
        var current = new AgreementDocument { Name = "RRA", Terms = TermsDocument.From(AgreementTerms.NeoTherapeutics2000), Parties = [], Contacts = [] };

        var result = AgreementMergePatch.Apply(current, """{"nmae":"x","terms":{"filingDay":1,"roll":null},"contacts":null}"""u8);

        Assert.Equal(["$.contacts", "$.nmae", "$.terms.filingDay", "$.terms.roll"], result.Errors.Keys.Order(StringComparer.Ordinal));
    }
}

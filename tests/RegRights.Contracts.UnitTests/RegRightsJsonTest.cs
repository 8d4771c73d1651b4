using System.Text.Json;
using NodaTime;
using NodaTime.Text;
using RegRights.Contracts.Notices;
using RegRights.Core.Agreements;
using RegRights.Core.Notices;

namespace RegRights.Contracts.UnitTests;

/// <summary>The shared JSON settings, checked on the text itself: what a person or a script reads.</summary>
public partial class RegRightsJsonTest
{
    [Fact]
    public void Options_StampDocument_SectionSignsAndOffsetsAreLiteral()
    {
        // A fax from Bombay at 3:35 a.m. IST Saturday is 3:05 p.m. PDT Friday 2000-05-26: § 6(h)(ii). The offset
        // "+05:30" and every "§" must be written as they are, not as \u002B and \u00A7.
        var sent = OffsetDateTimePattern.ExtendedIso.Parse("2000-05-27T03:35:00+05:30").GetValueOrThrow();
        var stamp = NoticeStamper.Default.Stamp(
            AgreementTerms.NeoTherapeutics2000, [new Delivery(DeliveryMethod.Facsimile, sent)], Instant.FromUtc(2000, 5, 26, 22, 6));

        var json = JsonSerializer.Serialize(NoticeStampResponse.From(stamp, AgreementTerms.NeoTherapeutics2000.TimeZone), RegRightsJson.Options);

        Assert.Contains("\"sentAt\": \"2000-05-27T03:35:00+05:30\"", json, StringComparison.Ordinal);
        Assert.Contains("§ 6(h)(ii): effective the Business Day after the date of transmission", json, StringComparison.Ordinal);
        Assert.DoesNotContain("\\u", json, StringComparison.Ordinal);
    }

    [Fact]
    public void Options_QuotesAndControlCharacters_StillEscaped()
    {
        // Relaxed is not raw: the text stays valid JSON and reads back unchanged.
        var text = "He said \"§ 6(h)\"\\\n\t<fax>";

        var json = JsonSerializer.Serialize(new { text }, RegRightsJson.Options);

        Assert.Contains("\"He said \\\"§ 6(h)\\\"\\\\\\n\\t<fax>\"", json, StringComparison.Ordinal);
        Assert.Equal(text, JsonDocument.Parse(json).RootElement.GetProperty("text").GetString());
    }
}

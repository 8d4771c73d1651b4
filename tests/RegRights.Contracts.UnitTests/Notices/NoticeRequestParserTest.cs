using System.Text.Json;
using NodaTime;
using RegRights.Contracts.Notices;
using RegRights.Core.Agreements;
using RegRights.Core.Notices;

namespace RegRights.Contracts.UnitTests.Notices;

/// <summary>Requests are read strictly: a time needs its offset, a method must be known, each error names its field.</summary>
public class NoticeRequestParserTest
{
    private static readonly AgreementTerms Terms = AgreementTerms.NeoTherapeutics2000;

    private static RequestResult<IReadOnlyList<Delivery>> Parse(string json) =>
        NoticeRequestParser.Parse(JsonSerializer.Deserialize<StampNoticeRequest>(json, RegRightsJson.Options), Terms);

    [Theory]
    [InlineData("sentAt", "2000-05-26T15:05:00-07:00\\u0000")]
    [InlineData("receivedAt", "2000-05-30T16:00:00Z\\u0000junk")]
    [InlineData("trackingNumber", "7901\\r\\nX-Injected: 1")]
    public void Parse_ControlCharacter_RefusedAtItsPath(string member, string value)
    {
        // NodaTime's parser stops at a NUL, so "…-07:00\u0000" would read as the time before it: refused, not trimmed.
        var delivery = new Dictionary<string, string>
        {
            ["method"] = "\"courier\"",
            ["sentAt"] = "\"2000-05-26T15:05:00-07:00\"",
            [member] = $"\"{value}\"",
        };
        var json = "{\"deliveries\":[{" + string.Join(",", delivery.Select(kv => $"\"{kv.Key}\":{kv.Value}")) + "}]}";

        var result = Parse(json);

        Assert.False(result.Success);
        Assert.Contains("Control characters", Assert.Single(result.Errors[$"deliveries[0].{member}"]), StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_FaxAndCourier_KeepsOffsetsAndNumbers()
    {
        // The sender's offsets are kept as given: -07:00 is PDT, Z is UTC; both are the same kind of claim.
        var result = Parse("""
            {"deliveries":[
              {"method":"facsimile","sentAt":"2000-05-26T15:05:00-07:00","faxNumber":"(949) 788-6706"},
              {"method":"courier","sentAt":"2000-05-26T22:05:00Z","receivedAt":"2000-05-30T16:00:00Z","trackingNumber":"7901"}
            ]}
            """);

        Assert.True(result.Success, string.Join("; ", result.Errors.Keys));
        var fax = result.Value[0];
        var courier = result.Value[1];
        Assert.Equal(DeliveryMethod.Facsimile, fax.Method);
        Assert.Equal(new LocalDateTime(2000, 5, 26, 15, 5).WithOffset(Offset.FromHours(-7)), fax.SentAt);
        Assert.Equal("(949) 788-6706", fax.FaxNumber);
        Assert.Equal(DeliveryMethod.Courier, courier.Method);
        Assert.Equal(Offset.Zero, courier.SentAt.Offset);
        Assert.Equal(Instant.FromUtc(2000, 5, 30, 16, 0), courier.ReceivedAt?.ToInstant());
        Assert.Equal("7901", courier.TrackingNumber);
    }

    [Fact]
    public void Parse_SentAtWithoutOffset_NamesTheField()
    {
        // 15:05 on 2000-05-26 is a different moment in every zone; the stamp is never built on a guess.
        var result = Parse("""{"deliveries":[{"method":"facsimile","sentAt":"2000-05-26T15:05:00"}]}""");

        Assert.False(result.Success);
        var message = Assert.Single(Assert.Contains("deliveries[0].sentAt", result.Errors));
        Assert.Contains("no UTC offset", message, StringComparison.Ordinal);
        Assert.Throws<InvalidOperationException>(() => result.Value);
    }

    [Fact]
    public void Parse_ReceivedAtWithoutOffset_NamesTheField()
    {
        var result = Parse("""
            {"deliveries":[
              {"method":"courier","sentAt":"2000-05-26T15:05:00-07:00"},
              {"method":"email","sentAt":"2000-05-26T15:05:00-07:00","receivedAt":"2000-05-26T15:06:00"}
            ]}
            """);

        Assert.Equal(["deliveries[1].receivedAt"], result.Errors.Keys);
    }

    [Theory]
    [InlineData("fax")] // an alias, not a method name: the list is closed
    [InlineData("Facsimile")] // names are camelCase, as the response writes them
    [InlineData("telegram")] // not a method at all
    public void Parse_UnknownMethod_NamesTheField(string method)
    {
        var result = Parse($$"""{"deliveries":[{"method":"{{method}}","sentAt":"2000-05-26T15:05:00-07:00"}]}""");

        var message = Assert.Single(Assert.Contains("deliveries[0].method", result.Errors));
        Assert.Contains("facsimile, courier, email, mail, hand", message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{}""")] // no deliveries at all
    [InlineData("""{"deliveries":[]}""")] // an empty list
    public void Parse_NoDeliveries_NamesDeliveries(string json)
    {
        var result = Parse(json);

        Assert.Equal(["deliveries"], result.Errors.Keys);
    }

    [Fact]
    public void Parse_SeveralErrors_AreAllReported()
    {
        var result = Parse("""{"deliveries":[{"method":"pigeon","sentAt":"yesterday"},{"sentAt":"2000-05-26T15:05:00Z"}]}""");

        Assert.Equal(
            ["deliveries[0].method", "deliveries[0].sentAt", "deliveries[1].method"],
            result.Errors.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Parse_DateOutsideCalendar_NamesTheField()
    {
        // 1970-12-31 in California precedes the Business Day calendar (1971-01-01 onwards).
        var result = Parse("""{"deliveries":[{"method":"mail","sentAt":"1971-01-01T07:00:00Z"}]}""");

        Assert.Contains("deliveries[0].sentAt", result.Errors);
    }

    [Fact]
    public void Parse_DateOutsideCalendarInNewYorkAgreement_NamesNewYorkTime()
    {
        // Arrange: 04:30 UTC on 1971-01-01 is 11:30 p.m. EST on 1970-12-31 in New York, before the calendar starts.
        var newYork = Terms with { TimeZone = DateTimeZoneProviders.Tzdb["America/New_York"] };
        var request = JsonSerializer.Deserialize<StampNoticeRequest>(
            """{"deliveries":[{"method":"mail","sentAt":"1971-01-01T04:30:00Z"}]}""", RegRightsJson.Options);

        // Act
        var result = NoticeRequestParser.Parse(request, newYork);

        // Assert
        var message = Assert.Single(result.Errors["deliveries[0].sentAt"]);
        Assert.StartsWith("'1971-01-01T04:30:00Z' falls on 1970-12-31 in New York time, outside the supported range", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_NullRequest_IsAnError()
    {
        var result = NoticeRequestParser.Parse(null, Terms);

        Assert.False(result.TryGetValue(out _));
        Assert.Contains("deliveries", result.Errors);
    }
}

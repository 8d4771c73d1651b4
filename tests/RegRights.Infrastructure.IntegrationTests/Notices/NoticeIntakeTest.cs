using Microsoft.Extensions.Options;
using NodaTime;
using NodaTime.Testing;
using RegRights.Contracts.Notices;
using RegRights.Infrastructure.IntegrationTests.Storage;
using RegRights.Infrastructure.Notices;
using RegRights.Infrastructure.Storage;

namespace RegRights.Infrastructure.IntegrationTests.Notices;

/// <summary>The intake's own field checks, over Azurite: each refusal names its field and stores nothing.</summary>
[Collection(StorageTests.Name)]
public sealed class NoticeIntakeTest(StorageFixture fixture)
{
    private static readonly Instant Now = Instant.FromUtc(2000, 5, 26, 22, 6);

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Theory]
    // A record's reader follows the link: javascript: would run, file: would open something on the reader's machine.
    [InlineData("javascript:alert(1)")]
    [InlineData("file:///etc/passwd")]
    [InlineData("ftp://dms.example/notice.pdf")]
    public async Task ReceiveAsync_DocumentUriNotAWebAddress_InvalidAtDocumentUri(string uri)
    {
        // Act
        var (result, stored) = await ReceiveAsync(Request() with { DocumentUri = uri });

        // Assert
        var invalid = Assert.IsType<NoticeIntakeResult.Invalid>(result);
        Assert.Equal(["documentUri"], invalid.Errors.Keys);
        Assert.Empty(stored);
    }

    [Theory]
    [InlineData("Royal Canadian\0Growth Fund")]
    [InlineData("Royal Canadian Growth Fund\r\nBcc: everyone")]
    public async Task ReceiveAsync_SenderWithNulOrLineBreak_InvalidAtSender(string sender)
    {
        // Act
        var (result, stored) = await ReceiveAsync(Request() with { Sender = sender });

        // Assert
        var invalid = Assert.IsType<NoticeIntakeResult.Invalid>(result);
        Assert.StartsWith("Control characters", Assert.Single(invalid.Errors["sender"]), StringComparison.Ordinal);
        Assert.Empty(stored);
    }

    [Fact]
    public async Task ReceiveAsync_HttpsDocumentAndFiveHundredEmoji_Stamped()
    {
        // 500 emoji are 1,000 UTF-16 units but 500 characters as a reader counts them: within the limit.
        var (result, stored) = await ReceiveAsync(Request() with
        {
            Kind = string.Concat(Enumerable.Repeat("\U0001F4E0", NoticeIntake.MaxText)),
            DocumentUri = "https://dms.example/notices/42.pdf",
        });

        Assert.IsType<NoticeIntakeResult.Accepted>(result);
        Assert.Single(stored);
    }

    private static NoticeIntakeRequest Request() => new()
    {
        Sender = "Royal Canadian Growth Fund",
        Recipient = "NeoTherapeutics, Inc., Attention: Chief Financial Officer",
        Kind = "Request for registration",
        Deliveries = [new DeliveryRequest { Method = "facsimile", SentAt = "2000-05-26T14:05:00-07:00", FaxNumber = "(949) 788-6706" }],
    };

    private async Task<(NoticeIntakeResult Result, IReadOnlyList<Contracts.Notices.NoticeDocument> Stored)> ReceiveAsync(NoticeIntakeRequest request)
    {
        var tables = await fixture.CreateTablesAsync();
        var agreements = new AgreementStore(tables);
        var agreement = await agreements.CreateAsync(AgreementStoreTest.Seed(), Now, Cancel);
        var clock = new FakeClock(Now);
        using var terms = new AgreementTermsCache(agreements, Options.Create(new NoticeIntakeOptions()), clock);
        var intake = new NoticeIntake(agreements, terms, new NoticeStore(tables), clock);

        var result = await intake.ReceiveAsync("local", "msg_1", "{}"u8.ToArray(), request with { AgreementId = agreement.Id }, Cancel);
        return (result, (await intake.ListAsync(agreement.Id, Cancel))!);
    }
}

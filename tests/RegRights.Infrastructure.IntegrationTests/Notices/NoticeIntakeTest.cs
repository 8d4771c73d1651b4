using Microsoft.Extensions.Options;
using NodaTime;
using NodaTime.Testing;
using RegRights.Application.Agreements;
using RegRights.Application.Notices;
using RegRights.Contracts.Notices;
using RegRights.Infrastructure.IntegrationTests.Storage;
using RegRights.Infrastructure.Storage;
using RegRights.Testing;

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

    [Fact]
    public async Task ReceiveAsync_SeveralBadFields_EveryErrorAtOnceInTheAgreementsOwnZone()
    {
        // Arrange: a New York agreement; the deliveries are read once, against its terms, so the range error names its
        // zone, and the missing sender is reported beside it.
        var tables = await fixture.CreateTablesAsync();
        var agreements = new TableAgreementStore(tables);
        var seed = SeedAgreements.Document(companyCfo: false);
        var newYork = await agreements.CreateAsync(seed with { Terms = seed.Terms! with { TimeZone = "America/New_York" } }, Now, Cancel);
        var intake = Intake(tables, agreements);
        var request = Request() with
        {
            AgreementId = newYork.Id,
            Sender = "",
            Deliveries = [new DeliveryRequest { Method = "facsimile", SentAt = "2100-12-01T12:00:00-05:00" }, new DeliveryRequest { Method = "pigeon", SentAt = "2000-05-26T14:05:00-04:00" }],
        };

        // Act
        var result = await intake.ReceiveAsync("local", "msg_1", "{}"u8.ToArray(), request, Cancel);

        // Assert
        var invalid = Assert.IsType<NoticeIntakeResult.Invalid>(result);
        Assert.Equal(["deliveries[0].sentAt", "deliveries[1].method", "sender"], invalid.Errors.Keys.Order(StringComparer.Ordinal));
        Assert.Contains("New York time", Assert.Single(invalid.Errors["deliveries[0].sentAt"]), StringComparison.Ordinal);
        Assert.Empty((await intake.ListAsync(newYork.Id, Cancel))!);
    }

    [Fact]
    public async Task ReceiveAsync_UnknownAgreementAndBadField_InvalidBeforeNotFound()
    {
        // An id of the right shape that no agreement has: the field errors come first, read in the seed's zone.
        var tables = await fixture.CreateTablesAsync();
        var intake = Intake(tables, new TableAgreementStore(tables));

        var result = await intake.ReceiveAsync("local", "msg_1", "{}"u8.ToArray(), Request() with { AgreementId = new string('a', 32), Kind = null }, Cancel);
        var missing = await intake.ReceiveAsync("local", "msg_2", "{}"u8.ToArray(), Request() with { AgreementId = new string('a', 32) }, Cancel);

        Assert.Equal(["kind"], Assert.IsType<NoticeIntakeResult.Invalid>(result).Errors.Keys);
        Assert.IsType<NoticeIntakeResult.AgreementNotFound>(missing);
    }

    [Fact]
    public async Task ReceiveAsync_TermsKept_OneTableCallPerNotice()
    {
        // Arrange: the first notice reads the agreement's terms; the next ones find them kept.
        var counter = new RequestCounter();
        var tables = await fixture.CreateTablesAsync(counter);
        var agreements = new TableAgreementStore(tables);
        var agreement = await agreements.CreateAsync(SeedAgreements.Document(companyCfo: false), Now, Cancel);
        var intake = Intake(tables, agreements);
        await intake.ReceiveAsync("local", "msg_0", "{}"u8.ToArray(), Request() with { AgreementId = agreement.Id }, Cancel);
        counter.Reset();

        // Act
        var result = await intake.ReceiveAsync("local", "msg_1", "{}"u8.ToArray(), Request() with { AgreementId = agreement.Id }, Cancel);

        // Assert: the notice's conditional insert, and nothing else.
        Assert.IsType<NoticeIntakeResult.Accepted>(result);
        Assert.Equal(["POST"], counter.Methods);
    }

    private static NoticeIntake Intake(RegRightsTables tables, AgreementStore agreements) =>
        new(agreements, new AgreementTermsCache(agreements, Options.Create(new NoticeIntakeOptions()), new FakeClock(Now)), new TableNoticeStore(tables), new FakeClock(Now));

    /// <summary>Counts the requests the tables' client sends.</summary>
    private sealed class RequestCounter : Azure.Core.Pipeline.HttpPipelineSynchronousPolicy
    {
        private readonly System.Collections.Concurrent.ConcurrentQueue<string> methods = new();

        public IReadOnlyList<string> Methods => [.. methods];

        public void Reset() => methods.Clear();

        public override void OnSendingRequest(Azure.Core.HttpMessage message) => methods.Enqueue(message.Request.Method.Method);
    }

    private static NoticeIntakeRequest Request() => new()
    {
        Sender = "Royal Canadian Growth Fund",
        Recipient = SeedAgreements.CompanyNoticeAddress,
        Kind = "Request for registration",
        Deliveries = [new DeliveryRequest { Method = "facsimile", SentAt = "2000-05-26T14:05:00-07:00", FaxNumber = "(949) 788-6706" }],
    };

    private async Task<(NoticeIntakeResult Result, IReadOnlyList<Contracts.Notices.NoticeDocument> Stored)> ReceiveAsync(NoticeIntakeRequest request)
    {
        var tables = await fixture.CreateTablesAsync();
        var agreements = new TableAgreementStore(tables);
        var agreement = await agreements.CreateAsync(SeedAgreements.Document(companyCfo: false), Now, Cancel);
        var clock = new FakeClock(Now);
        using var terms = new AgreementTermsCache(agreements, Options.Create(new NoticeIntakeOptions()), clock);
        var intake = new NoticeIntake(agreements, terms, new TableNoticeStore(tables), clock);

        var result = await intake.ReceiveAsync("local", "msg_1", "{}"u8.ToArray(), request with { AgreementId = agreement.Id }, Cancel);
        return (result, (await intake.ListAsync(agreement.Id, Cancel))!);
    }
}

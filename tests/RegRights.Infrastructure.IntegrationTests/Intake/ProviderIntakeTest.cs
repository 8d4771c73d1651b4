using System.Globalization;
using System.Text;
using Microsoft.Extensions.Options;
using NodaTime;
using NodaTime.Testing;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Crypto.Signers;
using Org.BouncyCastle.Security;
using RegRights.Application.Intake;
using RegRights.Application.Notices;
using RegRights.Contracts.Agreements;
using RegRights.Contracts.Notices;
using RegRights.Infrastructure.Intake;
using RegRights.Infrastructure.IntegrationTests.Storage;
using RegRights.Infrastructure.Storage;
using RegRights.Testing;

namespace RegRights.Infrastructure.IntegrationTests.Intake;

/// <summary>The shared intake path over Azurite: exactly once, even when a try stops between its writes.</summary>
[Collection(StorageTests.Name)]
public sealed class ProviderIntakeTest(StorageFixture fixture)
{
    private static readonly Instant Now = Instant.FromUtc(2000, 5, 25, 21, 3);

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ReceiveAsync_StoppedAfterTheReceiptBeforeTheNotice_TheRetryFinishesItAndStoresOneOfEach()
    {
        // Arrange: the first try's link write fails (the instance dies, storage drops out) after its receipt landed.
        var (intake, notices, agreementId, key) = await CreateAsync(failFirstLink: true);
        var request = Signed(Fax("2000-05-25T20:59:00Z"), key);

        // Act
        await Assert.ThrowsAsync<InvalidOperationException>(() => intake.ReceiveAsync("telnyx", request, Cancel));
        var retried = await intake.ReceiveAsync("telnyx", request, Cancel);

        // Assert: the retry answers the first receipt and has written the notice and its link, once.
        var replayed = Assert.IsType<ProviderIntakeResult.Replayed>(retried);
        Assert.Equal(IntakeOutcome.Stamped, replayed.Receipt.Outcome);
        var (heads, links) = await notices.ListWithLinksAsync(agreementId, Cancel);
        Assert.Equal(replayed.Receipt.NoticeId, Assert.Single(heads).NoticeId);
        Assert.Single(links);
    }

    [Fact]
    public async Task ReceiveAsync_UnknownSourceOrProvider_UnknownSourceAndNothingStored()
    {
        var (intake, _, _, key) = await CreateAsync();

        var other = await intake.ReceiveAsync("telnyx", Signed(Fax("2000-05-25T20:59:00Z"), key) with { Source = "elsewhere" }, Cancel);
        var unknown = await intake.ReceiveAsync("pigeon", Signed(Fax("2000-05-25T20:59:00Z"), key), Cancel);

        Assert.IsType<ProviderIntakeResult.UnknownSource>(other);
        Assert.IsType<ProviderIntakeResult.UnknownSource>(unknown);
    }

    [Fact]
    public async Task ReceiveAsync_VerifiedButNotAFaxEvent_UnreadableAndNothingStored()
    {
        var (intake, _, _, key) = await CreateAsync();

        var result = await intake.ReceiveAsync("telnyx", Signed("""{"data":{"id":"x","event_type":"message.received","payload":{}}}""", key), Cancel);

        Assert.IsType<ProviderIntakeResult.Unreadable>(result);
        Assert.Empty((await intake.ListReceiptsAsync("telnyx", "main", Cancel))!);
    }

    private const string To = "+19497886706";
    private const string From = "+14165550100";

    private static string Fax(string occurredAt) => $$$"""
        {"data":{"event_type":"fax.received","id":"e5b1c7a2-0000-4000-8000-000000000001","occurred_at":"{{{occurredAt}}}",
          "payload":{"fax_id":"f-1","direction":"inbound","from":"{{{From}}}","to":"{{{To}}}","page_count":1,"status":"received"},
          "record_type":"event"},"meta":{"attempt":1}}
        """;

    private static IntakeRequest Signed(string body, Ed25519PrivateKeyParameters key)
    {
        var ts = Now.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var signer = new Ed25519Signer();
        signer.Init(true, key);
        var signed = Encoding.UTF8.GetBytes($"{ts}|{body}");
        signer.BlockUpdate(signed, 0, signed.Length);
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            ["telnyx-timestamp"] = ts,
            ["telnyx-signature-ed25519"] = Convert.ToBase64String(signer.GenerateSignature()),
        };
        return new IntakeRequest("main", headers, Encoding.UTF8.GetBytes(body));
    }

    private async Task<(ProviderIntake Intake, NoticeStore Notices, string AgreementId, Ed25519PrivateKeyParameters Key)> CreateAsync(bool failFirstLink = false)
    {
        var tables = await fixture.CreateTablesAsync();
        var service = tables.Service;
        var intakeTables = new IntakeTables(service, $"i{Guid.NewGuid():N}"[..12]);
        await intakeTables.CreateIfNotExistsAsync(Cancel);
        var agreements = new TableAgreementStore(tables);
        var seed = SeedAgreements.Document(companyCfo: false);
        var agreement = await agreements.CreateAsync(seed with
        {
            Terms = seed.Terms! with { NoticeFaxNumbers = [To] },
            Contacts = [new ContactDocument { Name = "Royal Canadian Growth Fund", Role = ContactRole.Holder, Facsimile = From }],
        }, Now, Cancel);
        var key = new Ed25519PrivateKeyParameters(new SecureRandom());
        var options = new IntakeOptions();
        options.Telnyx["main"] = new IntakeSourceOptions { PublicKey = Convert.ToBase64String(key.GeneratePublicKey().GetEncoded()) };
        var clock = new FakeClock(Now);
        var notices = failFirstLink ? new FailingOnceNoticeStore(tables) : new TableNoticeStore(tables);
        var intake = new ProviderIntake(
            [new TelnyxFax()], Options.Create(options), new TableIntakeReceiptStore(intakeTables),
            new ExpectedNotices(agreements, notices, new TableExpectedDeliveryStore(intakeTables), clock),
            new TableFaxNumberDirectory(tables, clock), agreements, notices, clock);
        return (intake, notices, agreement.Id, key);
    }

    private sealed class FailingOnceNoticeStore(RegRightsTables tables) : TableNoticeStore(tables)
    {
        private int failed;

        public override Task AddLinkAsync(StoredNoticeLink link, CancellationToken cancellationToken = default) =>
            Interlocked.Exchange(ref failed, 1) == 0
                ? throw new InvalidOperationException("The instance stopped before the link was written.")
                : base.AddLinkAsync(link, cancellationToken);
    }
}

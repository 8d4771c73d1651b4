using System.Net;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using RegRights.Application.Notices;
using RegRights.Contracts.Notices;
using RegRights.Core.Agreements;
using RegRights.Infrastructure.Storage;
using static RegRights.Functions.FunctionalTests.Api;

namespace RegRights.Functions.FunctionalTests.Apis;

/// <summary>
/// <c>POST /api/notices</c> and the notice reads, over Kestrel against a real Azurite, with notices signed as a
/// document system signs them. Split by concern: stamps, replays, refusals, outage.
/// </summary>
public sealed partial class NoticesApiTest(NoticesAppFixture fixture) : IClassFixture<NoticesAppFixture>
{
    private FunctionsAppFixture App => fixture.App;

    private DocumentSystem Sender => new(App.Anonymous, App.Clock);

    /// <summary>Sets the app's clock to <paramref name="local"/> California time (PDT in May 2000, UTC-7).</summary>
    private void ClockAt(int month, int day, int hour, int minute, int second = 0) =>
        App.Clock.Reset(new LocalDateTime(2000, month, day, hour, minute, second).InZoneStrictly(AgreementTerms.NeoTherapeutics2000.TimeZone).ToInstant());

    private async Task<string> NewAgreementAsync() =>
        (await AgreementsApiTest.CreateSeedAsync(App.Management, AgreementsApiTest.Event("closing", AgreementEventKind.Closing, 2000, 4, 28))).Id;

    /// <summary>The moment as the API shows it: in the agreement's zone (California), with the offset.</summary>
    private static OffsetDateTime Pacific(Instant instant) => instant.InZone(AgreementTerms.NeoTherapeutics2000.TimeZone).ToOffsetDateTime();

    private static string NewWebhookId() => "msg_" + Guid.NewGuid().ToString("N");

    private async Task<IReadOnlyList<NoticeDocument>> NoticesOfAsync(string agreementId)
    {
        using var response = await App.Management.GetAsync(Url($"/api/agreements/{agreementId}/notices"), Cancel);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.ReadAsync<IReadOnlyList<NoticeDocument>>();
    }

    private async Task AssertNothingStoredAsync(string agreementId)
    {
        // Read from the tables themselves: the agreement may not exist, and then the API would answer 404.
        var store = App.Services.GetRequiredService<NoticeStore>();
        Assert.Empty(await store.ListByAgreementAsync(agreementId, Cancel));
    }

    private static string Sha256(string body) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(body)));
}

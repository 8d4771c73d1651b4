using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using NodaTime;
using NodaTime.Testing;
using RegRights.Application;
using RegRights.Application.Agreements;
using RegRights.Application.Notices;
using RegRights.Contracts;
using RegRights.Contracts.Agreements;
using RegRights.Contracts.Notices;
using RegRights.Core.Agreements;
using RegRights.Core.Notices;
using RegRights.Functions.Http;
using RegRights.Functions.Webhooks;
using RegRights.Infrastructure.Storage;

namespace RegRights.Benchmarks.Intake;

/// <summary>
/// What <c>POST /api/notices</c> does in the app's own code for one notice, in process and without storage (README
/// "Speed"): read the body, check its signature, read its JSON strictly, check, stamp and build the stored document
/// (<see cref="NoticeIntake.ReceiveAsync"/> over stores that store nothing), and write the answer. The load test
/// measures the same work through the local host, beside a bare Table insert.
/// </summary>
[MemoryDiagnoser]
public class NoticeIntakeBenchmarks
{
    private const string AgreementId = "0123456789abcdef0123456789abcdef";

    // Thursday 2000-05-25, 1:59 p.m. California time, by fax; then by courier on Friday: the load test's body.
    private readonly byte[] body = Encoding.UTF8.GetBytes($$"""
        {"agreementId":"{{AgreementId}}","sender":"Royal Canadian Growth Fund",
         "recipient":"NeoTherapeutics, Inc., Attention: Chief Financial Officer","kind":"Request for registration",
         "deliveries":[{"method":"facsimile","sentAt":"2000-05-25T13:59:00-07:00","faxNumber":"(949) 788-6706"},
                       {"method":"courier","sentAt":"2000-05-26T16:30:00-07:00","trackingNumber":"FX 7904 1122 3344"}],
         "documentUri":"https://dms.example/notices/rcgf-0001.pdf"}
        """);

    private readonly FakeClock clock = new(Instant.FromUtc(2000, 5, 26, 22, 6));
    private readonly JsonSerializerOptions json = HttpJson();
    private WebhookVerifier verifier = null!;
    private NoticeIntake intake = null!;
    private NoticeIntakeRequest request = null!;
    private IReadOnlyList<Delivery> deliveries = null!;
    private string timestamp = null!;
    private string signature = null!;

    /// <summary>Signs the body as a document system does and refuses to measure an intake that does not accept it.</summary>
    [GlobalSetup]
    public void Setup()
    {
        var key = RandomNumberGenerator.GetBytes(32);
        var webhooks = new WebhookOptions();
        webhooks.Sources["load"] = new WebhookSource { Secret = "whsec_" + Convert.ToBase64String(key) };
        verifier = new WebhookVerifier(Options.Create(webhooks), clock);
        timestamp = clock.GetCurrentInstant().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        signature = "v1," + Convert.ToBase64String(HMACSHA256.HashData(key, (byte[])[.. Encoding.UTF8.GetBytes($"msg_1.{timestamp}."), .. body]));

        var agreements = new OneAgreement(clock.GetCurrentInstant());
        intake = new NoticeIntake(agreements, new AgreementTermsCache(agreements, Options.Create(new NoticeIntakeOptions()), clock), new NoStorage(), clock);
        request = RegRightsJson.Read<NoticeIntakeRequest>(body, json).TryGetValue(out var read) ? read : throw new InvalidOperationException("The body does not read.");
        deliveries = NoticeRequestParser.Parse(request.ToStampRequest(), AgreementTerms.NeoTherapeutics2000).TryGetValue(out var parsed)
            ? parsed : throw new InvalidOperationException("The deliveries do not read.");
        if (!verifier.Verify("msg_1", timestamp, signature, body).IsVerified
            || intake.ReceiveAsync("load", "msg_1", body, request).Result is not NoticeIntakeResult.Accepted { Notice.Stamp.EffectiveDate: var date }
            || date != new LocalDate(2000, 5, 25))
        {
            throw new InvalidOperationException("The intake does not accept the worked example (a fax at 1:59 p.m. is effective that day, § 6(h)(i)).");
        }
    }

    /// <summary>The body as the function reads it from the request (<see cref="JsonBody.ReadRawAsync"/>).</summary>
    [Benchmark]
    public async Task<byte[]> ReadBody()
    {
        var context = new DefaultHttpContext();
        context.Request.Body = new MemoryStream(body, writable: false);
        context.Request.ContentLength = body.Length;
        return await JsonBody.ReadRawAsync(context.Request, CancellationToken.None);
    }

    /// <summary>The Standard Webhooks signature over the raw body.</summary>
    [Benchmark]
    public WebhookVerification Verify() => verifier.Verify("msg_1", timestamp, signature, body);

    /// <summary>The strict JSON reader (unknown members and duplicate keys refused).</summary>
    [Benchmark]
    public RequestResult<NoticeIntakeRequest> ReadJson() => RegRightsJson.Read<NoticeIntakeRequest>(body, json);

    /// <summary>
    /// The § 6(h) stamp alone, as the intake asks for it (<c>NoticeStamper</c> in Core: both deliveries in words, and
    /// again under the other reading of contested days for its warning): the part of <see cref="Receive"/> that is Core's.
    /// </summary>
    [Benchmark]
    public NoticeStamp Stamp() => NoticeStamper.Default.Stamp(AgreementTerms.NeoTherapeutics2000, deliveries, clock.GetCurrentInstant());

    /// <summary>Checks, stamps (§ 6(h), both readings in words) and builds the stored document; the stores store nothing.</summary>
    [Benchmark]
    public Task<NoticeIntakeResult> Receive() => intake.ReceiveAsync("load", "msg_1", body, request);

    /// <summary>The whole of it, with the answer written as the HTTP integration writes it.</summary>
    [Benchmark(Baseline = true)]
    public async Task<long> Whole()
    {
        var raw = await ReadBody();
        var verification = verifier.Verify("msg_1", timestamp, signature, raw);
        var notice = RegRightsJson.Read<NoticeIntakeRequest>(raw, json).TryGetValue(out var read) ? read : throw new InvalidOperationException();
        var result = (NoticeIntakeResult.Accepted)await intake.ReceiveAsync(verification.Source!, "msg_1", raw, notice);
        using var answer = new MemoryStream();
        await JsonSerializer.SerializeAsync(answer, result.Notice, json);
        return answer.Length;
    }

    private static JsonSerializerOptions HttpJson()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        JsonBody.Configure(options);
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }

    private sealed class OneAgreement(Instant now) : TableAgreementStore
    {
        private readonly StoredAgreement agreement = new(AgreementId, new StoredVersion("1"),
            JsonSerializer.Deserialize<AgreementDocument>(File.ReadAllText(SamplePath()), RegRightsJson.Options)!, 0, now, now);

        public override Task<StoredAgreement?> GetAgreementAsync(string id, CancellationToken cancellationToken = default) =>
            Task.FromResult(id == AgreementId ? agreement : null);

        private static string SamplePath()
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                var path = Path.Combine(dir.FullName, "samples", "agreement-2000-04-28.json");
                if (File.Exists(path))
                {
                    return path;
                }
            }

            throw new FileNotFoundException("samples/agreement-2000-04-28.json not found above " + AppContext.BaseDirectory);
        }
    }

    private sealed class NoStorage : TableNoticeStore
    {
        public override Task<StoredNotice> AddAsync(StoredNotice notice, CancellationToken cancellationToken = default) => Task.FromResult(notice);
    }
}

using System.Net.Http.Json;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using NodaTime;
using NodaTime.Testing;
using RegRights.Application.Agreements;
using RegRights.Application.Email;
using RegRights.Application.Reminders;
using RegRights.Contracts.Agreements;
using RegRights.Core.Agreements;
using RegRights.Infrastructure.Email;
using RegRights.Infrastructure.Email.Smtp;
using RegRights.Infrastructure.IntegrationTests.Storage;
using RegRights.Infrastructure.Reminders;
using RegRights.Infrastructure.Storage;
using RegRights.Testing;

namespace RegRights.Infrastructure.IntegrationTests.Reminders;

/// <summary>The reminder pipeline over fresh tables in Azurite (behind the Azure rules) and a maildev, with a pinned clock.</summary>
internal sealed class ReminderPipeline
{
    public static readonly DateTimeZone California = DateTimeZoneProviders.Tzdb["America/Los_Angeles"];

    public static readonly ContactDocument CompanyCounsel = new() { Name = "Alan W. Pettis", Role = ContactRole.CompanyCounsel, Email = "apettis@lw.example" };
    public static readonly ContactDocument Holder = new() { Name = "Royal Canadian Growth Fund", Role = ContactRole.Holder, Email = "ops@rcgf.example" };
    public static readonly ContactDocument HoldersCounsel = new() { Name = "Stephen C. Ferruolo", Role = ContactRole.HoldersCounsel, Email = "sferruolo@hewm.example" };

    private static int next;

    private ReminderPipeline(AzuriteTables azurite, LocalServiceProcess? maildev, FakeClock clock, string prefix)
    {
        var options = new TableStorageOptions { ConnectionString = azurite.ConnectionString, MaxRetries = 0, NetworkTimeout = StorageFixture.NetworkTimeout };
        var service = StorageExtensions.CreateServiceClient(options, new AzureTableRulesPolicy());
        Service = service;
        Clock = clock;
        Tables = new RegRightsTables(service, prefix);
        ReminderTables = new ReminderTables(service, prefix);
        Agreements = new TableAgreementStore(Tables);
        Index = new TableDeadlineIndex(ReminderTables, Agreements, clock);
        Ledger = new TableReminderLedger(ReminderTables);
        Maildev = maildev;
        var reminderOptions = Options.Create(new ReminderOptions { RetryDelay = TimeSpan.FromMinutes(1), MaxAttempts = 4 });
        Scanner = new ReminderScanner(Index, Ledger, Agreements, clock, reminderOptions, NullLogger<ReminderScanner>.Instance);
        var sender = new SmtpEmailSender(
            Options.Create(new EmailOptions
            {
                Transport = EmailTransportKind.Smtp,
                From = "deadlines@regrights.example",
                FromDisplayName = "RegRights",
                Smtp = new SmtpEmailOptions { Host = "127.0.0.1", Port = maildev?.Ports[0] ?? 1, UseTls = false, Timeout = TimeSpan.FromSeconds(5) },
            }),
            NullLogger<SmtpEmailSender>.Instance);
        Dispatcher = new ReminderDispatcher(Ledger, Agreements, sender, new ReminderEmailComposer(new EmailAddress("deadlines@regrights.example", "RegRights")),
            clock, reminderOptions, NullLogger<ReminderDispatcher>.Instance);
    }

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public Azure.Data.Tables.TableServiceClient Service { get; }

    public FakeClock Clock { get; }

    public RegRightsTables Tables { get; }

    public ReminderTables ReminderTables { get; }

    public AgreementStore Agreements { get; }

    public DeadlineIndex Index { get; }

    public ReminderLedger Ledger { get; }

    public ReminderScanner Scanner { get; }

    public ReminderDispatcher Dispatcher { get; }

    public LocalServiceProcess? Maildev { get; }

    public static async Task<ReminderPipeline> CreateAsync(AzuriteTables azurite, LocalServiceProcess? maildev, Instant now)
    {
        var pipeline = new ReminderPipeline(azurite, maildev, new FakeClock(now), $"r{Interlocked.Increment(ref next)}x");
        await pipeline.Tables.CreateIfNotExistsAsync(Cancel);
        await pipeline.ReminderTables.CreateIfNotExistsAsync(Cancel);
        return pipeline;
    }

    /// <summary>Another index over the same agreements, in tables of its own.</summary>
    public async Task<DeadlineIndex> FreshIndexAsync()
    {
        var tables = new ReminderTables(Service, $"fresh{Interlocked.Increment(ref next)}x");
        await tables.CreateIfNotExistsAsync(Cancel);
        return new TableDeadlineIndex(tables, Agreements, Clock);
    }

    /// <summary>Rewrites the agreement's head row as a later version would (its shape number after this version's).</summary>
    public async Task RewriteAsALaterVersionAsync(string agreementId)
    {
        var head = (await Tables.Agreements.GetEntityAsync<Azure.Data.Tables.TableEntity>(
            agreementId, TableAgreementStore.HeadRowKey(agreementId), cancellationToken: Cancel)).Value;
        head["Shape"] = RegRights.Application.Agreements.Rows.AgreementRow.CurrentShape + 1;
        await Tables.Agreements.UpdateEntityAsync(head, head.ETag, cancellationToken: Cancel);
    }

    /// <summary>
    /// Stores an agreement on the seed terms with the three contacts and a Closing, registered at the start of its
    /// Closing Date (or now, if that is later), as a deal entered when it closed, and indexes it.
    /// </summary>
    public async Task<string> AddAgreementAsync(string name, LocalDate closing, params AgreementEvent[] more)
    {
        var document = new AgreementDocument
        {
            Name = name,
            Terms = TermsDocument.From(AgreementTerms.NeoTherapeutics2000),
            Contacts = [CompanyCounsel, Holder, HoldersCounsel],
        };
        var closed = closing.AtStartOfDayInZone(California).ToInstant();
        var now = Clock.GetCurrentInstant();
        var stored = await Agreements.CreateAsync(document, closed < now ? closed : now, Cancel);
        var record = new AgreementRecord(stored, []);
        foreach (var e in (AgreementEvent[])[new AgreementEvent("closing", AgreementEventKind.Closing, closing), .. more])
        {
            record = await Agreements.AppendEventAsync(record, e, Clock.GetCurrentInstant(), Cancel);
        }

        await Index.IndexAsync(record, Cancel);
        return stored.Id;
    }

    public async Task<IReadOnlyList<MaildevEmail>> InboxAsync()
    {
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{Maildev!.Ports[1]}") };
        return await http.GetFromJsonAsync<List<MaildevEmail>>("/email", Cancel) ?? [];
    }

    public async Task<byte[]> AttachmentAsync(MaildevEmail email, MaildevAttachment attachment)
    {
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{Maildev!.Ports[1]}") };
        return await http.GetByteArrayAsync($"/email/{email.Id}/attachment/{attachment.GeneratedFileName}", Cancel);
    }
}

internal sealed record MaildevAddress(string Address, string Name);

internal sealed record MaildevAttachment(string FileName, string GeneratedFileName, string ContentType);

internal sealed record MaildevEmail(
    string Id, string Subject, string MessageId, IReadOnlyList<MaildevAddress> To, IReadOnlyList<MaildevAddress> Cc, IReadOnlyList<MaildevAttachment> Attachments,
    IReadOnlyDictionary<string, System.Text.Json.JsonElement>? Headers = null);

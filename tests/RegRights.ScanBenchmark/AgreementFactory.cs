using Azure.Data.Tables;
using NodaTime;
using RegRights.Application.Agreements;
using RegRights.Application.Agreements.Rows;
using RegRights.Contracts.Agreements;
using RegRights.Core.Agreements;
using RegRights.Infrastructure.Storage;

namespace RegRights.ScanBenchmark;

/// <summary>
/// Agreement number <c>i</c>, the same on every run: a Closing Date in the three years before today and the events a
/// company that keeps its obligations records by today, so that most deadlines are met and only a small share fall
/// near any given day.
/// </summary>
/// <remarks>
/// Variety: 60 % New York, 25 % California, 15 % Chicago time (a scan window at 08:00 in one zone reaches only that
/// zone's reminders); drafts and the § 3(d) notice 14 days after Closing, the filing 25 days after (§ 2(a): within 30);
/// effectiveness 100 days after (§ 2(a): before 120); 15 % get an SEC comment letter 45 days after Closing, answered
/// in 7 days (§ 3(b)(iii): 10); 5 % a Holder's 50 % sale with its notice and sticker (§ 3(c), § 3(d)); 0.2 % never
/// file, so their Filing Date and the § 3(a) review stay overdue. An event dated today or later is not recorded yet,
/// so the deadline it would meet is still open.
/// </remarks>
internal static class AgreementFactory
{
    public static readonly string[] Zones = ["America/New_York", "America/Los_Angeles", "America/Chicago"];

    private static readonly ContactDocument[] Contacts =
    [
        new() { Name = "Company Counsel", Role = ContactRole.CompanyCounsel, Email = "counsel@company.example" },
        new() { Name = "Holder", Role = ContactRole.Holder, Email = "ops@holder.example" },
        new() { Name = "Holders' Counsel", Role = ContactRole.HoldersCounsel, Email = "counsel@holders.example" },
        new() { Name = "Special Counsel", Role = ContactRole.SpecialCounsel, Email = "special@holders.example" },
    ];

    private static readonly TermsDocument[] Terms =
        [.. Zones.Select(z => TermsDocument.From(AgreementTerms.NeoTherapeutics2000) with { TimeZone = z })];

    public static (AgreementRecord Record, DateTimeZone Zone, TableEntity[] Rows) Create(int i, Instant now)
    {
        var random = new Random(unchecked((i * 7919) + 17));
        var bytes = new byte[16];
        random.NextBytes(bytes);
        var id = Convert.ToHexStringLower(bytes);

        var zoneRoll = random.NextDouble();
        var zoneIndex = zoneRoll < 0.60 ? 0 : zoneRoll < 0.85 ? 1 : 2;
        var zone = DateTimeZoneProviders.Tzdb[Zones[zoneIndex]];
        var today = now.InZone(zone).Date;
        var closing = today.PlusDays(-random.Next(1, 3 * 365 + 1));

        var events = new List<AgreementEvent> { new("closing", AgreementEventKind.Closing, closing) };
        void Add(AgreementEvent e)
        {
            if (e.Date < today)
            {
                events.Add(e);
            }
        }

        if (random.NextDouble() >= 0.002)
        {
            Add(new("drafts", AgreementEventKind.DraftsFurnished, closing.PlusDays(14)));
            if (closing.PlusDays(25) < today)
            {
                Add(new("notice", AgreementEventKind.FilingNoticeGiven, closing.PlusDays(14)) { RefersTo = "filed" });
                Add(new("filed", AgreementEventKind.Filed, closing.PlusDays(25)));
            }

            if (random.NextDouble() < 0.15 && closing.PlusDays(25) < today)
            {
                Add(new("sec-1", AgreementEventKind.SecCommentReceived, closing.PlusDays(45)));
                Add(new("sec-1-response", AgreementEventKind.CommentResponseFiled, closing.PlusDays(52)) { RefersTo = "sec-1" });
            }

            Add(new("effective", AgreementEventKind.DeclaredEffective, closing.PlusDays(100)));
            if (random.NextDouble() < 0.05)
            {
                var sale = closing.PlusDays(200 + random.Next(300));
                Add(new("sale-1", AgreementEventKind.HolderSold50Percent, sale));
                Add(new("sale-1-notice", AgreementEventKind.FilingNoticeGiven, sale) { RefersTo = "sale-1" });
                Add(new("sale-1-sticker", AgreementEventKind.StickerFiled, sale.PlusDays(2)) { RefersTo = "sale-1" });
            }
        }

        var document = new AgreementDocument
        {
            Name = $"Agreement {i:D6} RRA",
            Terms = Terms[zoneIndex],
            Contacts = [.. Contacts],
        };
        var created = closing.AtStartOfDayInZone(zone).ToInstant();
        var head = TableAgreementStore.HeadEntity(id, AgreementRows.ToRow(document));
        head["EventCount"] = events.Count;
        head["CreatedAt"] = TableValues.Format(created);
        head["UpdatedAt"] = TableValues.Format(now);
        var rows = new TableEntity[events.Count + 1];
        rows[0] = head;
        var stored = new List<StoredEvent>(events.Count);
        for (var n = 0; n < events.Count; n++)
        {
            var recordedAt = events[n].Date.PlusDays(1).AtStartOfDayInZone(zone).ToInstant();
            rows[n + 1] = TableAgreementStore.EventEntity(id, n + 1, events[n], recordedAt);
            stored.Add(new StoredEvent(n + 1, events[n], recordedAt));
        }

        var record = new AgreementRecord(new StoredAgreement(id, default, document, events.Count, created, now), stored);
        return (record, zone, rows);
    }
}

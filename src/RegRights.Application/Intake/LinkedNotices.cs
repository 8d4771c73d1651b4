using NodaTime;
using RegRights.Application.Agreements;
using RegRights.Application.Notices;
using RegRights.Application.Notices.Rows;
using RegRights.Contracts.Notices;
using RegRights.Core.Agreements;
using RegRights.Core.Notices;

namespace RegRights.Application.Intake;

/// <summary>
/// A notice whose deliveries arrive as separate provider webhooks (a fax, then a courier's pickup scan, then its
/// delivery scan), stamped from every delivery linked to it: one notice, effective at the earliest of them (§ 6(h)).
/// </summary>
/// <remarks>
/// Webhooks that report moments of the same delivery (the same fax id, tracking number or envelope id) make one
/// delivery: the earliest sending moment reported and the earliest receipt. A delivery whose sending moment no event
/// has reported yet (a courier's delivery scan without its pickup scan) cannot be stamped under § 6(h)(iii), which
/// counts from the date of mailing, and waits for it. Where a provider's events leave a reading open (which envelope
/// event is "actual receipt"), the stamp is flagged as a gap and the other reading is stamped beside it.
/// </remarks>
public static class LinkedNotices
{
    /// <summary>
    /// The stamp over <paramref name="reported"/> (each webhook's delivery, in the order received; null for a webhook
    /// that reported none), and for each the index of its delivery in the stamp, or null.
    /// </summary>
    /// <param name="terms">The agreement's terms.</param>
    /// <param name="reported">The deliveries the linked webhooks reported.</param>
    /// <param name="recordedAt">When the last of them was received.</param>
    /// <returns>Null for the stamp when no delivery can be stamped yet.</returns>
    public static (NoticeStampResponse? Stamp, IReadOnlyList<int?> Index) Stamp(
        AgreementTerms terms, IReadOnlyList<IntakeDeliveryDocument?> reported, Instant recordedAt)
    {
        ArgumentNullException.ThrowIfNull(terms);
        ArgumentNullException.ThrowIfNull(reported);
        var merged = new List<IntakeDeliveryDocument>();
        var groupOf = new int?[reported.Count];
        for (var i = 0; i < reported.Count; i++)
        {
            if (reported[i] is not { } d)
            {
                continue;
            }

            var at = merged.FindIndex(m => m.Method == d.Method && string.Equals(m.Key, d.Key, StringComparison.Ordinal));
            if (at < 0)
            {
                merged.Add(d);
                groupOf[i] = merged.Count - 1;
            }
            else
            {
                merged[at] = Merge(merged[at], d);
                groupOf[i] = at;
            }
        }

        // Only deliveries with a sending moment inside the stamper's range can be stamped; their index is their place.
        var stampable = merged.Select((m, i) => (m, i)).Where(x => CanStamp(terms, x.m)).ToList();
        var position = stampable.Select((x, p) => (x.i, p)).ToDictionary(x => x.i, x => x.p);
        var index = groupOf.Select(g => g is { } group && position.TryGetValue(group, out var p) ? p : (int?)null).ToList();
        if (stampable.Count == 0)
        {
            return (null, index);
        }

        var deliveries = stampable.Select(x => ToDelivery(x.m, x.m.ReceivedAt)).ToList();
        var zone = terms.TimeZone;
        var stamp = NoticeStampResponse.From(NoticeStamper.Default.Stamp(terms, deliveries, recordedAt), zone);
        var readings = stampable.Where(x => x.m.Reading is not null).Select(x => x.m.Reading!).ToList();
        if (readings.Count == 0)
        {
            return (stamp, index);
        }

        var others = stampable.Select(x => ToDelivery(x.m, x.m.Reading is { } r ? r.ReceivedAt : x.m.ReceivedAt)).ToList();
        var other = NoticeStamper.Default.Stamp(terms, others, recordedAt);
        var words = string.Join(" ", readings.Select(r => r.Explanation).Distinct(StringComparer.Ordinal));
        var alternative = new NoticeReadingResponse(
            other.Section, other.EffectiveDate, other.CountsFrom?.InZone(zone).ToOffsetDateTime(), other.Winner,
            $"Other reading: {words} {other.Explanation}");
        stamp = stamp.Gap
            ? stamp with { Explanation = $"{stamp.Explanation} {words}" }
            : stamp with
            {
                Gap = true,
                Alternative = alternative,
                Explanation = $"{stamp.Explanation} The provider's events leave a reading open ({string.Join("; ", readings.Select(r => r.Gap).Distinct(StringComparer.Ordinal))}): " +
                    $"under the other reading the notice is effective {(other.EffectiveDate is { } e ? e.ToString("uuuu-MM-dd", System.Globalization.CultureInfo.InvariantCulture) : "upon a receipt not yet reported")} under § {other.Section}.",
            };
        return (stamp, index);
    }

    /// <summary>
    /// The notice as <c>GET</c> shows it: a signed notice as stored; one made from or registered for provider webhooks
    /// with its links and its stamp over them, under <paramref name="agreement"/>'s terms.
    /// </summary>
    public static NoticeDocument Assemble(StoredNotice head, IReadOnlyList<StoredNoticeLink> links, StoredAgreement agreement)
    {
        ArgumentNullException.ThrowIfNull(head);
        ArgumentNullException.ThrowIfNull(links);
        ArgumentNullException.ThrowIfNull(agreement);
        var document = NoticeIntake.Read(head);
        if (document.Origin == NoticeDocument.FromWebhook)
        {
            return document;
        }

        var zone = agreement.Terms.TimeZone;
        var linked = links.Select(l => NoticeRows.ReadLink(l.Document)).ToList();
        var recordedAt = links.Count == 0 ? head.ReceivedAt : links.Max(l => l.ReceivedAt);
        var (stamp, index) = Stamp(agreement.Terms, [.. linked.Select(l => l.Delivery)], recordedAt);
        return document with
        {
            Stamp = stamp,
            TermsAsOf = agreement.UpdatedAt.InZone(zone).ToOffsetDateTime(),
            Receipts = [.. linked.Select((l, i) => l with { DeliveryIndex = index[i], ReceivedAt = l.ReceivedAt.ToInstant().InZone(zone).ToOffsetDateTime() })],
        };
    }

    private static IntakeDeliveryDocument Merge(IntakeDeliveryDocument first, IntakeDeliveryDocument next)
    {
        var sent = Earliest(first.SentAt, first.SentAtField, next.SentAt, next.SentAtField);
        var received = Earliest(first.ReceivedAt, first.ReceivedAtField, next.ReceivedAt, next.ReceivedAtField);
        // The other reading's receipt is the earliest one reported, as the chosen reading's is.
        var reading = first.Reading is null || (next.Reading?.ReceivedAt is { } n && (first.Reading.ReceivedAt is not { } f || n.ToInstant() < f.ToInstant()))
            ? next.Reading ?? first.Reading
            : first.Reading;
        return first with
        {
            SentAt = sent.At,
            SentAtField = sent.Field,
            ReceivedAt = received.At,
            ReceivedAtField = received.Field,
            From = first.From ?? next.From,
            To = first.To ?? next.To,
            Reading = reading,
        };
    }

    private static (OffsetDateTime? At, string? Field) Earliest(OffsetDateTime? a, string? aField, OffsetDateTime? b, string? bField) =>
        (a, b) switch
        {
            (null, _) => (b, bField),
            (_, null) => (a, aField),
            _ => b!.Value.ToInstant() < a!.Value.ToInstant() ? (b, bField) : (a, aField),
        };

    private static bool CanStamp(AgreementTerms terms, IntakeDeliveryDocument d) =>
        d.SentAt is { } sent && InRange(terms, sent) && (d.ReceivedAt is not { } received || InRange(terms, received)) &&
        (d.Reading?.ReceivedAt is not { } other || InRange(terms, other));

    private static bool InRange(AgreementTerms terms, OffsetDateTime moment)
    {
        var date = moment.ToInstant().InZone(terms.NoticeTimeZone).Date;
        return date >= NoticeStamper.MinDate && date <= NoticeStamper.MaxDate;
    }

    private static Delivery ToDelivery(IntakeDeliveryDocument d, OffsetDateTime? receivedAt) => new(d.Method, d.SentAt!.Value)
    {
        ReceivedAt = receivedAt,
        FaxNumber = d.Method == DeliveryMethod.Facsimile ? d.To : null,
        TrackingNumber = d.Method == DeliveryMethod.Courier ? d.Key : null,
    };
}

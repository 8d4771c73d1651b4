using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using NodaTime;
using RegRights.Application.Agreements;
using RegRights.Application.Notices;
using RegRights.Application.Notices.Rows;
using RegRights.Contracts.Notices;
using RegRights.Core.Agreements;
using RegRights.Core.Notices;

namespace RegRights.Application.Intake;

/// <summary>What became of one provider webhook handed to <see cref="ProviderIntake.ReceiveAsync"/>.</summary>
public abstract record ProviderIntakeResult
{
    private ProviderIntakeResult()
    {
    }

    /// <summary>No such provider, or no such source configured for it.</summary>
    public sealed record UnknownSource(string Provider, string Source) : ProviderIntakeResult;

    /// <summary>Not verified: nothing stored. <paramref name="Misconfigured"/> when this server's key is at fault (500), else 401.</summary>
    public sealed record Refused(string Why, bool Misconfigured) : ProviderIntakeResult;

    /// <summary>Verified, but the body is not an event of the provider's: nothing stored (400).</summary>
    public sealed record Unreadable(string Why) : ProviderIntakeResult;

    /// <summary>Received and kept for the first time.</summary>
    public sealed record Accepted(IntakeReceiptDocument Receipt) : ProviderIntakeResult;

    /// <summary>A retry of an event already received: the first answer, nothing new stored.</summary>
    public sealed record Replayed(IntakeReceiptDocument Receipt) : ProviderIntakeResult;
}

/// <summary>
/// The one intake path every provider's webhook takes: verify over the raw bytes (the provider's own scheme), read the
/// event, find its agreement and notice, stamp the notice under § 6(h) with the <see cref="NoticeStamper"/> over every
/// delivery linked to it, and store what was received, exactly once per provider event.
/// </summary>
/// <remarks>
/// <para>
/// Exactly once: the receipt's id is a hash of provider, source and the provider's event identity, and its conditional
/// add decides. A retry reads the first receipt and answers it; nothing new is stored. The receipt is written first and
/// carries the notice and the link it made, so a retry after a try that stopped between its writes finishes them (each
/// an add that conflicts when already there).
/// </para>
/// <para>
/// Matching: a fax by the number it was sent to (<see cref="AgreementTerms.NoticeFaxNumbers"/>), then an expected notice
/// of that agreement awaiting a fax from the calling number, else a notice of its own; the sender is the Holder's
/// contact with the calling number, else "unidentified". A shipment by its tracking number, to the notice registered
/// with it, else unmatched. An envelope by its id, to the notice registered with it, else to the agreement its custom
/// field names, else unmatched. Unmatched and stamp-less events are kept all the same.
/// </para>
/// </remarks>
public class ProviderIntake
{
    /// <summary>The sender of a fax whose calling number is no Holder contact's, for a person to assign.</summary>
    public const string Unidentified = "unidentified";

    private readonly IReadOnlyDictionary<string, IntakeProvider> providers;
    private readonly IOptions<IntakeOptions> options;
    private readonly IntakeReceiptStore receipts;
    private readonly ExpectedNotices expected;
    private readonly FaxNumberDirectory faxNumbers;
    private readonly AgreementStore agreements;
    private readonly NoticeStore notices;
    private readonly IClock clock;

    /// <summary>Creates the intake over its providers, their options, the stores, the expected notices and the clock.</summary>
    public ProviderIntake(
        IEnumerable<IntakeProvider> providers, IOptions<IntakeOptions> options, IntakeReceiptStore receipts, ExpectedNotices expected,
        FaxNumberDirectory faxNumbers, AgreementStore agreements, NoticeStore notices, IClock clock)
    {
        ArgumentNullException.ThrowIfNull(providers);
        this.providers = providers.ToDictionary(p => p.Name, StringComparer.Ordinal);
        this.options = options ?? throw new ArgumentNullException(nameof(options));
        this.receipts = receipts ?? throw new ArgumentNullException(nameof(receipts));
        this.expected = expected ?? throw new ArgumentNullException(nameof(expected));
        this.faxNumbers = faxNumbers ?? throw new ArgumentNullException(nameof(faxNumbers));
        this.agreements = agreements ?? throw new ArgumentNullException(nameof(agreements));
        this.notices = notices ?? throw new ArgumentNullException(nameof(notices));
        this.clock = clock ?? throw new ArgumentNullException(nameof(clock));
    }

    /// <summary>The providers' names.</summary>
    public IEnumerable<string> ProviderNames => providers.Keys;

    /// <summary>Each configured source whose key material cannot verify anything, with the reason.</summary>
    public IReadOnlyList<(string Provider, string Source, string Reason)> UnusableSources()
    {
        var unusable = new List<(string, string, string)>();
        foreach (var provider in providers.Values)
        {
            foreach (var (source, settings) in options.Value.SourcesOf(provider.Name) ?? new Dictionary<string, IntakeSourceOptions>())
            {
                if (provider.Unusable(settings) is { } reason)
                {
                    unusable.Add((provider.Name, source, reason));
                }
            }
        }

        return unusable;
    }

    /// <summary>Verifies, reads, matches, stamps and stores one provider webhook.</summary>
    /// <param name="provider">The provider's name from the route.</param>
    /// <param name="request">The request, its body as received.</param>
    /// <param name="cancellationToken">Cancels the storage calls.</param>
    public virtual async Task<ProviderIntakeResult> ReceiveAsync(string provider, IntakeRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(provider);
        ArgumentNullException.ThrowIfNull(request);
        if (!providers.TryGetValue(provider, out var scheme) ||
            options.Value.SourcesOf(provider) is not { } sources || !sources.TryGetValue(request.Source, out var settings))
        {
            return new ProviderIntakeResult.UnknownSource(provider, request.Source);
        }

        // 1. Verify over the bytes as received, before anything reads them.
        var now = clock.GetCurrentInstant();
        var verification = scheme.Verify(settings, request, now, Duration.FromTimeSpan(options.Value.Tolerance));
        if (!verification.IsVerified)
        {
            return new ProviderIntakeResult.Refused(verification.Failure!, verification.Misconfigured);
        }

        // 2. Read the event.
        if (scheme.Parse(request, out var error) is not { } parsed)
        {
            return new ProviderIntakeResult.Unreadable(error ?? "The body is not an event of this provider's.");
        }

        // 3. The same provider event again: the first answer, after finishing whatever its first try left undone.
        var receiptId = IntakeReceiptStore.ReceiptIdFor(scheme.Name, request.Source, parsed.EventId);
        if (await receipts.GetAsync(receiptId, cancellationToken).ConfigureAwait(false) is { } first)
        {
            await FinishAsync(first, cancellationToken).ConfigureAwait(false);
            return new ProviderIntakeResult.Replayed(Read(first));
        }

        // 4. Find the agreement and the notice; 5. stamp the notice with this delivery among its deliveries.
        var match = await MatchAsync(scheme.Name, request.Source, parsed, cancellationToken).ConfigureAwait(false);
        var bodySha256 = Convert.ToHexStringLower(SHA256.HashData(request.Body.Span));
        var zone = match.Agreement?.Terms.TimeZone ?? DateTimeZone.Utc;
        var receivedAt = now.InZone(zone).ToOffsetDateTime();
        StoredNoticeLink? link = null;
        NoticeStampResponse? stamp = null;
        var outcome = match.Outcome;
        var explanation = $"{parsed.Summary} {match.Explanation}";
        var delivery = parsed.Delivery?.ToDocument();
        if (match.Agreement is { } agreement && match.NoticeId is { } noticeId)
        {
            var linkDocument = new NoticeReceiptLinkDocument(receiptId, scheme.Name, request.Source, parsed.EventId, parsed.EventType, receivedAt, bodySha256, delivery, null);
            link = new StoredNoticeLink(noticeId, agreement.Id, receiptId, now, NoticeRows.Write(linkDocument));
            if (delivery is not null)
            {
                var reported = match.Links.Select(l => NoticeRows.ReadLink(l.Document).Delivery).Append(delivery).ToList();
                var (linked, index) = LinkedNotices.Stamp(agreement.Terms, reported, now);
                if (linked is not null && index[^1] is not null)
                {
                    stamp = linked;
                    outcome = IntakeOutcome.Stamped;
                }
                else
                {
                    outcome = IntakeOutcome.Recorded;
                    explanation += " It reports no moment § 6(h) counts from yet (a courier's mailing, a transmission), or one outside the dates the calendar covers, so it is recorded beside the notice without changing its stamp.";
                }
            }
        }

        var headers = scheme.KeptHeaders
            .Select(h => (Name: h.ToLowerInvariant(), Value: request.Header(h)))
            .Where(h => h.Value is not null)
            .ToDictionary(h => h.Name, h => h.Value!, StringComparer.Ordinal);
        var document = new IntakeReceiptDocument(receiptId, scheme.Name, request.Source, parsed.EventId, parsed.EventType, receivedAt, bodySha256,
            request.Body.Length, headers, outcome, explanation.Trim(), match.Agreement?.Id, match.NoticeId, delivery, stamp);
        var candidate = new StoredReceipt(receiptId, scheme.Name, request.Source, parsed.EventId, now, request.Body,
            NoticeRows.Write(document), match.NewNotice, link);

        // 6. Store: the receipt's conditional add decides which try of the event is the first.
        var stored = await receipts.AddAsync(candidate, cancellationToken).ConfigureAwait(false);
        await FinishAsync(stored, cancellationToken).ConfigureAwait(false);
        return ReferenceEquals(stored, candidate)
            ? new ProviderIntakeResult.Accepted(document)
            : new ProviderIntakeResult.Replayed(Read(stored));
    }

    /// <summary>A receipt as stored, or null.</summary>
    public virtual async Task<IntakeReceiptDocument?> GetReceiptAsync(string receiptId, CancellationToken cancellationToken = default) =>
        await receipts.GetAsync(receiptId, cancellationToken).ConfigureAwait(false) is { } stored ? Read(stored) : null;

    /// <summary>A receipt's body exactly as received, or null when there is no such receipt.</summary>
    public virtual async Task<ReadOnlyMemory<byte>?> GetReceiptBodyAsync(string receiptId, CancellationToken cancellationToken = default) =>
        await receipts.GetAsync(receiptId, cancellationToken).ConfigureAwait(false) is { } stored ? stored.Body : null;

    /// <summary>A source's receipts in the order received, or null when the provider or source is not configured.</summary>
    public virtual async Task<IReadOnlyList<IntakeReceiptDocument>?> ListReceiptsAsync(string provider, string source, CancellationToken cancellationToken = default)
    {
        if (!providers.ContainsKey(provider) || options.Value.SourcesOf(provider) is not { } sources || !sources.ContainsKey(source))
        {
            return null;
        }

        return [.. (await receipts.ListAsync(provider, source, cancellationToken).ConfigureAwait(false)).Select(Read)];
    }

    private static IntakeReceiptDocument Read(StoredReceipt stored) => NoticeRows.ReadReceipt(stored.Document);

    private async Task FinishAsync(StoredReceipt receipt, CancellationToken cancellationToken)
    {
        if (receipt.Notice is { } notice)
        {
            await notices.AddAsync(notice, cancellationToken).ConfigureAwait(false);
        }

        if (receipt.Link is { } link)
        {
            await notices.AddLinkAsync(link, cancellationToken).ConfigureAwait(false);
        }
    }

    private sealed record Match(
        IntakeOutcome Outcome, string Explanation, StoredAgreement? Agreement = null, string? NoticeId = null,
        StoredNotice? NewNotice = null, IReadOnlyList<StoredNoticeLink>? KnownLinks = null)
    {
        public IReadOnlyList<StoredNoticeLink> Links => KnownLinks ?? [];
    }

    private Task<Match> MatchAsync(string provider, string source, ProviderEvent parsed, CancellationToken cancellationToken) => parsed.Route switch
    {
        IntakeRoute.Fax fax => MatchFaxAsync(provider, source, parsed, fax, cancellationToken),
        IntakeRoute.Tracking tracking => MatchTrackingAsync(tracking, cancellationToken),
        IntakeRoute.Envelope envelope => MatchEnvelopeAsync(provider, source, parsed, envelope, cancellationToken),
        _ => throw new InvalidOperationException($"Unknown route {parsed.Route.GetType().Name}."),
    };

    private async Task<Match> MatchFaxAsync(string provider, string source, ProviderEvent parsed, IntakeRoute.Fax fax, CancellationToken cancellationToken)
    {
        var candidates = await faxNumbers.FindAsync(fax.To, cancellationToken).ConfigureAwait(false);
        if (candidates.Count == 0)
        {
            return new Match(IntakeOutcome.Unmatched, $"No agreement names {fax.To} among its notice fax numbers (terms.noticeFaxNumbers); kept for a person to assign.");
        }

        // Several agreements may name one number (one company, two deals): the calling number picks one if it is a
        // Holder's contact under exactly one of them.
        var found = new List<(StoredAgreement Agreement, ContactMatch? Sender)>();
        foreach (var id in candidates)
        {
            if (await agreements.GetAgreementAsync(id, cancellationToken).ConfigureAwait(false) is { } candidate)
            {
                found.Add((candidate, SenderOf(candidate, fax.From)));
            }
        }

        var chosen = found.Count == 1 ? found : found.Where(f => f.Sender is not null).ToList();
        if (chosen.Count != 1)
        {
            return new Match(IntakeOutcome.Unmatched,
                $"{fax.To} is a notice fax number of {found.Count} agreements ({string.Join(", ", found.Select(f => f.Agreement.Id))}) and the calling number {fax.From} " +
                "does not pick one; kept for a person to assign.");
        }

        var (agreement, sender) = chosen[0];
        var senderWords = sender is { } s
            ? $"The sender is {s.Name}, whose contact has the calling number {fax.From}."
            : $"The calling number {fax.From} is no Holder contact's: the sender is \"{Unidentified}\", for a person to assign.";
        if (parsed.Delivery is null)
        {
            return new Match(IntakeOutcome.Recorded, $"Sent to {fax.To}, a notice fax number of agreement {agreement.Id}. {senderWords} It carries no delivery to stamp.", agreement);
        }

        // An expected notice of the agreement awaiting a fax from this number takes it; else the fax is a notice of its own.
        var (heads, links) = await notices.ListWithLinksAsync(agreement.Id, cancellationToken).ConfigureAwait(false);
        var awaiting = heads
            .Select(h => (Head: h, Document: NoticeIntake.Read(h)))
            .Where(h => h.Document.Origin == NoticeDocument.FromExpected &&
                h.Document.Expected.Any(e => e.Method == DeliveryMethod.Facsimile && FaxNumber.SameNumber(e.FaxNumber, fax.From)) &&
                !links.Any(l => l.NoticeId == h.Head.NoticeId && NoticeRows.ReadLink(l.Document).Delivery?.Method == DeliveryMethod.Facsimile))
            .OrderBy(h => h.Head.ReceivedAt)
            .FirstOrDefault();
        if (awaiting.Head is { } head)
        {
            return new Match(IntakeOutcome.Stamped,
                $"Sent to {fax.To}, a notice fax number of agreement {agreement.Id}. {senderWords} Linked to expected notice {head.NoticeId}, registered to come by fax from {fax.From}.",
                agreement, head.NoticeId, null, [.. links.Where(l => l.NoticeId == head.NoticeId)]);
        }

        var noticeId = NoticeStore.NoticeIdFor(agreement.Id, $"{provider}.{source}", "fax:" + parsed.Delivery.Key);
        var recipient = agreement.Document.Contacts?.FirstOrDefault(c => FaxNumber.SameNumber(c.Facsimile, fax.To)) is { } to
            ? $"{to.Name} ({to.Represents ?? to.Role?.ToString()}), facsimile {fax.To}"
            : $"the notice fax number {fax.To}";
        var newNotice = NewNotice(agreement, noticeId, provider, source, parsed, sender?.Name ?? Unidentified, recipient, "unclassified");
        return new Match(IntakeOutcome.Stamped,
            $"Sent to {fax.To}, a notice fax number of agreement {agreement.Id}. {senderWords} No expected notice awaits a fax from that number, so the fax is notice {noticeId}, its kind unclassified until a person classifies it.",
            agreement, noticeId, newNotice, [.. links.Where(l => l.NoticeId == noticeId)]);
    }

    private async Task<Match> MatchTrackingAsync(IntakeRoute.Tracking tracking, CancellationToken cancellationToken)
    {
        if (await expected.FindAsync(ExpectedKey.Tracking, tracking.TrackingNumber, cancellationToken).ConfigureAwait(false) is not { } registered)
        {
            return new Match(IntakeOutcome.Unmatched,
                $"No notice was registered with tracking number {tracking.TrackingNumber} (POST /api/agreements/{{id}}/notices/expected); kept unmatched.");
        }

        return new Match(IntakeOutcome.Recorded,
            $"Tracking number {tracking.TrackingNumber} was registered for notice {registered.NoticeId} of agreement {registered.Agreement.Id}.",
            registered.Agreement, registered.NoticeId, null, registered.Links);
    }

    private async Task<Match> MatchEnvelopeAsync(string provider, string source, ProviderEvent parsed, IntakeRoute.Envelope envelope, CancellationToken cancellationToken)
    {
        if (await expected.FindAsync(ExpectedKey.Envelope, envelope.EnvelopeId, cancellationToken).ConfigureAwait(false) is { } registered)
        {
            return new Match(IntakeOutcome.Recorded,
                $"Envelope {envelope.EnvelopeId} was registered for notice {registered.NoticeId} of agreement {registered.Agreement.Id}.",
                registered.Agreement, registered.NoticeId, null, registered.Links);
        }

        if (envelope.AgreementId is not { } agreementId ||
            await agreements.GetAgreementAsync(agreementId, cancellationToken).ConfigureAwait(false) is not { } agreement)
        {
            return new Match(IntakeOutcome.Unmatched,
                envelope.AgreementId is null
                    ? $"Envelope {envelope.EnvelopeId} was registered for no notice and names no agreement in its custom fields; kept unmatched."
                    : $"Envelope {envelope.EnvelopeId} names agreement {envelope.AgreementId}, which does not exist; kept unmatched.");
        }

        var noticeId = NoticeStore.NoticeIdFor(agreement.Id, $"{provider}.{source}", "envelope:" + envelope.EnvelopeId);
        var known = await notices.ListLinksAsync(noticeId, cancellationToken).ConfigureAwait(false);
        var newNotice = NewNotice(agreement, noticeId, provider, source, parsed, envelope.Sender ?? Unidentified,
            envelope.Recipient ?? "the envelope's recipients", envelope.Subject ?? "unclassified");
        return new Match(IntakeOutcome.Recorded,
            $"Envelope {envelope.EnvelopeId} names agreement {agreement.Id} in its custom fields; its events make notice {noticeId}.",
            agreement, noticeId, newNotice, known);
    }

    private StoredNotice NewNotice(StoredAgreement agreement, string noticeId, string provider, string source, ProviderEvent parsed, string sender, string recipient, string kind)
    {
        var zone = agreement.Terms.TimeZone;
        var now = clock.GetCurrentInstant();
        var document = new NoticeDocument(noticeId, agreement.Id, $"{provider}/{source}", parsed.EventId, Clip(sender), Clip(recipient), Clip(kind), null,
            "", now.InZone(zone).ToOffsetDateTime(), agreement.UpdatedAt.InZone(zone).ToOffsetDateTime(), null, NoticeDocument.FromProvider, [], []);
        return new StoredNotice(noticeId, agreement.Id, $"{provider}/{source}", parsed.EventId, "", now,
            parsed.Delivery?.Method.ToString().ToLowerInvariant() ?? "", NoticeIntake.Write(document));
    }

    private static string Clip(string text)
    {
        var oneLine = string.Concat(text.Select(c => char.IsControl(c) ? ' ' : c)).Trim();
        return oneLine.Length <= NoticeIntake.MaxText ? oneLine : oneLine[..NoticeIntake.MaxText];
    }

    private sealed record ContactMatch(string Name);

    // A Holder's contact (a Holder, or its counsel acting for it) with the calling number.
    private static ContactMatch? SenderOf(StoredAgreement agreement, string from) =>
        agreement.Document.Contacts?
            .Where(c => c.Role is RegRights.Contracts.Agreements.ContactRole.Holder or RegRights.Contracts.Agreements.ContactRole.HoldersCounsel)
            .FirstOrDefault(c => FaxNumber.SameNumber(c.Facsimile, from)) is { } contact
            ? new ContactMatch(contact.Represents is { Length: > 0 } r && r != contact.Name ? $"{r} ({contact.Name})" : contact.Name ?? Unidentified)
            : null;
}

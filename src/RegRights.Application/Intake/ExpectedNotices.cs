using System.Globalization;
using System.Security.Cryptography;
using NodaTime;
using RegRights.Application.Agreements;
using RegRights.Application.Notices;
using RegRights.Contracts.Notices;
using RegRights.Core.Agreements;
using RegRights.Core.Notices;

namespace RegRights.Application.Intake;

/// <summary>What became of a notice registered with <see cref="ExpectedNotices.RegisterAsync"/>.</summary>
public abstract record ExpectedNoticeResult
{
    private ExpectedNoticeResult()
    {
    }

    /// <summary>Registered.</summary>
    public sealed record Registered(NoticeDocument Notice) : ExpectedNoticeResult;

    /// <summary>Registered before under the same idempotency key: the notice as it is now.</summary>
    public sealed record Replayed(NoticeDocument Notice) : ExpectedNoticeResult;

    /// <summary>No such agreement.</summary>
    public sealed record AgreementNotFound(string AgreementId) : ExpectedNoticeResult;

    /// <summary>A tracking number or envelope id already names another notice (<paramref name="NoticeId"/>).</summary>
    public sealed record AlreadyRegistered(string Path, string Value, string NoticeId) : ExpectedNoticeResult;

    /// <summary>Field errors, keyed by JSON path.</summary>
    public sealed record Invalid(IReadOnlyDictionary<string, string[]> Errors) : ExpectedNoticeResult;
}

/// <summary>The expected notice a tracking number or envelope id was registered for, with what is linked to it so far.</summary>
/// <param name="Agreement">The agreement the notice is under.</param>
/// <param name="NoticeId">The notice.</param>
/// <param name="Links">The provider webhooks already linked to it, in the order received.</param>
public sealed record RegisteredNotice(StoredAgreement Agreement, string NoticeId, IReadOnlyList<StoredNoticeLink> Links);

/// <summary>
/// Notices registered before they arrive (<c>POST /api/agreements/{id}/notices/expected</c>): the ways each will come,
/// so that the providers' webhooks for it (a courier's tracking number, a DocuSign envelope id, a fax from the sender's
/// number) are linked to this one notice, effective at the earliest of its deliveries.
/// </summary>
/// <remarks>
/// A tracking number or envelope id names one notice only: registering it for a second is refused. The notice is
/// written first, then each number (an add that conflicts when already there), so a retry under the same
/// <c>Idempotency-Key</c> finishes a registration that stopped between its writes.
/// </remarks>
public class ExpectedNotices
{
    /// <summary>The "source" of an expected notice's id.</summary>
    public const string Source = "expected";

    private readonly AgreementStore agreements;
    private readonly NoticeStore notices;
    private readonly ExpectedDeliveryStore expected;
    private readonly IClock clock;

    /// <summary>Creates the service over the stores and the clock.</summary>
    public ExpectedNotices(AgreementStore agreements, NoticeStore notices, ExpectedDeliveryStore expected, IClock clock)
    {
        this.agreements = agreements ?? throw new ArgumentNullException(nameof(agreements));
        this.notices = notices ?? throw new ArgumentNullException(nameof(notices));
        this.expected = expected ?? throw new ArgumentNullException(nameof(expected));
        this.clock = clock ?? throw new ArgumentNullException(nameof(clock));
    }

    /// <summary>Registers an expected notice under the agreement.</summary>
    /// <param name="agreementId">The agreement.</param>
    /// <param name="request">The notice and the ways it will come.</param>
    /// <param name="body">The body as received, whose SHA-256 is kept.</param>
    /// <param name="idempotencyKey">The client's key, the same on every retry; null for a registration that is never retried.</param>
    /// <param name="cancellationToken">Cancels the storage calls.</param>
    public virtual async Task<ExpectedNoticeResult> RegisterAsync(
        string agreementId, ExpectedNoticeRequest request, ReadOnlyMemory<byte> body, string? idempotencyKey, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(agreementId);
        ArgumentNullException.ThrowIfNull(request);
        var errors = Validate(request, idempotencyKey);
        if (errors.Count > 0)
        {
            return new ExpectedNoticeResult.Invalid(errors);
        }

        if (await agreements.GetAgreementAsync(agreementId, cancellationToken).ConfigureAwait(false) is not { } agreement)
        {
            return new ExpectedNoticeResult.AgreementNotFound(agreementId);
        }

        var noticeId = NoticeStore.NoticeIdFor(agreement.Id, Source, idempotencyKey ?? Guid.NewGuid().ToString("N"));
        var keys = Keys(request).ToList();
        foreach (var (path, kind, value) in keys)
        {
            if (await expected.GetAsync(kind, value, cancellationToken).ConfigureAwait(false) is { } other && other.NoticeId != noticeId)
            {
                return new ExpectedNoticeResult.AlreadyRegistered(path, value, other.NoticeId);
            }
        }

        var now = clock.GetCurrentInstant();
        var zone = agreement.Terms.TimeZone;
        var document = new NoticeDocument(noticeId, agreement.Id, Source, idempotencyKey ?? noticeId[33..], request.Sender!.Trim(), request.Recipient!.Trim(),
            request.Kind!.Trim(), request.DocumentUri is { } uri ? new Uri(uri) : null, Convert.ToHexStringLower(SHA256.HashData(body.Span)),
            now.InZone(zone).ToOffsetDateTime(), agreement.UpdatedAt.InZone(zone).ToOffsetDateTime(), null, NoticeDocument.FromExpected,
            [.. request.Deliveries!.Select(d => Normalized(d!))], []);
        var candidate = new StoredNotice(noticeId, agreement.Id, Source, document.WebhookId, document.BodySha256, now,
            string.Join(",", request.Deliveries!.Select(d => d!.Method!.Value.ToString().ToLowerInvariant())), NoticeIntake.Write(document));
        var stored = await notices.AddAsync(candidate, cancellationToken).ConfigureAwait(false);
        foreach (var (path, kind, value) in keys)
        {
            var registered = await expected.AddAsync(kind, value, new ExpectedDelivery(agreement.Id, noticeId), cancellationToken).ConfigureAwait(false);
            if (registered.NoticeId != noticeId)
            {
                // Another registration took the number between the check above and this add.
                return new ExpectedNoticeResult.AlreadyRegistered(path, value, registered.NoticeId);
            }
        }

        var links = await notices.ListLinksAsync(noticeId, cancellationToken).ConfigureAwait(false);
        var notice = LinkedNotices.Assemble(stored, links, agreement);
        return stored == candidate ? new ExpectedNoticeResult.Registered(notice) : new ExpectedNoticeResult.Replayed(notice);
    }

    /// <summary>
    /// The notice <paramref name="value"/> (a tracking number, an envelope id, as a provider reports it) was registered
    /// for, or null when none was or its agreement is gone.
    /// </summary>
    /// <param name="kind">Which kind of number <paramref name="value"/> is.</param>
    /// <param name="value">The number; normalized as it was registered (<see cref="ExpectedDeliveryStore.Normalize"/>).</param>
    /// <param name="cancellationToken">Cancels the storage calls.</param>
    public virtual async Task<RegisteredNotice?> FindAsync(ExpectedKey kind, string value, CancellationToken cancellationToken = default)
    {
        if (await expected.GetAsync(kind, value, cancellationToken).ConfigureAwait(false) is not { } registered ||
            await agreements.GetAgreementAsync(registered.AgreementId, cancellationToken).ConfigureAwait(false) is not { } agreement)
        {
            return null;
        }

        var links = await notices.ListLinksAsync(registered.NoticeId, cancellationToken).ConfigureAwait(false);
        return new RegisteredNotice(agreement, registered.NoticeId, links);
    }

    private static ExpectedDeliveryDocument Normalized(ExpectedDeliveryDocument d) => d with
    {
        TrackingNumber = d.TrackingNumber is { } t ? ExpectedDeliveryStore.Normalize(ExpectedKey.Tracking, t) : null,
        FaxNumber = d.FaxNumber is { } f && FaxNumber.TryNormalize(f, out var e164) ? e164 : null,
        EnvelopeId = d.EnvelopeId is { } e ? ExpectedDeliveryStore.Normalize(ExpectedKey.Envelope, e) : null,
    };

    private static IEnumerable<(string Path, ExpectedKey Kind, string Value)> Keys(ExpectedNoticeRequest request)
    {
        for (var i = 0; i < request.Deliveries!.Count; i++)
        {
            var d = request.Deliveries[i]!;
            if (d.TrackingNumber is { } tracking)
            {
                yield return (Invariant($"deliveries[{i}].trackingNumber"), ExpectedKey.Tracking, ExpectedDeliveryStore.Normalize(ExpectedKey.Tracking, tracking));
            }

            if (d.EnvelopeId is { } envelope)
            {
                yield return (Invariant($"deliveries[{i}].envelopeId"), ExpectedKey.Envelope, ExpectedDeliveryStore.Normalize(ExpectedKey.Envelope, envelope));
            }
        }
    }

    private static Dictionary<string, string[]> Validate(ExpectedNoticeRequest request, string? idempotencyKey)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        NoticeIntake.Text(errors, "sender", request.Sender);
        NoticeIntake.Text(errors, "recipient", request.Recipient);
        NoticeIntake.Text(errors, "kind", request.Kind);
        if (request.DocumentUri is { } uri &&
            (uri.Length > NoticeIntake.MaxUri || !Uri.TryCreate(uri, UriKind.Absolute, out var parsed) || (parsed.Scheme != Uri.UriSchemeHttps && parsed.Scheme != Uri.UriSchemeHttp)))
        {
            errors["documentUri"] = [$"An absolute https (or http) URI of at most {NoticeIntake.MaxUri} characters, or omit it."];
        }

        if (idempotencyKey is { } key && (key.Length is 0 or > 255 || key.Any(c => c is < '!' or > '~')))
        {
            errors["Idempotency-Key"] = ["Must be 1 to 255 printable ASCII characters without spaces, e.g. a UUID."];
        }

        if (request.Deliveries is not { Count: > 0 } deliveries || deliveries.Count > Contracts.Notices.NoticeRequestParser.MaxDeliveries)
        {
            errors["deliveries"] = [$"One to {Contracts.Notices.NoticeRequestParser.MaxDeliveries} ways the notice will come."];
            return errors;
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < deliveries.Count; i++)
        {
            var path = Invariant($"deliveries[{i}]");
            if (deliveries[i] is not { } d)
            {
                errors[path] = ["A delivery is required."];
                continue;
            }

            switch (d.Method)
            {
                case DeliveryMethod.Courier when d.TrackingNumber is { } t && ExpectedDeliveryStore.Normalize(ExpectedKey.Tracking, t) is { Length: >= 6 and <= 40 } n:
                    Unique(errors, seen, $"{path}.trackingNumber", "tracking:" + n);
                    break;
                case DeliveryMethod.Courier:
                    errors[$"{path}.trackingNumber"] = ["A courier delivery needs its tracking number: 6 to 40 letters and digits (spaces and hyphens are ignored)."];
                    break;
                case DeliveryMethod.Facsimile when FaxNumber.TryNormalize(d.FaxNumber, out _):
                    break;
                case DeliveryMethod.Facsimile:
                    errors[$"{path}.faxNumber"] = ["A facsimile delivery needs the number it will be sent from, e.g. +1 416 555 0100 (a 10-digit number is read as North American)."];
                    break;
                case DeliveryMethod.Email when d.EnvelopeId is { Length: >= 1 and <= 100 } e && e.All(c => char.IsAsciiLetterOrDigit(c) || c == '-'):
                    Unique(errors, seen, $"{path}.envelopeId", "envelope:" + e.ToLowerInvariant());
                    break;
                case DeliveryMethod.Email:
                    errors[$"{path}.envelopeId"] = ["An e-signature delivery needs its DocuSign envelope id (letters, digits and hyphens, as DocuSign gives it)."];
                    break;
                default:
                    errors[$"{path}.method"] = ["courier (with trackingNumber), facsimile (with faxNumber) or email (with envelopeId): the ways a provider's webhook can report."];
                    break;
            }
        }

        return errors;
    }

    private static void Unique(Dictionary<string, string[]> errors, HashSet<string> seen, string path, string key)
    {
        if (!seen.Add(key))
        {
            errors[path] = ["Listed twice."];
        }
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}

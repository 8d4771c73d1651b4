using System.Security.Cryptography;
using NodaTime;
using RegRights.Application.Agreements;
using RegRights.Application.Notices.Rows;
using RegRights.Contracts.Notices;
using RegRights.Core.Agreements;
using RegRights.Core.Notices;

namespace RegRights.Application.Notices;

/// <summary>What became of one notice handed to <see cref="NoticeIntake.ReceiveAsync"/>.</summary>
public abstract record NoticeIntakeResult
{
    private NoticeIntakeResult()
    {
    }

    /// <summary>Stored and stamped for the first time: the answer carries the notice's id and its stamp.</summary>
    public sealed record Accepted(NoticeReceivedResponse Notice) : NoticeIntakeResult;

    /// <summary>The same webhook again, with the same body: the first answer, nothing new stored.</summary>
    public sealed record Replayed(NoticeReceivedResponse Notice) : NoticeIntakeResult;

    /// <summary>The webhook id was first used for another body (received at the time given, in the agreement's zone): refused, nothing stored.</summary>
    public sealed record WebhookIdReused(string WebhookId, OffsetDateTime FirstReceivedAt) : NoticeIntakeResult;

    /// <summary>No agreement has the id the notice names.</summary>
    public sealed record AgreementNotFound(string AgreementId) : NoticeIntakeResult;

    /// <summary>Field errors, keyed by the field's JSON path (<c>deliveries[0].sentAt</c>).</summary>
    public sealed record Invalid(IReadOnlyDictionary<string, string[]> Errors) : NoticeIntakeResult;
}

/// <summary>
/// Takes in a notice a document system sent, once its signature is verified: checks it, stamps its legally effective
/// time under § 6(h) with this server's receipt time, and stores it before anyone is told, exactly once per webhook.
/// </summary>
/// <remarks>
/// The happy path is one storage call: the notice's conditional add, keyed by agreement, source and webhook id, is the
/// write and the idempotency check at once. A conflict means an earlier try of the same webhook got there first (its
/// answer lost, or a replay): the stored notice is read and its first stamp returned. The agreement's terms come from
/// <see cref="AgreementTermsCache"/>.
/// </remarks>
public class NoticeIntake
{
    /// <summary>The longest sender, recipient or kind text.</summary>
    public const int MaxText = 500;

    /// <summary>The longest document URI.</summary>
    public const int MaxUri = 2000;

    private readonly AgreementStore agreements;
    private readonly AgreementTermsCache terms;
    private readonly NoticeStore notices;
    private readonly IClock clock;

    /// <summary>Creates the intake over the stores, the agreements' terms and the clock that gives the receipt time.</summary>
    public NoticeIntake(AgreementStore agreements, AgreementTermsCache terms, NoticeStore notices, IClock clock)
    {
        this.agreements = agreements ?? throw new ArgumentNullException(nameof(agreements));
        this.terms = terms ?? throw new ArgumentNullException(nameof(terms));
        this.notices = notices ?? throw new ArgumentNullException(nameof(notices));
        this.clock = clock ?? throw new ArgumentNullException(nameof(clock));
    }

    /// <summary>For mocking.</summary>
    protected NoticeIntake()
    {
        agreements = null!;
        terms = null!;
        notices = null!;
        clock = null!;
    }

    /// <summary>Checks, stamps and stores one notice.</summary>
    /// <param name="source">The verified sender (the webhook source whose secret signed it).</param>
    /// <param name="webhookId">The webhook's id, unique per message for that source.</param>
    /// <param name="body">The body as received, whose SHA-256 is kept with the notice.</param>
    /// <param name="request">The body, parsed.</param>
    /// <param name="cancellationToken">Cancels the storage calls.</param>
    public virtual async Task<NoticeIntakeResult> ReceiveAsync(
        string source, string webhookId, ReadOnlyMemory<byte> body, NoticeIntakeRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(source);
        ArgumentException.ThrowIfNullOrEmpty(webhookId);
        ArgumentNullException.ThrowIfNull(request);

        // The agreement first, when the request names one: the deliveries are then read once, in its own zone, and
        // every field error is still reported at once. An unknown or missing agreement reads them in the seed's zone
        // (the range check's only use of the zone), so a request that is wrong and names no agreement is still a 400.
        var errors = Validate(request);
        var agreement = AgreementStore.IsWellFormedId(request.AgreementId)
            ? await terms.GetAsync(request.AgreementId!, cancellationToken).ConfigureAwait(false)
            : null;
        var parsed = NoticeRequestParser.Parse(request.ToStampRequest(), agreement?.Terms ?? AgreementTerms.NeoTherapeutics2000);
        foreach (var (path, messages) in parsed.Errors)
        {
            errors[path] = messages;
        }

        if (errors.Count > 0)
        {
            return new NoticeIntakeResult.Invalid(errors);
        }

        if (agreement is null)
        {
            return new NoticeIntakeResult.AgreementNotFound(request.AgreementId!);
        }

        var deliveries = parsed.Value;

        // § 6(h) is applied with this server's receipt time as the recorded moment; a claimed time after it is flagged.
        var noticeId = NoticeStore.NoticeIdFor(agreement.AgreementId, source, webhookId);
        var bodySha256 = Convert.ToHexStringLower(SHA256.HashData(body.Span));
        var receivedAt = clock.GetCurrentInstant();
        var zone = agreement.Terms.TimeZone;
        var stamp = NoticeStampResponse.From(NoticeStamper.Default.Stamp(agreement.Terms, deliveries, receivedAt), zone);
        var document = new NoticeDocument(noticeId, agreement.AgreementId, source, webhookId, request.Sender!.Trim(), request.Recipient!.Trim(),
            request.Kind!.Trim(), request.DocumentUri is { } uri ? new Uri(uri) : null, bodySha256,
            receivedAt.InZone(zone).ToOffsetDateTime(), agreement.AsOf.InZone(zone).ToOffsetDateTime(), stamp, NoticeDocument.FromWebhook, [], []);
        var json = Write(document);
        if (json.Length > NoticeStore.MaxDocumentChars)
        {
            return new NoticeIntakeResult.Invalid(new Dictionary<string, string[]>
            {
                ["deliveries"] = [$"The stamped notice is {json.Length} characters, more than the {NoticeStore.MaxDocumentChars} one record holds; send fewer deliveries or shorter texts."],
            });
        }

        var candidate = new StoredNotice(noticeId, agreement.AgreementId, source, webhookId, bodySha256, receivedAt,
            string.Join(",", request.Deliveries!.Select(d => d!.Method)), json);
        var stored = await notices.AddAsync(candidate, cancellationToken).ConfigureAwait(false);

        // AddAsync hands back the notice stored under the id: this one, or an earlier try's with its own receipt time. Equal
        // values, not the same instance: a transport retry of an add that had landed reads back exactly this notice.
        return stored == candidate
            ? new NoticeIntakeResult.Accepted(new NoticeReceivedResponse(noticeId, agreement.AgreementId, stamp))
            : Replay(stored, bodySha256);
    }

    /// <summary>
    /// A notice as stored, or null when there is none with that id. One made from or registered for provider webhooks
    /// comes with its linked webhooks and its stamp over them (<see cref="Intake.LinkedNotices"/>).
    /// </summary>
    public virtual async Task<NoticeDocument?> GetAsync(string noticeId, CancellationToken cancellationToken = default)
    {
        if (await notices.GetAsync(noticeId, cancellationToken).ConfigureAwait(false) is not { } stored)
        {
            return null;
        }

        var document = Read(stored);
        if (document.Origin == NoticeDocument.FromWebhook ||
            await agreements.GetAgreementAsync(stored.AgreementId, cancellationToken).ConfigureAwait(false) is not { } agreement)
        {
            return document;
        }

        var links = await notices.ListLinksAsync(noticeId, cancellationToken).ConfigureAwait(false);
        return Intake.LinkedNotices.Assemble(stored, links, agreement);
    }

    /// <summary>An agreement's notices in the order received, or null when the agreement does not exist.</summary>
    /// <remarks>One point read of the agreement and one partition query: the notices and the provider webhooks linked to them.</remarks>
    public virtual async Task<IReadOnlyList<NoticeDocument>?> ListAsync(string agreementId, CancellationToken cancellationToken = default)
    {
        if (await agreements.GetAgreementAsync(agreementId, cancellationToken).ConfigureAwait(false) is not { } agreement)
        {
            return null;
        }

        var (heads, links) = await notices.ListWithLinksAsync(agreementId, cancellationToken).ConfigureAwait(false);
        return [.. heads.Select(h => Intake.LinkedNotices.Assemble(h, [.. links.Where(l => l.NoticeId == h.NoticeId)], agreement))];
    }

    private static NoticeIntakeResult Replay(StoredNotice first, string bodySha256) =>
        string.Equals(first.BodySha256, bodySha256, StringComparison.Ordinal)
            ? new NoticeIntakeResult.Replayed(new NoticeReceivedResponse(first.NoticeId, first.AgreementId, Read(first).Stamp!))
            : new NoticeIntakeResult.WebhookIdReused(first.WebhookId, Read(first).ReceivedAt);

    internal static NoticeDocument Read(StoredNotice stored) => NoticeRows.ReadNotice(stored.Document);

    internal static string Write(NoticeDocument document) => NoticeRows.Write(document);

    private static Dictionary<string, string[]> Validate(NoticeIntakeRequest request)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (string.IsNullOrWhiteSpace(request.AgreementId))
        {
            errors["agreementId"] = ["Required: the id of the agreement the notice is given under."];
        }

        Text(errors, "sender", request.Sender);
        Text(errors, "recipient", request.Recipient);
        Text(errors, "kind", request.Kind);
        // Only a web address: the record's reader follows it, and javascript: or file: would run or open something there.
        if (request.DocumentUri is { } uri &&
            (uri.Length > MaxUri || !Uri.TryCreate(uri, UriKind.Absolute, out var parsed) || (parsed.Scheme != Uri.UriSchemeHttps && parsed.Scheme != Uri.UriSchemeHttp)))
        {
            errors["documentUri"] = [$"An absolute https (or http) URI of at most {MaxUri} characters, or omit it."];
        }

        return errors;
    }

    internal static void Text(Dictionary<string, string[]> errors, string path, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            errors[path] = ["Required."];
        }
        else if (value.Any(char.IsControl))
        {
            // NUL, CR or LF in a sender's name would split the line a reminder or a log shows it on.
            errors[path] = ["Control characters (NUL, CR, LF, tab and the like) are not allowed; give the text on one line."];
        }
        else if (value.Length > MaxText && new System.Globalization.StringInfo(value).LengthInTextElements > MaxText)
        {
            errors[path] = [$"At most {MaxText} characters, counted as text elements (an emoji or an accented letter is one)."];
        }
    }
}

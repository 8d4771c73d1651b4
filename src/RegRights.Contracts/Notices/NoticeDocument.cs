using NodaTime;

namespace RegRights.Contracts.Notices;

/// <summary>
/// A notice as received and stamped, as <c>GET /api/notices/{id}</c> and <c>GET /api/agreements/{id}/notices</c>
/// return it. It is stored whole when the notice is first received and never changed, so a replayed webhook and every
/// later read return the stamp first given.
/// </summary>
/// <param name="Id">
/// The notice id: the agreement's id, then a hash of the webhook source and <c>webhook-id</c>, so a retried webhook has
/// the same one.
/// </param>
/// <param name="AgreementId">The agreement it was given under.</param>
/// <param name="Source">The configured webhook source whose secret verified the signature.</param>
/// <param name="WebhookId">The sender's <c>webhook-id</c>.</param>
/// <param name="Sender">Who gave the notice.</param>
/// <param name="Recipient">To whom.</param>
/// <param name="Kind">What kind of notice, in the sender's words.</param>
/// <param name="DocumentUri">Where the document lives, or null.</param>
/// <param name="BodySha256">SHA-256 of the request body exactly as received, lowercase hex.</param>
/// <param name="ReceivedAt">When this server received it, by its own clock (the stamp's <c>recordedAt</c>), in the agreement's zone.</param>
/// <param name="TermsAsOf">
/// When the agreement record whose terms (zone, fax cutoff, calendar) stamped this notice had last been written: an
/// instance stamps with terms it read at most <c>Notices:TermsCacheDuration</c> before, so a change made through
/// another instance just before the notice shows here as a time before that change. In the agreement's zone.
/// </param>
/// <param name="Stamp">
/// The § 6(h) stamp: for a signed notice, the one <c>POST /api/notices</c> answered with; for a notice whose deliveries
/// came from providers, the stamp over every delivery linked to it so far (the earliest wins), under the agreement's
/// terms as of <paramref name="TermsAsOf"/>; null while an expected notice has no delivery yet.
/// </param>
/// <param name="Origin">
/// How the notice came: <c>webhook</c> (signed and posted whole to <c>POST /api/notices</c>), <c>provider</c> (made from a
/// provider's webhook: a fax, an envelope) or <c>expected</c> (registered beforehand, its deliveries linked as they arrive).
/// </param>
/// <param name="Expected">The ways an expected notice was registered to come; empty for the others.</param>
/// <param name="Receipts">The provider webhooks linked to it, in the order received; empty for a signed notice.</param>
public sealed record NoticeDocument(
    string Id,
    string AgreementId,
    string Source,
    string WebhookId,
    string Sender,
    string Recipient,
    string Kind,
    Uri? DocumentUri,
    string BodySha256,
    OffsetDateTime ReceivedAt,
    OffsetDateTime TermsAsOf,
    NoticeStampResponse? Stamp,
    string Origin,
    IReadOnlyList<ExpectedDeliveryDocument> Expected,
    IReadOnlyList<NoticeReceiptLinkDocument> Receipts)
{
    /// <summary><see cref="Origin"/> of a notice signed and posted whole.</summary>
    public const string FromWebhook = "webhook";

    /// <summary><see cref="Origin"/> of a notice made from a provider's webhook.</summary>
    public const string FromProvider = "provider";

    /// <summary><see cref="Origin"/> of a notice registered before it arrived.</summary>
    public const string FromExpected = "expected";
}

namespace RegRights.Contracts.Notices;

/// <summary>
/// A notice as a document system posts it to <c>POST /api/notices</c> (signed as a Standard Webhook): the agreement it
/// is given under, who sent it to whom, what it is, every way it was sent and, optionally, where the document lives.
/// </summary>
/// <remarks>
/// The deliveries are read by <see cref="NoticeRequestParser.Parse"/> (through <see cref="ToStampRequest"/>), so the
/// intake and <c>regrights stamp</c> refuse the same input with the same field paths, e.g. <c>deliveries[0].sentAt</c>
/// for a time without its UTC offset.
/// </remarks>
public sealed record NoticeIntakeRequest
{
    /// <summary>The id of the agreement the notice is given under (32 lowercase hex digits).</summary>
    public string? AgreementId { get; init; }

    /// <summary>Who gave the notice, e.g. "Royal Canadian Growth Fund".</summary>
    public string? Sender { get; init; }

    /// <summary>To whom, e.g. "NeoTherapeutics, Inc., Attention: Chief Financial Officer".</summary>
    public string? Recipient { get; init; }

    /// <summary>What kind of notice, in the sender's words, e.g. "request for registration" or "indemnification notice".</summary>
    public string? Kind { get; init; }

    /// <summary>Every way the notice was sent; at least one.</summary>
    public IReadOnlyList<DeliveryRequest?>? Deliveries { get; init; }

    /// <summary>Where the notice's document can be fetched, an absolute URI; optional.</summary>
    public string? DocumentUri { get; init; }

    /// <summary>The deliveries as the stamping request the parser reads.</summary>
    public StampNoticeRequest ToStampRequest() => new() { Deliveries = Deliveries };
}

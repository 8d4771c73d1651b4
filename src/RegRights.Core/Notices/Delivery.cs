using NodaTime;

namespace RegRights.Core.Notices;

/// <summary>
/// One way a notice was sent: the method, the moment the sender claims it left, and, when known, the moment it was
/// actually received. One notice sent by fax and by courier is two deliveries of the same notice (§ 6(h)).
/// </summary>
/// <remarks>
/// Times are <see cref="OffsetDateTime"/> so that a time without a UTC offset cannot even be represented: a legal
/// stamp is never built on a guessed zone. The offset is the sender's; the stamper reads the time in the agreement's zone.
/// The fax and tracking numbers are recorded, never judged: § 6(h)(i) names the number "specified in this Section",
/// § 6(h)(ii) the one "specified in the Purchase Agreement", and whether the number used was the right one is a
/// question for the lawyer.
/// </remarks>
public sealed record Delivery
{
    /// <summary>Creates a delivery.</summary>
    /// <param name="method">How it was sent.</param>
    /// <param name="sentAt">
    /// When the sender says it was sent: the facsimile's transmission, the courier's mailing, the e-mail's sending.
    /// </param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="method"/> is not a defined value.</exception>
    public Delivery(DeliveryMethod method, OffsetDateTime sentAt)
    {
        if (!Enum.IsDefined(method))
        {
            throw new ArgumentOutOfRangeException(nameof(method), method, "Not a delivery method.");
        }

        Method = method;
        SentAt = sentAt;
    }

    /// <summary>How it was sent.</summary>
    public DeliveryMethod Method { get; }

    /// <summary>When the sender claims it was sent (transmitted, mailed), with the sender's offset.</summary>
    public OffsetDateTime SentAt { get; }

    /// <summary>
    /// When the party to whom it was given actually received it, if known; § 6(h)(iv) needs it, the other clauses do not.
    /// </summary>
    public OffsetDateTime? ReceivedAt { get; init; }

    /// <summary>The facsimile number the notice was sent to, as recorded; not checked against § 6(h) or the Purchase Agreement.</summary>
    public string? FaxNumber { get; init; }

    /// <summary>The courier's tracking number, as recorded.</summary>
    public string? TrackingNumber { get; init; }
}

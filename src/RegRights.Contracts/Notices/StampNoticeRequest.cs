namespace RegRights.Contracts.Notices;

/// <summary>
/// A notice to stamp under § 6(h), as posted to <c>POST /api/notices</c> or given to <c>regrights stamp</c>:
/// every way the one notice was sent. Read it with <see cref="NoticeRequestParser.Parse"/>.
/// </summary>
public sealed record StampNoticeRequest
{
    /// <summary>Every way the notice was sent; at least one, at most <see cref="NoticeRequestParser.MaxDeliveries"/>.</summary>
    public IReadOnlyList<DeliveryRequest?>? Deliveries { get; init; }
}

/// <summary>
/// One way a notice was sent, as the sender claims it. Times are strings so that a time without a UTC offset is
/// refused with the field named, never read in a guessed zone.
/// </summary>
public sealed record DeliveryRequest
{
    /// <summary>"facsimile", "courier" (nationally recognized overnight courier), "email", "mail" or "hand".</summary>
    public string? Method { get; init; }

    /// <summary>When it was sent (transmitted, mailed): ISO-8601 with a required offset, e.g. "2000-05-26T15:05:00-07:00" or "…Z".</summary>
    public string? SentAt { get; init; }

    /// <summary>When it was actually received, if known, in the same format; § 6(h)(iv) needs it.</summary>
    public string? ReceivedAt { get; init; }

    /// <summary>The facsimile number used, recorded as given.</summary>
    public string? FaxNumber { get; init; }

    /// <summary>The courier's tracking number, recorded as given.</summary>
    public string? TrackingNumber { get; init; }
}

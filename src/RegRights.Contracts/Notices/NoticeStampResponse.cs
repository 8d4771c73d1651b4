using NodaTime;
using RegRights.Core.Notices;

namespace RegRights.Contracts.Notices;

/// <summary>
/// The one JSON document for a § 6(h) notice stamp, emitted alike by <c>POST /api/notices</c> and
/// <c>regrights stamp --json</c>. Build it only with <see cref="From"/>, so the two can never differ.
/// </summary>
/// <remarks>
/// Serialized with <see cref="RegRightsJson.Options"/>: <c>effectiveDate</c> is an ISO date or null (receipt needed
/// and not recorded), <c>countsFrom</c> and <c>recordedAt</c> are times in the agreement's zone with their offset
/// (<c>2000-05-30T00:00:00-07:00</c>), <c>rule</c> is "6(h)(i)" to "6(h)(iv)".
/// </remarks>
/// <param name="EffectiveDate">The effective date in the agreement's zone, or null.</param>
/// <param name="CountsFrom">The moment it counts from, in the agreement's zone, or null with the date.</param>
/// <param name="Rule">The clause applied, "6(h)(i)" to "6(h)(iv)".</param>
/// <param name="Gap">True when some delivery falls in a gap of the text.</param>
/// <param name="Alternative">The other reading when <paramref name="Gap"/> is true; otherwise null.</param>
/// <param name="Explanation">The result in words a lawyer can check.</param>
/// <param name="Winner">The index of the delivery that made the notice effective, or null.</param>
/// <param name="RecordedAt">When the system recorded the notice, by its own clock, in the agreement's zone.</param>
/// <param name="Deliveries">Each delivery as recorded and as stamped on its own.</param>
/// <param name="Warnings">What a lawyer should look at.</param>
public sealed record NoticeStampResponse(
    LocalDate? EffectiveDate,
    OffsetDateTime? CountsFrom,
    string Rule,
    bool Gap,
    NoticeReadingResponse? Alternative,
    string Explanation,
    int? Winner,
    OffsetDateTime RecordedAt,
    IReadOnlyList<DeliveryStampResponse> Deliveries,
    IReadOnlyList<NoticeWarningResponse> Warnings)
{
    /// <summary>The document for <paramref name="stamp"/>: the single mapping the API and the CLI share.</summary>
    /// <param name="stamp">The stamp.</param>
    /// <param name="zone">The agreement's zone, in which its moments are shown.</param>
    /// <exception cref="ArgumentNullException"><paramref name="stamp"/> or <paramref name="zone"/> is null.</exception>
    public static NoticeStampResponse From(NoticeStamp stamp, DateTimeZone zone)
    {
        ArgumentNullException.ThrowIfNull(stamp);
        ArgumentNullException.ThrowIfNull(zone);
        return new(
            stamp.EffectiveDate,
            InZone(stamp.CountsFrom, zone),
            stamp.Section,
            stamp.Gap,
            NoticeReadingResponse.From(stamp.Alternative, zone),
            stamp.Explanation,
            stamp.Winner,
            stamp.RecordedAt.InZone(zone).ToOffsetDateTime(),
            [.. stamp.Deliveries.Select(d => DeliveryStampResponse.From(d, zone))],
            [.. stamp.Warnings.Select(w => new NoticeWarningResponse(w.Kind, w.Delivery, w.Message))]);
    }

    internal static OffsetDateTime? InZone(Instant? instant, DateTimeZone zone) => instant?.InZone(zone).ToOffsetDateTime();
}

/// <summary>One reading of § 6(h) for a notice or a delivery.</summary>
/// <param name="Rule">The clause applied, "6(h)(i)" to "6(h)(iv)".</param>
/// <param name="EffectiveDate">The effective date in the agreement's zone, or null.</param>
/// <param name="CountsFrom">The moment it counts from, or null.</param>
/// <param name="Delivery">The index of the delivery that gives it, or null.</param>
/// <param name="Explanation">The reading in words.</param>
public sealed record NoticeReadingResponse(string Rule, LocalDate? EffectiveDate, OffsetDateTime? CountsFrom, int? Delivery, string Explanation)
{
    internal static NoticeReadingResponse? From(NoticeReading? reading, DateTimeZone zone) =>
        reading is null
            ? null
            : new(reading.Section, reading.EffectiveDate, NoticeStampResponse.InZone(reading.CountsFrom, zone), reading.Delivery, reading.Explanation);
}

/// <summary>One delivery: what was recorded, and what § 6(h) makes of it on its own.</summary>
/// <param name="Index">Its position in the request, from 0.</param>
/// <param name="Method">How it was sent.</param>
/// <param name="SentAt">The claimed sending time, with the offset the sender gave.</param>
/// <param name="ReceivedAt">The recorded receipt, with the offset given, or null.</param>
/// <param name="FaxNumber">The facsimile number, as recorded.</param>
/// <param name="TrackingNumber">The tracking number, as recorded.</param>
/// <param name="Rule">The clause applied to it, "6(h)(i)" to "6(h)(iv)".</param>
/// <param name="EffectiveDate">Its effective date in the agreement's zone, or null.</param>
/// <param name="CountsFrom">The moment it counts from, or null.</param>
/// <param name="Gap">True when it falls in a gap of the text.</param>
/// <param name="GapKind">Which gap, or null.</param>
/// <param name="Alternative">The other reading when <paramref name="Gap"/> is true; otherwise null.</param>
/// <param name="Explanation">Its result in words.</param>
public sealed record DeliveryStampResponse(
    int Index,
    DeliveryMethod Method,
    OffsetDateTime SentAt,
    OffsetDateTime? ReceivedAt,
    string? FaxNumber,
    string? TrackingNumber,
    string Rule,
    LocalDate? EffectiveDate,
    OffsetDateTime? CountsFrom,
    bool Gap,
    NoticeGap? GapKind,
    NoticeReadingResponse? Alternative,
    string Explanation)
{
    internal static DeliveryStampResponse From(DeliveryStamp stamp, DateTimeZone zone) => new(
        stamp.Index,
        stamp.Delivery.Method,
        stamp.Delivery.SentAt,
        stamp.Delivery.ReceivedAt,
        stamp.Delivery.FaxNumber,
        stamp.Delivery.TrackingNumber,
        stamp.Section,
        stamp.EffectiveDate,
        NoticeStampResponse.InZone(stamp.CountsFrom, zone),
        stamp.Gap is not null,
        stamp.Gap,
        NoticeReadingResponse.From(stamp.Alternative, zone),
        stamp.Explanation);
}

/// <summary>A warning on a notice stamp.</summary>
/// <param name="Code">What it is about, e.g. "sentAfterReceipt".</param>
/// <param name="Delivery">The index of the delivery concerned, or null for the whole notice.</param>
/// <param name="Message">The warning in words.</param>
public sealed record NoticeWarningResponse(NoticeWarningKind Code, int? Delivery, string Message);

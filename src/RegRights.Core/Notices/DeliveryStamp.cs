using NodaTime;

namespace RegRights.Core.Notices;

/// <summary>What § 6(h) makes of one delivery of a notice on its own.</summary>
/// <remarks>
/// A facsimile at exactly 2:00:00 p.m. California time on Friday 2000-05-26 is neither "prior to" nor "later than"
/// 2:00 p.m.: <see cref="Literal"/> is § 6(h)(iv) (actual receipt), <see cref="Gap"/> is
/// <see cref="NoticeGap.FacsimileAtCutoff"/>, and <see cref="Alternative"/> is the next Business Day, Tuesday
/// 2000-05-30 (Monday 2000-05-29 was Memorial Day).
/// </remarks>
/// <param name="Index">The delivery's position in the list given to the stamper, from 0.</param>
/// <param name="Delivery">The delivery as recorded.</param>
/// <param name="SentAtLocal">The claimed sending time in the agreement's zone.</param>
/// <param name="Literal">The result under the literal reading of § 6(h).</param>
/// <param name="Gap">Where the delivery falls between § 6(h)(i) and (ii), or null when the text covers it.</param>
/// <param name="Alternative">The other reading (the next Business Day) when <paramref name="Gap"/> is set; otherwise null.</param>
public sealed record DeliveryStamp(
    int Index,
    Delivery Delivery,
    ZonedDateTime SentAtLocal,
    NoticeReading Literal,
    NoticeGap? Gap,
    NoticeReading? Alternative)
{
    /// <summary>The kind of rule applied under the literal reading.</summary>
    public NoticeRule Rule => Literal.Rule;

    /// <summary>The section applied under the literal reading, as the clause numbers it.</summary>
    public string Section => Literal.Section;

    /// <summary>The effective date under the literal reading; null when the receipt is needed and unknown.</summary>
    public LocalDate? EffectiveDate => Literal.EffectiveDate;

    /// <summary>The moment the delivery counts from under the literal reading.</summary>
    public Instant? CountsFrom => Literal.CountsFrom;

    /// <summary>The literal result in words.</summary>
    public string Explanation => Literal.Explanation;
}

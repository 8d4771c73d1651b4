using NodaTime;

namespace RegRights.Core.Notices;

/// <summary>
/// When a notice is "deemed given and effective" under § 6(h): the effective date in the agreement's zone, the moment it
/// counts from, the clause applied, the gap met if any with the other reading, and why, in words a lawyer can check.
/// Immutable.
/// </summary>
/// <remarks>
/// A notice sent several ways is effective on "the earliest of" its deliveries (§ 6(h)), compared by
/// <see cref="CountsFrom"/>. A fax at 3:00 p.m. on Friday 2000-05-26 and a courier mailed the same day are both
/// effective Tuesday 2000-05-30 from its start; ties go to the lower clause, so the stamp cites § 6(h)(ii).
/// </remarks>
public sealed class NoticeStamp
{
    internal NoticeStamp(
        Instant recordedAt,
        NoticeReading literal,
        NoticeReading? alternative,
        string explanation,
        IReadOnlyList<DeliveryStamp> deliveries,
        IReadOnlyList<NoticeWarning> warnings)
    {
        RecordedAt = recordedAt;
        Literal = literal;
        Winner = literal.Delivery;
        Alternative = alternative;
        Explanation = explanation;
        Deliveries = deliveries;
        Warnings = warnings;
    }

    /// <summary>When the system recorded the notice (the server's clock, never the sender's claim).</summary>
    public Instant RecordedAt { get; }

    /// <summary>The result under the literal reading of § 6(h).</summary>
    public NoticeReading Literal { get; }

    /// <summary>
    /// The date the notice is effective, in the agreement's zone; null when every delivery is effective upon actual receipt,
    /// § 6(h)(iv), and no receipt was recorded.
    /// </summary>
    public LocalDate? EffectiveDate => Literal.EffectiveDate;

    /// <summary>The moment the notice counts from (see <see cref="NoticeReading.CountsFrom"/>); null with <see cref="EffectiveDate"/>.</summary>
    public Instant? CountsFrom => Literal.CountsFrom;

    /// <summary>The kind of rule applied; <see cref="NoticeRule.ActualReceipt"/> when no delivery has a known effective time.</summary>
    public NoticeRule Rule => Literal.Rule;

    /// <summary>
    /// The section applied, as the agreement's notice clause numbers it ("6(h)(ii)", "Section 6.4(b)"); the catch-all's
    /// (§ 6(h)(iv)) when no delivery has a known effective time.
    /// </summary>
    public string Section => Literal.Section;

    /// <summary>True when some delivery falls in a gap of the text (see <see cref="NoticeGap"/>).</summary>
    public bool Gap => Alternative is not null;

    /// <summary>
    /// When <see cref="Gap"/> is true, the notice under the other reading: each delivery in a gap effective on the next
    /// Business Day after its transmission date, and the earliest delivery taken again. Null otherwise.
    /// </summary>
    public NoticeReading? Alternative { get; }

    /// <summary>The index of the delivery that made the notice effective; null when no delivery has a known effective time.</summary>
    public int? Winner { get; }

    /// <summary>The whole result in words: the winning delivery's rule, why it won, the gaps met and what they change.</summary>
    public string Explanation { get; }

    /// <summary>Each delivery's own result, in the order given.</summary>
    public IReadOnlyList<DeliveryStamp> Deliveries { get; }

    /// <summary>What a lawyer should look at: implausible claimed times, unknown receipts, contested days.</summary>
    public IReadOnlyList<NoticeWarning> Warnings { get; }
}

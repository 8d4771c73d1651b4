using NodaTime;

namespace RegRights.Core.Notices;

/// <summary>
/// The result of one reading of § 6(h): the rule applied, the effective date and the moment it counts from.
/// A stamp carries one for the reading it stamps and, where the text leaves a gap, one for the other reading.
/// </summary>
/// <param name="Rule">The kind of rule applied, named after the seed's clauses.</param>
/// <param name="Section">The section applied, as the agreement's notice clause numbers it: "6(h)(ii)", "Section 6.4(b)".</param>
/// <param name="EffectiveDate">
/// The date the notice is "deemed given and effective", in the agreement's zone; null when § 6(h)(iv) needs the actual
/// receipt and none was recorded.
/// </param>
/// <param name="CountsFrom">
/// The moment it starts to count, for ordering: the transmission under § 6(h)(i), the start of the effective date
/// under (ii) and (iii), the receipt under (iv); null exactly when <paramref name="EffectiveDate"/> is.
/// </param>
/// <param name="Delivery">
/// The index (from 0, in the order given to the stamper) of the delivery that gives this result; null when no delivery
/// has a known effective time.
/// </param>
/// <param name="Explanation">The result in words a lawyer can check.</param>
public sealed record NoticeReading(NoticeRule Rule, string Section, LocalDate? EffectiveDate, Instant? CountsFrom, int? Delivery, string Explanation);

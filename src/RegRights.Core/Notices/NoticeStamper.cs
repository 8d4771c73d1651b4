using System.Diagnostics.Contracts;
using NodaTime;
using RegRights.Core.Agreements;
using RegRights.Core.Calendars;
using RegRights.Core.Utility;

namespace RegRights.Core.Notices;

/// <summary>
/// Stamps a notice with the time the agreement's notice clause (<see cref="AgreementTerms.Notice"/>; the seed's § 6(h)
/// by default) makes it "deemed given and effective", read literally, with every gap in the text flagged and the other
/// reading stated. The rules are here; their words are <see cref="NoticeStampText"/>'s. Immutable and thread-safe; share
/// <see cref="Default"/>.
/// </summary>
/// <remarks>
/// <para>
/// Each delivery is read in the clause's zone (<see cref="AgreementTerms.NoticeTimeZone"/>: the seed's is the
/// agreement's, "California time", PST or PDT as in force that day) and counted on the calendar its Business Day means
/// (<see cref="AgreementTerms.NoticeCalendar"/>), under the rule its table gives the method. For the seed:
/// § 6(h)(i) a facsimile strictly before <see cref="AgreementTerms.FaxCutoff"/> (2:00 p.m.) on a Business Day is
/// effective on the date of transmission; § 6(h)(ii) a facsimile strictly after the cut-off and strictly before
/// <see cref="AgreementTerms.FaxLateBound"/> (11:59 p.m.) on any date, the next Business Day; § 6(h)(iii) an overnight
/// courier, the Business Day following the date of mailing, that date taken in the agreement's zone; § 6(h)(iv) anything
/// else, upon actual receipt.
/// </para>
/// <para>
/// Gaps: a facsimile at exactly 2:00:00 p.m., one from 11:59:00 p.m. to midnight, and one before 2:00 p.m. on a day
/// that is not a Business Day meet neither (i) nor (ii); literally they fall to (iv), actual receipt. The stamp says
/// so and gives the other reading, the next Business Day after the date of transmission. A facsimile at 2:00:00 p.m.
/// on Friday 2000-05-26 is effective on its actual receipt; the other reading gives Tuesday 2000-05-30. Any clause's
/// cut-off rule has the gaps its bounds leave (<see cref="SameDayCutoffRule"/>), read the same way.
/// </para>
/// <para>
/// Under a next-day or after-mailing rule the notice counts from the start of the effective date, taken with
/// <see cref="DateTimeZone.AtStartOfDay"/>: the first instant of that date in the clause's zone. Midnight always exists
/// in America/Los_Angeles (its clocks change at 2:00 a.m.), but an agreement in a zone whose clocks skip midnight
/// would make a strict mapping throw and a lenient one invent a time; the date "begins" at its first instant.
/// </para>
/// </remarks>
public sealed class NoticeStamper
{
    /// <summary>Creates a stamper.</summary>
    /// <param name="farFromReceipt">
    /// How far before its receipt, or before the system recorded it, a claimed sending time may lie before it is
    /// flagged. Must be positive.
    /// </param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="farFromReceipt"/> is zero or negative.</exception>
    public NoticeStamper(Duration farFromReceipt)
    {
        if (farFromReceipt <= Duration.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(farFromReceipt), farFromReceipt, "The threshold must be positive.");
        }

        FarFromReceipt = farFromReceipt;
    }

    /// <summary>
    /// A stamper that flags a claimed sending time more than 7 days before its receipt: an overnight courier mailed
    /// before a long weekend, or first-class mail, arrives within it.
    /// </summary>
    public static NoticeStamper Default { get; } = new(Duration.FromDays(7));

    /// <summary>The first date, in the agreement's zone, a delivery may be sent or received on: 1971-01-01, where the calendar starts.</summary>
    public static LocalDate MinDate => BusinessDayCalendar.MinDate;

    /// <summary>
    /// The last date, in the agreement's zone, a delivery may be sent or received on: 2100-11-30, a month before the calendar
    /// ends, so that the next Business Day after any supported date is known.
    /// </summary>
    public static LocalDate MaxDate { get; } = new(2100, 11, 30);

    /// <summary>How warnings name the moment the system recorded the notice: "the system recorded the notice".</summary>
    public const string SystemRecorded = "the system recorded the notice";

    /// <summary>The threshold for flagging a claimed sending time as far from its receipt or its recording.</summary>
    public Duration FarFromReceipt { get; }

    /// <summary>Stamps one notice, sent one or more ways.</summary>
    /// <remarks>
    /// The notice is effective at the earliest of its deliveries by <see cref="NoticeReading.CountsFrom"/>; on a tie
    /// the lower clause, then the earlier claimed sending time, then the earlier position in the list wins, so the
    /// effective date, moment and rule never depend on the order given. A delivery whose receipt is needed and unknown
    /// cannot win over one with a known time, and is flagged (it might have been received earlier). When no delivery
    /// has a known time, the stamp's date and moment are null and its rule is § 6(h)(iv).
    /// </remarks>
    /// <param name="terms">The agreement's terms: its notice clause (with its zone and calendar), and its reading of contested days.</param>
    /// <param name="deliveries">Every way the notice was sent; at least one.</param>
    /// <param name="recordedAt">
    /// When the system received the notice, from its own clock; a claimed time after it is flagged.
    /// </param>
    /// <returns>The stamp.</returns>
    /// <exception cref="ArgumentNullException">An argument or a delivery is null.</exception>
    /// <exception cref="ArgumentException">
    /// <paramref name="deliveries"/> is empty, or the terms' fax cut-off is not earlier than the late bound.
    /// </exception>
    /// <exception cref="ArgumentOutOfRangeException">
    /// A sending or receipt date, in the agreement's zone, lies outside <see cref="MinDate"/> to <see cref="MaxDate"/>.
    /// </exception>
    [Pure]
    public NoticeStamp Stamp(AgreementTerms terms, IReadOnlyList<Delivery> deliveries, Instant recordedAt) =>
        Stamp(terms, deliveries, recordedAt, SystemRecorded);

    /// <summary>
    /// Stamps one notice as <see cref="Stamp(AgreementTerms, IReadOnlyList{Delivery}, Instant)"/> does, with
    /// <paramref name="recordedAt"/> named in warnings by <paramref name="recordedAtWords"/>: a tool that records
    /// nothing (the CLI) compares claimed times with the moment it ran, and says so.
    /// </summary>
    /// <param name="terms">The agreement's terms.</param>
    /// <param name="deliveries">Every way the notice was sent; at least one.</param>
    /// <param name="recordedAt">The moment claimed times are compared with.</param>
    /// <param name="recordedAtWords">
    /// What that moment is, as the warnings say it after "before" and "the moment": "the system recorded the notice"
    /// (<see cref="SystemRecorded"/>), or "this command ran".
    /// </param>
    /// <returns>The stamp.</returns>
    /// <exception cref="ArgumentNullException">An argument or a delivery is null.</exception>
    /// <exception cref="ArgumentException">As the other overload, or <paramref name="recordedAtWords"/> is empty.</exception>
    /// <exception cref="ArgumentOutOfRangeException">As the other overload.</exception>
    [Pure]
    public NoticeStamp Stamp(AgreementTerms terms, IReadOnlyList<Delivery> deliveries, Instant recordedAt, string recordedAtWords)
    {
        Preconditions.CheckNotNull(recordedAtWords);
        Preconditions.CheckArgument(recordedAtWords.Length > 0, nameof(recordedAtWords), "The words for the recorded moment are empty.");
        Preconditions.CheckNotNull(terms);
        Preconditions.CheckNotNull(deliveries);
        Preconditions.CheckArgument(deliveries.Count > 0, nameof(deliveries), "A notice needs at least one delivery.");
        terms.Validate();
        var clause = new Clause(terms.Notice, terms.NoticeTimeZone, terms.NoticeCalendar, terms.NoticeZoneName);
        for (var i = 0; i < deliveries.Count; i++)
        {
            var delivery = deliveries[i] ?? throw new ArgumentNullException(nameof(deliveries), $"deliveries[{i}] is null.");
            var outside = OutsideRange(clause, delivery.SentAt, i, "sent")
                ?? (delivery.ReceivedAt is { } received ? OutsideRange(clause, received, i, "received") : null);
            if (outside is not null)
            {
                throw new ArgumentOutOfRangeException(nameof(deliveries), outside);
            }
        }

        var stamps = StampEach(clause, deliveries);
        var literal = Earliest(clause, stamps, s => s.Literal);
        var gaps = stamps.Where(s => s.Gap is not null).ToList();
        var alternative = gaps.Count == 0 ? null : OtherReading(clause, stamps, literal);
        var warnings = Warnings(clause, stamps, literal, recordedAt, recordedAtWords);
        var explanation = clause.Text.Explain(stamps, literal, alternative);
        return new NoticeStamp(recordedAt, literal, alternative, explanation, stamps, warnings);
    }

    // The clause applied, with its zone and calendar resolved once per stamp, and its words.
    private sealed class Clause(NoticeClause rules, DateTimeZone zone, BusinessDayCalendar calendar, string zoneName)
    {
        public NoticeClause Rules { get; } = rules;

        public DateTimeZone Zone { get; } = zone;

        public BusinessDayCalendar Calendar { get; } = calendar;

        public NoticeStampText Text { get; } = new(rules, zoneName, calendar);

        public Clause WithCalendar(BusinessDayCalendar other) => new(Rules, Zone, other, ZoneNames.For(Zone));
    }

    private static string? OutsideRange(Clause clause, OffsetDateTime value, int index, string what)
    {
        var date = value.ToInstant().InZone(clause.Zone).Date;
        return date >= MinDate && date <= MaxDate ? null : clause.Text.OutsideRange(index, what, date);
    }

    private static List<DeliveryStamp> StampEach(Clause clause, IReadOnlyList<Delivery> deliveries) =>
        [.. deliveries.Select((d, i) => StampOne(clause, d, i))];

    private static DeliveryStamp StampOne(Clause clause, Delivery delivery, int index)
    {
        var sent = delivery.SentAt.ToInstant().InZone(clause.Zone);
        var text = clause.Text;
        return clause.Rules.RuleFor(delivery.Method) switch
        {
            SameDayCutoffRule cutoff => BeforeCutoff(clause, cutoff, delivery, sent, index),
            BusinessDaysAfterSendingRule after => Plain(AfterSending(clause, NoticeRule.OvernightCourier, after.Section, sent.Date, after.Days, index,
                text.AfterSending(after, delivery, sent))),
            OnReceiptRule receipt => Plain(ActualReceipt(clause.Zone, receipt.Section, delivery, index, text.OwnReceipt(receipt, delivery, sent))),
            _ => Plain(ActualReceipt(clause.Zone, clause.Rules.ReceiptSection, delivery, index, text.CatchAll(delivery, sent))),
        };

        DeliveryStamp Plain(NoticeReading reading) => new(index, delivery, sent, reading, null, null);
    }

    // The same day before the cut-off on a Business Day; the next Business Day in the next-day branch's hours; otherwise
    // a gap: literally the catch-all (actual receipt), and the other reading the next Business Day.
    private static DeliveryStamp BeforeCutoff(Clause clause, SameDayCutoffRule rule, Delivery delivery, ZonedDateTime sent, int index)
    {
        var (date, time, text) = (sent.Date, sent.TimeOfDay, clause.Text);
        var businessDay = clause.Calendar.IsBusinessDay(date);
        var beforeCutoff = time < rule.Cutoff || (rule.SameDayAtCutoff && time == rule.Cutoff);
        if (beforeCutoff && businessDay)
        {
            // The date of transmission, counting from the transmission itself.
            var same = new NoticeReading(NoticeRule.FacsimileBeforeCutoff, rule.Section, date, sent.ToInstant(), index, text.SameDay(rule, delivery, sent));
            return new DeliveryStamp(index, delivery, sent, same, null, null);
        }

        var afterCutoff = time > rule.Cutoff || (rule.NextDayAtCutoff && time == rule.Cutoff);
        var beforeLateBound = rule.LateBound is not { } late || time < late;
        if (beforeLateBound && (afterCutoff || (rule.NextDayOnNonBusinessDay && !businessDay)))
        {
            var words = text.NextDay(rule, delivery, sent, afterCutoff ? null : clause.Calendar.GetDay(date));
            return new DeliveryStamp(index, delivery, sent, AfterSending(clause, NoticeRule.FacsimileAfterCutoff, rule.NextDaySection, date, 1, index, words), null, null);
        }

        var (gap, gapWords) = beforeCutoff
            ? (NoticeGap.FacsimileBeforeCutoffOnNonBusinessDay, text.GapBeforeCutoffOnNonBusinessDay(rule, delivery, sent, clause.Calendar.GetDay(date)))
            : !afterCutoff
                ? (NoticeGap.FacsimileAtCutoff, text.GapAtCutoff(rule, delivery, sent))
                : (NoticeGap.FacsimileAfterLateBound, text.GapAfterLateBound(rule, delivery, sent));
        var literal = ActualReceipt(clause.Zone, clause.Rules.ReceiptSection, delivery, index, text.GapLiteral(rule, gapWords));
        var alternative = AfterSending(clause, NoticeRule.FacsimileAfterCutoff, rule.NextDaySection, date, 1, index, text.GapAlternative(rule, date));
        return new DeliveryStamp(index, delivery, sent, literal, gap, alternative);
    }

    private static NoticeReading AfterSending(Clause clause, NoticeRule rule, string section, LocalDate from, int days, int index, string words)
    {
        var effective = clause.Calendar.PlusBusinessDays(from, days);

        // The first instant of the date in the clause's zone; see the class remarks for why AtStartOfDay.
        var start = clause.Zone.AtStartOfDay(effective);
        return new NoticeReading(rule, section, effective, start.ToInstant(), index, clause.Text.Effective(words, effective, from, start));
    }

    private static NoticeReading ActualReceipt(DateTimeZone zone, string section, Delivery delivery, int index, string words)
    {
        if (delivery.ReceivedAt is not { } receivedAt)
        {
            return new NoticeReading(NoticeRule.ActualReceipt, section, null, null, index, NoticeStampText.NoReceipt(words));
        }

        var received = receivedAt.ToInstant().InZone(zone);
        return new NoticeReading(NoticeRule.ActualReceipt, section, received.Date, received.ToInstant(), index, NoticeStampText.Receipt(words, received));
    }

    /// <summary>The earliest known reading; ties go to the lower kind of rule, then the earlier sending, then the list order.</summary>
    private static NoticeReading Earliest(Clause clause, IEnumerable<DeliveryStamp> stamps, Func<DeliveryStamp, NoticeReading> reading)
    {
        var known = stamps.Select(s => (Reading: reading(s), Sent: s.Delivery.SentAt.ToInstant()))
            .Where(r => r.Reading.CountsFrom is not null)
            .OrderBy(r => r.Reading.CountsFrom!.Value)
            .ThenBy(r => r.Reading.Rule)
            .ThenBy(r => r.Sent)
            .ThenBy(r => r.Reading.Delivery)
            .Select(r => r.Reading)
            .FirstOrDefault();
        return known ?? new NoticeReading(NoticeRule.ActualReceipt, clause.Rules.ReceiptSection, null, null, null, clause.Text.NoneKnown());
    }

    private static NoticeReading OtherReading(Clause clause, List<DeliveryStamp> stamps, NoticeReading literal)
    {
        var other = Earliest(clause, stamps, s => s.Alternative ?? s.Literal);
        return other with { Explanation = clause.Text.OtherReading(literal, other, stamps.Count) };
    }

    private List<NoticeWarning> Warnings(
        Clause clause, List<DeliveryStamp> stamps, NoticeReading literal, Instant recordedAt, string recordedAtWords)
    {
        var warnings = new List<NoticeWarning>();
        var recordedWords = NoticeText.Moment(recordedAt.InZone(clause.Zone));
        foreach (var stamp in stamps)
        {
            var who = NoticeStampText.Who(stamp, stamps.Count);
            var sent = stamp.Delivery.SentAt.ToInstant();
            var sentWords = NoticeText.Moment(stamp.SentAtLocal);
            if (stamp.Delivery.ReceivedAt is { } receivedAt)
            {
                var received = receivedAt.ToInstant();
                var receivedWords = NoticeText.Moment(received.InZone(clause.Zone));
                if (sent > received)
                {
                    warnings.Add(new(NoticeWarningKind.SentAfterReceipt, stamp.Index, NoticeStampText.SentAfterReceipt(who, sentWords, receivedWords)));
                }
                else if (received - sent > FarFromReceipt)
                {
                    warnings.Add(new(NoticeWarningKind.SentFarBeforeReceipt, stamp.Index,
                        NoticeStampText.SentFarBeforeReceipt(who, sentWords, FarFromReceipt, receivedWords)));
                }

                if (received > recordedAt)
                {
                    warnings.Add(new(NoticeWarningKind.ReceivedInFuture, stamp.Index,
                        NoticeStampText.ReceivedInFuture(who, receivedWords, recordedAtWords, recordedWords)));
                }
            }
            else if (stamp.CountsFrom is null)
            {
                warnings.Add(new(NoticeWarningKind.ReceiptUnknown, stamp.Index,
                    clause.Text.ReceiptUnknown(who, stamp.Section, noStamp: literal.CountsFrom is null)));
            }

            if (sent > recordedAt)
            {
                warnings.Add(new(NoticeWarningKind.SentInFuture, stamp.Index, NoticeStampText.SentInFuture(who, sentWords, recordedAtWords, recordedWords)));
            }
            else if (recordedAt - sent > FarFromReceipt)
            {
                warnings.Add(new(NoticeWarningKind.SentFarBeforeRecording, stamp.Index,
                    NoticeStampText.SentFarBeforeRecording(who, sentWords, FarFromReceipt, recordedAtWords, recordedWords)));
            }
        }

        // A stamp reads the calendar from the sending day to its effective day; where no such day is contested, the other
        // reading gives the same stamp, and is not written out again in words only to be compared.
        if (!stamps.Any(s => clause.Calendar.AnyContested(ReadDays(s))))
        {
            return warnings;
        }

        var otherCalendar = clause.Calendar.WithReading(
            clause.Calendar.Reading == ContestedDayReading.Open ? ContestedDayReading.Closed : ContestedDayReading.Open);
        var otherClause = clause.WithCalendar(otherCalendar);
        var other = Earliest(otherClause, StampEach(otherClause, [.. stamps.Select(s => s.Delivery)]), s => s.Literal);
        if (other.EffectiveDate != literal.EffectiveDate || other.Rule != literal.Rule)
        {
            warnings.Add(new(NoticeWarningKind.ContestedDay, null, clause.Text.ContestedDay(otherCalendar.Reading, other, literal)));
        }

        return warnings;
    }

    private static DateInterval ReadDays(DeliveryStamp stamp)
    {
        var sent = stamp.SentAtLocal.Date;
        return stamp.Literal.EffectiveDate is { } effective && effective > sent ? new DateInterval(sent, effective) : new DateInterval(sent, sent);
    }
}

using System.Text;
using NodaTime;
using RegRights.Core.Agreements;
using RegRights.Core.Calendars;
using RegRights.Core.Notices;

namespace RegRights.Core.UnitTests.Notices;

/// <summary>
/// The oracle: § 6(h) as it was hard-coded before the clause became data (the stamper of commit b7f005b, its rules and
/// words together), kept only here so that <see cref="SeedClauseAsDataProperties"/> can prove the seed clause as data
/// stamps exactly as it did. Never used by the app.
/// </summary>
internal sealed class HardCodedSection6h
{
    /// <summary>Creates a stamper.</summary>
    /// <param name="farFromReceipt">
    /// How far before its receipt, or before the system recorded it, a claimed sending time may lie before it is
    /// flagged. Must be positive.
    /// </param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="farFromReceipt"/> is zero or negative.</exception>
    public HardCodedSection6h(Duration farFromReceipt)
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
    public static HardCodedSection6h Default { get; } = new(Duration.FromDays(7));

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
    /// <param name="terms">The agreement's terms: its zone, fax cut-off and late bound, and Business Day calendar.</param>
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
        public NoticeStamp Stamp(AgreementTerms terms, IReadOnlyList<Delivery> deliveries, Instant recordedAt, string recordedAtWords)
    {
        ArgumentNullException.ThrowIfNull(recordedAtWords);
        ArgumentException.ThrowIfNullOrEmpty(recordedAtWords);
        ArgumentNullException.ThrowIfNull(terms);
        ArgumentNullException.ThrowIfNull(deliveries);
        ArgumentOutOfRangeException.ThrowIfZero(deliveries.Count);
        terms.Validate();
        for (var i = 0; i < deliveries.Count; i++)
        {
            var delivery = deliveries[i] ?? throw new ArgumentNullException(nameof(deliveries), $"deliveries[{i}] is null.");
            var outside = OutsideRange(terms, delivery.SentAt, i, "sent")
                ?? (delivery.ReceivedAt is { } received ? OutsideRange(terms, received, i, "received") : null);
            if (outside is not null)
            {
                throw new ArgumentOutOfRangeException(nameof(deliveries), outside);
            }
        }

        var stamps = StampEach(terms, terms.Calendar, deliveries);
        var literal = Earliest(stamps, s => s.Literal);
        var gaps = stamps.Where(s => s.Gap is not null).ToList();
        var alternative = gaps.Count == 0 ? null : OtherReading(stamps, literal);
        var warnings = Warnings(terms, stamps, literal, recordedAt, recordedAtWords);
        var explanation = Explain(stamps, literal, alternative);
        return new NoticeStamp(recordedAt, literal, alternative, explanation, stamps, warnings);
    }

    private static string? OutsideRange(AgreementTerms terms, OffsetDateTime value, int index, string what)
    {
        var date = value.ToInstant().InZone(terms.TimeZone).Date;
        return date >= MinDate && date <= MaxDate
            ? null
            : $"deliveries[{index}] was {what} on {date:uuuu-MM-dd} ({terms.ZoneName}), outside the supported range " +
              $"{MinDate:uuuu-MM-dd} to {MaxDate:uuuu-MM-dd}.";
    }

    private static List<DeliveryStamp> StampEach(AgreementTerms terms, BusinessDayCalendar calendar, IReadOnlyList<Delivery> deliveries) =>
        [.. deliveries.Select((d, i) => StampOne(terms, calendar, d, i))];

    private static DeliveryStamp StampOne(AgreementTerms terms, BusinessDayCalendar calendar, Delivery delivery, int index)
    {
        var zone = terms.TimeZone;
        var sent = delivery.SentAt.ToInstant().InZone(zone);
        var date = sent.Date;
        var time = sent.TimeOfDay;
        var cutoff = NoticeText.ClockTime(terms.FaxCutoff);
        var lateBound = NoticeText.ClockTime(terms.FaxLateBound);
        var recorded = Recorded(delivery);

        if (delivery.Method == DeliveryMethod.Facsimile)
        {
            var sentWords = $"Sent by facsimile at {NoticeText.Moment(sent)}, {terms.ZoneName}{recorded}";
            NoticeGap gap;
            string gapWords;
            if (time < terms.FaxCutoff && calendar.IsBusinessDay(date))
            {
                // § 6(h)(i): the date of transmission, counting from the transmission itself.
                var words = $"{sentWords}: prior to {cutoff} on {NoticeText.Day(date)}, a Business Day. " +
                    $"§ 6(h)(i): effective on the date of transmission, {NoticeText.Day(date)}, from the moment of transmission.";
                return Plain(new NoticeReading(NoticeRule.FacsimileBeforeCutoff, NoticeRule.FacsimileBeforeCutoff.ToSection(), date, sent.ToInstant(), index, words));
            }

            if (time > terms.FaxCutoff && time < terms.FaxLateBound)
            {
                var words = $"{sentWords}: later than {cutoff} and earlier than {lateBound} on {NoticeText.Day(date)}. " +
                    "§ 6(h)(ii): effective the Business Day after the date of transmission";
                return Plain(NextBusinessDay(zone, calendar, NoticeRule.FacsimileAfterCutoff, date, index, words));
            }

            if (time < terms.FaxCutoff)
            {
                gap = NoticeGap.FacsimileBeforeCutoffOnNonBusinessDay;
                gapWords = $"{sentWords}: prior to {cutoff} on {NoticeText.Day(date)}, which is not a Business Day " +
                    $"({NoticeText.Reasons(calendar.GetDay(date))}). § 6(h)(i) needs a Business Day, and § 6(h)(ii) a time " +
                    $"later than {cutoff}";
            }
            else if (time == terms.FaxCutoff)
            {
                gap = NoticeGap.FacsimileAtCutoff;
                gapWords = $"{sentWords}: exactly {cutoff} on {NoticeText.Day(date)}, neither \"prior to {cutoff}\" " +
                    $"(§ 6(h)(i)) nor \"later than {cutoff}\" (§ 6(h)(ii))";
            }
            else
            {
                gap = NoticeGap.FacsimileAfterLateBound;
                gapWords = $"{sentWords}: at or after {lateBound} on {NoticeText.Day(date)}, not \"earlier than " +
                    $"{lateBound}\" (§ 6(h)(ii)), and not prior to {cutoff} (§ 6(h)(i))";
            }

            // § 6(h)(iv) covers a notice "sent other than by the methods set forth in (i)-(iii)"; a facsimile outside
            // the hours of (i) and (ii) is read as such, which is itself a reading, so the other one is always given.
            var literalWords = $"{gapWords}: the text leaves a gap. Read literally, a facsimile outside the terms of " +
                "§ 6(h)(i) and (ii) is sent \"other than by the methods set forth in (i)-(iii)\", so § 6(h)(iv) applies: ";
            var literal = ActualReceipt(zone, delivery, index, literalWords);
            var alternative = NextBusinessDay(zone, calendar, NoticeRule.FacsimileAfterCutoff, date, index,
                "Other reading: the facsimile is treated as § 6(h)(ii) treats a later one, effective the Business Day " +
                $"after the date of transmission ({NoticeText.Day(date)})");
            return new DeliveryStamp(index, delivery, sent, literal, gap, alternative);
        }

        if (delivery.Method == DeliveryMethod.Courier)
        {
            var words = $"Sent by overnight courier{recorded}, mailed at {NoticeText.Moment(sent)}; the date of mailing is " +
                $"taken in {terms.ZoneName}, {NoticeText.Day(date)} (whether the service is \"nationally recognized\" is " +
                "not checked). § 6(h)(iii): effective the Business Day following the date of mailing";
            return Plain(NextBusinessDay(zone, calendar, NoticeRule.OvernightCourier, date, index, words));
        }

        var how = delivery.Method switch
        {
            DeliveryMethod.Email => "Sent by e-mail",
            DeliveryMethod.Mail => "Sent by mail (not overnight courier)",
            _ => "Delivered by hand",
        };
        var otherWords = $"{how} at {NoticeText.Moment(sent)}, {terms.ZoneName}{recorded}. " +
            $"{char.ToUpperInvariant(NoticeText.Method(delivery.Method)[0])}{NoticeText.Method(delivery.Method)[1..]} is not a " +
            "method § 6(h)(i)-(iii) sets forth, so § 6(h)(iv) applies: ";
        return Plain(ActualReceipt(zone, delivery, index, otherWords));

        DeliveryStamp Plain(NoticeReading reading) => new(index, delivery, sent, reading, null, null);
    }

    private static string Recorded(Delivery delivery)
    {
        var parts = new List<string>();
        if (delivery.FaxNumber is { } fax)
        {
            parts.Add($"to facsimile number {fax} (recorded; not checked against the number § 6(h) or the Purchase Agreement specifies)");
        }

        if (delivery.TrackingNumber is { } tracking)
        {
            parts.Add($"tracking number {tracking}");
        }

        return parts.Count == 0 ? string.Empty : ", " + string.Join(", ", parts);
    }

    private static NoticeReading NextBusinessDay(
        DateTimeZone zone, BusinessDayCalendar calendar, NoticeRule rule, LocalDate from, int index, string words)
    {
        var effective = calendar.NextBusinessDay(from);

        // The first instant of the date in the agreement's zone; see the class remarks for why AtStartOfDay.
        var start = zone.AtStartOfDay(effective);
        var text = $"{words}: {NoticeText.Day(effective)}{NoticeText.Skipped(calendar, from, effective)}. " +
            $"It counts from the start of that day, {NoticeText.Moment(start)}.";
        return new NoticeReading(rule, rule.ToSection(), effective, start.ToInstant(), index, text);
    }

    private static NoticeReading ActualReceipt(DateTimeZone zone, Delivery delivery, int index, string words)
    {
        if (delivery.ReceivedAt is not { } receivedAt)
        {
            return new NoticeReading(NoticeRule.ActualReceipt, NoticeRule.ActualReceipt.ToSection(), null, null, index,
                $"{words}effective upon actual receipt. No receipt is recorded, so no effective date can be stamped until one is.");
        }

        var received = receivedAt.ToInstant().InZone(zone);
        return new NoticeReading(NoticeRule.ActualReceipt, NoticeRule.ActualReceipt.ToSection(), received.Date, received.ToInstant(), index,
            $"{words}effective upon actual receipt, recorded at {NoticeText.Moment(received)}: {NoticeText.Day(received.Date)}.");
    }

    /// <summary>The earliest known reading; ties go to the lower clause, then the earlier sending, then the list order.</summary>
    private static NoticeReading Earliest(IEnumerable<DeliveryStamp> stamps, Func<DeliveryStamp, NoticeReading> reading)
    {
        var known = stamps.Select(s => (Reading: reading(s), Sent: s.Delivery.SentAt.ToInstant()))
            .Where(r => r.Reading.CountsFrom is not null)
            .OrderBy(r => r.Reading.CountsFrom!.Value)
            .ThenBy(r => r.Reading.Rule)
            .ThenBy(r => r.Sent)
            .ThenBy(r => r.Reading.Delivery)
            .Select(r => r.Reading)
            .FirstOrDefault();
        return known ?? new NoticeReading(NoticeRule.ActualReceipt, NoticeRule.ActualReceipt.ToSection(), null, null, null,
            "Every delivery is effective only upon actual receipt (§ 6(h)(iv)), and no receipt is recorded: " +
            "no effective date can be stamped until one is.");
    }

    private static NoticeReading OtherReading(List<DeliveryStamp> stamps, NoticeReading literal)
    {
        var other = Earliest(stamps, s => s.Alternative ?? s.Literal);
        var winner = other.Delivery is { } i ? $" The earliest delivery is then {NoticeText.Ordinal(i, stamps.Count)}: {other.Explanation}" : string.Empty;
        return other with { Explanation = Changes(literal, other) + winner };
    }

    private static string Changes(NoticeReading literal, NoticeReading other) =>
        other.EffectiveDate == literal.EffectiveDate && other.Rule == literal.Rule
            ? "The other reading gives the same result as the literal one."
            : $"Under the other reading the notice is effective {Date(other.EffectiveDate)} under § {other.Rule.ToSection()} " +
              $"instead of {Date(literal.EffectiveDate)} under § {literal.Rule.ToSection()}.";

    private static string Date(LocalDate? date) => date is { } d ? NoticeText.Day(d) : "upon an actual receipt not yet recorded";

    private static string Explain(List<DeliveryStamp> stamps, NoticeReading literal, NoticeReading? alternative)
    {
        var text = new StringBuilder();
        if (stamps.Count == 1)
        {
            text.Append(stamps[0].Explanation);
        }
        else if (literal.Delivery is { } winner)
        {
            var method = NoticeText.Method(stamps[winner].Delivery.Method);
            text.Append($"The notice was sent {stamps.Count} ways; § 6(h) makes it effective on the earliest of them, ")
                .Append($"{NoticeText.Ordinal(winner, stamps.Count)} ({method}). ")
                .Append(stamps[winner].Explanation);
        }
        else
        {
            text.Append($"The notice was sent {stamps.Count} ways. ").Append(literal.Explanation);
        }

        if (literal.CountsFrom is { } countsFrom)
        {
            foreach (var unknown in stamps.Where(s => s.CountsFrom is null))
            {
                text.Append($" {Capitalize(NoticeText.Ordinal(unknown.Index, stamps.Count))} ({NoticeText.Method(unknown.Delivery.Method)}) ")
                    .Append("is effective upon actual receipt, which is not recorded; had it been received before ")
                    .Append($"{NoticeText.Moment(countsFrom.InZone(stamps[0].SentAtLocal.Zone))}, the notice would be effective then.");
            }
        }

        // With one delivery its explanation is already the whole text.
        foreach (var gap in stamps.Where(s => s.Gap is not null && s.Index != literal.Delivery && stamps.Count > 1))
        {
            text.Append($" {Capitalize(NoticeText.Ordinal(gap.Index, stamps.Count))} falls in a gap of the text: {gap.Explanation}");
        }

        if (alternative is not null)
        {
            text.Append(' ').Append(Changes(literal, alternative));
        }

        return text.ToString();
    }

    private static string Capitalize(string value) => char.ToUpperInvariant(value[0]) + value[1..];

    private List<NoticeWarning> Warnings(
        AgreementTerms terms, List<DeliveryStamp> stamps, NoticeReading literal, Instant recordedAt, string recordedAtWords)
    {
        var zone = terms.TimeZone;
        var warnings = new List<NoticeWarning>();
        var recordedWords = NoticeText.Moment(recordedAt.InZone(zone));
        foreach (var stamp in stamps)
        {
            var who = $"{Capitalize(NoticeText.Ordinal(stamp.Index, stamps.Count))} ({NoticeText.Method(stamp.Delivery.Method)})";
            var sent = stamp.Delivery.SentAt.ToInstant();
            var sentWords = NoticeText.Moment(stamp.SentAtLocal);
            if (stamp.Delivery.ReceivedAt is { } receivedAt)
            {
                var received = receivedAt.ToInstant();
                var receivedWords = NoticeText.Moment(received.InZone(zone));
                if (sent > received)
                {
                    warnings.Add(new(NoticeWarningKind.SentAfterReceipt, stamp.Index,
                        $"{who}: the claimed sending time {sentWords} is later than its recorded receipt {receivedWords}."));
                }
                else if (received - sent > FarFromReceipt)
                {
                    warnings.Add(new(NoticeWarningKind.SentFarBeforeReceipt, stamp.Index,
                        $"{who}: the claimed sending time {sentWords} is more than {Words(FarFromReceipt)} before its " +
                        $"recorded receipt {receivedWords}."));
                }

                if (received > recordedAt)
                {
                    warnings.Add(new(NoticeWarningKind.ReceivedInFuture, stamp.Index,
                        $"{who}: the claimed receipt {receivedWords} is later than the moment {recordedAtWords}, {recordedWords}."));
                }
            }
            else if (stamp.CountsFrom is null)
            {
                var consequence = literal.CountsFrom is null
                    ? "no effective date can be stamped until it is."
                    : "it might have made the notice effective earlier than the stamp.";
                warnings.Add(new(NoticeWarningKind.ReceiptUnknown, stamp.Index,
                    $"{who}: effective upon actual receipt (§ 6(h)(iv)), and no receipt is recorded; {consequence}"));
            }

            if (sent > recordedAt)
            {
                warnings.Add(new(NoticeWarningKind.SentInFuture, stamp.Index,
                    $"{who}: the claimed sending time {sentWords} is later than the moment {recordedAtWords}, {recordedWords}."));
            }
            else if (recordedAt - sent > FarFromReceipt)
            {
                warnings.Add(new(NoticeWarningKind.SentFarBeforeRecording, stamp.Index,
                    $"{who}: the claimed sending time {sentWords} is more than {Words(FarFromReceipt)} before " +
                    $"{recordedAtWords}, {recordedWords}."));
            }
        }

        var otherCalendar = terms.Calendar.WithReading(
            terms.Calendar.Reading == ContestedDayReading.Open ? ContestedDayReading.Closed : ContestedDayReading.Open);
        var other = Earliest(StampEach(terms, otherCalendar, [.. stamps.Select(s => s.Delivery)]), s => s.Literal);
        if (other.EffectiveDate != literal.EffectiveDate || other.Rule != literal.Rule)
        {
            warnings.Add(new(NoticeWarningKind.ContestedDay, null,
                $"Reading contested days (Good Friday afternoon, executive-order closures) the other way " +
                $"({otherCalendar.Reading}) makes the notice effective {Date(other.EffectiveDate)} under § " +
                $"{other.Rule.ToSection()} instead of {Date(literal.EffectiveDate)} under § {literal.Rule.ToSection()}."));
        }

        return warnings;
    }

    private static string Words(Duration duration) =>
        duration == Duration.FromDays(duration.Days)
            ? string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{duration.Days} day{(duration.Days == 1 ? "" : "s")}")
            : string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{duration.TotalHours:0.##} hours");
}

using System.Globalization;
using System.Text;
using NodaTime;
using RegRights.Core.Calendars;
using RegRights.Core.Utility;

namespace RegRights.Core.Notices;

/// <summary>
/// The words of a notice stamp: every explanation and warning, in the clause's own section numbers, zone and day name.
/// The rules are <see cref="NoticeStamper"/>'s; a change of wording is made here and never touches a rule.
/// </summary>
/// <param name="clause">The clause applied.</param>
/// <param name="zoneName">The words for the clause's zone, e.g. "California time".</param>
/// <param name="calendar">The calendar its Business Day means; its day name ("Business Day", "Trading Day") is used.</param>
internal sealed class NoticeStampText(NoticeClause clause, string zoneName, BusinessDayCalendar calendar)
{
    private string DayName => calendar.DayName;

    private string Cite(string section) => clause.Cited(section);

    // "§ 6(h)(i) and (ii)", "Section 6.4(a) and (b)": the second label's last parenthesis when both share what is before it.
    private string Both(string first, string second)
    {
        var a = first.LastIndexOf('(');
        var b = second.LastIndexOf('(');
        return a > 0 && a == b && first.AsSpan(0, a).SequenceEqual(second.AsSpan(0, b))
            ? $"{Cite(first)} and {second[b..]}"
            : $"{Cite(first)} and {Cite(second)}";
    }

    private static string Article(string word) => "aeiou".Contains(word[0], StringComparison.Ordinal) ? "an " + word : "a " + word;

    private static string SentBy(DeliveryMethod method) => method switch
    {
        DeliveryMethod.Facsimile => "Sent by facsimile",
        DeliveryMethod.Courier => "Sent by overnight courier",
        DeliveryMethod.Email => "Sent by e-mail",
        DeliveryMethod.Mail => "Sent by mail (not overnight courier)",
        _ => "Delivered by hand",
    };

    private static string Ordinal(int n) => n switch
    {
        1 => string.Empty,
        2 => "second ",
        3 => "third ",
        4 => "fourth ",
        5 => "fifth ",
        _ => string.Create(CultureInfo.InvariantCulture, $"{n}th "),
    };

    private static string Prior(SameDayCutoffRule rule) => rule.SameDayAtCutoff ? "at or prior to" : "prior to";

    private string Recorded(Delivery delivery)
    {
        var parts = new List<string>();
        if (delivery.FaxNumber is { } fax)
        {
            parts.Add($"to facsimile number {fax} (recorded; not checked against the number {clause.NumberSource} specifies)");
        }

        if (delivery.TrackingNumber is { } tracking)
        {
            parts.Add($"tracking number {tracking}");
        }

        return parts.Count == 0 ? string.Empty : ", " + string.Join(", ", parts);
    }

    private string Sent(Delivery delivery, ZonedDateTime sent) =>
        $"{SentBy(delivery.Method)} at {NoticeText.Moment(sent)}, {zoneName}{Recorded(delivery)}";

    internal string SameDay(SameDayCutoffRule rule, Delivery delivery, ZonedDateTime sent) =>
        $"{Sent(delivery, sent)}: {Prior(rule)} {NoticeText.ClockTime(rule.Cutoff)} on {NoticeText.Day(sent.Date)}, a {DayName}. " +
        $"{Cite(rule.Section)}: effective on the date of transmission, {NoticeText.Day(sent.Date)}, from the moment of transmission.";

    /// <param name="rule">The rule.</param>
    /// <param name="delivery">The delivery.</param>
    /// <param name="sent">When it was sent, in the clause's zone.</param>
    /// <param name="notBusinessDay">The sending day, when the next-day branch applies because it is not a Business Day; null when the time is later than the cut-off.</param>
    internal string NextDay(SameDayCutoffRule rule, Delivery delivery, ZonedDateTime sent, CalendarDay? notBusinessDay)
    {
        var cutoff = NoticeText.ClockTime(rule.Cutoff);
        var when = notBusinessDay is { } day
            ? $"on {NoticeText.Day(sent.Date)}, which is not a {DayName} ({NoticeText.Reasons(day)})"
            : (sent.TimeOfDay == rule.Cutoff ? "at " : "later than ") + cutoff +
              (rule.LateBound is { } late ? $" and earlier than {NoticeText.ClockTime(late)}" : string.Empty) +
              $" on {NoticeText.Day(sent.Date)}";
        return $"{Sent(delivery, sent)}: {when}. {Cite(rule.NextDaySection)}: effective the {DayName} after the date of transmission";
    }

    internal string GapBeforeCutoffOnNonBusinessDay(SameDayCutoffRule rule, Delivery delivery, ZonedDateTime sent, CalendarDay day)
    {
        var cutoff = NoticeText.ClockTime(rule.Cutoff);
        return $"{Sent(delivery, sent)}: {Prior(rule)} {cutoff} on {NoticeText.Day(sent.Date)}, which is not a {DayName} " +
            $"({NoticeText.Reasons(day)}). {Cite(rule.Section)} needs a {DayName}, and {Cite(rule.NextDaySection)} a time " +
            $"later than {cutoff}";
    }

    internal string GapAtCutoff(SameDayCutoffRule rule, Delivery delivery, ZonedDateTime sent)
    {
        var cutoff = NoticeText.ClockTime(rule.Cutoff);
        return $"{Sent(delivery, sent)}: exactly {cutoff} on {NoticeText.Day(sent.Date)}, neither \"prior to {cutoff}\" " +
            $"({Cite(rule.Section)}) nor \"later than {cutoff}\" ({Cite(rule.NextDaySection)})";
    }

    internal string GapAfterLateBound(SameDayCutoffRule rule, Delivery delivery, ZonedDateTime sent)
    {
        var late = NoticeText.ClockTime(rule.LateBound!.Value);
        return $"{Sent(delivery, sent)}: at or after {late} on {NoticeText.Day(sent.Date)}, not \"earlier than " +
            $"{late}\" ({Cite(rule.NextDaySection)}), and not {Prior(rule)} {NoticeText.ClockTime(rule.Cutoff)} ({Cite(rule.Section)})";
    }

    // The catch-all covers a notice sent other than by the methods the clause sets forth; a delivery outside the hours
    // of its rule's two branches is read as such, which is itself a reading, so the other one is always given.
    internal string GapLiteral(SameDayCutoffRule rule, string gapWords) =>
        $"{gapWords}: the text leaves a gap. Read literally, {Article(NoticeText.Method(rule.Method))} outside the terms of " +
        $"{Both(rule.Section, rule.NextDaySection)} is sent {clause.CatchAllQuote}, so {Cite(clause.ReceiptSection)} applies: ";

    internal string GapAlternative(SameDayCutoffRule rule, LocalDate date) =>
        $"Other reading: the {NoticeText.Method(rule.Method)} is treated as {Cite(rule.NextDaySection)} treats a later one, " +
        $"effective the {DayName} after the date of transmission ({NoticeText.Day(date)})";

    internal string AfterSending(BusinessDaysAfterSendingRule rule, Delivery delivery, ZonedDateTime sent)
    {
        var checkedNot = delivery.Method == DeliveryMethod.Courier
            ? " (whether the service is \"nationally recognized\" is not checked)"
            : string.Empty;
        return $"{SentBy(delivery.Method)}{Recorded(delivery)}, mailed at {NoticeText.Moment(sent)}; the date of mailing is " +
            $"taken in {zoneName}, {NoticeText.Day(sent.Date)}{checkedNot}. {Cite(rule.Section)}: effective the " +
            $"{Ordinal(rule.Days)}{DayName} following the date of mailing";
    }

    internal string Effective(string words, LocalDate effective, LocalDate from, ZonedDateTime start) =>
        $"{words}: {NoticeText.Day(effective)}{NoticeText.Skipped(calendar, from, effective)}. " +
        $"It counts from the start of that day, {NoticeText.Moment(start)}.";

    internal string OwnReceipt(OnReceiptRule rule, Delivery delivery, ZonedDateTime sent) =>
        $"{Sent(delivery, sent)}. {Cite(rule.Section)} applies: ";

    internal string CatchAll(Delivery delivery, ZonedDateTime sent) =>
        $"{Sent(delivery, sent)}. {Sentences.Capitalize(NoticeText.Method(delivery.Method))} is not a method " +
        $"{Cite(clause.MethodsRange)} sets forth, so {Cite(clause.ReceiptSection)} applies: ";

    internal static string NoReceipt(string words) =>
        $"{words}effective upon actual receipt. No receipt is recorded, so no effective date can be stamped until one is.";

    internal static string Receipt(string words, ZonedDateTime received) =>
        $"{words}effective upon actual receipt, recorded at {NoticeText.Moment(received)}: {NoticeText.Day(received.Date)}.";

    internal string NoneKnown() =>
        $"Every delivery is effective only upon actual receipt ({Cite(clause.ReceiptSection)}), and no receipt is recorded: " +
        "no effective date can be stamped until one is.";

    internal string OtherReading(NoticeReading literal, NoticeReading other, int count) =>
        Changes(literal, other) +
        (other.Delivery is { } i ? $" The earliest delivery is then {NoticeText.Ordinal(i, count)}: {other.Explanation}" : string.Empty);

    private string Changes(NoticeReading literal, NoticeReading other) =>
        other.EffectiveDate == literal.EffectiveDate && other.Rule == literal.Rule
            ? "The other reading gives the same result as the literal one."
            : $"Under the other reading the notice is effective {Date(other.EffectiveDate)} under {Cite(other.Section)} " +
              $"instead of {Date(literal.EffectiveDate)} under {Cite(literal.Section)}.";

    private static string Date(LocalDate? date) => date is { } d ? NoticeText.Day(d) : "upon an actual receipt not yet recorded";

    internal string Explain(List<DeliveryStamp> stamps, NoticeReading literal, NoticeReading? alternative)
    {
        var text = new StringBuilder();
        if (stamps.Count == 1)
        {
            text.Append(stamps[0].Explanation);
        }
        else if (literal.Delivery is { } winner)
        {
            var method = NoticeText.Method(stamps[winner].Delivery.Method);
            text.Append($"The notice was sent {stamps.Count} ways; {Cite(clause.Section)} makes it effective on the earliest of them, ")
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
                text.Append($" {Sentences.Capitalize(NoticeText.Ordinal(unknown.Index, stamps.Count))} ({NoticeText.Method(unknown.Delivery.Method)}) ")
                    .Append("is effective upon actual receipt, which is not recorded; had it been received before ")
                    .Append($"{NoticeText.Moment(countsFrom.InZone(stamps[0].SentAtLocal.Zone))}, the notice would be effective then.");
            }
        }

        // With one delivery its explanation is already the whole text.
        foreach (var gap in stamps.Where(s => s.Gap is not null && s.Index != literal.Delivery && stamps.Count > 1))
        {
            text.Append($" {Sentences.Capitalize(NoticeText.Ordinal(gap.Index, stamps.Count))} falls in a gap of the text: {gap.Explanation}");
        }

        if (alternative is not null)
        {
            text.Append(' ').Append(Changes(literal, alternative));
        }

        return text.ToString();
    }

    internal static string Who(DeliveryStamp stamp, int count) =>
        $"{Sentences.Capitalize(NoticeText.Ordinal(stamp.Index, count))} ({NoticeText.Method(stamp.Delivery.Method)})";

    internal static string SentAfterReceipt(string who, string sent, string received) =>
        $"{who}: the claimed sending time {sent} is later than its recorded receipt {received}.";

    internal static string SentFarBeforeReceipt(string who, string sent, Duration threshold, string received) =>
        $"{who}: the claimed sending time {sent} is more than {Words(threshold)} before its recorded receipt {received}.";

    internal static string ReceivedInFuture(string who, string received, string recordedAtWords, string recorded) =>
        $"{who}: the claimed receipt {received} is later than the moment {recordedAtWords}, {recorded}.";

    internal string ReceiptUnknown(string who, string section, bool noStamp) =>
        $"{who}: effective upon actual receipt ({Cite(section)}), and no receipt is recorded; " +
        (noStamp ? "no effective date can be stamped until it is." : "it might have made the notice effective earlier than the stamp.");

    internal static string SentInFuture(string who, string sent, string recordedAtWords, string recorded) =>
        $"{who}: the claimed sending time {sent} is later than the moment {recordedAtWords}, {recorded}.";

    internal static string SentFarBeforeRecording(string who, string sent, Duration threshold, string recordedAtWords, string recorded) =>
        $"{who}: the claimed sending time {sent} is more than {Words(threshold)} before {recordedAtWords}, {recorded}.";

    internal string ContestedDay(ContestedDayReading otherReading, NoticeReading other, NoticeReading literal) =>
        $"Reading contested days (Good Friday afternoon, executive-order closures) the other way " +
        $"({otherReading}) makes the notice effective {Date(other.EffectiveDate)} under " +
        $"{Cite(other.Section)} instead of {Date(literal.EffectiveDate)} under {Cite(literal.Section)}.";

    internal string OutsideRange(int index, string what, LocalDate date) =>
        $"deliveries[{index}] was {what} on {date:uuuu-MM-dd} ({zoneName}), outside the supported range " +
        $"{NoticeStamper.MinDate:uuuu-MM-dd} to {NoticeStamper.MaxDate:uuuu-MM-dd}.";

    private static string Words(Duration duration) =>
        duration == Duration.FromDays(duration.Days)
            ? string.Create(CultureInfo.InvariantCulture, $"{duration.Days} day{(duration.Days == 1 ? "" : "s")}")
            : string.Create(CultureInfo.InvariantCulture, $"{duration.TotalHours:0.##} hours");
}

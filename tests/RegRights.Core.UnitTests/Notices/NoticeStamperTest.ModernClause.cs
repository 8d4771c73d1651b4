using NodaTime;
using RegRights.Core.Agreements;
using RegRights.Core.Notices;

namespace RegRights.Core.UnitTests.Notices;

/// <summary>
/// The modern clause (<see cref="NoticeClause.ModernEmail"/>), checkable with a 2025 NYSE calendar: e-mail before
/// 5:30 p.m. New York time on a Trading Day, that day (Section 6.4(a)), else the next Trading Day (6.4(b)); courier the
/// second Trading Day after deposit (6.4(c)); hand and anything else upon actual receipt (6.4(d)). New York was on EST
/// (-05:00) until Sunday 2025-03-09 and from Sunday 2025-11-02, on EDT (-04:00) between. The NYSE was closed on Thursday
/// 2025-01-09 (National Day of Mourning for President Carter) and Monday 2025-01-20 (Martin Luther King, Jr. Day).
/// </summary>
public partial class NoticeStamperTest
{
    private static readonly AgreementTerms Modern = Terms with
    {
        TimeZone = DateTimeZoneProviders.Tzdb["America/New_York"],
        NoticeClause = NoticeClause.ModernEmail,
    };

    private static Delivery Email(string sentAt) => new(DeliveryMethod.Email, At(sentAt));

    private static NoticeStamp StampModern(params Delivery[] deliveries) =>
        NoticeStamper.Default.Stamp(Modern, deliveries, deliveries.Max(d => (d.ReceivedAt ?? d.SentAt).ToInstant()) + Duration.FromMinutes(1));

    [Fact]
    public void Modern_EmailAt529pmOnATradingDay_IsEffectiveThatDay()
    {
        // Wednesday 2025-01-08 was a Trading Day; 5:29 p.m. EST is before 5:30 p.m.
        var stamp = StampModern(Email("2025-01-08T17:29:00-05:00"));

        Assert.Equal(("Section 6.4(a)", NoticeRule.FacsimileBeforeCutoff, new LocalDate(2025, 1, 8)), (stamp.Section, stamp.Rule, stamp.EffectiveDate));
        Assert.Equal(Utc("2025-01-08T22:29:00Z"), stamp.CountsFrom);
        Assert.False(stamp.Gap);
        Assert.Equal(
            "Sent by e-mail at 2025-01-08 17:29:00 -05:00 (EST), New York time: prior to 5:30 p.m. on Wednesday 2025-01-08, " +
            "a Trading Day. Section 6.4(a): effective on the date of transmission, Wednesday 2025-01-08, from the moment of transmission.",
            stamp.Explanation);
    }

    [Fact]
    public void Modern_EmailAt531pmBeforeTheMarketHoliday_IsEffectiveTheNextTradingDay()
    {
        // 5:31 p.m. on Wednesday 2025-01-08 is after the cut-off; Thursday 2025-01-09 the market was closed, so the next
        // Trading Day is Friday 2025-01-10, from its start, 00:00 EST.
        var stamp = StampModern(Email("2025-01-08T17:31:00-05:00"));

        Assert.Equal(("Section 6.4(b)", NoticeRule.FacsimileAfterCutoff, new LocalDate(2025, 1, 10)), (stamp.Section, stamp.Rule, stamp.EffectiveDate));
        Assert.Equal(Utc("2025-01-10T05:00:00Z"), stamp.CountsFrom);
        Assert.False(stamp.Gap);
        Assert.Contains("later than 5:30 p.m. on Wednesday 2025-01-08. Section 6.4(b): effective the Trading Day after the date of transmission: " +
            "Friday 2025-01-10 (skipping Thursday 2025-01-09: National Day of Mourning", stamp.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void Modern_EmailInTheMorningOfTheMarketHoliday_IsEffectiveTheNextTradingDay_NoGap()
    {
        // 10:00 a.m. on Thursday 2025-01-09 is before the cut-off, but not on a Trading Day: the next one, Friday 2025-01-10.
        var stamp = StampModern(Email("2025-01-09T10:00:00-05:00"));

        Assert.Equal(("Section 6.4(b)", new LocalDate(2025, 1, 10)), (stamp.Section, stamp.EffectiveDate));
        Assert.False(stamp.Gap);
        Assert.Contains("on Thursday 2025-01-09, which is not a Trading Day (National Day of Mourning", stamp.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void Modern_EmailAtExactly530pm_IsTheNextTradingDay_TheClauseLeavesNoGap()
    {
        // "before 5:30 p.m." the same day, "else" the next Trading Day: 5:30:00 p.m. on Wednesday 2025-01-08 is the else.
        var stamp = StampModern(Email("2025-01-08T17:30:00-05:00"));

        Assert.Equal(("Section 6.4(b)", new LocalDate(2025, 1, 10)), (stamp.Section, stamp.EffectiveDate));
        Assert.False(stamp.Gap);
        Assert.Contains(": at 5:30 p.m. on Wednesday 2025-01-08. Section 6.4(b)", stamp.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void Modern_CourierDepositedFridayBeforeMartinLutherKingDay_IsEffectiveTheSecondTradingDayAfter()
    {
        // Deposited Friday 2025-01-17. Saturday, Sunday and Monday 2025-01-20 (MLK Day) are not Trading Days; the first
        // Trading Day after is Tuesday 2025-01-21, the second Wednesday 2025-01-22.
        var courier = new Delivery(DeliveryMethod.Courier, At("2025-01-17T16:00:00-05:00")) { TrackingNumber = "794612345678" };

        var stamp = StampModern(courier);

        Assert.Equal(("Section 6.4(c)", NoticeRule.OvernightCourier, new LocalDate(2025, 1, 22)), (stamp.Section, stamp.Rule, stamp.EffectiveDate));
        Assert.Equal(Utc("2025-01-22T05:00:00Z"), stamp.CountsFrom);
        Assert.Contains("Section 6.4(c): effective the second Trading Day following the date of mailing: Wednesday 2025-01-22 " +
            "(skipping Saturday 2025-01-18: weekend; Sunday 2025-01-19: weekend; Monday 2025-01-20: ", stamp.Explanation, StringComparison.Ordinal);
        Assert.DoesNotContain("Tuesday 2025-01-21:", stamp.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void Modern_HandDelivery_IsEffectiveOnReceipt_UnderItsOwnSection()
    {
        // Delivered at 11:15 a.m. on Saturday 2025-01-11: upon actual receipt, whatever the day.
        var hand = new Delivery(DeliveryMethod.Hand, At("2025-01-11T11:00:00-05:00")) { ReceivedAt = At("2025-01-11T11:15:00-05:00") };

        var stamp = StampModern(hand);

        Assert.Equal(("Section 6.4(d)", NoticeRule.ActualReceipt, new LocalDate(2025, 1, 11)), (stamp.Section, stamp.Rule, stamp.EffectiveDate));
        Assert.Equal(Utc("2025-01-11T16:15:00Z"), stamp.CountsFrom);
        Assert.StartsWith("Delivered by hand at 2025-01-11 11:00:00 -05:00 (EST), New York time. Section 6.4(d) applies: effective upon actual receipt",
            stamp.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void Modern_HandDeliveryWithoutReceipt_HasNoDate_AndWarnsInTheClauseSection()
    {
        var stamp = StampModern(new Delivery(DeliveryMethod.Hand, At("2025-01-08T11:00:00-05:00")));

        Assert.Null(stamp.EffectiveDate);
        Assert.Equal("Section 6.4(d)", stamp.Section);
        var warning = Assert.Single(stamp.Warnings, w => w.Kind == NoticeWarningKind.ReceiptUnknown);
        Assert.Contains("(Section 6.4(d))", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Modern_Facsimile_FallsToTheCatchAll()
    {
        // The modern clause sets forth e-mail and courier; a fax is "other", upon actual receipt (Section 6.4(d)).
        var stamp = StampModern(Fax("2025-01-08T13:00:00-05:00", receivedAt: "2025-01-08T13:00:05-05:00"));

        Assert.Equal(("Section 6.4(d)", new LocalDate(2025, 1, 8)), (stamp.Section, stamp.EffectiveDate));
        Assert.Contains("Facsimile is not a method Section 6.4(a)-(c) sets forth, so Section 6.4(d) applies", stamp.Explanation, StringComparison.Ordinal);
    }

    [Theory]
    // Monday 2025-03-10, the first Trading Day on EDT (-04:00): 21:29Z is 5:29 p.m. EDT, that day; 22:29Z is 6:29 p.m.
    // EDT (it would be 5:29 p.m. EST), the next Trading Day, Tuesday 2025-03-11, from 00:00 EDT = 04:00Z.
    [InlineData("2025-03-10T21:29:00Z", "Section 6.4(a)", "2025-03-10", "2025-03-10T21:29:00Z")]
    [InlineData("2025-03-10T22:29:00Z", "Section 6.4(b)", "2025-03-11", "2025-03-11T04:00:00Z")]
    // Friday 2025-10-31 at 21:31Z is 5:31 p.m. EDT: the next Trading Day, Monday 2025-11-03, begins at 00:00 EST = 05:00Z.
    [InlineData("2025-10-31T21:31:00Z", "Section 6.4(b)", "2025-11-03", "2025-11-03T05:00:00Z")]
    // Saturday 2025-03-08 at 11:30 p.m. EST: the next Trading Day is Monday 2025-03-10, from 00:00 EDT = 04:00Z.
    [InlineData("2025-03-09T04:30:00Z", "Section 6.4(b)", "2025-03-10", "2025-03-10T04:00:00Z")]
    public void Modern_DaylightSaving_TheCutoffIsNewYorkClockTime(string sentAt, string section, string effective, string countsFrom)
    {
        var stamp = StampModern(Email(sentAt));

        Assert.Equal((section, effective, Utc(countsFrom)), (stamp.Section, stamp.EffectiveDate?.ToString("uuuu-MM-dd", null), stamp.CountsFrom));
    }

    [Fact]
    public void Modern_OnACaliforniaAgreement_ReadsTheClauseInItsOwnZone()
    {
        // 2:29 p.m. PST on Wednesday 2025-01-08 is 5:29 p.m. in New York: Section 6.4(a), named in New York time.
        var terms = Terms with { NoticeClause = NoticeClause.ModernEmail };

        var stamp = NoticeStamper.Default.Stamp(terms, [Email("2025-01-08T14:29:00-08:00")], Utc("2025-01-08T23:00:00Z"));

        Assert.Equal(("Section 6.4(a)", new LocalDate(2025, 1, 8)), (stamp.Section, stamp.EffectiveDate));
        Assert.Contains("17:29:00 -05:00 (EST), New York time", stamp.Explanation, StringComparison.Ordinal);
        Assert.DoesNotContain("California", stamp.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void Modern_EmailAndCourier_TheEarliestWins_InTheClauseWords()
    {
        // E-mail at 5:31 p.m. Wednesday 2025-01-08: Friday 2025-01-10. A courier deposited Tuesday 2025-01-07: the first
        // Trading Day after is Wednesday 2025-01-08, the second (Thursday closed) Friday 2025-01-10 too. The tie at the
        // start of Friday goes to the lower rule, the e-mail's Section 6.4(b).
        var stamp = StampModern(new Delivery(DeliveryMethod.Courier, At("2025-01-07T12:00:00-05:00")), Email("2025-01-08T17:31:00-05:00"));

        Assert.Equal(("Section 6.4(b)", new LocalDate(2025, 1, 10), 1), (stamp.Section, stamp.EffectiveDate, stamp.Winner));
        Assert.StartsWith("The notice was sent 2 ways; Section 6.4 makes it effective on the earliest of them, delivery 2 of 2 (e-mail).",
            stamp.Explanation, StringComparison.Ordinal);
    }
}

using NodaTime;
using RegRights.Core.Agreements;
using RegRights.Core.Calendars;
using RegRights.Core.Notices;

namespace RegRights.Core.UnitTests.Notices;

/// <summary>Claimed times that do not fit, and contested days; warnings never change the stamp.</summary>
public partial class NoticeStamperTest
{
    [Fact]
    public void Stamp_SentAfterReceipt_IsFlagged()
    {
        // A fax claimed sent at 1:30 p.m. but received at 1:20 p.m.: one of the two clocks is wrong.
        var stamp = Stamp(Fax("2000-05-25T13:30:00-07:00", receivedAt: "2000-05-25T13:20:00-07:00"));

        var warning = Assert.Single(stamp.Warnings);
        Assert.Equal(NoticeWarningKind.SentAfterReceipt, warning.Kind);
        Assert.Equal(0, warning.Delivery);
        Assert.Equal(NoticeRule.FacsimileBeforeCutoff, stamp.Rule);
    }

    [Fact]
    public void Stamp_SentLongBeforeReceipt_IsFlaggedAtThreshold()
    {
        // An e-mail claimed sent 3 days before it was received: flagged by a 2-day threshold, not by 7 days.
        var email = new Delivery(DeliveryMethod.Email, At("2000-05-22T09:00:00-07:00")) { ReceivedAt = At("2000-05-25T09:00:00-07:00") };

        var recordedAt = Utc("2000-05-25T16:01:00Z");
        var strict = new NoticeStamper(Duration.FromDays(2)).Stamp(Terms, [email], recordedAt);
        var lenient = NoticeStamper.Default.Stamp(Terms, [email], recordedAt);

        Assert.Contains(strict.Warnings, w => w.Kind == NoticeWarningKind.SentFarBeforeReceipt);
        Assert.DoesNotContain(lenient.Warnings, w => w.Kind == NoticeWarningKind.SentFarBeforeReceipt);
    }

    [Fact]
    public void Stamp_SentAfterRecording_IsFlaggedAsFuture()
    {
        // The webhook arrived at 20:00 UTC (1:00 p.m. PDT) claiming a fax sent at 1:30 p.m. PDT.
        var stamp = Stamp(Utc("2000-05-25T20:00:00Z"), Fax("2000-05-25T13:30:00-07:00"));

        Assert.Contains(stamp.Warnings, w => w.Kind == NoticeWarningKind.SentInFuture && w.Delivery == 0);
    }

    [Fact]
    public void Stamp_ReceiptAfterRecording_IsFlaggedAsFuture()
    {
        var stamp = Stamp(Utc("2000-05-25T20:00:00Z"), Fax("2000-05-25T12:30:00-07:00", receivedAt: "2000-05-25T13:30:00-07:00"));

        Assert.Contains(stamp.Warnings, w => w.Kind == NoticeWarningKind.ReceivedInFuture);
    }

    [Fact]
    public void Stamp_SentLongBeforeRecording_IsFlagged()
    {
        // A fax server posting a fax it claims to have sent two weeks ago.
        var stamp = Stamp(Utc("2000-06-08T20:00:00Z"), Fax("2000-05-25T13:30:00-07:00"));

        Assert.Contains(stamp.Warnings, w => w.Kind == NoticeWarningKind.SentFarBeforeRecording);
    }

    [Fact]
    public void Stamp_FaxThursdayBeforeGoodFriday_WarnsThatOtherReadingGivesMonday()
    {
        // § 6(h)(ii) on Thursday 2000-04-20 at 3:00 p.m.: Good Friday 2000-04-21 is a Business Day by default
        // (banks close only from noon), so Friday; read as closed, it is Monday 2000-04-24.
        var stamp = Stamp(Fax("2000-04-20T15:00:00-07:00"));
        var closed = NoticeStamper.Default.Stamp(Terms with { ContestedDays = ContestedDayReading.Closed },
            [Fax("2000-04-20T15:00:00-07:00")], RecordedAt);

        Assert.Equal(new LocalDate(2000, 4, 21), stamp.EffectiveDate);
        var warning = Assert.Single(stamp.Warnings, w => w.Kind == NoticeWarningKind.ContestedDay);
        Assert.Contains("Monday 2000-04-24", warning.Message, StringComparison.Ordinal);
        Assert.Equal(new LocalDate(2000, 4, 24), closed.EffectiveDate);
    }

    [Fact]
    public void Constructor_NonPositiveThreshold_Throws()
    {
        var exception = Assert.Throws<ArgumentOutOfRangeException>(() => new NoticeStamper(Duration.Zero));

        Assert.Equal("farFromReceipt", exception.ParamName);
    }

    [Theory]
    [InlineData(NoticeRule.FacsimileBeforeCutoff, "6(h)(i)")]
    [InlineData(NoticeRule.FacsimileAfterCutoff, "6(h)(ii)")]
    [InlineData(NoticeRule.OvernightCourier, "6(h)(iii)")]
    [InlineData(NoticeRule.ActualReceipt, "6(h)(iv)")]
    public void ToSection_NamesTheClause(NoticeRule rule, string expected)
    {
        Assert.Equal(expected, rule.ToSection());
    }

    [Fact]
    public void Stamp_InvalidTerms_Throws()
    {
        // Cut-off after the late bound makes § 6(h)(ii) empty: a broken template, refused.
        var terms = AgreementTerms.NeoTherapeutics2000 with { FaxCutoff = new LocalTime(23, 59, 30) };

        Assert.Throws<ArgumentException>(() => NoticeStamper.Default.Stamp(terms, [Fax("2000-05-25T13:00:00-07:00")], RecordedAt));
    }
}

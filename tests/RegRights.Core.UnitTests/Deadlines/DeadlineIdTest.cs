using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;
using RegRights.Core.Agreements;
using RegRights.Core.Deadlines;
using RegRights.Core.DelayPayments;

namespace RegRights.Core.UnitTests.Deadlines;

public class DeadlineIdTest
{
    [Theory]
    [InlineData("filing-date", "filing-date", null)] // the only instance: no suffix
    [InlineData("sec-comment-response#2", "sec-comment-response", 2)] // the second comment letter's clock
    [InlineData("filing-failure-payment#12", "filing-failure-payment", 12)] // a payment period past 9
    [InlineData("filing-date#2", "filing-date", 2)] // a second closing's Filing Deadline
    [InlineData("effectiveness-period-end", "effectiveness-period-end", null)] // three hyphenated words
    public void Parse_StoredText_RoundTrips(string text, string obligationKey, int? instance)
    {
        var id = DeadlineId.Parse(text);

        Assert.Equal(obligationKey, id.ObligationKey);
        Assert.Equal(instance, id.Instance);
        Assert.Equal(text, id.ToString());
    }

    [Theory]
    [InlineData("")] // no obligation key
    [InlineData("#1")] // no obligation key
    [InlineData("filing-date#")] // a separator without a number
    [InlineData("filing-date#0")] // instances count from 1
    [InlineData("filing-date#01")] // would be written back as #1
    [InlineData("filing-date#+1")] // no sign
    [InlineData("filing-date#-1")] // no sign
    [InlineData("filing-date#1#2")] // one separator
    [InlineData("filing-date#2147483648")] // beyond int.MaxValue
    [InlineData("filing-date#abc")] // not a number
    [InlineData("filing-date#1 ")] // trailing space
    [InlineData("sec-comment-response~2")] // a Table key segment, not the key
    [InlineData("Filing-Date")] // upper case
    [InlineData("filing--date")] // an empty word
    [InlineData("-filing-date")] // a leading hyphen
    [InlineData("filing-date-")] // a trailing hyphen
    [InlineData("filing date")] // a space
    public void TryParse_MalformedText_IsRefused(string text)
    {
        Assert.False(DeadlineId.TryParse(text, out var id));
        Assert.Equal(default, id);
        var ex = Assert.Throws<FormatException>(() => DeadlineId.Parse(text));
        Assert.Equal($"'{text}' is not a deadline key: an obligation key such as filing-date, optionally with #n, n from 1 (sec-comment-response#2).", ex.Message);
    }

    [Fact]
    public void TryParse_Null_IsRefused()
    {
        Assert.False(DeadlineId.TryParse(null, out _));
        Assert.Throws<ArgumentNullException>(() => DeadlineId.Parse(null!));
    }

    [Fact]
    public void Constructor_InstanceZero_Throws()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => new DeadlineId("sec-comment-response", 0));

        Assert.Equal("instance", ex.ParamName);
    }

    [Fact]
    public void Constructor_KeyWithSeparator_Throws()
    {
        var ex = Assert.Throws<ArgumentException>(() => new DeadlineId("sec-comment-response#2"));

        Assert.Equal("obligationKey", ex.ParamName);
    }

    [Fact]
    public void ToString_WithSeparator_WritesTableKeyAndFileName()
    {
        var id = new DeadlineId("sec-comment-response", 2);

        // The reminder tables' key segment and the .ics attachment's name.
        Assert.Equal("sec-comment-response~2", id.ToString('~'));
        Assert.Equal("sec-comment-response-2", id.ToString('-'));
        Assert.Equal("filing-date", new DeadlineId("filing-date").ToString('~'));
    }

    [Fact]
    public void Default_HasNoKey_AndEmptyText()
    {
        Assert.Equal(string.Empty, default(DeadlineId).ObligationKey);
        Assert.Equal(string.Empty, default(DeadlineId).ToString());
        Assert.Null(ObligationCatalog.Find(default(DeadlineId)));
    }

    [Fact]
    public void Equality_IsByKeyAndInstance()
    {
        Assert.Equal(new DeadlineId("filing-date", 2), DeadlineId.Parse("filing-date#2"));
        Assert.NotEqual(new DeadlineId("filing-date", 1), new DeadlineId("filing-date"));
    }

    // Every catalog key with every instance number writes text that reads back as the same identity.
    [Property(MaxTest = 500)]
    public Property CatalogKeyAndInstance_RoundTrip() =>
        Prop.ForAll(
            Gen.Elements(ObligationCatalog.All.Concat(ObligationCatalog.Deal).Select(o => o.Key).ToArray()).ToArbitrary(),
            Gen.OneOf(Gen.Constant<int?>(null), Gen.Choose(1, int.MaxValue).Select(n => (int?)n)).ToArbitrary(),
            (key, instance) =>
            {
                var id = instance is { } n ? new DeadlineId(key, n) : new DeadlineId(key);
                var text = id.ToString();
                return (DeadlineId.Parse(text) == id && text == (instance is null ? key : $"{key}#{instance}")).Label(text);
            });

    // Random text over the characters a key is made of: whatever is accepted is written back exactly as it was read.
    [Property(MaxTest = 2000)]
    public Property AcceptedText_IsWrittenBackUnchanged() =>
        Prop.ForAll(
            Gen.ArrayOf(Gen.Elements('a', 'z', '-', '#', '0', '1', '9', 'A', ' ')).Select(cs => new string(cs)).ToArbitrary(),
            text => (!DeadlineId.TryParse(text, out var id) || id.ToString() == text).Label(text));

    [Fact]
    public void Schedule_EveryDeadlinesKey_IsItsIdText()
    {
        // The modern sample: two closings (filing-date#2), a late filing's payments and a suspension's Advice.
        var terms = AgreementTemplates.ModernPipe.Terms;
        AgreementEvent[] events =
        [
            new("closing", AgreementEventKind.Closing, new LocalDate(2024, 1, 2)),
            new("second", AgreementEventKind.Closing, new LocalDate(2024, 2, 15)) { Tranche = "second closing" },
            new("filed", AgreementEventKind.Filed, new LocalDate(2024, 3, 20)),
            new("suspension", AgreementEventKind.SuspensionStarted, new LocalDate(2024, 5, 1)),
        ];

        var schedule = DeadlineEngine.Compute(terms, events, new LocalDate(2024, 6, 1), [new("Alpha Fund LP", Money.Usd(1_000_000m))]);

        Assert.Contains(schedule.Deadlines, d => d.Key == "filing-date#2");
        Assert.Contains(schedule.Deadlines, d => d.Key == "filing-failure-payment#1");
        Assert.Contains(schedule.Deadlines, d => d.Key == "suspension-advice#1");
        Assert.All(schedule.Deadlines, d =>
        {
            Assert.Equal(d.Key, d.Id.ToString());
            Assert.Equal(d.Id, DeadlineId.Parse(d.Key));
            Assert.Same(d.Obligation, ObligationCatalog.Find(d.Id));
        });
    }
}

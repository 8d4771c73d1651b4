using System.Text.Json;

namespace RegRights.Cli.FunctionalTests;

/// <summary>
/// <c>regrights stamp</c> on the worked examples of § 6(h), California time. Friday 2000-05-26 is the Business Day
/// before Memorial Day weekend: Saturday, Sunday and Monday 2000-05-29 (5 U.S.C. § 6103(a)) do not count, so the next
/// Business Day is Tuesday 2000-05-30. Daylight time ran from Sunday 2000-04-02 to Sunday 2000-10-29.
/// </summary>
public class StampCommandTest
{
    private static async Task<JsonElement> StampJsonAsync(params string[] args)
    {
        var (exitCode, stdout, stderr) = await RegrightsTool.RunAsync(["stamp", .. args, "--json"]);

        Assert.Equal(0, exitCode);
        Assert.Empty(stderr);
        using var json = JsonDocument.Parse(stdout);
        return json.RootElement.Clone();
    }

    private static string? Text(JsonElement element, string name) => element.GetProperty(name).GetString();

    [Fact]
    public async Task Stamp_FacsimileAt159pm_DateOfTransmission()
    {
        // § 6(h)(i): prior to 2:00 p.m. on a Business Day, effective that day from the transmission itself.
        var stamp = await StampJsonAsync("--method", "facsimile", "--sent", "2000-05-26T13:59:00-07:00");

        Assert.Equal("2000-05-26", Text(stamp, "effectiveDate"));
        Assert.Equal("2000-05-26T13:59:00-07:00", Text(stamp, "countsFrom"));
        Assert.Equal("6(h)(i)", Text(stamp, "rule"));
        Assert.False(stamp.GetProperty("gap").GetBoolean());
    }

    [Fact]
    public async Task Stamp_FacsimileAt2pmExactly_GapLiteralReceiptOtherReadingTuesday()
    {
        // Exactly 2:00:00 p.m. is neither "prior to" nor "later than" 2:00 p.m.: literally § 6(h)(iv), and with no
        // receipt recorded there is no date yet; the other reading treats it as (ii), Tuesday 2000-05-30.
        var stamp = await StampJsonAsync("--method", "facsimile", "--sent", "2000-05-26T14:00:00-07:00");

        Assert.Equal(JsonValueKind.Null, stamp.GetProperty("effectiveDate").ValueKind);
        Assert.Equal(JsonValueKind.Null, stamp.GetProperty("countsFrom").ValueKind);
        Assert.Equal("6(h)(iv)", Text(stamp, "rule"));
        Assert.True(stamp.GetProperty("gap").GetBoolean());
        Assert.Equal("facsimileAtCutoff", Text(stamp.GetProperty("deliveries")[0], "gapKind"));
        var other = stamp.GetProperty("alternative");
        Assert.Equal("6(h)(ii)", Text(other, "rule"));
        Assert.Equal("2000-05-30", Text(other, "effectiveDate"));
    }

    [Fact]
    public async Task Stamp_FacsimileAt2pmExactlyWithReceipt_EffectiveOnReceipt()
    {
        // The same gap with the receipt recorded at 2:00:05 p.m.: § 6(h)(iv) gives Friday itself, from the receipt.
        var stamp = await StampJsonAsync("--method", "facsimile", "--sent", "2000-05-26T14:00:00-07:00", "--received", "2000-05-26T14:00:05-07:00");

        Assert.Equal("2000-05-26", Text(stamp, "effectiveDate"));
        Assert.Equal("2000-05-26T14:00:05-07:00", Text(stamp, "countsFrom"));
        Assert.Equal("6(h)(iv)", Text(stamp, "rule"));
        Assert.True(stamp.GetProperty("gap").GetBoolean());
        Assert.Equal("2000-05-30", Text(stamp.GetProperty("alternative"), "effectiveDate"));
    }

    [Theory]
    [InlineData("2000-05-26T14:01:00-07:00")] // 2:01 p.m.: later than 2:00 p.m.
    [InlineData("2000-05-26T15:00:00-07:00")] // 3 p.m.
    [InlineData("2000-05-26T22:00:00Z")] // 3 p.m. given in UTC: the same moment, read in California time
    public async Task Stamp_FacsimileFridayAfternoon_TuesdayAfterMemorialDay(string sent)
    {
        // § 6(h)(ii): the next Business Day after Friday skips the weekend and Memorial Day; it counts from the start
        // of Tuesday, 00:00 PDT = 07:00Z.
        var stamp = await StampJsonAsync("--method", "facsimile", "--sent", sent);

        Assert.Equal("2000-05-30", Text(stamp, "effectiveDate"));
        Assert.Equal("2000-05-30T00:00:00-07:00", Text(stamp, "countsFrom"));
        Assert.Equal("6(h)(ii)", Text(stamp, "rule"));
        Assert.False(stamp.GetProperty("gap").GetBoolean());
        Assert.Equal(JsonValueKind.Null, stamp.GetProperty("alternative").ValueKind);
    }

    [Fact]
    public async Task Stamp_FacsimileAt115930pm_GapAfterLateBound()
    {
        // 11:59:30 p.m. is not "earlier than 11:59 p.m.": literally § 6(h)(iv); the other reading is Tuesday.
        var stamp = await StampJsonAsync("--method", "facsimile", "--sent", "2000-05-26T23:59:30-07:00");

        Assert.Equal("6(h)(iv)", Text(stamp, "rule"));
        Assert.True(stamp.GetProperty("gap").GetBoolean());
        Assert.Equal("facsimileAfterLateBound", Text(stamp.GetProperty("deliveries")[0], "gapKind"));
        Assert.Equal("2000-05-30", Text(stamp.GetProperty("alternative"), "effectiveDate"));
    }

    [Fact]
    public async Task Stamp_CourierMailedFriday_Tuesday()
    {
        // § 6(h)(iii): the Business Day following the date of mailing, Friday 2000-05-26 in California time, even
        // when the time is given in New York's offset (9:30 p.m. EDT = 6:30 p.m. PDT, still Friday).
        var stamp = await StampJsonAsync("--method", "courier", "--sent", "2000-05-26T21:30:00-04:00");

        Assert.Equal("2000-05-30", Text(stamp, "effectiveDate"));
        Assert.Equal("2000-05-30T00:00:00-07:00", Text(stamp, "countsFrom"));
        Assert.Equal("6(h)(iii)", Text(stamp, "rule"));
        Assert.False(stamp.GetProperty("gap").GetBoolean());
    }

    [Fact]
    public async Task Stamp_FacsimileSaturdayMorning_GapNotABusinessDay()
    {
        // Saturday 10 a.m.: "prior to 2:00 p.m." but not on a Business Day, so neither (i) nor (ii); the other
        // reading is the next Business Day, Tuesday.
        var stamp = await StampJsonAsync("--method", "facsimile", "--sent", "2000-05-27T10:00:00-07:00");

        Assert.Equal("6(h)(iv)", Text(stamp, "rule"));
        Assert.True(stamp.GetProperty("gap").GetBoolean());
        Assert.Equal("facsimileBeforeCutoffOnNonBusinessDay", Text(stamp.GetProperty("deliveries")[0], "gapKind"));
        Assert.Equal("2000-05-30", Text(stamp.GetProperty("alternative"), "effectiveDate"));
    }

    [Fact]
    public async Task Stamp_FacsimileSaturdayAfternoon_NextBusinessDay()
    {
        // § 6(h)(ii) applies "on any date": Saturday 3 p.m. gives Tuesday, with no gap.
        var stamp = await StampJsonAsync("--method", "facsimile", "--sent", "2000-05-27T15:00:00-07:00");

        Assert.Equal("2000-05-30", Text(stamp, "effectiveDate"));
        Assert.Equal("6(h)(ii)", Text(stamp, "rule"));
        Assert.False(stamp.GetProperty("gap").GetBoolean());
    }

    // One daylight-saving case at the command line: a UTC --sent read in the agreement's zone on the right side of the
    // change. The stamper's own tests (NoticeStamperTest.DaylightSaving) own the rest.
    [Fact]
    public async Task Stamp_AfterFallBack_UtcTimeReadInPst()
    {
        // 21:30Z on Monday 2000-10-30 is 1:30 p.m. PST (prior to 2:00 p.m.): that day, § 6(h)(i). Read in PDT it
        // would be 2:30 p.m. and Tuesday.
        var stamp = await StampJsonAsync("--method", "facsimile", "--sent", "2000-10-30T21:30:00Z");

        Assert.Equal("2000-10-30", Text(stamp, "effectiveDate"));
        Assert.Equal("2000-10-30T13:30:00-08:00", Text(stamp, "countsFrom"));
        Assert.Equal("6(h)(i)", Text(stamp, "rule"));
    }

    [Fact]
    public async Task Stamp_EmailWithoutReceipt_NoEffectiveDate()
    {
        // E-mail is not a method § 6(h)(i)-(iii) names: § 6(h)(iv), actual receipt, which is not recorded.
        var stamp = await StampJsonAsync("--method", "email", "--sent", "2000-05-26T09:00:00-07:00");

        Assert.Equal(JsonValueKind.Null, stamp.GetProperty("effectiveDate").ValueKind);
        Assert.Equal("6(h)(iv)", Text(stamp, "rule"));
        Assert.False(stamp.GetProperty("gap").GetBoolean());
        Assert.Contains(stamp.GetProperty("warnings").EnumerateArray(), w => Text(w, "code") == "receiptUnknown");
    }

    [Fact]
    public async Task Stamp_EmailWithReceipt_ReceiptDate()
    {
        // Sent Friday evening, read Tuesday morning: effective on receipt, Tuesday 2000-05-30 at 9:15 a.m. PDT.
        var stamp = await StampJsonAsync("--method", "email", "--sent", "2000-05-26T18:00:00-07:00", "--received", "2000-05-30T09:15:00-07:00");

        Assert.Equal("2000-05-30", Text(stamp, "effectiveDate"));
        Assert.Equal("2000-05-30T09:15:00-07:00", Text(stamp, "countsFrom"));
        Assert.Equal("6(h)(iv)", Text(stamp, "rule"));
        Assert.Equal("2000-05-30T09:15:00-07:00", Text(stamp.GetProperty("deliveries")[0], "receivedAt"));
    }

    [Fact]
    public async Task Stamp_Json_RecordedAtIsTheSystemClock()
    {
        var before = DateTimeOffset.UtcNow;
        var stamp = await StampJsonAsync("--method", "facsimile", "--sent", "2000-05-26T13:59:00-07:00");
        var after = DateTimeOffset.UtcNow;

        var recordedAt = DateTimeOffset.Parse(Text(stamp, "recordedAt")!, System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(recordedAt, before, after);
        Assert.Contains(stamp.GetProperty("warnings").EnumerateArray(), w => Text(w, "code") == "sentFarBeforeRecording");
    }

    [Fact]
    public async Task Stamp_Json_SectionSignAndOffsetPrintedLiterally()
    {
        // A person reads the JSON too: "§" and "+05:30" as written, not \u00A7 and \u002B. 3:35 a.m. IST on
        // Saturday is 3:05 p.m. PDT on Friday 2000-05-26.
        var (exitCode, stdout, _) = await RegrightsTool.RunAsync("stamp", "--method", "facsimile", "--sent", "2000-05-27T03:35:00+05:30", "--json");

        Assert.Equal(0, exitCode);
        Assert.Contains("\"sentAt\": \"2000-05-27T03:35:00+05:30\"", stdout, StringComparison.Ordinal);
        Assert.Contains("§ 6(h)(ii)", stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("\\u", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Stamp_Text_EffectiveDateRuleGapAndExplanation()
    {
        var (exitCode, stdout, stderr) = await RegrightsTool.RunAsync("stamp", "--method", "facsimile", "--sent", "2000-05-26T14:00:00-07:00");

        Assert.Equal(0, exitCode);
        Assert.Empty(stderr);
        var lines = stdout.Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        Assert.Contains("Effective:   none yet: effective upon actual receipt, and no receipt is recorded (--received)", lines);
        Assert.Contains("Rule:        § 6(h)(iv)", lines);
        Assert.Contains("Gap:         yes; the other reading: Tuesday 2000-05-30, counting from 2000-05-30 00:00:00 -07:00 (PDT) under § 6(h)(ii)", lines);
        Assert.Contains(lines, l => l.StartsWith("Explanation: Sent by facsimile at 2000-05-26 14:00:00 -07:00 (PDT)", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Stamp_Text_WeekdayAndOffset()
    {
        var (exitCode, stdout, _) = await RegrightsTool.RunAsync("stamp", "--method", "courier", "--sent", "2000-10-27T16:00:00-07:00");

        Assert.Equal(0, exitCode);
        Assert.Contains("Effective:   Monday 2000-10-30, counting from 2000-10-30 00:00:00 -08:00 (PST)", stdout, StringComparison.Ordinal);
        Assert.Contains("Rule:        § 6(h)(iii)", stdout, StringComparison.Ordinal);
        Assert.Contains("Gap:         no", stdout, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--sent", "stamp", "--method", "facsimile", "--sent", "2000-05-26T14:05:00")] // no UTC offset
    [InlineData("--sent", "stamp", "--method", "facsimile", "--sent", "2000-05-26 14:05")] // not ISO-8601
    [InlineData("--sent", "stamp", "--method", "facsimile", "--sent", "1970-12-31T12:00:00-08:00")] // before the calendar
    [InlineData("--sent", "stamp", "--method", "facsimile")] // required option missing
    [InlineData("--method", "stamp", "--method", "fax", "--sent", "2000-05-26T14:05:00-07:00")] // unknown method
    [InlineData("--method", "stamp", "--sent", "2000-05-26T14:05:00-07:00")] // required option missing
    [InlineData("--received", "stamp", "--method", "email", "--sent", "2000-05-26T14:05:00-07:00", "--received", "2000-05-30T09:15:00")]
    [InlineData("--bogus", "stamp", "--method", "email", "--sent", "2000-05-26T14:05:00-07:00", "--bogus")] // unknown option
    public async Task Stamp_BadArgument_OneLineNamingItAndExitCode2(string named, params string[] args)
    {
        var (exitCode, stdout, stderr) = await RegrightsTool.RunAsync(args);

        Assert.Equal(2, exitCode);
        Assert.Empty(stdout);
        var line = Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("regrights: ", line, StringComparison.Ordinal);
        Assert.Contains(named, line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Stamp_SentLongAgo_WarnsAgainstWhenTheCommandRanNotARecording()
    {
        // Arrange: a fax of 2000-05-26, stamped today: far more than 7 days before now.
        string[] args = ["stamp", "--method", "facsimile", "--sent", "2000-05-26T13:59:00-07:00"];

        // Act
        var (exitCode, stdout, _) = await RegrightsTool.RunAsync(args);

        // Assert: the CLI records nothing, so the warning names the moment it ran.
        Assert.Equal(0, exitCode);
        Assert.Contains("is more than 7 days before this command ran, ", stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("recorded the notice", stdout, StringComparison.Ordinal);
    }

    [Theory]
    // The modern clause, New York time on the NYSE Trading Day: 5:29 p.m. EST on Wednesday 2025-01-08 is before the
    // cut-off (Section 6.4(a), that day); 5:31 p.m. is after it (6.4(b)), and Thursday 2025-01-09 the market was closed,
    // so the next Trading Day is Friday 2025-01-10, from 00:00 EST.
    [InlineData("2025-01-08T17:29:00-05:00", "Section 6.4(a)", "2025-01-08", "2025-01-08T17:29:00-05:00")]
    [InlineData("2025-01-08T17:31:00-05:00", "Section 6.4(b)", "2025-01-10", "2025-01-10T00:00:00-05:00")]
    public async Task Stamp_ClauseModernEmail_StampsUnderItsOwnSections(string sent, string rule, string effective, string countsFrom)
    {
        var stamp = await StampJsonAsync("--clause", "modern-email", "--method", "email", "--sent", sent);

        Assert.Equal((rule, effective, countsFrom), (Text(stamp, "rule"), Text(stamp, "effectiveDate"), Text(stamp, "countsFrom")));
        Assert.Contains("New York time", Text(stamp, "explanation"), StringComparison.Ordinal);
    }
}

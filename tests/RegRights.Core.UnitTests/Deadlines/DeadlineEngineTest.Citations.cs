using RegRights.Core.Calendars;
using RegRights.Core.Deadlines;

namespace RegRights.Core.UnitTests.Deadlines;

/// <summary>
/// EDGAR's rules cited as the current eCFR numbers them: its days and hours in Reg. S-T Rule 12(c) (17 CFR 232.12(c),
/// 6 a.m. to 10 p.m. Eastern), the 5:30 p.m. filing-date rule in Rule 13(a)(2) (17 CFR 232.13(a)(2)).
/// </summary>
public partial class DeadlineEngineTest
{
    [Fact]
    public void Compute_FilingDateCutoff_CitesRule13a2()
    {
        // Arrange: the seed agreement's Filing Date, Sunday 2000-05-28, with its cutoff on Friday 2000-05-26.
        var schedule = Schedule(D(2000, 5, 1));

        // Act
        var cutoff = Get(schedule, "filing-date").PracticalCutoff!;

        // Assert
        Assert.Equal(
            "start the EDGAR submission by 5:30 p.m. Eastern on Friday 2000-05-26, the last EDGAR filing day on or before " +
            "Sunday 2000-05-28 (Reg. S-T Rule 13(a)(2), 17 CFR 232.13(a)(2))",
            cutoff.Rule);
    }

    [Fact]
    public void Edgar_WeekendReason_CitesRule12c()
    {
        // Arrange: Saturday 2000-05-27.
        var day = BusinessDayCalendar.Edgar.GetDay(D(2000, 5, 27));

        // Act
        var weekend = Assert.Single(day.Reasons, r => r.Kind == DayReasonKind.Weekend);

        // Assert
        Assert.StartsWith("Reg. S-T Rule 12(c), 17 CFR 232.12(c)", weekend.Source, StringComparison.Ordinal);
    }
}

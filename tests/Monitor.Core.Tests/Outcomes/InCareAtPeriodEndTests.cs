using static Monitor.Core.Tests.Episodes.Seg;

namespace Monitor.Core.Tests.Outcomes;

/// <summary>docs/outcomes.md 2, <c>outcomes.in_care_at_period_end</c>: distinct youths with a cohort episode that
/// has start &lt;= to and (ongoing or end &gt;= to).</summary>
public class InCareAtPeriodEndTests
{
    [Fact]
    public void AnEpisodeEndingExactlyOnToCounts() =>
        Assert.Equal(1, Outcome.Of("2020", "2021-06-30", [Make(1, 41000011, "2020-06-01", "2020-12-31")]).InCareAtPeriodEnd);

    [Fact]
    public void AnEpisodeEndingTheDayBeforeToDoesNot() =>
        Assert.Equal(0, Outcome.Of("2020", "2021-06-30", [Make(1, 41000011, "2020-06-01", "2020-12-30")]).InCareAtPeriodEnd);

    [Fact]
    public void AnOngoingEpisodeCounts() =>
        Assert.Equal(1, Outcome.Of("2020", "2021-06-30", [Make(1, 41000011, "2020-06-01", null)]).InCareAtPeriodEnd);

    [Fact]
    public void AnEpisodeStartingOnToCounts() =>
        Assert.Equal(1, Outcome.Of("2020", "2021-06-30", [Make(1, 41000011, "2020-12-31", "2021-01-05")]).InCareAtPeriodEnd);

    [Fact]
    public void AGapInsideAnEpisodeOverToCounts() =>
        // 2020-11-01..2020-12-28 and 2021-01-02..2021-01-31 are one episode (3 days between, gap 7):
        // no segment covers 2020-12-31, but the episode does
        Assert.Equal(1, Outcome.Of("2020", "2021-06-30",
            [Make(1, 41000011, "2020-11-01", "2020-12-28"), Make(1, 41000022, "2021-01-02", "2021-01-31")]).InCareAtPeriodEnd);

    [Fact]
    public void YouthsAreCountedOnce() =>
        // youth 1: two segments at two providers overlapping 12-31 (one episode); youth 2 ends on 12-31;
        // youth 3 ended on 12-30; youth 4 ongoing: youths 1, 2 and 4 = 3
        Assert.Equal(3, Outcome.Of("2020", "2021-06-30",
        [
            Make(1, 41000011, "2020-10-01", "2021-01-31"), Make(1, 6000015, "2020-12-01", "2021-01-15"),
            Make(2, 41000011, "2020-01-01", "2020-12-31"),
            Make(3, 41000011, "2020-01-01", "2020-12-30"),
            Make(4, 41000011, "2019-01-01", null),
        ]).InCareAtPeriodEnd);
}

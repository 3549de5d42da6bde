using Monitor.Core.Domain;
using static Monitor.Core.Tests.Episodes.Seg;

namespace Monitor.Core.Tests.Outcomes;

/// <summary>docs/outcomes.md 2, <c>outcomes.residential_days</c>: over the cohort's episodes, the days from the
/// later of start and from to the earlier of (end, or the as-of date when ongoing) and to, both inclusive.</summary>
public class ResidentialDaysTests
{
    private static long Days(string period, string asOf, params Segment[] segments) =>
        Outcome.Of(period, asOf, segments).ResidentialDays;

    [Fact]
    public void AnEpisodeStartingBeforeFromCountsFromFrom() =>
        // 2019-11-01..2020-01-10 in 2020: 2020-01-01..2020-01-10 = 10 days (the 61 days of 2019 are not counted)
        Assert.Equal(10, Days("2020", "2021-06-30", Make(1, 41000011, "2019-11-01", "2020-01-10")));

    [Fact]
    public void AnEpisodeEndingAfterToCountsUpToTo() =>
        // 2020-12-20..2021-02-28 in 2020: 2020-12-20..2020-12-31 = 12 days
        Assert.Equal(12, Days("2020", "2021-06-30", Make(1, 41000011, "2020-12-20", "2021-02-28")));

    [Fact]
    public void AnEpisodeSpanningThePeriodCountsEveryDayOfIt() =>
        // 2019-06-01..2021-03-31 in 2020 (a leap year): 366 days
        Assert.Equal(366, Days("2020", "2021-06-30", Make(1, 41000011, "2019-06-01", "2021-03-31")));

    [Fact]
    public void AnOngoingEpisodeCountsUpToTheEarlierOfTheAsOfDateAndTo() =>
        // open since 2020-10-01, as-of 2021-06-30: last day min(2021-06-30, 2020-12-31) = 2020-12-31;
        // Oct 31 + Nov 30 + Dec 31 = 92 days
        Assert.Equal(92, Days("2020", "2021-06-30", Make(1, 41000011, "2020-10-01", null)));

    [Fact]
    public void AnOngoingEpisodeIsCensoredAtAnAsOfDateOnTheLastDay() =>
        // open since 2020-12-01, as-of = to = 2020-12-31: 2020-12-01..2020-12-31 = 31 days
        Assert.Equal(31, Days("2020", "2020-12-31", Make(1, 41000011, "2020-12-01", null)));

    [Fact]
    public void AnEndAfterTheAsOfDateCountsAsOngoing() =>
        // 2020-10-01..2021-12-31 read on 2021-06-30 is open: 2020-10-01..2020-12-31 = 92 days
        Assert.Equal(92, Days("2020", "2021-06-30", Make(1, 41000011, "2020-10-01", "2021-12-31")));

    [Fact]
    public void AnEpisodeInsideThePeriodCountsWhole() =>
        // 2020-03-01..2020-03-31 = 31 days
        Assert.Equal(31, Days("2020", "2021-06-30", Make(1, 41000011, "2020-03-01", "2020-03-31")));

    [Fact]
    public void DaysInAGapInsideAnEpisodeCount() =>
        // 2020-05-01..05-10 (10 days) and 2020-05-15..05-20 (6 days): the 4 days between (11–14) are within the
        // 7-day gap, so one episode 2020-05-01..2020-05-20 = 20 days, not 10 + 6 = 16
        Assert.Equal(20, Days("2020", "2021-06-30",
            Make(1, 41000011, "2020-05-01", "2020-05-10"),
            Make(1, 41000022, "2020-05-15", "2020-05-20")));

    [Fact]
    public void EpisodesOutsideThePeriodAddNothing() =>
        // 2019-03-01..2019-12-31 ends before from; 2021-02-01..2021-03-01 starts after to: 0 days
        Assert.Equal(0, Days("2020", "2021-06-30",
            Make(1, 41000011, "2019-03-01", "2019-12-31"),
            Make(2, 41000011, "2021-02-01", "2021-03-01")));

    [Fact]
    public void TheCohortsDaysAddUp() =>
        // 10 (starts before from) + 12 (ends after to) + 92 (ongoing) + 31 (inside) + 20 (with a gap) = 165
        Assert.Equal(165, Days("2020", "2021-06-30",
            Make(1, 41000011, "2019-11-01", "2020-01-10"),
            Make(2, 41000011, "2020-12-20", "2021-02-28"),
            Make(3, 41000011, "2020-10-01", null),
            Make(4, 41000011, "2020-03-01", "2020-03-31"),
            Make(5, 41000011, "2020-05-01", "2020-05-10"),
            Make(5, 41000022, "2020-05-15", "2020-05-20")));

    [Fact]
    public void APeriodOfPartYearsClipsBothEnds() =>
        // period 2020-07-01..2021-06-30; an episode 2020-01-01..2022-01-01 covers all of it:
        // 2020-07-01..2020-12-31 = 184 days, 2021-01-01..2021-06-30 = 181 days, 365 in all
        Assert.Equal(365, Days("2020-07-01..2021-06-30", "2022-06-30", Make(1, 41000011, "2020-01-01", "2022-01-01")));
}

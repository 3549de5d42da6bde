using static Monitor.Core.Tests.Episodes.Seg;

namespace Monitor.Core.Tests.Measurements;

/// <summary>PROTOCOL.md 5, duration_days: means, median, short stays (&lt; 30 days) and the top N.</summary>
public class DurationFigureTests
{
    private const int A = 41000011;

    [Fact]
    public void ShortMeansFewerThan30Days()
    {
        var m = Measure.Of("2020", "2021-06-30",
            [Make(1, A, "2020-03-01", "2020-03-29"), Make(2, A, "2020-04-01", "2020-04-30")]); // 29 and 30 days
        Assert.Equal(1, m.Counts.ShortEpisodes);
        Assert.Equal(29.0, m.Duration.MeanShort);
        Assert.Equal(30.0, m.Duration.MeanNotShort);
    }

    [Fact]
    public void MeansPerGroupAndMedian()
    {
        var m = Measure.Of("2020", "2021-06-30",
        [
            Make(1, A, "2020-01-01", "2020-01-10"), // 10 days, exits in 2020
            Make(2, A, "2020-12-01", "2021-01-09"), // 31 + 9 = 40 days, closed in 2021
            Make(3, A, "2021-01-01", null), // not in the cohort
            Make(4, A, "2020-12-22", null), // 10 + 181 = 191 days, ongoing
            Make(5, A, "2020-06-01", "2020-06-20"), // 20 days, exits in 2020
        ]);
        Assert.Equal((10 + 40 + 191 + 20) / 4.0, m.Duration.MeanAll);
        Assert.Equal((20 + 40) / 2.0, m.Duration.MedianAll); // 10, 20, 40, 191: mean of the middle two
        Assert.Equal((10 + 20) / 2.0, m.Duration.MeanExitedInPeriod);
        Assert.Equal((10 + 40 + 20) / 3.0, m.Duration.MeanExitedByAsOf);
        Assert.Equal(191.0, m.Duration.MeanOngoingAtAsOf);
    }

    [Fact]
    public void MedianOfAnOddCountIsTheMiddleOne() =>
        Assert.Equal(20.0, Measure.Of("2020", "2021-06-30",
            [Make(1, A, "2020-01-01", "2020-01-10"), Make(2, A, "2020-01-01", "2020-01-20"), Make(3, A, "2020-01-01", "2020-03-31")]).Duration.MedianAll);

    [Fact]
    public void TopNOrdersByDurationThenCostDescendingThenBirthDateAscending()
    {
        // three 100-day episodes (1 Jan – 9 Apr 2020: 31 + 29 + 31 + 9) and one of 50 days
        var m = Measure.Of("2020", "2021-06-30",
        [
            Make(1, A, "2020-01-01", "2020-04-09", amount: 1000m, birth: "2010-05-01"),
            Make(2, A, "2020-01-01", "2020-04-09", amount: 2000m, birth: "2008-05-01"),
            Make(3, A, "2020-01-01", "2020-04-09", amount: 2000m, birth: "2006-05-01"),
            Make(4, A, "2020-05-01", "2020-06-19", amount: 9000m, birth: "2004-05-01"), // 31 + 19 = 50 days
        ], topN: 2);
        // duration ties; cost: 2 and 3 before 1; birth date: 3 (2006) before 2 (2008)
        Assert.Equal([3, 2], m.Cohort.TopN.Select(e => e.YouthId));
        Assert.Equal(100.0, m.Duration.MeanTopN);
        Assert.Equal(2000m, m.Cost.MeanTopN);
        Assert.Equal((15 + 13) / 2.0, m.MeanAgeAtAsOfTopN); // on 30 Jun 2021: born May 2006 → 15, May 2008 → 13
    }

    [Fact]
    public void TopNWithFewerEpisodesTakesThemAll()
    {
        var m = Measure.Of("2020", "2021-06-30",
            [Make(1, A, "2020-01-01", "2020-04-09", amount: 1000m), Make(4, A, "2020-05-01", "2020-06-19", amount: 9000m)]);
        Assert.Equal(25, m.Duration.TopN);
        Assert.Equal([1, 4], m.Cohort.TopN.Select(e => e.YouthId));
        Assert.Equal((100 + 50) / 2.0, m.Duration.MeanTopN);
        Assert.Equal(5000m, m.Cost.MeanTopN);
    }
}

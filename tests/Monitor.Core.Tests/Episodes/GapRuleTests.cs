using Monitor.Core.Episodes;
using static Monitor.Core.Tests.Episodes.Seg;

namespace Monitor.Core.Tests.Episodes;

/// <summary>PROTOCOL.md 4: a segment joins when start &lt;= running_end + gap_days + 1.</summary>
public class GapRuleTests
{
    private const int X = 41000011, Y = 41000022, Z = 41000033;

    private static void AssertSpan(Episode e, string start, string? end, int days)
    {
        Assert.Equal(D(start), e.Start);
        Assert.Equal(end is null ? null : D(end), e.End);
        Assert.Equal(days, e.DurationDays);
    }

    [Fact]
    public void GapOfExactlyGapDaysJoins()
    {
        // Jan 11..17 uncovered: 7 days; 18 Jan <= 10 Jan + 7 + 1
        var episodes = Build(Rules("2021-12-31", gap: 7), Make(1, X, "2020-01-01", "2020-01-10"), Make(1, Y, "2020-01-18", "2020-01-31"));
        AssertSpan(Assert.Single(episodes), "2020-01-01", "2020-01-31", 31);
    }

    [Fact]
    public void GapOfGapDaysPlusOneSplits()
    {
        // Jan 11..18 uncovered: 8 days; 19 Jan > 10 Jan + 8
        var episodes = Build(Rules("2021-12-31", gap: 7), Make(1, X, "2020-01-01", "2020-01-10"), Make(1, Y, "2020-01-19", "2020-01-31"));
        Assert.Equal(2, episodes.Count);
        AssertSpan(episodes[0], "2020-01-01", "2020-01-10", 10);
        AssertSpan(episodes[1], "2020-01-19", "2020-01-31", 13);
    }

    [Fact]
    public void BackToBackSegmentsJoinWithGapZero()
    {
        // 11 Jan <= 10 Jan + 0 + 1
        var episodes = Build(Rules("2021-12-31", gap: 0), Make(1, X, "2020-01-01", "2020-01-10"), Make(1, Y, "2020-01-11", "2020-01-20"));
        AssertSpan(Assert.Single(episodes), "2020-01-01", "2020-01-20", 20);
    }

    [Fact]
    public void OneDayWithoutCareSplitsWithGapZero()
    {
        var episodes = Build(Rules("2021-12-31", gap: 0), Make(1, X, "2020-01-01", "2020-01-10"), Make(1, Y, "2020-01-12", "2020-01-20"));
        Assert.Equal(2, episodes.Count);
    }

    [Theory]
    [InlineData(2, "2020-01-13", 1)] // 2 days (11, 12) without care: joins
    [InlineData(2, "2020-01-14", 2)] // 3 days: splits
    [InlineData(30, "2020-02-10", 1)] // 11 Jan .. 9 Feb = 30 days
    [InlineData(30, "2020-02-11", 2)]
    public void GapRuleHoldsForOtherGapDays(int gap, string secondStart, int episodes) =>
        Assert.Equal(episodes, Build(Rules("2021-12-31", gap), Make(1, X, "2020-01-01", "2020-01-10"), Make(1, Y, secondStart, "2020-03-31")).Count);

    [Fact]
    public void GapIsMeasuredFromTheLatestEndSoFarNotFromTheLastSegment()
    {
        // Y is nested in X; Z starts 7 days after X's end (1..7 Feb) but 28 days after Y's end.
        var episodes = Build(Rules("2021-12-31", gap: 7),
            Make(1, X, "2020-01-01", "2020-01-31"), Make(1, Y, "2020-01-05", "2020-01-10"), Make(1, Z, "2020-02-08", "2020-02-29"));
        AssertSpan(Assert.Single(episodes), "2020-01-01", "2020-02-29", 60); // 31 + 29
    }

    [Fact]
    public void NestedAndOverlappingSegmentsOfSeveralProvidersMakeOneEpisode()
    {
        // K02: 1 Oct 2019 – 31 Mar 2021 = 92 + 366 + 90 = 548 days, the same with gap 7 and gap 0
        foreach (var gap in new[] { 7, 0 })
        {
            var e = Assert.Single(Build(Case01.Rules(gap), Case01.K02));
            AssertSpan(e, "2019-10-01", "2021-03-31", 548);
            Assert.Equal(3, e.ProviderCount);
        }
    }

    [Fact]
    public void K01WithGap7GivesTwoEpisodes()
    {
        var episodes = Build(Case01.Rules(7), Case01.K01);
        Assert.Equal(2, episodes.Count);
        AssertSpan(episodes[0], "2020-01-06", "2020-06-30", 177); // 26 + 29 + 31 + 30 + 31 + 30
        Assert.Equal(2, episodes[0].ProviderCount);
        AssertSpan(episodes[1], "2020-07-09", "2020-07-20", 12); // 1..8 July is 8 days without care
        Assert.Equal(1, episodes[1].ProviderCount);
    }

    [Fact]
    public void K01WithGap0GivesThreeEpisodes()
    {
        var episodes = Build(Case01.Rules(0), Case01.K01);
        Assert.Equal(3, episodes.Count);
        AssertSpan(episodes[0], "2020-01-06", "2020-04-30", 116); // 26 + 29 + 31 + 30
        AssertSpan(episodes[1], "2020-05-08", "2020-06-30", 54); // 24 + 30
        AssertSpan(episodes[2], "2020-07-09", "2020-07-20", 12);
    }

    [Fact]
    public void K08FourDaysWithoutCareJoinWithGap7AndSplitWithGap0()
    {
        // 1 Jun 2019 – 31 Mar 2020: 214 + 91 = 305 days
        AssertSpan(Assert.Single(Build(Case01.Rules(7), Case01.K08)), "2019-06-01", "2020-03-31", 305);
        var split = Build(Case01.Rules(0), Case01.K08);
        Assert.Equal(2, split.Count);
        AssertSpan(split[0], "2019-06-01", "2019-12-31", 214);
        AssertSpan(split[1], "2020-01-05", "2020-03-31", 87); // 27 + 29 + 31
    }

    [Fact]
    public void SeveralEpisodesPerYouthComeInStartOrder()
    {
        var episodes = Build(Rules("2021-12-31"),
            Make(1, X, "2021-01-01", "2021-01-31"), Make(1, X, "2019-01-01", "2019-01-31"), Make(1, X, "2020-01-01", "2020-01-31"));
        Assert.Equal([D("2019-01-01"), D("2020-01-01"), D("2021-01-01")], episodes.Select(e => e.Start));
        Assert.All(episodes, e => Assert.Equal(31, e.DurationDays));
    }

    [Fact]
    public void YouthsNeverShareAnEpisode()
    {
        var episodes = Build(Rules("2021-12-31"), Make(2, X, "2020-01-01", "2020-01-31"), Make(1, X, "2020-01-01", "2020-01-31"));
        Assert.Equal([1, 2], episodes.Select(e => e.YouthId));
    }

    [Fact]
    public void NegativeGapDaysAreRefused() =>
        Assert.Throws<InvalidRequestException>(() => Build(Rules("2021-12-31", gap: -1), Make(1, X, "2020-01-01", "2020-01-31")));
}

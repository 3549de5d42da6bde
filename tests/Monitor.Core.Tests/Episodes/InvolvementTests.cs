using static Monitor.Core.Tests.Episodes.Seg;

namespace Monitor.Core.Tests.Episodes;

/// <summary>PROTOCOL.md 4, involvement: per provider of the episode, the distinct days its segments cover, censored
/// at the as-of date; provider_count is the number of distinct providers.</summary>
public class InvolvementTests
{
    private const int A = 41000011, B = 41000022;

    [Fact]
    public void K02InvolvementPerProvider()
    {
        // 41000011: 1 Oct 2019 – 31 Aug 2020 = 92 + 244; 06000015: 1 Feb – 15 Mar 2020 = 29 + 15;
        // 41000044: 15 Aug 2020 – 31 Mar 2021 = 139 + 90
        var e = Assert.Single(Build(Case01.Rules(), Case01.K02));
        Assert.Equal(new Dictionary<int, int> { [41000011] = 336, [6000015] = 44, [41000044] = 229 }, InvolvementOf(e));
    }

    [Fact]
    public void K03InvolvementIsCensoredAtTheAsOfDate()
    {
        // LVB 1 Nov 2020 – 31 May 2021 = 61 + 151; 41000022 1 Jun – 30 Sep 2021 = 122; GGZ 1 – 30 Sep 2021 = 30 (not 122)
        var e = Assert.Single(Build(Case01.Rules(), Case01.K03));
        Assert.Equal(new Dictionary<int, int> { [45000016] = 212, [41000022] = 122, [6000015] = 30 }, InvolvementOf(e));
    }

    [Fact]
    public void K07InvolvementPerProvider()
    {
        // 06000015 March 2017 = 31; 41000044 1 Mar 2017 – 31 Dec 2020 = 306 + 365 + 365 + 366; 41000011 2021 to 30 Sep = 273
        var e = Assert.Single(Build(Case01.Rules(), Case01.K07));
        Assert.Equal(new Dictionary<int, int> { [6000015] = 31, [41000044] = 1402, [41000011] = 273 }, InvolvementOf(e));
    }

    [Fact]
    public void OverlappingSegmentsOfOneProviderCountTheirUnion()
    {
        // 1–20 Jan and 10–31 Jan: 31 distinct days, not 20 + 22
        var e = Assert.Single(Build(Rules("2021-12-31"), Make(1, A, "2020-01-01", "2020-01-20"), Make(1, A, "2020-01-10", "2020-01-31")));
        Assert.Equal(31, InvolvementOf(e)[A]);
        Assert.Equal(1, e.ProviderCount);
    }

    [Fact]
    public void NestedSegmentOfTheSameProviderAddsNothing()
    {
        var e = Assert.Single(Build(Rules("2021-12-31"), Make(1, A, "2020-01-01", "2020-01-31"), Make(1, A, "2020-01-05", "2020-01-10")));
        Assert.Equal(31, InvolvementOf(e)[A]);
    }

    [Fact]
    public void DaysOfAGapInsideTheEpisodeAreNobodysInvolvement()
    {
        // 1–10 Jan and 15–20 Jan: 10 + 6 = 16 days in an episode of 20
        var e = Assert.Single(Build(Rules("2021-12-31"), Make(1, A, "2020-01-01", "2020-01-10"), Make(1, A, "2020-01-15", "2020-01-20")));
        Assert.Equal(20, e.DurationDays);
        Assert.Equal(16, InvolvementOf(e)[A]);
    }

    [Fact]
    public void BackToBackSegmentsOfOneProviderAdd()
    {
        var e = Assert.Single(Build(Rules("2021-12-31"), Make(1, A, "2020-01-01", "2020-01-10"), Make(1, A, "2020-01-11", "2020-01-20")));
        Assert.Equal(20, InvolvementOf(e)[A]);
    }

    [Fact]
    public void EveryProviderCountsItsOwnDaysAlsoWhenOthersCoverThem()
    {
        // A Jan 1–31, B Jan 15 – Feb 14: A 31 days, B 17 + 14 = 31 days; the episode is 45 days
        var e = Assert.Single(Build(Rules("2021-12-31"), Make(1, A, "2020-01-01", "2020-01-31"), Make(1, B, "2020-01-15", "2020-02-14")));
        Assert.Equal(45, e.DurationDays);
        Assert.Equal(new Dictionary<int, int> { [A] = 31, [B] = 31 }, InvolvementOf(e));
        Assert.Equal(2, e.ProviderCount);
    }

    [Fact]
    public void ProviderOfTwoEpisodesCountsPerEpisode()
    {
        var episodes = Build(Rules("2021-12-31"), Make(1, A, "2020-01-01", "2020-01-10"), Make(1, A, "2020-06-01", "2020-06-30"));
        Assert.Equal([10, 30], episodes.Select(e => InvolvementOf(e)[A]));
    }
}

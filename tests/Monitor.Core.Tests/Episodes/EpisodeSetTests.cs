using Monitor.Core.Domain;
using Monitor.Core.Episodes;

namespace Monitor.Core.Tests.Episodes;

/// <summary>The episode set keeps the segments behind every episode, so each figure traces back to its rows.</summary>
public class EpisodeSetTests
{
    private static readonly EpisodeSet Set = EpisodeBuilder.Build(Case01.All, Case01.Rules());

    [Fact]
    public void AllSegmentsAreThoseStartingOnOrBeforeTheAsOfDateOfAnyCareType() =>
        // 25 rows of rijm.csv (the duplicate line 27 is not stored) minus K03's line 12, which starts after the as-of date
        Assert.Equal(24, Set.AllSegments.Count);

    [Fact]
    public void ResidentialSegmentsLeaveOutFosterCareRespiteAndAmbulant() =>
        // 24 minus K04's three and K05's two ambulant rows
        Assert.Equal(19, Set.Residential.Count);

    [Fact]
    public void SegmentsOfAnEpisodeAreItsOwn()
    {
        var k02 = Assert.Single(Set.EpisodesOf(2).ToArray());
        Assert.Equal([41000011, 6000015, 41000044], Set.SegmentsOf(k02).ToArray().Select(s => s.Provider)); // by start
    }

    [Fact]
    public void EpisodesOfAYouthComeInStartOrder() =>
        Assert.Equal([new DateOnly(2018, 5, 1), new DateOnly(2020, 9, 1)], Set.EpisodesOf(5).ToArray().Select(e => e.Start));

    [Fact]
    public void YouthWithoutStayHasNoEpisodesButKeepsItsSegments()
    {
        Assert.Empty(Set.EpisodesOf(4).ToArray());
        Assert.Equal([CareType.Pleegzorg, CareType.Ambulant, CareType.KortdurendVerblijf],
            Set.AllSegmentsOf(4).ToArray().Select(s => s.CareType)); // by start: 2019-03-01, 2020-01-01, 2020-06-05
    }

    [Fact]
    public void UnknownYouthHasNothing()
    {
        Assert.Empty(Set.EpisodesOf(99).ToArray());
        Assert.Equal(0, Set.AllSegmentsOf(99).Length);
    }
}

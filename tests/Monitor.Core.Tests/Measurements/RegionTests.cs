using Monitor.Core.Domain;
using Monitor.Core.Measurements;
using static Monitor.Core.Tests.Episodes.Seg;

namespace Monitor.Core.Tests.Measurements;

/// <summary>PROTOCOL.md 5: with a region, only episodes whose municipality (of their earliest-starting segment) lies in it.</summary>
public class RegionTests
{
    private const int A = 41000011, B = 41000022;

    private static readonly ReferenceData Regions = new(
    [
        new RegionRow(150, "Deventer", "IJsselland"), new RegionRow(193, "Zwolle", "IJsselland"),
        new RegionRow(153, "Enschede", "Twente"), new RegionRow(402, "Hilversum", "Gooi en Vechtstreek"),
    ], []);

    private static readonly Segment[] Segments =
    [
        Make(1, A, "2020-01-01", "2020-03-31", municipality: 193),
        Make(2, A, "2020-01-01", "2020-03-31", municipality: 153),
        // youth 3 starts in Hilversum and moves to Zwolle: the episode is Gooi en Vechtstreek's
        Make(3, A, "2020-01-01", "2020-03-31", municipality: 402), Make(3, B, "2020-04-01", "2020-06-30", municipality: 193),
        Make(4, A, "2020-01-01", "2020-03-31", municipality: 999), // in no region
        Make(5, A, "2020-01-01", "2020-03-31", municipality: 150),
    ];

    [Theory]
    [InlineData("IJsselland", new[] { 1, 5 })]
    [InlineData("Twente", new[] { 2 })]
    [InlineData("Gooi en Vechtstreek", new[] { 3 })]
    [InlineData("ijsselland", new int[0])] // region names match as written
    public void RegionFilterKeepsEpisodesOfItsMunicipalities(string region, int[] youths) =>
        Assert.Equal(youths, Measure.Of("2020", "2021-06-30", Segments, region: region, reference: Regions)
            .Cohort.Episodes.Select(e => e.YouthId));

    [Fact]
    public void WithoutRegionEveryEpisodeCounts()
    {
        var m = Measure.Of("2020", "2021-06-30", Segments, reference: Regions);
        Assert.Equal(5, m.Counts.Episodes);
        Assert.Null(m.Region);
    }

    [Fact]
    public void RegionIsEchoed() => Assert.Equal("Twente", Measure.Of("2020", "2021-06-30", Segments, region: "Twente", reference: Regions).Region);
}

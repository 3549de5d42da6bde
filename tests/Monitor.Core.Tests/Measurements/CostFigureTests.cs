using Monitor.Core.Domain;
using Monitor.Core.Measurements;
using static Monitor.Core.Tests.Episodes.Seg;

namespace Monitor.Core.Tests.Measurements;

/// <summary>PROTOCOL.md 5, cost_eur: per episode, per youth over all their stays, and ambulant care per youth.</summary>
public class CostFigureTests
{
    private const int A = 41000011, B = 41000022, Team = 73000017;

    private static readonly ReferenceData Regions = new(
        [new RegionRow(193, "Zwolle", "IJsselland"), new RegionRow(153, "Enschede", "Twente")], []);

    private static readonly Segment[] Youths =
    [
        // youth 1: a 2018 stay in Twente (outside the period and the region) and a 2020 stay in IJsselland
        Make(1, B, "2018-05-01", "2019-04-30", amount: 45000m, municipality: 153),
        Make(1, A, "2020-09-01", "2021-02-28", amount: 27940m, municipality: 193),
        Make(1, Team, "2020-10-01", "2020-12-31", CareType.Ambulant, amount: 900m),
        Make(1, Team, "2021-03-01", "2021-08-31", CareType.Ambulant, amount: 2400m), // after the stay: counts too
        // youth 2: a 2020 stay and a stay from 2021 (outside the period, before the as-of date)
        Make(2, A, "2020-06-01", "2020-08-31", amount: 10000m, municipality: 193),
        Make(2, A, "2021-03-01", null, amount: 5000m, municipality: 193),
        // youth 3: an ongoing stay; ambulant care starting after the as-of date
        Make(3, A, "2020-11-01", null, amount: 7000m, municipality: 193),
        Make(3, Team, "2021-07-01", "2021-12-31", CareType.Ambulant, amount: 500m),
        // youth 4: in Twente, not in the IJsselland cohort; its ambulant care counts nowhere
        Make(4, A, "2020-01-01", "2020-12-31", amount: 99000m, municipality: 153),
        Make(4, Team, "2020-01-01", "2020-12-31", CareType.Ambulant, amount: 3600m),
    ];

    private static Measurement IJsselland() => Measure.Of("2020", "2021-06-30", Youths, region: "IJsselland", reference: Regions);

    [Fact]
    public void MeanEpisodeCostIsOverTheCohort() => Assert.Equal((27940m + 10000m + 7000m) / 3, IJsselland().Cost.MeanEpisode);

    [Fact]
    public void MeanOngoingEpisodeCostIsOverOngoingEpisodes() => Assert.Equal(7000m, IJsselland().Cost.MeanEpisodeOngoing);

    [Fact]
    public void AllEpisodesPerYouthIncludeStaysOutsideThePeriodAndTheRegion() =>
        // youth 1: 45,000 + 27,940; youth 2: 10,000 + 5,000; youth 3: 7,000
        Assert.Equal((45000m + 27940m + 10000m + 5000m + 7000m) / 3, IJsselland().Cost.MeanAllEpisodesPerYouth);

    [Fact]
    public void AllEpisodesPerYouthOngoingTakesYouthsWithAnOngoingCohortEpisode() =>
        // youth 2's ongoing stay from 2021 is not a cohort episode: only youth 3 counts
        Assert.Equal(7000m, IJsselland().Cost.MeanAllEpisodesPerYouthOngoing);

    [Fact]
    public void AmbulantPerYouthAveragesOverCohortYouthsWithZeroForThoseWithout() =>
        // youth 1: 900 + 2,400; youth 2: none; youth 3: 500 starts after the as-of date
        Assert.Equal((3300m + 0m + 0m) / 3, IJsselland().Cost.MeanAmbulantPerYouth);

    [Fact]
    public void AllEpisodesPerYouthIgnoreStaysStartingAfterTheAsOfDate()
    {
        var m = Measure.Of("2020", "2021-06-30",
            [Make(1, A, "2020-01-01", "2020-01-31", amount: 100m), Make(1, A, "2021-07-01", null, amount: 5000m)]);
        Assert.Equal(100m, m.Cost.MeanAllEpisodesPerYouth);
    }

    [Fact]
    public void SegmentsWithoutCostAreSummedOverTheCohort()
    {
        var m = Measure.Of("2020", "2021-06-30",
        [
            Make(1, A, "2020-01-01", "2020-01-31"), Make(1, B, "2020-01-10", "2020-01-20"),
            Make(2, A, "2020-01-01", "2020-01-31", amount: 1m),
            Make(3, A, "2018-01-01", "2018-01-31"), // not in the cohort
        ]);
        Assert.Equal(2, m.Cost.SegmentsWithoutCost);
        Assert.Equal(1m / 2, m.Cost.MeanEpisode);
    }
}

using Monitor.Core.Domain;
using Monitor.Core.Measurements;
using static Monitor.Core.Tests.Episodes.Seg;

namespace Monitor.Core.Tests.Measurements;

/// <summary>PROTOCOL.md 5, providers: providers around a stay, placement moves and their rate, involvement by sector.</summary>
public class ProviderFigureTests
{
    private const int Crisis = 41000033, Group = 41000011, Team = 73000017, Team2 = 73000025, Team3 = 73000033;

    [Fact]
    public void InvolvedProvidersIncludeAmbulantCareOverlappingTheStayButNotCareStartingTheDayAfter()
    {
        // K05's second stay, 1 Sep 2020 – 28 Feb 2021, with ambulant care around it
        var m = Measure.Of("2020", "2021-06-30",
        [
            Make(5, Crisis, "2020-09-01", "2020-09-14", CareType.Crisis),
            Make(5, Group, "2020-09-15", "2021-02-28"),
            Make(5, Team, "2020-10-01", "2020-12-31", CareType.Ambulant), // inside the stay: counts
            Make(5, Team3, "2020-06-01", "2020-09-01", CareType.Ambulant), // overlaps the first day only: counts
            Make(5, Team2, "2021-03-01", "2021-08-31", CareType.Ambulant), // starts the day after the stay ends: not
        ]);
        Assert.Equal(4.0, m.Providers.MeanInvolvedPerEpisode);
        Assert.Equal(2, Assert.Single(m.Cohort.Episodes).ProviderCount); // residential providers only
    }

    [Fact]
    public void InvolvedProvidersOfAnOngoingStayStopAtTheAsOfDate()
    {
        // an ongoing stay seen on 30 Jun 2021; ambulant care from 1 Jul 2021 is after the as-of date: not counted
        var m = Measure.Of("2021-01-01..2021-06-30", "2021-06-30",
            [Make(1, Group, "2021-01-01", null), Make(1, Team, "2021-07-01", "2021-08-31", CareType.Ambulant),
             Make(1, Team2, "2021-06-30", "2021-08-31", CareType.Ambulant)]);
        Assert.Equal(2.0, m.Providers.MeanInvolvedPerEpisode);
    }

    [Fact]
    public void InvolvedProvidersCountFosterCareAroundTheStayToo()
    {
        var m = Measure.Of("2020", "2021-06-30",
            [Make(1, Group, "2020-01-01", "2020-03-31"), Make(1, 41000055, "2020-03-31", null, CareType.Pleegzorg)]);
        Assert.Equal(2.0, m.Providers.MeanInvolvedPerEpisode);
    }

    [Fact]
    public void MovesPer1000DaysIsTheSumOfMovesOverTheSumOfDays()
    {
        // K01's first stay (177 days, 2 moves) and K08 (305 days, 1 move): 3 × 1000 / 482
        var m = Measure.Of("2020", Episodes.Case01.AsOf, [.. Episodes.Case01.K01[..3], .. Episodes.Case01.K08]);
        Assert.Equal(3 * 1000.0 / 482, m.Providers.MovesPer1000Days);
        Assert.Equal(1.5, m.Providers.MeanPlacementMoves);
        Assert.Equal(2.0, m.Providers.MeanPerMultiProviderEpisode);
    }

    [Fact]
    public void InvolvementBySectorAveragesOverEpisodeProviderPairsWithUnknownProvidersAsOverig()
    {
        var reference = new ReferenceData([], [
            new ProviderRow(41000011, null, Sector.JO), new ProviderRow(41000044, null, Sector.JO),
            new ProviderRow(6000015, null, Sector.GGZ)]);
        // K02: JO 336 and 229, GGZ 44; K06: 41999999 (not in the providers file) 5 days
        var m = Measure.Of("2020", Episodes.Case01.AsOf, [.. Episodes.Case01.K02, .. Episodes.Case01.K06], reference: reference);
        Assert.Equal(new Dictionary<Sector, double>
        {
            [Sector.JO] = (336 + 229) / 2.0,
            [Sector.GGZ] = 44.0,
            [Sector.Overig] = 5.0,
        }, m.Providers.MeanInvolvementDaysBySector);
    }
}

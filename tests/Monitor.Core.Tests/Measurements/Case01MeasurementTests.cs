using Monitor.Core.Domain;
using Monitor.Core.Measurements;
using Monitor.Core.Tests.Episodes;

namespace Monitor.Core.Tests.Measurements;

/// <summary>The figures of examples/case-01-rules (README "The cohort of 2020" and the expected-measure JSON files),
/// measured from the same segments: period 2020, as of 30 Sep 2021.</summary>
public class Case01MeasurementTests
{
    private static Measurement Of(int gap, string? region = null) =>
        Measure.Of("2020", Case01.AsOf, Case01.All, gap, region, reference: Case01.Reference, tariffs: Case01.Tariffs);

    [Fact]
    public void Gap7Counts() =>
        // 7 youths (K04 has no stay), 8 episodes; exits in 2020: K01 ×2, K08; closed: + K02, K05, K06; ongoing: K03, K07;
        // entries: K01 ×2, K03, K05, K06; 12 or younger: K02, K06, K08; short: 12 and 5 days; one provider: K01's 2nd, K06
        Assert.Equal(new CountFigures(Youths: 7, Episodes: 8, ExitedInPeriod: 3, ExitedByAsOf: 6, OngoingAtAsOf: 2,
            EntriesInPeriod: 5, Aged12OrYounger: 3, ShortEpisodes: 2, SingleProviderEpisodes: 2), Of(7).Counts);

    [Fact]
    public void Gap7Durations() =>
        // 177 + 12 + 548 + 334 + 181 + 5 + 1675 + 305 = 3,237; sorted, the middle two are 181 and 305
        Assert.Equal(new DurationFigures(
            MeanAll: 3237 / 8.0,
            MedianAll: (181 + 305) / 2.0,
            MeanExitedInPeriod: (177 + 12 + 305) / 3.0,
            MeanExitedByAsOf: (177 + 12 + 548 + 181 + 5 + 305) / 6.0,
            MeanOngoingAtAsOf: (334 + 1675) / 2.0,
            MeanShort: (12 + 5) / 2.0,
            MeanNotShort: (177 + 548 + 334 + 181 + 1675 + 305) / 6.0,
            TopN: 25,
            MeanTopN: 3237 / 8.0), Of(7).Duration);

    [Fact]
    public void Gap7Providers()
    {
        var p = Of(7).Providers;
        Assert.Equal((2 + 3 + 3 + 2 + 3 + 2) / 6.0, p.MeanPerMultiProviderEpisode); // 15 / 6
        Assert.Equal(18 / 8.0, p.MeanInvolvedPerEpisode); // 2 + 1 + 3 + 3 + 3 + 1 + 3 + 2; K05 counts its ambulant team
        Assert.Equal(8 / 8.0, p.MeanPlacementMoves); // 2 + 0 + 1 + 1 + 1 + 0 + 2 + 1
        Assert.Equal(8 * 1000 / 3237.0, p.MovesPer1000Days);
        Assert.Equal(new Dictionary<Sector, double>
        {
            [Sector.GGZ] = (44 + 30 + 31) / 3.0, // K02, K03, K07
            // K01 109 + 61 + 12, K02 336 + 229, K03 122, K05 14 + 167, K07 1,402 + 273, K08 214 + 87: 3,026 over 12 pairs
            [Sector.JO] = 3026 / 12.0,
            [Sector.LVB] = 212.0, // K03
            [Sector.Overig] = 5.0, // K06's 41999999 is not in providers.csv
        }, p.MeanInvolvementDaysBySector);
    }

    [Fact]
    public void Gap7Costs()
    {
        // 25,250 + 2,520 + 89,840 + 69,000 + 27,940 + 750 + 199,000 + 34,000 = 448,300; + K05's 2018 stay 45,000 = 493,300
        var c = Of(7).Cost;
        Assert.Equal(448300m / 8, c.MeanEpisode);
        Assert.Equal((69000m + 199000m) / 2, c.MeanEpisodeOngoing);
        Assert.Equal(493300m / 7, c.MeanAllEpisodesPerYouth);
        Assert.Equal((69000m + 199000m) / 2, c.MeanAllEpisodesPerYouthOngoing);
        Assert.Equal(448300m / 8, c.MeanTopN);
        Assert.Equal(3300m / 7, c.MeanAmbulantPerYouth); // K05: 900 + 2,400; the other six youths 0; K04 is no cohort youth
        Assert.Equal(0, c.SegmentsWithoutCost); // K02's line 8 is priced by the tariffs
    }

    [Fact]
    public void Gap7AgeAndEntryCohorts()
    {
        var m = Of(7);
        Assert.Equal((15 + 15 + 12 + 16 + 16 + 13 + 14 + 10) / 8.0, m.MeanAgeAtAsOfTopN); // 13.875
        Assert.Equal(new EntryCohortFigures(5, 4, KmMedianDays: 177, KmQ1Days: 12, KmQ3Days: 181), m.EntryCohort);
        Assert.Equal(new EntryCohortFigures(4, 3, KmMedianDays: 177, KmQ1Days: 12, KmQ3Days: 181), m.EntryCohort8Plus);
    }

    [Fact]
    public void Gap0SplitsK01AndK08()
    {
        // episodes 116, 54, 12 (K01), 548, 334, 181, 5, 1,675, 87 (K08): 3,012 days, 6 moves
        var m = Of(0);
        Assert.Equal(new CountFigures(7, 9, 4, 7, 2, 7, 3, 2, 4), m.Counts);
        Assert.Equal(3012 / 9.0, m.Duration.MeanAll);
        Assert.Equal(116.0, m.Duration.MedianAll);
        Assert.Equal((116 + 54 + 12 + 87) / 4.0, m.Duration.MeanExitedInPeriod);
        Assert.Equal(6 * 1000 / 3012.0, m.Providers.MovesPer1000Days);
        Assert.Equal(18 / 9.0, m.Providers.MeanInvolvedPerEpisode);
        Assert.Equal((2 + 3 + 3 + 2 + 3) / 5.0, m.Providers.MeanPerMultiProviderEpisode);
        Assert.Equal(2812 / 12.0, m.Providers.MeanInvolvementDaysBySector[Sector.JO]);
        Assert.Equal((448300m - 34000m + 13000m) / 9, m.Cost.MeanEpisode); // K08's 2019 part falls out of the cohort
        Assert.Equal(493300m / 7, m.Cost.MeanAllEpisodesPerYouth); // the same stays, cut differently
        Assert.Equal(126 / 9.0, m.MeanAgeAtAsOfTopN);
        // entries 5, 12, 54, 87, 116, 181, 334+: S = 6/7, 5/7, 4/7, 3/7, 2/7, 1/7
        Assert.Equal(new EntryCohortFigures(7, 6, KmMedianDays: 87, KmQ1Days: 12, KmQ3Days: 181), m.EntryCohort);
        // without 5: S = 5/6, 4/6, 3/6, 2/6, 1/6 at 12, 54, 87, 116, 181
        Assert.Equal(new EntryCohortFigures(6, 5, KmMedianDays: 87, KmQ1Days: 54, KmQ3Days: 181), m.EntryCohort8Plus);
    }

    [Fact]
    public void Gap7Twente()
    {
        // K03 (334+, Hengelo), K05's second stay (181), K06 (5, GM0153 Enschede); K07 is Hilversum's from its first segment
        var m = Of(7, "Twente");
        Assert.Equal(new CountFigures(3, 3, 0, 2, 1, 3, 1, 1, 1), m.Counts);
        Assert.Equal(520 / 3.0, m.Duration.MeanAll);
        Assert.Null(m.Duration.MeanExitedInPeriod);
        Assert.Equal(7 / 3.0, m.Providers.MeanInvolvedPerEpisode);
        Assert.Equal(2 * 1000 / 520.0, m.Providers.MovesPer1000Days);
        Assert.Equal(new Dictionary<Sector, double>
        {
            [Sector.GGZ] = 30.0, [Sector.JO] = (122 + 14 + 167) / 3.0, [Sector.LVB] = 212.0, [Sector.Overig] = 5.0,
        }, m.Providers.MeanInvolvementDaysBySector);
        Assert.Equal((69000m + 27940m + 750m) / 3, m.Cost.MeanEpisode);
        Assert.Equal((69000m + 45000m + 27940m + 750m) / 3, m.Cost.MeanAllEpisodesPerYouth); // K05's 2018 stay included
        Assert.Equal(3300m / 3, m.Cost.MeanAmbulantPerYouth);
        Assert.Equal((16 + 16 + 13) / 3.0, m.MeanAgeAtAsOfTopN);
        // 5, 181, 334+: S = 2/3, 1/3; never <= 1/4
        Assert.Equal(new EntryCohortFigures(3, 2, KmMedianDays: 181, KmQ1Days: 5, KmQ3Days: null), m.EntryCohort);
        Assert.Equal(new EntryCohortFigures(2, 1, KmMedianDays: 181, KmQ1Days: 181, KmQ3Days: null), m.EntryCohort8Plus);
    }
}

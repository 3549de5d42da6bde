using Monitor.Core.Domain;
using Monitor.Core.Episodes;
using Monitor.Core.Measurements;
using static Monitor.Core.Tests.Episodes.Seg;

namespace Monitor.Core.Tests.Measurements;

/// <summary>PROTOCOL.md 5: the cohort is every episode with start &lt;= to and (ongoing or end &gt;= from); the
/// counts split it into exits, closed, ongoing and entries.</summary>
public class CohortTests
{
    private const int A = 41000011, B = 41000022;

    [Fact]
    public void CohortMembershipAtThePeriodsEdges()
    {
        var m = Measure.Of("2020", "2021-06-30",
        [
            Make(1, A, "2019-11-01", "2019-12-31"), // ends the day before from: out
            Make(2, A, "2019-11-01", "2020-01-01"), // ends on from: in
            Make(3, A, "2020-12-31", "2021-01-15"), // starts on to: in
            Make(4, A, "2021-01-01", "2021-02-01"), // starts the day after to: out
            Make(5, A, "2018-01-01", null), // started long before, still running: in
        ]);
        Assert.Equal([2, 3, 5], m.Cohort.Episodes.Select(e => e.YouthId).Order());
        Assert.Equal(3, m.Counts.Youths);
        Assert.Equal(3, m.Counts.Episodes);
    }

    [Fact]
    public void ExitsInThePeriodAreTheCohortEpisodesEndingInsideIt()
    {
        var m = Measure.Of("2020", "2021-06-30",
        [
            Make(1, A, "2019-11-01", "2020-01-01"), // ends in 2020: exits in the period, closed by the as-of date
            Make(2, A, "2020-06-01", "2021-01-15"), // ends in 2021: closed by the as-of date only
            Make(3, A, "2020-06-01", "2021-12-31"), // ends after the as-of date: ongoing
            Make(4, A, "2020-12-01", null), // ongoing
            Make(5, A, "2020-03-01", "2020-12-31"), // ends on to: exits in the period
        ]);
        Assert.Equal([1, 5], m.Cohort.ExitedInPeriod.Select(e => e.YouthId));
        Assert.Equal(2, m.Counts.ExitedInPeriod);
        Assert.Equal(3, m.Counts.ExitedByAsOf); // 1, 2, 5
        Assert.Equal(2, m.Counts.OngoingAtAsOf); // 3, 4
    }

    [Fact]
    public void EntriesAreCohortEpisodesStartingInsideThePeriod()
    {
        var m = Measure.Of("2020", "2021-06-30",
        [
            Make(1, A, "2019-12-31", "2020-02-01"), // starts the day before from: no entry
            Make(2, A, "2020-01-01", "2020-02-01"), // starts on from: entry
            Make(3, A, "2020-12-31", null), // starts on to: entry
            Make(4, A, "2021-01-01", null), // not in the cohort at all
        ]);
        Assert.Equal([2, 3], m.Cohort.Entries.Select(e => e.YouthId));
        Assert.Equal(2, m.Counts.EntriesInPeriod);
    }

    [Fact]
    public void YouthsCountsDistinctYouthsEpisodesCountsEpisodes()
    {
        // youth 1 has two cohort episodes (9 days without care > gap 7)
        var m = Measure.Of("2020", "2021-06-30",
            [Make(1, A, "2020-01-01", "2020-01-31"), Make(1, A, "2020-02-10", "2020-02-29"), Make(2, A, "2020-05-01", "2020-05-31")]);
        Assert.Equal(2, m.Counts.Youths);
        Assert.Equal(3, m.Counts.Episodes);
    }

    [Fact]
    public void SingleProviderEpisodesHaveOneProvider()
    {
        var m = Measure.Of("2020", "2021-06-30",
        [
            Make(1, A, "2020-01-01", "2020-01-31"), Make(1, A, "2020-02-01", "2020-02-29"), // one provider, two segments
            Make(2, A, "2020-01-01", "2020-01-31"), Make(2, B, "2020-02-01", "2020-02-29"),
        ]);
        Assert.Equal(1, m.Counts.SingleProviderEpisodes);
        Assert.Equal(2.0, m.Providers.MeanPerMultiProviderEpisode);
    }

    [Fact]
    public void EmptyCohortGivesZeroCountsAndNullMeans()
    {
        // one episode, in 2018: none in 2020
        var m = Measure.Of("2020", "2021-06-30", [Make(1, A, "2018-01-01", "2018-03-31", amount: 100m),
            Make(1, B, "2020-01-01", "2020-12-31", CareType.Ambulant, amount: 50m)]);
        Assert.Equal(new CountFigures(0, 0, 0, 0, 0, 0, 0, 0, 0), m.Counts);
        Assert.Equal(new DurationFigures(null, null, null, null, null, null, null, 25, null), m.Duration);
        Assert.Null(m.Providers.MeanPerMultiProviderEpisode);
        Assert.Null(m.Providers.MeanInvolvedPerEpisode);
        Assert.Null(m.Providers.MeanPlacementMoves);
        Assert.Null(m.Providers.MovesPer1000Days);
        Assert.Empty(m.Providers.MeanInvolvementDaysBySector);
        Assert.Equal(new CostFigures(null, null, null, null, null, null, 0), m.Cost);
        Assert.Null(m.MeanAgeAtAsOfTopN);
        Assert.Equal(new EntryCohortFigures(0, 0, null, null, null), m.EntryCohort);
        Assert.Equal(new EntryCohortFigures(0, 0, null, null, null), m.EntryCohort8Plus);
    }

    [Fact]
    public void NoSegmentsAtAllIsAnEmptyCohort() =>
        Assert.Equal(0, Measure.Of("2020", "2020-12-31", []).Counts.Episodes);

    [Fact]
    public void AsOfDateBeforeThePeriodsEndIsRefused()
    {
        var set = EpisodeBuilder.Build([Make(1, A, "2020-01-01", null)], Rules("2020-12-30"));
        Assert.Throws<InvalidRequestException>(() =>
            MeasurementCalculator.Measure(set, new MeasurementParameters(Period.Year(2020)), ReferenceData.Empty));
    }

    [Fact]
    public void AsOfDateOnThePeriodsEndIsAllowed() =>
        Assert.Equal(1, Measure.Of("2020", "2020-12-31", [Make(1, A, "2020-01-01", null)]).Counts.OngoingAtAsOf);

    [Fact]
    public void MeasurementEchoesItsParameters()
    {
        var m = Measure.Of("2020-03-01..2020-06-30", "2021-06-30", [], gap: 3, topN: 10);
        Assert.Equal(new Period(D("2020-03-01"), D("2020-06-30")), m.Period);
        Assert.Equal(D("2021-06-30"), m.AsOf);
        Assert.Equal(3, m.GapDays);
        Assert.Null(m.Region);
        Assert.Equal(CareTypes.DefaultResidentialSet, m.ResidentialSet);
        Assert.Equal(10, m.Duration.TopN);
    }
}

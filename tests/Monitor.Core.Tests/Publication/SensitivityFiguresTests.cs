using Monitor.Core.Domain;
using Monitor.Core.Episodes;
using Monitor.Core.Measurements;
using Monitor.Core.Publication;
using Monitor.Core.Tests.Episodes;
using Monitor.Core.Tests.Outcomes;

namespace Monitor.Core.Tests.Publication;

/// <summary>The sensitivity table's figures made straight from the episodes (as a report makes them for its other gap
/// rules) against those of a full measurement.</summary>
public class SensitivityFiguresTests
{
    private static readonly Dictionary<long, ExtractCoverage> Open = [];

    [Fact]
    public void TheFiguresFromTheEpisodesAreThoseOfTheFullMeasurement()
    {
        // Property: seeded random stores (stays before, in and after the period, running and ended, several providers,
        // moves, municipalities inside and outside the regions), every gap rule of the table, a region or all, the year
        // and a part of it. Every figure (its value and the youths it rests on) equals the full measurement's, also when
        // made from the episodes of the youths around the period alone (as a report makes them).
        var random = new Random(61);
        var reference = Outcome.TwoRegions;
        int[] municipalities = [193, 148, 153, 164, 344, 150];
        for (var run = 0; run < 200; run++)
        {
            var segments = RandomStays.Of(random, 50, new DateOnly(2019, 6, 1), municipalities, maxDays: 250);
            var gap = new[] { 0, 2, 7, 30 }[random.Next(4)];
            var set = EpisodeBuilder.Build(segments, Seg.Rules("2021-06-30", gap));
            var period = random.Next(4) == 0 ? new Period(new DateOnly(2020, 4, 1), new DateOnly(2020, 9, 30)) : Period.Year(2020);
            var parameters = new MeasurementParameters(period, random.Next(3) == 0 ? "Twente" : null);

            var full = new FigureSet();
            MeasurementFigures.Add(full, "gap_days_x.baseline", MeasurementCalculator.Measure(set, parameters, reference), reference);
            var expected = SensitivityFigures.Keys.Select(k => full["gap_days_x.baseline." + k]).ToList();
            var actual = SensitivityFigures.Of("gap_days_x.baseline", CohortSums.Of(set, parameters, reference, Open));
            Assert.Equal(expected, actual);
            var around = EpisodeBuilder.Build(PeriodSegments.Of(segments, period, gap), Seg.Rules("2021-06-30", gap));
            Assert.Equal(expected, SensitivityFigures.Of("gap_days_x.baseline", CohortSums.Of(around, parameters, reference, Open)));
            Assert.Equal(SensitivityFigures.Keys.Select(k => "gap_days_x.baseline." + k), actual.Select(f => f.Key));
        }
    }

    [Fact]
    public void AnAsOfDateBeforeThePeriodsEndIsRefusedAsByTheMeasurement()
    {
        var set = EpisodeBuilder.Build([Seg.Make(1, 10000001, "2020-01-01", "2020-03-01")], Seg.Rules("2020-06-30"));
        var e = Assert.Throws<InvalidRequestException>(() =>
            CohortSums.Of(set, new MeasurementParameters(Period.Year(2020)), ReferenceData.Empty, Open));
        Assert.Contains("before the period's end", e.Message);
    }
}

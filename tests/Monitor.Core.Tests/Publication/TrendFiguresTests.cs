using Monitor.Core.Domain;
using Monitor.Core.Episodes;
using Monitor.Core.Measurements;
using Monitor.Core.Outcomes;
using Monitor.Core.Publication;
using Monitor.Core.Tests.Episodes;
using Monitor.Core.Tests.Outcomes;

namespace Monitor.Core.Tests.Publication;

/// <summary>A trend year made straight from the episodes (as a report makes the years that are not its baseline or
/// follow-up) against the trend year of the full measurement with its outcomes and coverage warnings.</summary>
public class TrendFiguresTests
{
    [Fact]
    public void ATrendYearFromTheEpisodesIsThatOfTheFullMeasurement()
    {
        // Property: seeded random stores (stays before, in and after the year, running and ended, municipalities inside
        // and outside the regions), the population of some municipalities missing or 0 in some runs, a region or all,
        // open segments from early extracts. The figures (value, kind, youths, numerator, denominator) and the warnings
        // equal those of the full measurement, also when made from the youths around the year alone.
        var random = new Random(83);
        var reference = Outcome.TwoRegions;
        int[] municipalities = [193, 148, 153, 164, 344];
        var early = new ExtractCoverage(1, "vroeg.csv", new DateOnly(2021, 3, 31));
        for (var run = 0; run < 200; run++)
        {
            var segments = RandomStays.Of(random, 40, new DateOnly(2019, 6, 1), municipalities, maxDays: 300);
            var data = RandomStays.Population2020(random, municipalities);
            var openSources = segments.Where(s => random.Next(3) == 0).ToDictionary(s => s.Id, _ => early);
            var gap = new[] { 0, 7, 30 }[random.Next(3)];
            var set = EpisodeBuilder.Build(segments, Seg.Rules("2021-07-01", gap));
            var parameters = new MeasurementParameters(Period.Year(2020), random.Next(3) == 0 ? "IJsselland" : null);

            var measured = MeasurementCalculator.Measure(set, parameters, reference);
            measured = measured with
            {
                Outcomes = OutcomeCalculator.Measure(set, measured, reference, data),
                Warnings = CoverageWarning.Of(measured, set, openSources),
            };
            var expected = TrendFigures.Of("trend.2020", measured, reference);
            var actual = TrendFigures.Of("trend.2020", CohortSums.Of(set, parameters, reference, openSources), parameters, reference, data);

            Assert.Equal((expected.Period, expected.AsOf, expected.Prefix), (actual.Period, actual.AsOf, actual.Prefix));
            Assert.Equal(expected.Figures, actual.Figures);
            Assert.Equal(expected.Warnings, actual.Warnings);
            // As a report makes it: from the episodes of the youths around the year alone.
            var around = TrendFigures.Of("trend.2020", CohortSums.Of(EpisodeBuilder.Build(PeriodSegments.Of(segments, Period.Year(2020), gap),
                Seg.Rules("2021-07-01", gap)), parameters, reference, openSources), parameters, reference, data);
            Assert.Equal(expected.Figures, around.Figures);
            Assert.Equal(expected.Warnings, around.Warnings);
        }
    }
}

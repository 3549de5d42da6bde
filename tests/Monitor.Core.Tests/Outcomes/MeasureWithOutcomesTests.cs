using Monitor.Core.Domain;
using Monitor.Core.Episodes;
using Monitor.Core.Measurements;
using Monitor.Core.Outcomes;
using Monitor.Core.Publication;
using Monitor.Core.Tests.Episodes;
using Monitor.Core.Tests.Publication;

namespace Monitor.Core.Tests.Outcomes;

/// <summary>A measurement and its outcomes made side by side (<see cref="OutcomeCalculator.MeasureWithOutcomes"/>, as the
/// store's analysis makes them) against the two made one after the other.</summary>
public class MeasureWithOutcomesTests
{
    [Fact]
    public void SideBySideIsTheSameAsOneAfterTheOther()
    {
        // Property: seeded random stores (stays before, in and after the period, running and ended, municipalities inside
        // and outside the regions), the population of some municipalities missing or 0, a region or all, three gap rules.
        // Every published figure of the measurement and its outcomes, the flows and the notes are the same.
        var random = new Random(97);
        var reference = Outcome.TwoRegions;
        int[] municipalities = [193, 148, 153, 164, 344];
        for (var run = 0; run < 200; run++)
        {
            var segments = RandomStays.Of(random, 40, new DateOnly(2019, 6, 1), municipalities, maxDays: 300);
            var data = RandomStays.Population2020(random, municipalities);
            var set = EpisodeBuilder.Build(segments, Seg.Rules("2021-07-01", new[] { 0, 7, 30 }[random.Next(3)]));
            var parameters = new MeasurementParameters(Period.Year(2020), random.Next(3) == 0 ? "IJsselland" : null);

            var oneAfterTheOther = MeasurementCalculator.Measure(set, parameters, reference);
            oneAfterTheOther = oneAfterTheOther with { Outcomes = OutcomeCalculator.Measure(set, oneAfterTheOther, reference, data) };
            var sideBySide = OutcomeCalculator.MeasureWithOutcomes(set, parameters, reference, data);

            Assert.Equal(Figures(oneAfterTheOther, reference), Figures(sideBySide, reference));
            Assert.Equal(oneAfterTheOther.Cohort.Episodes, sideBySide.Cohort.Episodes);
            Assert.Equal(oneAfterTheOther.Outcomes!.EntriesPer1000, sideBySide.Outcomes!.EntriesPer1000);
            Assert.Equal(oneAfterTheOther.Outcomes.Flows, sideBySide.Outcomes.Flows);
            Assert.Equal(oneAfterTheOther.Outcomes.Notes, sideBySide.Outcomes.Notes);
        }
    }

    private static IReadOnlyCollection<Figure> Figures(Measurement m, ReferenceData reference)
    {
        var set = new FigureSet();
        MeasurementFigures.Add(set, "m", m, reference);
        OutcomeFigures.Add(set, "m", m);
        return set.Figures;
    }
}

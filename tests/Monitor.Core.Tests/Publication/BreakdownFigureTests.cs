using Monitor.Core.Domain;
using Monitor.Core.Episodes;
using Monitor.Core.Measurements;
using Monitor.Core.Publication;
using Monitor.Core.Tests.Episodes;
using Monitor.Core.Tests.Outcomes;

namespace Monitor.Core.Tests.Publication;

/// <summary>The breakdowns by duration, providers and moves (<see cref="BreakdownFigures"/>) against filtering the cohort class by class.</summary>
public class BreakdownFigureTests
{
    [Fact]
    public void EveryClassCountsTheCohortEpisodesWithinItsBounds()
    {
        // Property: seeded random stores with stays of every length (days to years), several providers and moves,
        // running and ended; each class's count equals the number of cohort episodes within its bounds, and each
        // breakdown adds up to the episodes.
        var random = new Random(59);
        for (var run = 0; run < 100; run++)
        {
            var segments = new List<Segment>();
            var youths = random.Next(1, 80);
            for (var youth = 1; youth <= youths; youth++)
            {
                var day = new DateOnly(2017, 1, 1).AddDays(random.Next(1500));
                for (var k = random.Next(1, 7); k > 0; k--)
                {
                    var end = random.Next(8) == 0 ? (DateOnly?)null : day.AddDays(random.Next(0, random.Next(2) == 0 ? 60 : 900));
                    segments.Add(Seg.Make(youth, 10000001 + random.Next(6), day.ToString("yyyy-MM-dd"), end?.ToString("yyyy-MM-dd")));
                    if (end is null) break;
                    day = end.Value.AddDays(random.Next(-30, 10));
                }
            }
            var set = EpisodeBuilder.Build(segments.ToArray(), Seg.Rules("2021-06-30", random.Next(2) == 0 ? 7 : 0));
            var m = MeasurementCalculator.Measure(set, new MeasurementParameters(Period.Year(2020)), Outcome.TwoRegions);
            var figures = new FigureSet();
            MeasurementFigures.Add(figures, "b", m, Outcome.TwoRegions);
            BreakdownFigures.Add(figures, "b", m);
            foreach (var (classes, value) in new (IReadOnlyList<(string Key, int From, int To)>, Func<Episode, int>)[]
                     {
                         (BreakdownFigures.DurationClasses, e => e.DurationDays), (BreakdownFigures.ProviderClasses, e => e.ProviderCount),
                         (BreakdownFigures.MoveClasses, e => e.PlacementMoves),
                     })
            {
                foreach (var (key, from, to) in classes)
                    Assert.Equal(m.Cohort.Episodes.Count(e => value(e) >= from && value(e) <= to), figures["b." + key].Value);
                Assert.Contains(figures.Relations, r => r.Total == "b.counts.episodes" && r.Parts.SequenceEqual(classes.Select(c => "b." + c.Key)));
            }
        }
    }
}

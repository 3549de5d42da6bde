using Monitor.Core.Domain;
using Monitor.Core.Episodes;
using Monitor.Core.Measurements;
using Monitor.Core.Publication;
using Monitor.Core.Tests.Episodes;

namespace Monitor.Core.Tests.Publication;

/// <summary>The number of distinct youths a statistic rests on (<see cref="MeasurementFigures.Youths"/>).</summary>
public class DistinctYouthsTests
{
    [Fact]
    public void CountsDistinctYouthsInAnyOrderAndAnyPart()
    {
        // Property: the count equals a set's count, for an episode set's own order (youths ascending), parts of it,
        // shuffled lists, repeats and lists longer than the first buffer.
        var random = new Random(41);
        for (var run = 0; run < 60; run++)
        {
            var youths = random.Next(0, run < 50 ? 80 : 700);
            var segments = Enumerable.Range(1, youths).SelectMany(y => Enumerable.Range(0, 1 + random.Next(3)).Select(k =>
            {
                var start = new DateOnly(2019, 1, 1).AddDays(200 * k + random.Next(100));
                return Seg.Make(random.Next(1, 3 * youths + 2), 10000001, start.ToString("yyyy-MM-dd"), start.AddDays(random.Next(1, 60)).ToString("yyyy-MM-dd"));
            })).ToArray();
            var episodes = EpisodeBuilder.Build(segments, Seg.Rules("2022-06-30")).Episodes;
            IEnumerable<Episode>[] orders =
            [
                episodes,
                episodes.Where(_ => random.Next(3) > 0).ToList(),
                episodes.OrderBy(_ => random.Next()).ToList(),
                episodes.Concat(episodes.Reverse()),
                episodes.Where(e => e.DurationDays > 20).Select(e => e),
            ];
            foreach (var list in orders)
                Assert.Equal(list.Select(e => e.YouthId).Distinct().Count(), MeasurementFigures.Youths(list));
        }
    }

    [Fact]
    public void EveryStatisticOfAMeasurementRestsOnTheDistinctYouthsOfItsEpisodes()
    {
        // Property: the youths a statistic rests on, as MeasurementFigures gives them, are the distinct youths of the
        // episodes it is about, counted here with a set per statistic; for a cohort in youth order (as measured) and
        // for one in any order. Providers of every sector, stays of every length, running and ended.
        var random = new Random(43);
        var providers = Enumerable.Range(0, 6).Select(p => new ProviderRow(10000001 + p, null, (Sector)(p % 4))).ToList();
        var reference = new ReferenceData([], providers);
        for (var run = 0; run < 40; run++)
        {
            var youths = random.Next(1, 60);
            var segments = new List<Segment>();
            for (var y = 1; y <= youths; y++)
            {
                var start = new DateOnly(2019, 6, 1).AddDays(random.Next(700));
                for (var k = random.Next(1, 4); k > 0; k--)
                {
                    var end = random.Next(6) == 0 ? (DateOnly?)null : start.AddDays(random.Next(1, 120));
                    segments.Add(Seg.Make(y, providers[random.Next(providers.Count)].Code, start.ToString("yyyy-MM-dd"), end?.ToString("yyyy-MM-dd")));
                    if (end is null) break;
                    start = end.Value.AddDays(random.Next(0, 60));
                }
            }
            var set = EpisodeBuilder.Build(segments.ToArray(), Seg.Rules("2021-06-30"));
            var measured = MeasurementCalculator.Measure(set, new MeasurementParameters(Period.Year(2020)), reference);
            foreach (var m in new[] { measured, measured with { Cohort = measured.Cohort with { Episodes = measured.Cohort.Episodes.OrderBy(_ => random.Next()).ToList() } } })
            {
                var figures = new FigureSet();
                MeasurementFigures.Add(figures, "b", m, reference);
                int Model(Func<Episode, bool> about) => m.Cohort.Episodes.Where(about).Select(e => e.YouthId).ToHashSet().Count;
                Assert.Equal(Model(_ => true), figures["b.duration_days.mean_all"].Youths);
                Assert.Equal(Model(e => !e.Ongoing), figures["b.duration_days.mean_exited_by_as_of"].Youths);
                Assert.Equal(Model(e => e.Ongoing), figures["b.duration_days.mean_ongoing_at_as_of"].Youths);
                Assert.Equal(Model(e => e.Ongoing), figures["b.cost_eur.mean_episode_ongoing"].Youths);
                Assert.Equal(Model(e => e.DurationDays < 30), figures["b.duration_days.mean_short"].Youths);
                Assert.Equal(Model(e => e.DurationDays >= 30), figures["b.duration_days.mean_not_short"].Youths);
                Assert.Equal(Model(e => e.ProviderCount > 1), figures["b.providers.mean_per_multi_provider_episode"].Youths);
                foreach (var sector in m.Providers.MeanInvolvementDaysBySector.Keys)
                    Assert.Equal(Model(e => e.Involvement.Any(i => reference.SectorOf(i.Provider) == sector)),
                        figures[$"b.providers.mean_involvement_days_by_sector.{sector.Word()}"].Youths);
            }
        }
    }
}

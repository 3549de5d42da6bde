using Monitor.Core.Episodes;
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
}

using System.Globalization;
using Monitor.Core.Domain;
using Monitor.Core.Episodes;

namespace Monitor.Core.Tests.Episodes;

/// <summary>
/// Taking over an earlier build's episodes (what the store's episode cache does for the youths no import
/// touched) gives exactly the episodes of a build from scratch, at any pair of as-of dates.
/// </summary>
public class EarlierEpisodesTests
{
    private static readonly TariffTable Tariffs = new([
        new TariffRow(CareType.Verblijf, 2020, 210.5m), new TariffRow(CareType.Verblijf, 2021, 215.25m),
        new TariffRow(CareType.Gezinshuis, 2021, 150m), new TariffRow(CareType.Crisis, 2022, 400m)]);

    /// <summary>The earlier build's episodes, with their segments placed relative to each youth's first.</summary>
    private sealed class Kept : EarlierEpisodes
    {
        private readonly Dictionary<int, List<(Episode Episode, int Relative)>> _byYouth = [];
        private readonly DateOnly _asOf;

        public Kept(EpisodeSet set, Segment[] sorted, ISet<int> touched)
        {
            _asOf = set.Rules.AsOf;
            foreach (var e in set.Episodes)
            {
                if (touched.Contains(e.YouthId)) continue;
                var youthStart = Array.FindIndex(sorted, s => s.YouthId == e.YouthId);
                (_byYouth.TryGetValue(e.YouthId, out var list) ? list : _byYouth[e.YouthId] = []).Add((e, e.FirstSegment - youthStart));
            }
        }

        public override DateOnly AsOf => _asOf;

        public int Taken { get; private set; }

        public override bool TryAdd(int youthId, int firstSegment, List<Episode> into)
        {
            if (!_byYouth.TryGetValue(youthId, out var list)) return false;
            foreach (var (e, relative) in list)
            {
                into.Add(new Episode
                {
                    YouthId = e.YouthId, BirthDate = e.BirthDate, Start = e.Start, End = e.End, DurationDays = e.DurationDays,
                    ProviderCount = e.ProviderCount, PlacementMoves = e.PlacementMoves, Cost = e.Cost, SegmentsWithoutCost = e.SegmentsWithoutCost,
                    Municipality = e.Municipality, Involvement = e.Involvement, FirstSegment = firstSegment + relative, SegmentCount = e.SegmentCount,
                });
            }
            Taken++;
            return true;
        }
    }

    [Theory]
    [InlineData("2021-06-30", "2021-06-30")]
    [InlineData("2021-06-30", "2022-06-30")]
    [InlineData("2022-06-30", "2020-12-31")]
    [InlineData("2020-12-31", "2023-03-01")]
    public void TakingOverGivesTheEpisodesOfABuildFromScratch(string earlierAsOf, string asOf)
    {
        var segments = EpisodePropertyTests.RandomYouths(new Random(20261201), youths: 400).ToArray();
        foreach (var gap in new[] { 0, 7 })
        {
            var earlierRules = new EpisodeRules(DateOnly.Parse(earlierAsOf, CultureInfo.InvariantCulture), gap, CareTypes.DefaultResidentialSet, Tariffs);
            var rules = earlierRules with { AsOf = DateOnly.Parse(asOf, CultureInfo.InvariantCulture) };
            var earlierSegments = (Segment[])segments.Clone();
            var earlier = EpisodeBuilder.Build(earlierSegments, earlierRules);
            // Youths 1, 5, 9, … got new rows since: their episodes must be built anew.
            var kept = new Kept(earlier, earlierSegments, Enumerable.Range(0, 100).Select(i => 1 + 4 * i).ToHashSet());

            var fresh = EpisodeBuilder.Build((Segment[])segments.Clone(), rules);
            var reused = EpisodeBuilder.Build((Segment[])segments.Clone(), rules, kept);
            Assert.Equal(fresh.Episodes.Select(Describe), reused.Episodes.Select(Describe));
            Assert.Equal(fresh.Episodes.Select(e => fresh.SegmentsOf(e).ToArray().Select(s => s.Id).Sum()),
                reused.Episodes.Select(e => reused.SegmentsOf(e).ToArray().Select(s => s.Id).Sum()));
            Assert.True(kept.Taken > 20, $"untouched youths whose stays ended by both dates should be taken over, {kept.Taken} were");
        }
    }

    private static string Describe(Episode e) =>
        OrderIndependenceTests.Describe(e) + string.Create(CultureInfo.InvariantCulture,
            $" cost {e.Cost} without {e.SegmentsWithoutCost} birth {e.BirthDate:yyyy-MM-dd} municipality {e.Municipality} " +
            $"involvement {string.Join(",", e.Involvement.Select(i => $"{i.Provider}:{i.Days}"))} at {e.FirstSegment}+{e.SegmentCount}");
}

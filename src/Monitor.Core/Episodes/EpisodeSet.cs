using Monitor.Core.Domain;

namespace Monitor.Core.Episodes;

/// <summary>
/// The episodes built from a store's segments under one set of rules, with the segments they were built
/// from, so every figure can be traced back to its rows. The segments stay in one array in
/// <see cref="SegmentOrder"/>; episodes point into it.
/// </summary>
public sealed class EpisodeSet
{
    private readonly Segment[] _segments;
    private readonly List<Episode> _episodes;

    internal EpisodeSet(EpisodeRules rules, Segment[] segments, List<Episode> episodes)
    {
        Rules = rules;
        _segments = segments;
        _episodes = episodes;
        _index = new Lazy<YouthIndex>(() => new YouthIndex(segments, episodes));
    }

    private readonly Lazy<YouthIndex> _index;

    public EpisodeRules Rules { get; }

    /// <summary>All episodes, sorted by youth and start.</summary>
    public IReadOnlyList<Episode> Episodes => _episodes;

    /// <summary>Every segment starting on or before the as-of date, of any care type (a copy: for exports and tests).</summary>
    public IReadOnlyList<Segment> AllSegments => _segments.Where(s => s.Start <= Rules.AsOf).ToList();

    /// <summary>The residential segments among them (a copy: for exports and tests).</summary>
    public IReadOnlyList<Segment> Residential => _segments.Where(s => SegmentOrder.Group(s, Rules) == 0).ToList();

    /// <summary>The residential segments an episode is made of, in start order.</summary>
    public ReadOnlySpan<Segment> SegmentsOf(Episode episode) => _segments.AsSpan(episode.FirstSegment, episode.SegmentCount);

    /// <summary>A youth's segments of every care type that start on or before the as-of date.</summary>
    public ReadOnlySpan<Segment> AllSegmentsOf(int youthId)
    {
        var (first, end) = Index.SegmentsOf(youthId);
        var asOf = Rules.AsOf.DayNumber;
        while (end > first && _segments[end - 1].StartDay > asOf) end--; // the group that starts later comes last
        return _segments.AsSpan(first, end - first);
    }

    /// <summary>A youth's episodes, in start order.</summary>
    public ReadOnlySpan<Episode> EpisodesOf(int youthId)
    {
        var (first, end) = Index.EpisodesOf(youthId);
        return System.Runtime.InteropServices.CollectionsMarshal.AsSpan(_episodes)[first..end];
    }

    /// <summary>Where each youth's segments and episodes are: found once, then asked per cohort youth
    /// and episode (a million times in a region's measurement).</summary>
    private YouthIndex Index => _index.Value;

    /// <summary>
    /// The range of each youth's segments and episodes. Youth numbers are the store's, handed out one after
    /// another, so an array indexed by youth number is small; for sparse numbers (tests) it binary-searches.
    /// </summary>
    private sealed class YouthIndex
    {
        private readonly Segment[] _segments;
        private readonly List<Episode> _episodes;
        private readonly int[]? _segmentStart, _episodeStart; // youth y: [start[y], start[y + 1])

        public YouthIndex(Segment[] segments, List<Episode> episodes)
        {
            (_segments, _episodes) = (segments, episodes);
            if (segments.Length == 0) return;
            var min = segments[0].YouthId;
            var max = segments[^1].YouthId;
            if (min < 0 || max > 4L * segments.Length + 1024) return;
            _segmentStart = Starts(segments.Length, max, i => segments[i].YouthId);
            _episodeStart = Starts(episodes.Count, max, i => episodes[i].YouthId);
        }

        /// <summary>For sorted youth numbers, where each youth's run begins (an empty run where a youth has none).</summary>
        private static int[] Starts(int count, int maxYouth, Func<int, int> youthAt)
        {
            var starts = new int[maxYouth + 2];
            var youth = 0;
            for (var i = 0; i < count; i++)
            {
                var y = youthAt(i);
                if (y > maxYouth) break;
                while (youth <= y) starts[youth++] = i;
            }
            while (youth < starts.Length) starts[youth++] = count;
            return starts;
        }

        public (int First, int End) SegmentsOf(int youthId)
        {
            if (_segmentStart is { } starts)
                return (uint)youthId < (uint)(starts.Length - 1) ? (starts[youthId], starts[youthId + 1]) : (_segments.Length, _segments.Length);
            return (FirstSegmentOf(youthId), FirstSegmentOf(youthId + 1));
        }

        public (int First, int End) EpisodesOf(int youthId)
        {
            if (_episodeStart is { } starts)
                return (uint)youthId < (uint)(starts.Length - 1) ? (starts[youthId], starts[youthId + 1]) : (_episodes.Count, _episodes.Count);
            var first = FirstEpisodeOf(youthId);
            var end = first;
            while (end < _episodes.Count && _episodes[end].YouthId == youthId) end++;
            return (first, end);
        }

        private int FirstSegmentOf(int youthId)
        {
            // Binary searches written out, without a delegate per call: the youths a delta touched look up each of theirs.
            int lo = 0, hi = _segments.Length;
            while (lo < hi)
            {
                var mid = (lo + hi) >>> 1;
                if (_segments[mid].YouthId < youthId) lo = mid + 1;
                else hi = mid;
            }
            return lo;
        }

        private int FirstEpisodeOf(int youthId)
        {
            int lo = 0, hi = _episodes.Count;
            while (lo < hi)
            {
                var mid = (lo + hi) >>> 1;
                if (_episodes[mid].YouthId < youthId) lo = mid + 1;
                else hi = mid;
            }
            return lo;
        }
    }
}

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
    }

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
        var first = FirstSegmentOf(youthId);
        var end = FirstSegmentOf(youthId + 1);
        while (end > first && _segments[end - 1].Start > Rules.AsOf) end--; // the group that starts later comes last
        return _segments.AsSpan(first, end - first);
    }

    /// <summary>A youth's episodes, in start order.</summary>
    public ReadOnlySpan<Episode> EpisodesOf(int youthId)
    {
        var episodes = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(_episodes);
        int lo = 0, hi = episodes.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (episodes[mid].YouthId < youthId) lo = mid + 1;
            else hi = mid;
        }
        var end = lo;
        while (end < episodes.Length && episodes[end].YouthId == youthId) end++;
        return episodes[lo..end];
    }

    /// <summary>Where a youth's segments begin (binary search: the array is sorted by youth first).</summary>
    private int FirstSegmentOf(int youthId)
    {
        int lo = 0, hi = _segments.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (_segments[mid].YouthId < youthId) lo = mid + 1;
            else hi = mid;
        }
        return lo;
    }
}

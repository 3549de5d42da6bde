using Monitor.Core.Domain;

namespace Monitor.Core.Episodes;

/// <summary>
/// The episodes built from a store's segments under one set of rules, with the segments they were built
/// from, so every figure can be traced back to its rows.
/// </summary>
public sealed class EpisodeSet
{
    internal EpisodeSet(EpisodeRules rules, Segment[] all, Segment[] residential, List<Episode> episodes)
    {
        Rules = rules;
        AllSegments = all;
        Residential = residential;
        Episodes = episodes;
    }

    public EpisodeRules Rules { get; }

    /// <summary>Every segment starting on or before the as-of date, of any care type, sorted by youth and start.</summary>
    public IReadOnlyList<Segment> AllSegments { get; }

    /// <summary>The residential segments among them, in the same order; an episode's segments are consecutive here.</summary>
    public IReadOnlyList<Segment> Residential { get; }

    /// <summary>All episodes, sorted by youth and start.</summary>
    public IReadOnlyList<Episode> Episodes { get; }

    public ReadOnlySpan<Segment> SegmentsOf(Episode episode) =>
        ((Segment[])Residential).AsSpan(episode.FirstSegment, episode.SegmentCount);

    /// <summary>A youth's segments of every care type (binary search: the array is sorted by youth).</summary>
    public ReadOnlySpan<Segment> AllSegmentsOf(int youthId) => RangeOf((Segment[])AllSegments, youthId);

    /// <summary>A youth's episodes, in start order.</summary>
    public IEnumerable<Episode> EpisodesOf(int youthId)
    {
        var list = (List<Episode>)Episodes;
        var first = LowerBound(list.Count, i => list[i].YouthId, youthId);
        for (var i = first; i < list.Count && list[i].YouthId == youthId; i++) yield return list[i];
    }

    private static ReadOnlySpan<Segment> RangeOf(Segment[] segments, int youthId)
    {
        var first = LowerBound(segments.Length, i => segments[i].YouthId, youthId);
        var last = LowerBound(segments.Length, i => segments[i].YouthId, youthId + 1);
        return segments.AsSpan(first, last - first);
    }

    private static int LowerBound(int count, Func<int, int> keyAt, int key)
    {
        int lo = 0, hi = count;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (keyAt(mid) < key) lo = mid + 1;
            else hi = mid;
        }
        return lo;
    }
}

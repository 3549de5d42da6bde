using Monitor.Core.Domain;

namespace Monitor.Core.Episodes;

/// <summary>
/// The order the episode builder keeps segments in. Per youth: first the residential segments that
/// start on or before the as-of date, then the other segments that do, then those that start later
/// (ignored everywhere); within each group by start and the protocol's tie-breaks. So an episode's
/// segments are consecutive, and nothing has to be copied out of the one big array.
/// </summary>
public static class SegmentOrder
{
    /// <summary>
    /// "Earliest-starting" of PROTOCOL.md 4: start, then lowest provider code, then care type, product
    /// code and municipality code (the municipality rule's ties), then the store's row id.
    /// </summary>
    public static int EarliestStarting(in Segment a, in Segment b)
    {
        var c = a.StartDay.CompareTo(b.StartDay);
        if (c != 0) return c;
        c = a.Provider.CompareTo(b.Provider);
        if (c != 0) return c;
        c = WordRank[(int)a.CareType].CompareTo(WordRank[(int)b.CareType]);
        if (c != 0) return c;
        c = ProductCodes.CompareOrdinal(a.ProductCodeId, b.ProductCodeId);
        if (c != 0) return c;
        c = a.Municipality.CompareTo(b.Municipality);
        return c != 0 ? c : a.Id.CompareTo(b.Id);
    }

    /// <summary>Each care type's place when the words are ordered ordinally, as the tie-break orders them.</summary>
    private static readonly int[] WordRank = RankByWord();

    private static int[] RankByWord()
    {
        var rank = new int[CareTypes.All.Max(t => (int)t) + 1];
        var byWord = CareTypes.All.OrderBy(t => t.Word(), StringComparer.Ordinal).ToList();
        for (var i = 0; i < byWord.Count; i++) rank[(int)byWord[i]] = i;
        return rank;
    }

    /// <summary>Which of the three groups of a youth's segments a segment falls in.</summary>
    internal static int Group(in Segment segment, EpisodeRules rules) =>
        segment.StartDay > rules.AsOf.DayNumber ? 2 : rules.IsResidential(segment.CareType) ? 0 : 1;

    /// <summary>The builder's order: youth, group, earliest-starting. A struct, so the sort calls it directly.</summary>
    private readonly struct BuilderOrder(EpisodeRules rules) : IComparer<Segment>
    {
        public int Compare(Segment a, Segment b)
        {
            var c = a.YouthId.CompareTo(b.YouthId);
            if (c != 0) return c;
            c = Group(a, rules).CompareTo(Group(b, rules));
            return c != 0 ? c : EarliestStarting(a, b);
        }
    }

    /// <summary>Sorts in place.</summary>
    public static void Sort(Segment[] segments, EpisodeRules rules)
    {
        var comparer = new BuilderOrder(rules);
        if (!YouthsAreGrouped(segments)) SortByYouth(segments);
        // Now only each youth's few rows need ordering (most runs are in order already): two halves,
        // split between youths, side by side.
        var middle = segments.Length / 2;
        while (middle > 0 && middle < segments.Length && segments[middle].YouthId == segments[middle - 1].YouthId) middle++;
        Parallel.For(0, 2, half =>
        {
            var (from, to) = half == 0 ? (0, middle) : (middle, segments.Length);
            var runStart = from;
            for (var i = from + 1; i <= to; i++)
            {
                if (i < to && segments[i].YouthId == segments[runStart].YouthId) continue;
                var run = segments.AsSpan(runStart, i - runStart);
                if (!IsSorted(run, comparer)) run.Sort(comparer);
                runStart = i;
            }
        });
    }

    /// <summary>Orders segments by youth, keeping each youth's segments in the order they were in; does
    /// nothing when they are so already (the usual case).</summary>
    public static void ByYouth(Segment[] segments)
    {
        if (!YouthsAreGrouped(segments)) SortByYouth(segments);
    }

    /// <summary>Whether youth numbers never decrease: true when the store was filled by extracts that
    /// list a youth's rows together, which is the usual case.</summary>
    private static bool YouthsAreGrouped(Segment[] segments)
    {
        for (var i = 1; i < segments.Length; i++)
            if (segments[i].YouthId < segments[i - 1].YouthId) return false;
        return true;
    }

    /// <summary>A stable sort on youth alone: an index sort plus an in-place permutation, so that 40-byte
    /// segments are moved once rather than at every swap, and no second array of segments is needed.</summary>
    private static void SortByYouth(Segment[] segments)
    {
        var keys = new long[segments.Length];
        var order = new int[segments.Length];
        for (var i = 0; i < segments.Length; i++)
        {
            keys[i] = ((long)segments[i].YouthId << 32) | (uint)i; // the position keeps it stable
            order[i] = i;
        }
        Array.Sort(keys, order);
        // Follow each cycle of the permutation: position i receives the segment from order[i].
        for (var i = 0; i < order.Length; i++)
        {
            if (order[i] == i || order[i] < 0) continue;
            var held = segments[i];
            var at = i;
            while (true)
            {
                var from = order[at];
                order[at] = -1;
                if (from == i)
                {
                    segments[at] = held;
                    break;
                }
                segments[at] = segments[from];
                at = from;
            }
        }
    }

    private static bool IsSorted(ReadOnlySpan<Segment> run, BuilderOrder comparer)
    {
        for (var i = 1; i < run.Length; i++)
            if (comparer.Compare(run[i - 1], run[i]) > 0) return false;
        return true;
    }

}

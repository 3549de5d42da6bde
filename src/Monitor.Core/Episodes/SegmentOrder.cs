using Monitor.Core.Domain;

namespace Monitor.Core.Episodes;

/// <summary>
/// The orders the protocol walks segments in. Sorting is by youth and start first; the tie-breaks make
/// every figure deterministic whatever order the store returns rows in.
/// </summary>
public static class SegmentOrder
{
    /// <summary>
    /// "Earliest-starting" of PROTOCOL.md 4: start, then lowest provider code, then care type, product
    /// code and municipality code (the municipality rule's ties), then the store's row id.
    /// </summary>
    public static int EarliestStarting(in Segment a, in Segment b)
    {
        var c = a.Start.CompareTo(b.Start);
        if (c != 0) return c;
        c = a.Provider.CompareTo(b.Provider);
        if (c != 0) return c;
        c = string.CompareOrdinal(a.CareType.Word(), b.CareType.Word());
        if (c != 0) return c;
        c = string.CompareOrdinal(a.ProductCode ?? "", b.ProductCode ?? "");
        if (c != 0) return c;
        c = a.Municipality.CompareTo(b.Municipality);
        return c != 0 ? c : a.Id.CompareTo(b.Id);
    }

    /// <summary>Sorts segments by youth and then <see cref="EarliestStarting"/>. Sorting on a 64-bit key
    /// first keeps this fast for millions of rows; only equal keys fall back to the full comparison.</summary>
    public static void SortByYouthAndStart(Segment[] segments)
    {
        if (IsSorted(segments)) return;
        var keys = new long[segments.Length];
        for (var i = 0; i < segments.Length; i++) keys[i] = Key(segments[i]);
        Array.Sort(keys, segments);
        // Runs of equal (youth, start) are short: settle their ties in place.
        var runStart = 0;
        for (var i = 1; i <= segments.Length; i++)
        {
            if (i < segments.Length && keys[i] == keys[runStart]) continue;
            if (i - runStart > 1) Array.Sort(segments, runStart, i - runStart, Comparer);
            runStart = i;
        }
    }

    private static readonly IComparer<Segment> Comparer = Comparer<Segment>.Create((a, b) => EarliestStarting(a, b));

    private static long Key(in Segment s) => ((long)s.YouthId << 32) | (uint)s.Start.DayNumber;

    private static bool IsSorted(Segment[] segments)
    {
        for (var i = 1; i < segments.Length; i++)
        {
            var c = segments[i - 1].YouthId.CompareTo(segments[i].YouthId);
            if (c > 0 || (c == 0 && EarliestStarting(segments[i - 1], segments[i]) > 0)) return false;
        }
        return true;
    }
}

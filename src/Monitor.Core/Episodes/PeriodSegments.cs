using Monitor.Core.Domain;

namespace Monitor.Core.Episodes;

/// <summary>
/// The segments one period's measurement can need, out of a whole store: every segment of each youth who has a
/// segment reaching into the period or starting within the gap after it. A report measures each covered year at
/// its own as-of date; building that year's episodes for these youths alone gives the same measurement as
/// building them for everyone, at a fraction of the work and memory.
/// </summary>
/// <remarks>
/// Why no youth is missed: a measurement reads only episodes that overlap the period (the cohort, the quarterly
/// flows) and, for their youths, all their episodes and segments (costs of all stays, care around a stay, crises).
/// Such an episode starts on or before the period's last day T and counts to on or after its first day F. Take its
/// last segment starting on or before T. If any of the episode's segments up to that one ends on or after F, that
/// segment starts by T and ends by F: it reaches into the period. Otherwise the episode goes on with a segment that
/// starts after T, within the gap of those ends (before F + gap + 1, so by T + gap + 1), and ends after T. A
/// segment's end counted by an episode is never later than its stored end (the as-of date cuts it), and a running
/// segment reaches every later day, so testing stored ends of all care types errs only on the side of more youths.
/// </remarks>
public static class PeriodSegments
{
    public static Segment[] Of(ReadOnlySpan<Segment> segments, Period period, int gapDays)
    {
        var (first, last) = (period.From.DayNumber, period.To.DayNumber + gapDays + 1);
        bool Reaches(in Segment s) => s.StartDay <= last && s.EndDayOrMax >= first;

        // An analysis's array is in youth order (every episode order sorts by youth first): then each youth is one
        // run, kept or left whole, and kept runs are copied as blocks.
        var runs = new List<(int From, int To)>();
        var count = 0;
        for (var i = 0; i < segments.Length;)
        {
            var (from, youth, reaches) = (i, segments[i].YouthId, false);
            for (; i < segments.Length && segments[i].YouthId == youth; i++) reaches |= Reaches(segments[i]);
            if (i < segments.Length && segments[i].YouthId < youth) return OfAnyOrder(segments, Reaches);
            if (!reaches) continue;
            if (runs.Count > 0 && runs[^1].To == from) runs[^1] = (runs[^1].From, i);
            else runs.Add((from, i));
            count += i - from;
        }
        var part = new Segment[count];
        var at = 0;
        foreach (var (from, to) in runs)
        {
            segments[from..to].CopyTo(part.AsSpan(at));
            at += to - from;
        }
        return part;
    }

    private delegate bool SegmentTest(in Segment segment);

    private static Segment[] OfAnyOrder(ReadOnlySpan<Segment> segments, SegmentTest reaches)
    {
        var youths = new HashSet<int>();
        foreach (ref readonly var s in segments)
            if (reaches(s)) youths.Add(s.YouthId);
        var part = new List<Segment>();
        foreach (ref readonly var s in segments)
            if (youths.Contains(s.YouthId)) part.Add(s);
        return part.ToArray();
    }
}

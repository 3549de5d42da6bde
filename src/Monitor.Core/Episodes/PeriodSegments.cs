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
        var (minYouth, maxYouth) = (int.MaxValue, int.MinValue);
        foreach (ref readonly var s in segments) (minYouth, maxYouth) = (Math.Min(minYouth, s.YouthId), Math.Max(maxYouth, s.YouthId));
        // A store numbers its youths 1, 2, 3, …: a flag per number. Other numbers (tests) go in a set.
        var dense = minYouth >= 0 && maxYouth <= 4L * segments.Length + 1024;
        var flags = dense ? new bool[maxYouth + 1] : [];
        var set = dense ? null : new HashSet<int>();
        foreach (ref readonly var s in segments)
            if (s.StartDay <= last && s.EndDayOrMax >= first)
            {
                if (set is null) flags[s.YouthId] = true;
                else set.Add(s.YouthId);
            }
        bool Wanted(int youth) => set is null ? flags[youth] : set.Contains(youth);
        var count = 0;
        foreach (ref readonly var s in segments)
            if (Wanted(s.YouthId)) count++;
        var part = new Segment[count];
        var i = 0;
        foreach (ref readonly var s in segments)
            if (Wanted(s.YouthId)) part[i++] = s;
        return part;
    }
}

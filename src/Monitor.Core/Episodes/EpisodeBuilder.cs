using Monitor.Core.Domain;

namespace Monitor.Core.Episodes;

/// <summary>
/// Merges a store's segments into stay episodes (PROTOCOL.md 4). Pure: the same segments and rules give
/// the same episodes, whatever order the segments come in.
/// </summary>
public static class EpisodeBuilder
{
    public static EpisodeSet Build(IEnumerable<Segment> segments, EpisodeRules rules) => Build(segments.ToArray(), rules);

    /// <summary>Builds the episodes over <paramref name="segments"/>, which it sorts in place and keeps
    /// (no copy of millions of rows). Episode sets built from one array must share the as-of date and the
    /// residential set, which decide the order.</summary>
    public static EpisodeSet Build(Segment[] segments, EpisodeRules rules) => Build(segments, rules, null);

    /// <summary>The same, taking over the episodes of <paramref name="earlier"/> for the youths whose
    /// segments did not change since and for whom they still hold (<see cref="EarlierEpisodes.Applies"/>):
    /// the result is the same as without them.</summary>
    public static EpisodeSet Build(Segment[] segments, EpisodeRules rules, EarlierEpisodes? earlier)
    {
        if (rules.GapDays < 0) throw new InvalidRequestException($"gap days cannot be negative ({rules.GapDays})");
        SegmentOrder.Sort(segments, rules);

        // Youths are independent: two halves, split between youths, are built side by side (two cores).
        var middle = segments.Length / 2;
        while (middle > 0 && middle < segments.Length && segments[middle].YouthId == segments[middle - 1].YouthId) middle++;
        (int From, int To)[] halves = [(0, middle), (middle, segments.Length)];
        var built = new List<Episode>[halves.Length];
        Parallel.For(0, halves.Length, h => built[h] = BuildRange(segments, halves[h].From, halves[h].To, rules, earlier));
        // One list of exactly their number: growing the first half's would copy it into fresh memory twice its size.
        var episodes = new List<Episode>(built[0].Count + built[1].Count);
        episodes.AddRange(built[0]);
        episodes.AddRange(built[1]);
        foreach (var e in episodes) e.Attach(segments, rules.AsOf);
        return new EpisodeSet(rules, segments, episodes);
    }

    private static List<Episode> BuildRange(Segment[] segments, int from, int to, EpisodeRules rules, EarlierEpisodes? earlier)
    {
        var episodes = new List<Episode>((to - from) / 3 + 1);
        var i = from;
        while (i < to)
        {
            // A youth's residential segments in scope come first in its range.
            var first = i;
            var youth = segments[first].YouthId;
            while (i < to && segments[i].YouthId == youth && SegmentOrder.Group(segments[i], rules) == 0) i++;
            var residential = i;
            while (i < to && segments[i].YouthId == youth) i++;
            if (residential == first) continue;
            if (earlier is not null && earlier.Applies(rules.AsOf, segments.AsSpan(first, i - first), rules)
                                    && earlier.TryAdd(youth, first, episodes)) continue;
            AddEpisodesOfYouth(segments, first, residential - first, rules, episodes);
        }
        return episodes;
    }

    /// <summary>The gap rule: walking a youth's segments by start, a segment joins the current episode
    /// when it starts no later than <c>running_end + gap_days + 1</c>, the running end being the latest
    /// end so far (open = infinity).</summary>
    private static void AddEpisodesOfYouth(Segment[] segments, int first, int count, EpisodeRules rules, List<Episode> episodes)
    {
        // A youth's birth date is that of their first residential segment.
        var birthDate = segments[first].BirthDate;
        var episodeStart = first;
        var runningEnd = rules.EffectiveEnd(segments[first]);
        var open = rules.IsOpen(segments[first]);
        for (var i = first + 1; i <= first + count; i++)
        {
            if (i < first + count)
            {
                var s = segments[i];
                if (open || s.Start.DayNumber <= runningEnd.DayNumber + rules.GapDays + 1)
                {
                    open |= rules.IsOpen(s);
                    if (rules.EffectiveEnd(s) > runningEnd) runningEnd = rules.EffectiveEnd(s);
                    continue;
                }
            }
            episodes.Add(Describe(segments, episodeStart, i - episodeStart, birthDate, open, runningEnd, rules));
            if (i < first + count)
            {
                episodeStart = i;
                runningEnd = rules.EffectiveEnd(segments[i]);
                open = rules.IsOpen(segments[i]);
            }
        }
    }

    private static Episode Describe(Segment[] all, int first, int count, DateOnly birthDate, bool open,
        DateOnly lastEnd, EpisodeRules rules)
    {
        var segments = all.AsSpan(first, count);
        var start = segments[0].Start;
        var lastDay = open ? rules.AsOf : lastEnd;

        var cost = 0m;
        var withoutCost = 0;
        foreach (var s in segments)
        {
            var segmentCost = s.Amount ?? rules.Tariffs.Cost(s.CareType, s.Start, rules.EffectiveEnd(s));
            if (segmentCost is null) withoutCost++;
            cost += segmentCost ?? 0;
        }

        return new Episode
        {
            YouthId = segments[0].YouthId,
            BirthDate = birthDate,
            Start = start,
            End = open ? null : lastEnd,
            DurationDays = lastDay.DayNumber - start.DayNumber + 1,
            ProviderCount = DistinctProviders(segments, stackalloc int[Math.Min(segments.Length, 64)]).Length,
            PlacementMoves = PlacementMoves.Count(segments, rules),
            Cost = cost,
            SegmentsWithoutCost = withoutCost,
            Municipality = segments[0].Municipality, // the sort puts the protocol's earliest-starting segment first
            FirstSegment = first,
            SegmentCount = count,
        };
    }

    /// <summary>The distinct providers of the segments, ascending, in <paramref name="buffer"/> when it is large
    /// enough (an episode has a handful).</summary>
    private static Span<int> DistinctProviders(ReadOnlySpan<Segment> segments, Span<int> buffer)
    {
        if (buffer.Length < segments.Length) buffer = new int[segments.Length];
        var count = 0;
        foreach (var s in segments)
            if (!buffer[..count].Contains(s.Provider)) buffer[count++] = s.Provider;
        var providers = buffer[..count];
        providers.Sort();
        return providers;
    }

    /// <summary>For each provider, the distinct days its segments cover, censored at the as-of date
    /// (<see cref="Episode.Involvement"/>).</summary>
    /// <param name="segments">An episode's segments, in start order.</param>
    public static ProviderInvolvement[] Involvement(ReadOnlySpan<Segment> segments, DateOnly asOf)
    {
        var buffer = segments.Length <= 64 ? stackalloc ProviderInvolvement[segments.Length] : new ProviderInvolvement[segments.Length];
        return buffer[..Involvement(segments, asOf.DayNumber, buffer)].ToArray();
    }

    /// <summary>As above, written into <paramref name="into"/> (at least one entry per segment: there are no more
    /// providers than segments); returns how many. A measurement asks this of every cohort episode: no array each time.</summary>
    internal static int Involvement(ReadOnlySpan<Segment> segments, int asOfDay, Span<ProviderInvolvement> into)
    {
        var providers = DistinctProviders(segments, stackalloc int[Math.Min(segments.Length, 64)]);
        for (var p = 0; p < providers.Length; p++)
        {
            // Segments are sorted by start, so one pass merges overlapping intervals (day numbers, inclusive).
            var days = 0;
            int runStart = 0, runEnd = 0;
            var inRun = false;
            foreach (ref readonly var s in segments)
            {
                if (s.Provider != providers[p]) continue;
                var end = Math.Min(s.EndDayOrMax, asOfDay);
                if (inRun && s.StartDay <= runEnd + 1)
                {
                    if (end > runEnd) runEnd = end;
                    continue;
                }
                if (inRun) days += runEnd - runStart + 1;
                (runStart, runEnd, inRun) = (s.StartDay, end, true);
            }
            if (inRun) days += runEnd - runStart + 1;
            into[p] = new ProviderInvolvement(providers[p], days);
        }
        return providers.Length;
    }
}

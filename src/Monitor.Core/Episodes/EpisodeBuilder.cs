using Monitor.Core.Domain;

namespace Monitor.Core.Episodes;

/// <summary>
/// Merges a store's segments into stay episodes (PROTOCOL.md 4). Pure: the same segments and rules give
/// the same episodes, whatever order the segments come in.
/// </summary>
public static class EpisodeBuilder
{
    public static EpisodeSet Build(IEnumerable<Segment> segments, EpisodeRules rules)
    {
        if (rules.GapDays < 0) throw new InvalidRequestException($"gap days cannot be negative ({rules.GapDays})");
        var all = segments.Where(s => s.Start <= rules.AsOf).ToArray();
        SegmentOrder.SortByYouthAndStart(all);
        var residential = Array.FindAll(all, s => rules.IsResidential(s.CareType));

        var episodes = new List<Episode>(residential.Length / 3 + 1);
        var youthStart = 0;
        for (var i = 1; i <= residential.Length; i++)
        {
            if (i < residential.Length && residential[i].YouthId == residential[youthStart].YouthId) continue;
            AddEpisodesOfYouth(residential, youthStart, i - youthStart, rules, episodes);
            youthStart = i;
        }
        return new EpisodeSet(rules, all, residential, episodes);
    }

    /// <summary>The gap rule: walking a youth's segments by start, a segment joins the current episode
    /// when it starts no later than <c>running_end + gap_days + 1</c>, the running end being the latest
    /// end so far (open = infinity).</summary>
    private static void AddEpisodesOfYouth(Segment[] residential, int first, int count, EpisodeRules rules, List<Episode> episodes)
    {
        // A youth's birth date is that of their first residential segment.
        var birthDate = residential[first].BirthDate;
        var episodeStart = first;
        var runningEnd = rules.EffectiveEnd(residential[first]);
        var open = rules.IsOpen(residential[first]);
        for (var i = first + 1; i <= first + count; i++)
        {
            if (i < first + count)
            {
                var s = residential[i];
                if (open || s.Start.DayNumber <= runningEnd.DayNumber + rules.GapDays + 1)
                {
                    open |= rules.IsOpen(s);
                    if (rules.EffectiveEnd(s) > runningEnd) runningEnd = rules.EffectiveEnd(s);
                    continue;
                }
            }
            episodes.Add(Describe(residential, episodeStart, i - episodeStart, birthDate, open, runningEnd, rules));
            if (i < first + count)
            {
                episodeStart = i;
                runningEnd = rules.EffectiveEnd(residential[i]);
                open = rules.IsOpen(residential[i]);
            }
        }
    }

    private static Episode Describe(Segment[] residential, int first, int count, DateOnly birthDate, bool open,
        DateOnly lastEnd, EpisodeRules rules)
    {
        var segments = residential.AsSpan(first, count);
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

        var involvement = Involvement(segments, rules);
        return new Episode
        {
            YouthId = segments[0].YouthId,
            BirthDate = birthDate,
            Start = start,
            End = open ? null : lastEnd,
            DurationDays = lastDay.DayNumber - start.DayNumber + 1,
            ProviderCount = involvement.Length,
            PlacementMoves = PlacementMoves.Count(segments, rules),
            Cost = cost,
            SegmentsWithoutCost = withoutCost,
            Municipality = segments[0].Municipality, // the sort puts the protocol's earliest-starting segment first
            Involvement = involvement,
            FirstSegment = first,
            SegmentCount = count,
        };
    }

    /// <summary>For each provider, the distinct days its segments cover, censored at the as-of date.</summary>
    private static ProviderInvolvement[] Involvement(ReadOnlySpan<Segment> segments, EpisodeRules rules)
    {
        var providers = new List<int>(4);
        foreach (var s in segments)
            if (!providers.Contains(s.Provider)) providers.Add(s.Provider);
        providers.Sort();

        var result = new ProviderInvolvement[providers.Count];
        for (var p = 0; p < providers.Count; p++)
        {
            // Segments are sorted by start, so one pass merges overlapping intervals.
            var days = 0;
            var runStart = DateOnly.MinValue;
            var runEnd = DateOnly.MinValue;
            var inRun = false;
            foreach (var s in segments)
            {
                if (s.Provider != providers[p]) continue;
                var end = rules.EffectiveEnd(s);
                if (inRun && s.Start.DayNumber <= runEnd.DayNumber + 1)
                {
                    if (end > runEnd) runEnd = end;
                    continue;
                }
                if (inRun) days += runEnd.DayNumber - runStart.DayNumber + 1;
                (runStart, runEnd, inRun) = (s.Start, end, true);
            }
            if (inRun) days += runEnd.DayNumber - runStart.DayNumber + 1;
            result[p] = new ProviderInvolvement(providers[p], days);
        }
        return result;
    }
}

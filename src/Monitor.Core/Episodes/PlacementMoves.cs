using Monitor.Core.Domain;

namespace Monitor.Core.Episodes;

/// <summary>
/// How often the provider responsible for a stay changes (PROTOCOL.md 4, <c>placement_moves</c>).
/// The protocol defines it as a walk over the episode's days; this walks from one change of coverage to
/// the next instead, which gives the same count without visiting every day of a years-long stay.
/// </summary>
public static class PlacementMoves
{
    /// <param name="segments">The episode's segments, sorted by <see cref="SegmentOrder.EarliestStarting"/>.</param>
    public static int Count(ReadOnlySpan<Segment> segments, EpisodeRules rules)
    {
        if (segments.IsEmpty) return 0;
        var lastDay = DateOnly.MinValue;
        foreach (var s in segments)
            if (rules.EffectiveEnd(s) > lastDay) lastDay = rules.EffectiveEnd(s);

        // First day: the provider of the earliest-starting segment (ties: lowest provider code).
        var responsible = segments[0].Provider;
        var day = segments[0].Start;
        var moves = 0;
        while (true)
        {
            var runEnd = EndOfCoverage(segments, responsible, day, rules);
            var next = runEnd.AddDays(1);
            if (next > lastDay) return moves;

            if (FirstCovering(segments, next, rules) is { } taker)
            {
                // Covered by others, not by the responsible provider: responsibility passes.
                responsible = taker;
                moves++;
                day = next;
                continue;
            }

            // A gap inside the episode: the responsible provider stays responsible across it. The next
            // covered day is the next start; only starts can end a gap.
            var resume = DateOnly.MaxValue;
            foreach (var s in segments)
                if (s.Start > next && s.Start < resume) resume = s.Start;
            var stays = false;
            foreach (var s in segments)
                if (s.Provider == responsible && s.Start == resume) stays = true;
            if (!stays)
            {
                responsible = FirstCovering(segments, resume, rules)!.Value;
                moves++;
            }
            day = resume;
        }
    }

    /// <summary>The last day of the unbroken run of days, from <paramref name="day"/> on, that
    /// <paramref name="provider"/>'s segments cover.</summary>
    private static DateOnly EndOfCoverage(ReadOnlySpan<Segment> segments, int provider, DateOnly day, EpisodeRules rules)
    {
        var runEnd = day.AddDays(-1);
        foreach (var s in segments)
        {
            if (s.Provider != provider) continue;
            if (s.Start > runEnd.AddDays(1)) break; // sorted by start: nothing later can extend the run
            var end = rules.EffectiveEnd(s);
            if (end > runEnd) runEnd = end;
        }
        return runEnd;
    }

    /// <summary>The provider of the earliest-starting segment covering <paramref name="day"/> (ties: lowest
    /// provider code, which the sort order already puts first).</summary>
    private static int? FirstCovering(ReadOnlySpan<Segment> segments, DateOnly day, EpisodeRules rules)
    {
        foreach (var s in segments)
        {
            if (s.Start > day) break;
            if (rules.EffectiveEnd(s) >= day) return s.Provider;
        }
        return null;
    }
}

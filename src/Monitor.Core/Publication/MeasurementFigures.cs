using System.Buffers;
using Monitor.Core.Domain;
using Monitor.Core.Episodes;
using Monitor.Core.Measurements;

namespace Monitor.Core.Publication;

/// <summary>
/// The figures of a measurement (PROTOCOL.md 5) and of a comparison (6) as a publication holds them: each
/// under its protocol key with a prefix (<c>baseline.counts.youths</c>), each statistic with the number of
/// youths it rests on, and the relations that hold in every measurement (PROTOCOL.md 8).
/// </summary>
public static class MeasurementFigures
{
    /// <summary>Adds every figure of <paramref name="m"/> under <paramref name="prefix"/>, and its relations.</summary>
    public static void Add(FigureSet set, string prefix, Measurement m, ReferenceData reference)
    {
        string K(string key) => prefix + "." + key;
        var cohort = m.Cohort;
        var ongoing = cohort.Episodes.Where(e => e.Ongoing).ToList();
        var closed = cohort.Episodes.Where(e => !e.Ongoing).ToList();
        var all = Youths(cohort.Episodes);

        var c = m.Counts;
        set.Count(K("counts.youths"), c.Youths).Count(K("counts.episodes"), c.Episodes)
            .Count(K("counts.exited_in_period"), c.ExitedInPeriod).Count(K("counts.exited_by_as_of"), c.ExitedByAsOf)
            .Count(K("counts.ongoing_at_as_of"), c.OngoingAtAsOf).Count(K("counts.entries_in_period"), c.EntriesInPeriod)
            .Count(K("counts.aged_12_or_younger"), c.Aged12OrYounger).Count(K("counts.short_episodes"), c.ShortEpisodes)
            .Count(K("counts.single_provider_episodes"), c.SingleProviderEpisodes);

        var d = m.Duration;
        set.Statistic(K("duration_days.mean_all"), d.MeanAll, all)
            .Statistic(K("duration_days.median_all"), d.MedianAll, all)
            .Statistic(K("duration_days.mean_exited_in_period"), d.MeanExitedInPeriod, Youths(cohort.ExitedInPeriod))
            .Statistic(K("duration_days.mean_exited_by_as_of"), d.MeanExitedByAsOf, Youths(closed))
            .Statistic(K("duration_days.mean_ongoing_at_as_of"), d.MeanOngoingAtAsOf, Youths(ongoing))
            .Statistic(K("duration_days.mean_short"), d.MeanShort, Youths(cohort.Episodes.Where(e => e.DurationDays < 30)))
            .Statistic(K("duration_days.mean_not_short"), d.MeanNotShort, Youths(cohort.Episodes.Where(e => e.DurationDays >= 30)))
            .Statistic(K("duration_days.mean_top_n"), d.MeanTopN, Youths(cohort.TopN));

        var p = m.Providers;
        set.Statistic(K("providers.mean_per_multi_provider_episode"), p.MeanPerMultiProviderEpisode, Youths(cohort.Episodes.Where(e => e.ProviderCount > 1)))
            .Statistic(K("providers.mean_involved_per_episode"), p.MeanInvolvedPerEpisode, all)
            .Statistic(K("providers.mean_placement_moves"), p.MeanPlacementMoves, all)
            .Statistic(K("providers.moves_per_1000_days"), p.MovesPer1000Days, all);
        // Each episode's sectors as bits, worked out once: an episode of a set works its involvement out anew each time it is asked.
        var sectorsOf = p.MeanInvolvementDaysBySector.Count == 0 ? [] : cohort.Episodes.Select(e => SectorBits(e, reference)).ToArray();
        foreach (var (sector, days) in p.MeanInvolvementDaysBySector)
        {
            var youths = Youths(cohort.Episodes.Where((_, i) => (sectorsOf[i] & 1 << (int)sector) != 0));
            set.Statistic(K($"providers.mean_involvement_days_by_sector.{sector.Word()}"), days, youths);
        }

        var cost = m.Cost;
        var ongoingYouths = Youths(ongoing);
        set.Statistic(K("cost_eur.mean_episode"), (double?)cost.MeanEpisode, all)
            .Statistic(K("cost_eur.mean_episode_ongoing"), (double?)cost.MeanEpisodeOngoing, ongoingYouths)
            .Statistic(K("cost_eur.mean_all_episodes_per_youth"), (double?)cost.MeanAllEpisodesPerYouth, all)
            .Statistic(K("cost_eur.mean_all_episodes_per_youth_ongoing"), (double?)cost.MeanAllEpisodesPerYouthOngoing, ongoingYouths)
            .Statistic(K("cost_eur.mean_top_n"), (double?)cost.MeanTopN, Youths(cohort.TopN))
            .Statistic(K("cost_eur.mean_ambulant_per_youth"), (double?)cost.MeanAmbulantPerYouth, all)
            .Statistic(K("age.mean_at_as_of_top_n"), m.MeanAgeAtAsOfTopN, Youths(cohort.TopN));

        AddEntryCohort(set, K("entry_cohort"), m.EntryCohort, Youths(cohort.Entries));
        AddEntryCohort(set, K("entry_cohort_8plus"), m.EntryCohort8Plus, Youths(cohort.Entries8Plus));

        // The relations of PROTOCOL.md 8 that hold in every measurement.
        set.Sum(K("counts.episodes"), K("counts.exited_by_as_of"), K("counts.ongoing_at_as_of"));
        set.Sum(K("counts.entries_in_period"), K("entry_cohort.episodes"));
    }

    /// <summary>Both measurements of a comparison (under <c>baseline</c> and <c>followup</c>), the change of
    /// every figure (<c>change.KEY</c>, and <c>change_percent.KEY</c> for counts), and the tests.</summary>
    public static void Add(FigureSet set, Comparison comparison, ReferenceData reference)
    {
        Add(set, "baseline", comparison.Baseline, reference);
        Add(set, "followup", comparison.Followup, reference);
        foreach (var key in set.Figures.Where(f => f.Key.StartsWith("baseline.", StringComparison.Ordinal)).Select(f => f.Key["baseline.".Length..]).ToList())
        {
            if (!set.Contains("followup." + key)) continue;
            set.Difference("change." + key, "baseline." + key, "followup." + key);
            if (set["baseline." + key].Kind == FigureKind.Count)
                set.Difference("change_percent." + key, "baseline." + key, "followup." + key, relative: true);
        }
        AddTests(set, "tests", comparison);
    }

    /// <summary>The tests of a comparison (PROTOCOL.md 6) under <paramref name="prefix"/> (<c>tests</c> for baseline
    /// against follow-up; another prefix for two regions). A test rests on both samples: it needs enough youths in each.</summary>
    public static void AddTests(FigureSet set, string prefix, Comparison comparison)
    {
        var exits = Math.Min(Youths(comparison.Baseline.Cohort.ExitedInPeriod), Youths(comparison.Followup.Cohort.ExitedInPeriod));
        var entries = Math.Min(Youths(comparison.Baseline.Cohort.Entries), Youths(comparison.Followup.Cohort.Entries));
        set.Statistic(prefix + ".duration_exited.mann_whitney_u", comparison.DurationExited?.U, exits);
        set.Statistic(prefix + ".duration_exited.p_value", comparison.DurationExited?.PValue, exits);
        set.Statistic(prefix + ".entry_cohort.logrank_chi2", comparison.EntryCohort?.ChiSquare, entries);
        set.Statistic(prefix + ".entry_cohort.p_value", comparison.EntryCohort?.PValue, entries);
    }

    private static void AddEntryCohort(FigureSet set, string prefix, EntryCohortFigures f, int youths) =>
        set.Count(prefix + ".episodes", f.Episodes).Count(prefix + ".exited", f.Exited)
            .Statistic(prefix + ".km_median_days", f.KmMedianDays, youths)
            .Statistic(prefix + ".km_q1_days", f.KmQ1Days, youths)
            .Statistic(prefix + ".km_q3_days", f.KmQ3Days, youths);

    private static int SectorBits(Episode episode, ReferenceData reference)
    {
        var bits = 0;
        foreach (var involvement in episode.Involvement) bits |= 1 << (int)reference.SectorOf(involvement.Provider);
        return bits;
    }

    /// <summary>Distinct youths among episodes: what a statistic over them rests on.</summary>
    /// <remarks>Episodes mostly come in order of youth (an episode set's order, and any part of it): then counting
    /// where the youth changes is enough, with no set of every youth seen (a report counts youths some hundred
    /// times over cohorts of a million episodes). Otherwise the numbers are sorted.</remarks>
    public static int Youths(IEnumerable<Episode> episodes)
    {
        var ids = ArrayPool<int>.Shared.Rent(episodes.TryGetNonEnumeratedCount(out var known) ? Math.Max(known, 16) : 1024);
        try
        {
            var (count, ascending) = (0, true);
            foreach (var episode in episodes)
            {
                if (count == ids.Length)
                {
                    var larger = ArrayPool<int>.Shared.Rent(2 * count);
                    ids.AsSpan(0, count).CopyTo(larger);
                    ArrayPool<int>.Shared.Return(ids);
                    ids = larger;
                }
                if (count > 0 && episode.YouthId < ids[count - 1]) ascending = false;
                ids[count++] = episode.YouthId;
            }
            var span = ids.AsSpan(0, count);
            if (!ascending) span.Sort();
            var youths = 0;
            for (var i = 0; i < span.Length; i++)
                if (i == 0 || span[i] != span[i - 1]) youths++;
            return youths;
        }
        finally
        {
            ArrayPool<int>.Shared.Return(ids);
        }
    }
}

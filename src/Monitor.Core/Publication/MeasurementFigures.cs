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
        var parts = PartYouths.Of(cohort.Episodes, reference, sectors: m.Providers.MeanInvolvementDaysBySector.Count > 0);
        var all = parts[Part.All];

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
            .Statistic(K("duration_days.mean_exited_by_as_of"), d.MeanExitedByAsOf, parts[Part.Closed])
            .Statistic(K("duration_days.mean_ongoing_at_as_of"), d.MeanOngoingAtAsOf, parts[Part.Ongoing])
            .Statistic(K("duration_days.mean_short"), d.MeanShort, parts[Part.Short])
            .Statistic(K("duration_days.mean_not_short"), d.MeanNotShort, parts[Part.NotShort])
            .Statistic(K("duration_days.mean_top_n"), d.MeanTopN, Youths(cohort.TopN));

        var p = m.Providers;
        set.Statistic(K("providers.mean_per_multi_provider_episode"), p.MeanPerMultiProviderEpisode, parts[Part.MultiProvider])
            .Statistic(K("providers.mean_involved_per_episode"), p.MeanInvolvedPerEpisode, all)
            .Statistic(K("providers.mean_placement_moves"), p.MeanPlacementMoves, all)
            .Statistic(K("providers.moves_per_1000_days"), p.MovesPer1000Days, all);
        foreach (var (sector, days) in p.MeanInvolvementDaysBySector)
            set.Statistic(K($"providers.mean_involvement_days_by_sector.{sector.Word()}"), days, parts[Part.Sector + (int)sector]);

        var cost = m.Cost;
        var ongoingYouths = parts[Part.Ongoing];
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
        AddChanges(set, comparison);
    }

    /// <summary>The changes and the tests of a comparison whose measurements' figures are in <paramref name="set"/>
    /// already (under <c>baseline</c> and <c>followup</c>, as <see cref="Add(FigureSet, string, Measurement, ReferenceData)"/>
    /// adds them): what <see cref="Add(FigureSet, Comparison, ReferenceData)"/> adds besides them.</summary>
    public static void AddChanges(FigureSet set, Comparison comparison)
    {
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

    /// <summary>The parts of a cohort whose distinct youths a statistic rests on (<see cref="Sector"/> + a sector: the
    /// episodes with a provider of that sector).</summary>
    private static class Part
    {
        public const int All = 0, Ongoing = 1, Closed = 2, Short = 3, NotShort = 4, MultiProvider = 5, Sector = 6;
    }

    /// <summary>
    /// The distinct youths of every <see cref="Part"/> of a cohort, from one pass over its episodes: which parts each
    /// episode is in, as bits, with its youth. A report asks this of some twenty measurements of up to a million
    /// episodes; asking each part's episodes apart went to every episode (an object somewhere in memory) a dozen
    /// times, and worked each episode's involvement out anew for each sector.
    /// </summary>
    private static class PartYouths
    {
        public static int[] Of(IReadOnlyList<Episode> episodes, ReferenceData reference, bool sectors)
        {
            var parts = Part.Sector + (sectors ? Enum.GetValues<Sector>().Length : 0);
            var (ids, bits) = (new int[episodes.Count], new int[episodes.Count]);
            var ascending = true;
            Span<ProviderInvolvement> buffer = stackalloc ProviderInvolvement[64];
            for (var i = 0; i < episodes.Count; i++)
            {
                var e = episodes[i];
                ids[i] = e.YouthId;
                if (i > 0 && ids[i] < ids[i - 1]) ascending = false;
                var b = 1 << Part.All | 1 << (e.Ongoing ? Part.Ongoing : Part.Closed) | 1 << (e.DurationDays < 30 ? Part.Short : Part.NotShort);
                if (e.ProviderCount > 1) b |= 1 << Part.MultiProvider;
                if (sectors)
                    foreach (var involvement in e.InvolvementIn(buffer))
                        b |= 1 << (Part.Sector + (int)reference.SectorOf(involvement.Provider));
                bits[i] = b;
            }
            var youths = new int[parts];
            if (ascending)
            {
                // A youth's episodes are side by side: a part gains a youth where it meets one it did not have last.
                var last = new int[parts];
                Array.Fill(last, int.MinValue);
                for (var i = 0; i < ids.Length; i++)
                    for (var (b, part) = (bits[i], 0); b != 0; b >>= 1, part++)
                        if ((b & 1) != 0 && last[part] != ids[i]) (last[part], youths[part]) = (ids[i], youths[part] + 1);
            }
            else
            {
                for (var part = 0; part < parts; part++)
                {
                    var seen = new HashSet<int>();
                    for (var i = 0; i < ids.Length; i++)
                        if ((bits[i] & 1 << part) != 0) seen.Add(ids[i]);
                    youths[part] = seen.Count;
                }
            }
            return youths;
        }
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

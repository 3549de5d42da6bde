using Monitor.Core.Measurements;

namespace Monitor.Core.Publication;

/// <summary>
/// The outcome figures of docs/outcomes.md as a publication holds them, under <c>PREFIX.outcomes.…</c>, with
/// their relations: quarterly entries add up to <c>counts.entries_in_period</c> and exits to
/// <c>counts.exited_in_period</c>; end reasons add up to the ended trajectories (PROTOCOL.md 8); the ROM
/// classes add up to the pairs; "hersteld" is there twice, by crossing the cut-off alone (<c>recovered_share</c>)
/// and by Jacobson–Truax (<c>recovered_jt_share</c>). Rates are shares of a count (or of the residential days) over the
/// population, so they are hidden with their numerator.
/// </summary>
public static class OutcomeFigures
{
    public static void Add(FigureSet set, string prefix, Measurement m)
    {
        if (m.Outcomes is not { } o) return;
        string K(string key) => prefix + "." + key;
        var youths = MeasurementFigures.Youths(m.Cohort.Episodes);
        set.Statistic(K("outcomes.residential_days"), o.ResidentialDays, youths);
        set.Add(new Figure(K("outcomes.population"), FigureKind.Count, o.Population));
        set.Share(K("outcomes.residential_days_per_1000"), o.ResidentialDaysPer1000, K("outcomes.residential_days"), K("outcomes.population"));
        set.Share(K("outcomes.entries_per_1000"), o.EntriesPer1000, K("counts.entries_in_period"), K("outcomes.population"));
        set.Count(K("outcomes.in_care_at_period_end"), o.InCareAtPeriodEnd);
        set.Share(K("outcomes.in_care_at_period_end_per_1000"), o.InCareAtPeriodEndPer1000, K("outcomes.in_care_at_period_end"), K("outcomes.population"));

        foreach (var q in o.Flows)
        {
            set.Count(K($"outcomes.flows.{q.Quarter}.entries"), q.Entries).Count(K($"outcomes.flows.{q.Quarter}.exits"), q.Exits)
                .Count(K($"outcomes.flows.{q.Quarter}.in_care_at_end"), q.InCareAtEnd);
        }
        // Every episode that starts (ends) in the period is in the cohort, so the quarters add up exactly.
        set.Sum(K("counts.entries_in_period"), o.Flows.Select(q => K($"outcomes.flows.{q.Quarter}.entries")).ToArray());
        set.Sum(K("counts.exited_in_period"), o.Flows.Select(q => K($"outcomes.flows.{q.Quarter}.exits")).ToArray());

        var c = o.Crisis;
        set.Count(K("outcomes.crisis.crisis_segments_started"), c.CrisisSegmentsStarted)
            .Share(K("outcomes.crisis.crisis_segments_per_100_youths"), c.CrisisSegmentsPer100Youths, K("outcomes.crisis.crisis_segments_started"), K("counts.youths"))
            .Count(K("outcomes.crisis.cbs_started_as_crisis"), c.CbsStartedAsCrisis)
            .Share(K("outcomes.crisis.cbs_started_as_crisis_per_100_youths"), c.CbsStartedAsCrisisPer100Youths, K("outcomes.crisis.cbs_started_as_crisis"), K("counts.youths"));

        var e = o.Endings;
        set.Count(K("outcomes.endings.ended"), e.Ended).Count(K("outcomes.endings.as_planned"), e.AsPlanned)
            .Count(K("outcomes.endings.premature"), e.Premature).Count(K("outcomes.endings.other"), e.Other)
            .Count(K("outcomes.endings.unknown"), e.Unknown)
            .Sum(K("outcomes.endings.ended"), K("outcomes.endings.as_planned"), K("outcomes.endings.premature"), K("outcomes.endings.other"), K("outcomes.endings.unknown"))
            // The share's denominator is a count of its own, so that the rules can judge it.
            .Count(K("outcomes.endings.planned_or_premature"), e.AsPlanned + e.Premature)
            .Sum(K("outcomes.endings.planned_or_premature"), K("outcomes.endings.as_planned"), K("outcomes.endings.premature"))
            .Share(K("outcomes.endings.premature_share"), e.PrematureShare, K("outcomes.endings.premature"), K("outcomes.endings.planned_or_premature"));

        foreach (var r in o.Rom)
        {
            var p = K($"outcomes.rom.{RomKey(r.Instrument)}.{r.Informant.ToString().ToLowerInvariant()}");
            var n = r.YouthIds.Distinct().Count();
            int Of(double? share, int of) => share is { } s ? (int)Math.Round(s * of) : 0;
            set.Count(p + ".pairs", r.Pairs)
                .Statistic(p + ".mean_pre", r.MeanPre, n).Statistic(p + ".mean_post", r.MeanPost, n)
                .Statistic(p + ".mean_change", r.MeanChange, n).Statistic(p + ".effect_size_dz", r.EffectSizeDz, n)
                .Count(p + ".improved", Of(r.ImprovedShare, r.Pairs)).Count(p + ".unchanged", Of(r.UnchangedShare, r.Pairs))
                .Count(p + ".deteriorated", Of(r.DeterioratedShare, r.Pairs))
                .Sum(p + ".pairs", p + ".improved", p + ".unchanged", p + ".deteriorated")
                .Share(p + ".improved_share", r.ImprovedShare, p + ".improved", p + ".pairs")
                .Share(p + ".unchanged_share", r.UnchangedShare, p + ".unchanged", p + ".pairs")
                .Share(p + ".deteriorated_share", r.DeterioratedShare, p + ".deteriorated", p + ".pairs")
                .Count(p + ".started_clinical", r.StartedClinical)
                .Count(p + ".recovered", Of(r.RecoveredShare, r.StartedClinical))
                .Share(p + ".recovered_share", r.RecoveredShare, p + ".recovered", p + ".started_clinical")
                // "Hersteld" by Jacobson–Truax: a reliable improvement that also crosses the cut-off, beside crossing alone.
                .Count(p + ".recovered_jt", r.RecoveredReliably)
                .Share(p + ".recovered_jt_share", r.RecoveredReliablyShare, p + ".recovered_jt", p + ".started_clinical");
        }
    }

    /// <summary>An instrument's name as one part of a key (a dot would split it).</summary>
    public static string RomKey(string instrument) => instrument.Replace('.', '_').Replace(' ', '_');
}

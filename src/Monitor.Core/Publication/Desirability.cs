namespace Monitor.Core.Publication;

/// <summary>Whether a change is good news, bad news, or neither.</summary>
public enum Judgement
{
    Neutral,
    Better,
    Worse,
}

/// <summary>
/// Which way is better for a figure, in the programme's terms ("zo thuis mogelijk opgroeien": fewer and
/// shorter placements, fewer moves and crises, fewer premature endings). Colours and summary sentences
/// follow it: a change for the worse is never drawn or called good. Figures without a clear better way
/// (exits, short stays, ambulant cost, population) are neutral.
/// </summary>
public static class Desirability
{
    private static readonly HashSet<string> LowerIsBetter = new(StringComparer.Ordinal)
    {
        "counts.youths", "counts.episodes", "counts.entries_in_period", "counts.ongoing_at_as_of",
        "duration_days.mean_all", "duration_days.median_all", "duration_days.mean_exited_in_period", "duration_days.mean_exited_by_as_of",
        "duration_days.mean_ongoing_at_as_of", "duration_days.mean_top_n",
        "entry_cohort.km_median_days", "entry_cohort.km_q1_days", "entry_cohort.km_q3_days",
        "entry_cohort_8plus.km_median_days", "entry_cohort_8plus.km_q1_days", "entry_cohort_8plus.km_q3_days",
        "providers.mean_per_multi_provider_episode", "providers.mean_placement_moves", "providers.moves_per_1000_days",
        "cost_eur.mean_episode", "cost_eur.mean_episode_ongoing", "cost_eur.mean_all_episodes_per_youth",
        "cost_eur.mean_all_episodes_per_youth_ongoing", "cost_eur.mean_top_n",
        "outcomes.residential_days", "outcomes.residential_days_per_1000", "outcomes.entries_per_1000",
        "outcomes.in_care_at_period_end", "outcomes.in_care_at_period_end_per_1000",
        "outcomes.crisis.crisis_segments_started", "outcomes.crisis.crisis_segments_per_100_youths",
        "outcomes.crisis.cbs_started_as_crisis", "outcomes.crisis.cbs_started_as_crisis_per_100_youths",
        "outcomes.endings.premature", "outcomes.endings.premature_share",
    };

    /// <summary>+1 when a rise is good, −1 when a fall is good, 0 when neither (by the figure's protocol key, without prefix).</summary>
    public static int Sense(string key)
    {
        if (LowerIsBetter.Contains(key)) return -1;
        if (key.StartsWith("outcomes.rom.", StringComparison.Ordinal))
        {
            if (key.EndsWith(".improved_share", StringComparison.Ordinal) || key.EndsWith(".recovered_share", StringComparison.Ordinal)
                || key.EndsWith(".recovered_jt_share", StringComparison.Ordinal)) return 1;
            if (key.EndsWith(".deteriorated_share", StringComparison.Ordinal)) return -1;
        }
        return 0;
    }

    /// <summary>What a change of <paramref name="change"/> in figure <paramref name="key"/> means; no change is neutral.</summary>
    public static Judgement Of(string key, double change)
    {
        var sense = Sense(key);
        if (sense == 0 || change == 0) return Judgement.Neutral;
        return Math.Sign(change) == sense ? Judgement.Better : Judgement.Worse;
    }
}

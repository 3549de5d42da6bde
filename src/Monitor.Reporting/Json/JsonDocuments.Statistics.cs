using System.Text.Json;
using Monitor.Core.Measurements;
using Monitor.Core.Outcomes;
using Monitor.Core.Statistics;

namespace Monitor.Reporting.Json;

/// <summary>
/// The <c>statistics</c> object of the compare and did documents (issue 13, docs/research.md): intervals of
/// the changes, of the Kaplan–Meier medians and of the difference in differences, the pre-period trend check
/// and Jacobson–Truax "hersteld". Only new keys: every key the protocol defines stays as it was.
/// </summary>
public static partial class JsonDocuments
{
    private static void WriteStatistics(Utf8JsonWriter w, Comparison comparison, ComparisonStatistics s)
    {
        w.WriteStartObject("statistics");
        w.WriteNumber("level", ComparisonStatistics.Level);
        Bootstrap(w, s.Changes.Replicates, s.Changes.Seed);
        w.WriteStartObject("changes");
        foreach (var c in s.Changes.Changes)
        {
            w.WriteStartObject(c.Key);
            Number(w, "baseline", c.Baseline);
            Number(w, "followup", c.Followup);
            Number(w, "change", c.Change);
            Interval(w, c.Interval);
            w.WriteEndObject();
        }
        w.WriteEndObject();

        w.WriteStartObject("km_median");
        w.WriteString("method", "brookmeyer_crowley_log");
        foreach (var (name, entries, entries8) in new[] { ("baseline", s.BaselineEntries, s.BaselineEntries8Plus), ("followup", s.FollowupEntries, s.FollowupEntries8Plus) })
        {
            w.WriteStartObject(name);
            KmMedian(w, "entry_cohort", entries);
            KmMedian(w, "entry_cohort_8plus", entries8);
            w.WriteEndObject();
        }
        w.WriteEndObject();

        w.WriteStartObject("rom");
        foreach (var (name, m) in new[] { ("baseline", comparison.Baseline), ("followup", comparison.Followup) })
        {
            w.WriteStartArray(name);
            foreach (var r in m.Outcomes?.Rom ?? [])
            {
                w.WriteStartObject();
                w.WriteString("instrument", r.Instrument);
                w.WriteString("informant", r.Informant.Word());
                w.WriteNumber("pairs", r.Pairs);
                w.WriteNumber("started_clinical", r.StartedClinical);
                w.WriteNumber("recovered_jt", r.RecoveredReliably);
                Number(w, "recovered_jt_share", r.RecoveredReliablyShare);
                w.WriteEndObject();
            }
            w.WriteEndArray();
        }
        w.WriteEndObject();
        w.WriteEndObject();
    }

    private static void WriteStatistics(Utf8JsonWriter w, DidStatisticsResult s)
    {
        w.WriteStartObject("statistics");
        w.WriteNumber("level", ComparisonStatistics.Level);
        Bootstrap(w, s.Replicates, s.Seed);
        w.WriteStartObject("difference_in_differences");
        foreach (var d in s.Intervals)
        {
            w.WriteStartObject(d.Figure);
            Number(w, "estimate", d.DifferenceInDifferences);
            Interval(w, d.Interval);
            w.WriteEndObject();
        }
        w.WriteEndObject();
        w.WriteStartObject("pre_trends");
        w.WriteBoolean("available", s.Trends.Count > 0);
        if (s.Trends.Count == 0) w.WriteString("reason", "the data do not reach a full period before the baseline");
        foreach (var t in s.Trends)
        {
            w.WriteStartObject(t.Figure);
            w.WriteStartArray("periods");
            for (var i = 0; i < t.Periods.Count; i++)
            {
                w.WriteStartObject();
                w.WriteString("from", Date(t.Periods[i].From));
                w.WriteString("to", Date(t.Periods[i].To));
                Number(w, "difference_a_minus_b", t.Differences[i]);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            Number(w, "slope_per_period", t.Slope);
            Interval(w, t.Interval);
            if (t.Parallel is { } parallel) w.WriteBoolean("parallel", parallel);
            else w.WriteNull("parallel");
            w.WriteString("text_nl", t.Dutch);
            w.WriteString("text_en", t.English);
            w.WriteEndObject();
        }
        w.WriteEndObject();
        w.WriteEndObject();
    }

    private static void Bootstrap(Utf8JsonWriter w, int replicates, ulong seed)
    {
        w.WriteStartObject("bootstrap");
        w.WriteString("method", "poisson_weights_over_youths");
        w.WriteString("interval", "percentile");
        w.WriteNumber("replicates", replicates);
        w.WriteNumber("seed", seed);
        w.WriteEndObject();
    }

    private static void Interval(Utf8JsonWriter w, BootstrapInterval? interval)
    {
        Number(w, "ci_lower", interval?.Lower);
        Number(w, "ci_upper", interval?.Upper);
        Number(w, "ci_replicates", interval?.Replicates);
    }

    private static void KmMedian(Utf8JsonWriter w, string name, KmMedianInterval k)
    {
        w.WriteStartObject(name);
        w.WriteNumber("episodes", k.Episodes);
        w.WriteNumber("exited", k.Exited);
        Number(w, "km_median_days", k.MedianDays);
        Number(w, "ci_lower_days", k.Interval.Lower);
        Number(w, "ci_upper_days", k.Interval.Upper);
        w.WriteEndObject();
    }
}

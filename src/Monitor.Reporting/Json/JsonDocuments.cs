using System.Text;
using System.Text.Json;
using Monitor.Core.Domain;
using Monitor.Core.Measurements;
using Monitor.Core.Outcomes;

namespace Monitor.Reporting.Json;

/// <summary>
/// The JSON documents of PROTOCOL.md 7, written key by key so their shape reads like the protocol and
/// the same figures always give the same bytes. Numbers are unrounded; dates are yyyy-MM-dd.
/// </summary>
public static partial class JsonDocuments
{
    public const int ProtocolVersion = 2;

    private static readonly JsonWriterOptions Options = new() { Indented = true, NewLine = "\n" };

    public static string Measure(Measurement measurement) => Write(w => WriteMeasurement(w, measurement));

    public static string Compare(Comparison comparison) => Write(w =>
    {
        w.WriteStartObject();
        w.WriteNumber("protocol_version", ProtocolVersion);
        Number(w, "window_days", comparison.WindowDays);
        w.WritePropertyName("baseline");
        WriteMeasurement(w, comparison.Baseline);
        w.WritePropertyName("followup");
        WriteMeasurement(w, comparison.Followup);
        w.WriteStartObject("tests");
        w.WriteStartObject("duration_exited");
        Number(w, "mann_whitney_u", comparison.DurationExited?.U);
        Number(w, "p_value", comparison.DurationExited?.PValue);
        w.WriteEndObject();
        w.WriteStartObject("entry_cohort");
        Number(w, "logrank_chi2", comparison.EntryCohort?.ChiSquare);
        Number(w, "p_value", comparison.EntryCohort?.PValue);
        w.WriteEndObject();
        w.WriteEndObject();
        if (comparison.Statistics is { } statistics) WriteStatistics(w, comparison, statistics); // issue 13: new keys only
        w.WriteEndObject();
    });

    /// <summary>The difference-in-differences document of <c>monitor did</c> (docs/outcomes.md).</summary>
    public static string Did(DifferenceInDifferences did) => Write(w =>
    {
        var a = did.ABaseline;
        w.WriteStartObject();
        w.WriteNumber("protocol_version", ProtocolVersion);
        w.WriteStartArray("regions");
        w.WriteStringValue(did.RegionA);
        w.WriteStringValue(did.RegionB);
        w.WriteEndArray();
        w.WriteStartObject("baseline");
        w.WriteString("from", Date(a.Period.From));
        w.WriteString("to", Date(a.Period.To));
        w.WriteEndObject();
        w.WriteStartObject("followup");
        w.WriteString("from", Date(did.AFollowup.Period.From));
        w.WriteString("to", Date(did.AFollowup.Period.To));
        w.WriteEndObject();
        w.WriteString("as_of", Date(a.AsOf));
        w.WriteNumber("gap_days", a.GapDays);
        w.WriteStartObject("figures");
        foreach (var (name, figure) in new[] { ("residential_days_per_1000", did.ResidentialDaysPer1000), ("mean_stay_days", did.MeanStayDays) })
        {
            w.WriteStartObject(name);
            foreach (var (region, baseline, followup, change) in new[]
                     {
                         (did.RegionA, figure.ABaseline, figure.AFollowup, figure.AChange),
                         (did.RegionB, figure.BBaseline, figure.BFollowup, figure.BChange),
                     })
            {
                w.WriteStartObject(region);
                Number(w, "baseline", baseline);
                Number(w, "followup", followup);
                Number(w, "change", change);
                w.WriteEndObject();
            }
            Number(w, "difference_in_differences", figure.DifferenceInDifferences);
            w.WriteEndObject();
        }
        w.WriteEndObject();
        w.WritePropertyName("measurements");
        w.WriteStartObject();
        foreach (var (key, m) in new[] { ("a_baseline", did.ABaseline), ("a_followup", did.AFollowup), ("b_baseline", did.BBaseline), ("b_followup", did.BFollowup) })
        {
            w.WritePropertyName(key);
            WriteMeasurement(w, m);
        }
        w.WriteEndObject();
        if (did.Statistics is { } statistics) WriteStatistics(w, statistics); // issue 13: new keys only
        w.WriteEndObject();
    });

    /// <summary>One entry per file: <c>file</c>, <c>sha256</c>, <c>format</c>, <c>status</c>, the four row counts, <c>reason</c>.</summary>
    public static string Import(IEnumerable<ImportEntry> files) => Write(w =>
    {
        w.WriteStartObject();
        w.WriteStartArray("files");
        foreach (var f in files)
        {
            w.WriteStartObject();
            w.WriteString("file", f.File);
            w.WriteString("sha256", f.Sha256);
            w.WriteString("format", f.Format);
            w.WriteString("status", f.Status);
            w.WriteNumber("rows_read", f.RowsRead);
            w.WriteNumber("rows_accepted", f.RowsAccepted);
            w.WriteNumber("rows_rejected", f.RowsRejected);
            w.WriteNumber("rows_duplicate", f.RowsDuplicate);
            w.WriteString("reason", f.Reason);
            if (f.CoverageDate is { } coverage) w.WriteString("coverage_date", Date(coverage));
            else w.WriteNull("coverage_date");
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
    });

    public static string Write(Action<Utf8JsonWriter> write)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, Options)) write(writer);
        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    private static void WriteMeasurement(Utf8JsonWriter w, Measurement m)
    {
        w.WriteStartObject();
        w.WriteNumber("protocol_version", ProtocolVersion);
        w.WriteStartObject("period");
        w.WriteString("from", Date(m.Period.From));
        w.WriteString("to", Date(m.Period.To));
        w.WriteEndObject();
        w.WriteString("as_of", Date(m.AsOf));
        w.WriteNumber("gap_days", m.GapDays);
        w.WriteString("region", m.Region);
        w.WriteStartArray("residential_set");
        foreach (var type in m.ResidentialSet) w.WriteStringValue(type.Word());
        w.WriteEndArray();

        var c = m.Counts;
        w.WriteStartObject("counts");
        w.WriteNumber("youths", c.Youths);
        w.WriteNumber("episodes", c.Episodes);
        w.WriteNumber("exited_in_period", c.ExitedInPeriod);
        w.WriteNumber("exited_by_as_of", c.ExitedByAsOf);
        w.WriteNumber("ongoing_at_as_of", c.OngoingAtAsOf);
        w.WriteNumber("entries_in_period", c.EntriesInPeriod);
        w.WriteNumber("aged_12_or_younger", c.Aged12OrYounger);
        w.WriteNumber("short_episodes", c.ShortEpisodes);
        w.WriteNumber("single_provider_episodes", c.SingleProviderEpisodes);
        w.WriteEndObject();

        var d = m.Duration;
        w.WriteStartObject("duration_days");
        Number(w, "mean_all", d.MeanAll);
        Number(w, "median_all", d.MedianAll);
        Number(w, "mean_exited_in_period", d.MeanExitedInPeriod);
        Number(w, "mean_exited_by_as_of", d.MeanExitedByAsOf);
        Number(w, "mean_ongoing_at_as_of", d.MeanOngoingAtAsOf);
        Number(w, "mean_short", d.MeanShort);
        Number(w, "mean_not_short", d.MeanNotShort);
        w.WriteNumber("top_n", d.TopN);
        Number(w, "mean_top_n", d.MeanTopN);
        w.WriteEndObject();

        var p = m.Providers;
        w.WriteStartObject("providers");
        Number(w, "mean_per_multi_provider_episode", p.MeanPerMultiProviderEpisode);
        Number(w, "mean_involved_per_episode", p.MeanInvolvedPerEpisode);
        Number(w, "mean_placement_moves", p.MeanPlacementMoves);
        Number(w, "moves_per_1000_days", p.MovesPer1000Days);
        w.WriteStartObject("mean_involvement_days_by_sector");
        foreach (var (sector, days) in p.MeanInvolvementDaysBySector.OrderBy(kv => kv.Key)) w.WriteNumber(sector.Word(), days);
        w.WriteEndObject();
        w.WriteEndObject();

        var k = m.Cost;
        w.WriteStartObject("cost_eur");
        Money(w, "mean_episode", k.MeanEpisode);
        Money(w, "mean_episode_ongoing", k.MeanEpisodeOngoing);
        Money(w, "mean_all_episodes_per_youth", k.MeanAllEpisodesPerYouth);
        Money(w, "mean_all_episodes_per_youth_ongoing", k.MeanAllEpisodesPerYouthOngoing);
        Money(w, "mean_top_n", k.MeanTopN);
        Money(w, "mean_ambulant_per_youth", k.MeanAmbulantPerYouth);
        w.WriteNumber("segments_without_cost", k.SegmentsWithoutCost); // not in the protocol: lineage for the report
        w.WriteEndObject();

        w.WriteStartObject("age");
        Number(w, "mean_at_as_of_top_n", m.MeanAgeAtAsOfTopN);
        w.WriteEndObject();

        EntryCohort(w, "entry_cohort", m.EntryCohort);
        EntryCohort(w, "entry_cohort_8plus", m.EntryCohort8Plus);
        w.WriteStartArray("warnings");
        foreach (var warning in m.Warnings) w.WriteStringValue(warning.Text);
        w.WriteEndArray();
        if (m.Outcomes is { } outcomes) WriteOutcomes(w, outcomes);
        w.WriteEndObject();
    }

    /// <summary>The outcome figures (docs/outcomes.md): an extension of the measure document.</summary>
    private static void WriteOutcomes(Utf8JsonWriter w, Outcomes o)
    {
        w.WriteStartObject("outcomes");
        w.WriteNumber("residential_days", o.ResidentialDays);
        w.WriteNumber("population_year", o.PopulationYear);
        if (o.Population is { } population) w.WriteNumber("population", population);
        else w.WriteNull("population");
        Number(w, "residential_days_per_1000", o.ResidentialDaysPer1000);
        Number(w, "entries_per_1000", o.EntriesPer1000);
        w.WriteNumber("in_care_at_period_end", o.InCareAtPeriodEnd);
        Number(w, "in_care_at_period_end_per_1000", o.InCareAtPeriodEndPer1000);
        w.WriteStartArray("flows");
        foreach (var q in o.Flows)
        {
            w.WriteStartObject();
            w.WriteString("quarter", q.Quarter);
            w.WriteString("from", Date(q.From));
            w.WriteString("to", Date(q.To));
            w.WriteNumber("entries", q.Entries);
            w.WriteNumber("exits", q.Exits);
            w.WriteNumber("in_care_at_end", q.InCareAtEnd);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteStartObject("crisis");
        w.WriteNumber("crisis_segments_started", o.Crisis.CrisisSegmentsStarted);
        Number(w, "crisis_segments_per_100_youths", o.Crisis.CrisisSegmentsPer100Youths);
        w.WriteNumber("cbs_started_as_crisis", o.Crisis.CbsStartedAsCrisis);
        Number(w, "cbs_started_as_crisis_per_100_youths", o.Crisis.CbsStartedAsCrisisPer100Youths);
        w.WriteEndObject();
        w.WriteStartObject("endings");
        w.WriteNumber("ended", o.Endings.Ended);
        w.WriteNumber("as_planned", o.Endings.AsPlanned);
        w.WriteNumber("premature", o.Endings.Premature);
        w.WriteNumber("other", o.Endings.Other);
        w.WriteNumber("unknown", o.Endings.Unknown);
        Number(w, "premature_share", o.Endings.PrematureShare);
        w.WriteEndObject();
        w.WriteStartArray("rom");
        foreach (var r in o.Rom)
        {
            w.WriteStartObject();
            w.WriteString("instrument", r.Instrument);
            w.WriteString("informant", r.Informant.Word());
            w.WriteNumber("pairs", r.Pairs);
            Number(w, "mean_pre", r.MeanPre);
            Number(w, "mean_post", r.MeanPost);
            Number(w, "mean_change", r.MeanChange);
            Number(w, "effect_size_dz", r.EffectSizeDz);
            Number(w, "improved_share", r.ImprovedShare);
            Number(w, "unchanged_share", r.UnchangedShare);
            Number(w, "deteriorated_share", r.DeterioratedShare);
            w.WriteNumber("started_clinical", r.StartedClinical);
            Number(w, "recovered_share", r.RecoveredShare);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteStartArray("notes");
        foreach (var note in o.Notes) w.WriteStringValue(note);
        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void EntryCohort(Utf8JsonWriter w, string name, EntryCohortFigures e)
    {
        w.WriteStartObject(name);
        w.WriteNumber("episodes", e.Episodes);
        w.WriteNumber("exited", e.Exited);
        Number(w, "km_median_days", e.KmMedianDays);
        Number(w, "km_q1_days", e.KmQ1Days);
        Number(w, "km_q3_days", e.KmQ3Days);
        w.WriteEndObject();
    }

    private static void Number(Utf8JsonWriter w, string name, double? value)
    {
        if (value is { } v && double.IsFinite(v)) w.WriteNumber(name, v);
        else w.WriteNull(name);
    }

    private static void Number(Utf8JsonWriter w, string name, int? value)
    {
        if (value is { } v) w.WriteNumber(name, v);
        else w.WriteNull(name);
    }

    /// <summary>Money is summed as decimal; it is written as the nearest double, which is what JSON readers expect.</summary>
    private static void Money(Utf8JsonWriter w, string name, decimal? value) => Number(w, name, value is { } v ? (double)v : null);

    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>A file's entry in the import JSON.</summary>
public sealed record ImportEntry(string File, string? Sha256, string? Format, string Status, int RowsRead, int RowsAccepted,
    int RowsRejected, int RowsDuplicate, string? Reason, DateOnly? CoverageDate = null);

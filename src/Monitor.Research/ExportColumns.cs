namespace Monitor.Research;

/// <summary>
/// The columns of the episode and segment frames and exports, in order. One list drives the frames, the
/// Parquet schema, the CSV header and dictionary.csv, so they cannot disagree.
/// </summary>
public static class ExportColumns
{
    public const string Note =
        "This export holds pseudonymised rows (one per episode or segment), not publishable figures: keep it inside the " +
        "organisation, and apply the publication rules of PROTOCOL.md 8 (counts below 10 hidden, no recovery by subtraction) " +
        "to anything made from it before it leaves.";

    private static ColumnSpec S(string name, string unit, string meaning, string protocol, bool nullable = false) => new(name, ColumnKind.String, nullable, unit, meaning, protocol);
    private static ColumnSpec I(string name, string unit, string meaning, string protocol, bool nullable = false) => new(name, ColumnKind.Int32, nullable, unit, meaning, protocol);
    private static ColumnSpec L(string name, string unit, string meaning, string protocol, bool nullable = false) => new(name, ColumnKind.Int64, nullable, unit, meaning, protocol);
    private static ColumnSpec B(string name, string meaning, string protocol) => new(name, ColumnKind.Boolean, false, "", meaning, protocol);
    private static ColumnSpec D(string name, string meaning, string protocol, bool nullable = false) => new(name, ColumnKind.Date, nullable, "date", meaning, protocol);

    /// <summary>Every episode, with or without a period.</summary>
    public static readonly IReadOnlyList<ColumnSpec> Episode =
    [
        L("episode_id", "", "Number of the episode in this export (1, 2, ...), in the order of the rows; the same store and parameters give the same numbers. Links segments.episode_id.", "4"),
        S("youth_key", "", "Pseudonym of the youth: HMAC-SHA256 of the BSN or client id under the store's secret key, lowercase hex. Never a BSN.", "3.3"),
        D("start", "Earliest segment start.", "4"),
        D("end", "Latest segment end; empty while the episode is open at the as-of date.", "4", nullable: true),
        B("ongoing", "Open at the as-of date.", "4"),
        I("duration_days", "days", "(end, or the as-of date when ongoing) - start + 1: days count inclusively.", "4"),
        I("provider_count", "providers", "Distinct provider codes among the episode's segments.", "4"),
        I("placement_moves", "moves", "How often the provider responsible for the stay changes.", "4"),
        L("cost_eur_x10000", "euro x 10,000", "Billed amounts, else tariff cost, summed exactly; divide by 10000 for euros (a tariff with more than 4 decimals is rounded half to even to 1/10,000 euro).", "4, 2.3"),
        I("segments_without_cost", "segments", "Segments with neither a billed amount nor a tariff: they add 0 to the cost.", "4"),
        I("segment_count", "segments", "Residential segments the episode is made of (their rows are in segments.parquet).", "4"),
        S("municipality", "CBS code", "Municipality code (4 digits, leading zeros kept) of the earliest-starting segment.", "4"),
        S("region", "", "Youth-care region of the municipality, from the regions file; empty when not in it.", "2.3", nullable: true),
        S("first_provider", "AGB code", "Provider code (8 digits, leading zeros kept) of the earliest-starting segment.", "4"),
        S("first_care_type", "", "Care type of the earliest-starting segment (verblijf, gezinshuis, gesloten, crisis, ...).", "1"),
        B("crisis_start", "The episode started with crisis care: its earliest-starting segment is of care type crisis or, in a cbs file, has gestart_met_crisis = J.", "2.2"),
        S("end_reason", "", "reden_beeindiging (cbs files only) of the segment that ends the episode (the latest end; ties: the last in the protocol's order); empty while ongoing or when not given.", "2.2", nullable: true),
        S("end_category", "", "Category of end_reason in the endreasons file: volgens_plan, voortijdig or overig; empty when unknown.", "docs/outcomes.md 1", nullable: true),
        S("sex", "", "M, V or X as given with the youth's first residential segment of the episode; empty when not given.", "2.1", nullable: true),
        I("age_at_start", "years", "Age in whole years at the episode's start (birthdays counted; birth date of the youth's first residential segment).", "5"),
        S("age_band", "years", "Age band at the start: 0-3, 4-11, 12-17, 18-22 or 23+ (CBS's youth-care classes).", "5"),
    ];

    /// <summary>Added to the episode columns when a period is given: the measurement's cohort flags.</summary>
    public static readonly IReadOnlyList<ColumnSpec> PeriodFlags =
    [
        B("in_cohort", "In the measurement's cohort: start <= to and (ongoing or end >= from), in the region when one is given. All other flags are false outside the cohort.", "5"),
        B("exited_in_period", "Cohort episode with an end inside the period (counts.exited_in_period).", "5"),
        B("exited_by_as_of", "Cohort episode closed on or before the as-of date (counts.exited_by_as_of).", "5"),
        B("ongoing_at_as_of", "Cohort episode still open at the as-of date (counts.ongoing_at_as_of).", "5"),
        B("entry_in_period", "Cohort episode that started inside the period: the entry cohort (entry_cohort.*).", "5"),
        B("entry_8plus", "Entry-cohort episode with duration_days >= 8 (entry_cohort_8plus.*).", "5"),
        B("short_episode", "Cohort episode with duration_days < 30 (counts.short_episodes).", "5"),
        B("top_n", "One of the N longest cohort episodes (duration_days.mean_top_n, cost_eur.mean_top_n).", "5"),
        I("residential_days_in_period", "days", "Days of the episode inside the period, censored at the as-of date (outcomes.residential_days); 0 outside the cohort.", "docs/outcomes.md 2"),
    ];

    /// <summary>Every segment in force that starts on or before the as-of date, with its lineage.</summary>
    public static readonly IReadOnlyList<ColumnSpec> Segment =
    [
        L("segment_id", "", "The store's number of the segment row.", "3.2"),
        L("episode_id", "", "The episode (episodes.episode_id) the segment is part of; empty for a segment outside the residential set.", "4", nullable: true),
        S("youth_key", "", "Pseudonym of the youth (as in episodes). Never a BSN.", "3.3"),
        L("import_id", "", "The store's number of the import that stored the row (monitor imports).", "3.2"),
        S("file", "", "File name of that import, as given on the command line.", "3.2"),
        I("line", "line", "Physical line of the row in that file (the header is line 1).", "2"),
        S("sha256", "", "SHA-256 of the imported file's bytes.", "3.2"),
        S("provider", "AGB code", "Provider code, 8 digits with leading zeros.", "2.1"),
        S("municipality", "CBS code", "Municipality code, 4 digits with leading zeros.", "2.1"),
        S("care_type", "", "Canonical care type.", "1"),
        S("care_code", "", "zorgsoort or hulpvorm as written in the file.", "2.1, 2.2"),
        S("product_code", "", "productcode of the contract; empty when not given.", "2.1", nullable: true),
        D("start", "Segment start.", "2.1"),
        D("end", "Segment end as written; empty when running (an end after the as-of date is kept: see open_at_as_of).", "2.1", nullable: true),
        B("open_at_as_of", "No end, or an end after the as-of date: counted as running.", "1"),
        L("amount_eur_x10000", "euro x 10,000", "bedrag as billed, exact; divide by 10000 for euros; empty when the row had none (a tariff may apply).", "2.1", nullable: true),
        B("residential", "Of a care type in the residential set.", "1"),
    ];

    public static IReadOnlyList<ColumnSpec> EpisodeColumns(bool withPeriod) => withPeriod ? [.. Episode, .. PeriodFlags] : Episode;
}

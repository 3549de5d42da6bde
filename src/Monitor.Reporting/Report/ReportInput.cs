using Monitor.Core.Formatting;
using Monitor.Core.Measurements;

namespace Monitor.Reporting.Report;

/// <summary>Everything the chart report shows, computed beforehand: the report itself does no I/O but writing its folder.</summary>
/// <param name="Main">Baseline against follow-up (for the region asked for, or all).</param>
/// <param name="Sensitivity">The same two periods under other gap rules (gap days 0, 2, 7, 30).</param>
/// <param name="Regions">With <c>--regions A,B</c>: A against B over the baseline and over the follow-up period.</param>
/// <param name="Lineage">Which files the figures come from.</param>
public sealed record ReportInput(
    Comparison Main,
    IReadOnlyList<SensitivityRow> Sensitivity,
    IReadOnlyList<Comparison> Regions,
    ReportOptions Options,
    IReadOnlyList<LineageFile> Lineage,
    int SegmentsWithoutAmount,
    ReferenceData Reference,
    DateTimeOffset GeneratedAt);

public sealed record SensitivityRow(int GapDays, Measurement Baseline, Measurement Followup);

/// <param name="SuppressionThreshold">Counts below it are shown as "&lt;threshold"; statistics over fewer youths are left out.</param>
public sealed record ReportOptions(Language Language, int SuppressionThreshold, string? RegionA, string? RegionB);

/// <summary>One imported file, for the data lineage.</summary>
/// <param name="CoverageDate">The day the extract's picture was taken (PROTOCOL.md 3.4); null for reference files.</param>
public sealed record LineageFile(string File, string Format, string Status, DateTime ImportedAt, int RowsRead, int RowsAccepted,
    int RowsRefused, int RowsDuplicate, string? Source, DateOnly? CoverageDate = null);

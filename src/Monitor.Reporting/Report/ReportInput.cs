using Monitor.Core.Formatting;
using Monitor.Core.Measurements;
using Monitor.Core.Outcomes;
using Monitor.Core.Publication;

namespace Monitor.Reporting.Report;

/// <summary>Everything the report shows, computed beforehand: the report itself does no I/O but writing its folder.</summary>
/// <param name="Main">Baseline against follow-up (for the region asked for, or all).</param>
/// <param name="Sensitivity">The same two periods under other gap rules (gap days 0, 2, 7, 30).</param>
/// <param name="Regions">With <c>--regions A,B</c>: A against B over the baseline and over the follow-up period.</param>
/// <param name="Lineage">Which files the figures come from.</param>
/// <param name="Population">Youths aged 0–17 per municipality and year (for rates per municipality).</param>
public sealed record ReportInput(
    Comparison Main,
    IReadOnlyList<SensitivityRow> Sensitivity,
    IReadOnlyList<Comparison> Regions,
    ReportOptions Options,
    IReadOnlyList<LineageFile> Lineage,
    int SegmentsWithoutAmount,
    ReferenceData Reference,
    DateTimeOffset GeneratedAt)
{
    /// <summary>Every calendar year the data cover, each read with the same window (a year that is the baseline or
    /// follow-up measurement is that very measurement, under its prefix).</summary>
    public IReadOnlyList<TrendYear> Trend { get; init; } = [];

    /// <summary>With <c>--regions A,B</c>: A's change minus B's (of the measurements in <see cref="Regions"/>), with its
    /// intervals and the pre-period trend check when the bootstrap ran (<see cref="Main"/> carries the comparison's own
    /// intervals in <see cref="Comparison.Statistics"/>).</summary>
    public DifferenceInDifferences? DifferenceInDifferences { get; init; }

    public AreaFigures.PopulationOf Population { get; init; } = (_, _) => null;

    /// <summary>The figures of <see cref="Main"/>'s two measurements on their own, when made beforehand
    /// (<see cref="ReportFigures.OfMeasurements"/>, with this <see cref="Population"/>); null: the report makes them.</summary>
    public ReportFigures.MeasurementSets? MeasurementFigures { get; init; }
}

/// <param name="Baseline">The figures the sensitivity table shows of the baseline under this gap rule, under their keys
/// (<see cref="SensitivityFigures.Of"/>).</param>
/// <param name="Followup">The same of the follow-up.</param>
public sealed record SensitivityRow(int GapDays, IReadOnlyList<Figure> Baseline, IReadOnlyList<Figure> Followup);

/// <param name="SuppressionThreshold">T of PROTOCOL.md 8.</param>
/// <param name="TrendWindowDays">The follow-up window every trend year is read with.</param>
/// <param name="Contact">The colophon's contact line (settings file: <c>report_contact</c>); null: none given.</param>
/// <param name="ProductVersion">The version of the program that made the report.</param>
public sealed record ReportOptions(Language Language, int SuppressionThreshold, string? RegionA, string? RegionB)
{
    public int TrendWindowDays { get; init; } = 182;
    public string? Contact { get; init; }
    public string ProductVersion { get; init; } = "";
}

/// <summary>One imported file, for the data lineage and the colophon.</summary>
/// <param name="CoverageDate">The day the extract's picture was taken (PROTOCOL.md 3.4); null for reference files.</param>
public sealed record LineageFile(string File, string Format, string Status, DateTime ImportedAt, int RowsRead, int RowsAccepted,
    int RowsRefused, int RowsDuplicate, string? Source, DateOnly? CoverageDate = null);

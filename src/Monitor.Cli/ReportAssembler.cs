using Monitor.Core.Domain;
using Monitor.Core.Formatting;
using Monitor.Core.Measurements;
using Monitor.Reporting.Report;
using Monitor.Store;

namespace Monitor.Cli;

/// <summary>What a report is asked for.</summary>
/// <param name="AsOf">A window after each period (the default, <see cref="ReportAssembler.DefaultWindowDays"/>) or one as-of date.</param>
public sealed record ReportRequest(Period Baseline, Period Followup, AsOfChoice AsOf, int GapDays, IReadOnlyList<CareType> ResidentialSet,
    string? Region, string? RegionA, string? RegionB, Language Language, int SuppressionThreshold, int TopN);

/// <summary>
/// Gathers from the store everything the chart report shows (measurements, the sensitivity runs, the
/// region comparison, the lineage) and writes it. The one path behind <c>monitor report</c>,
/// <c>monitor demo</c> and the scheduler's report step. Everything is read in one snapshot of the
/// store, so the figures and the lineage describe the same imports.
/// </summary>
public static class ReportAssembler
{
    /// <summary>The report's follow-up window unless told otherwise (PROTOCOL.md 6): half a year after each period.</summary>
    public const int DefaultWindowDays = 182;

    /// <summary>The gap rules the sensitivity table shows, besides the one asked for.</summary>
    public static readonly int[] SensitivityGapDays = [0, 2, 7, 30];

    public static string Write(MonitorStore store, ReportRequest request, string folder, TimeProvider? clock = null)
    {
        using var analysis = new Analysis(store);
        var mainRegion = request.RegionA ?? request.Region;

        Comparison Compare(int gapDays, string? first, string? second, Period a, Period b) =>
            analysis.Compare(a, b, first, second, request.AsOf, gapDays, request.ResidentialSet, request.TopN);

        var main = Compare(request.GapDays, mainRegion, mainRegion, request.Baseline, request.Followup);
        analysis.CheckRegion(request.RegionB);
        var sensitivity = SensitivityGapDays.Union([request.GapDays]).Order()
            .Select(gap => gap == request.GapDays ? main : Compare(gap, mainRegion, mainRegion, request.Baseline, request.Followup))
            .Select(c => new SensitivityRow(c.Baseline.GapDays, c.Baseline, c.Followup)).ToList();
        var regions = request.RegionB is null
            ? []
            : new[] { request.Baseline, request.Followup }.Select(p => Compare(request.GapDays, request.RegionA, request.RegionB, p, p)).ToList();

        var lineage = store.Imports()
            .Select(r => new LineageFile(r.FileName, r.Format ?? "?", r.Status, r.StartedAt, r.RowsRead, r.RowsAccepted, r.RowsRejected, r.RowsDuplicate, r.Source,
                r.CoverageDate))
            .ToList();
        var input = new ReportInput(main, sensitivity, regions,
            new ReportOptions(request.Language, request.SuppressionThreshold, request.RegionA, request.RegionB),
            lineage, store.CountSegmentsWithoutAmount(), analysis.Reference, (clock ?? TimeProvider.System).GetUtcNow());
        return ReportWriter.Write(input, folder);
    }
}

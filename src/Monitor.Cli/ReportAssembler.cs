using Monitor.Core;
using Monitor.Core.Domain;
using Monitor.Core.Formatting;
using Monitor.Core.Measurements;
using Monitor.Reporting.Report;
using Monitor.Store;

namespace Monitor.Cli;

/// <summary>What a report is asked for.</summary>
public sealed record ReportRequest(Period Baseline, Period Followup, DateOnly AsOf, int GapDays, IReadOnlyList<CareType> ResidentialSet,
    string? Region, string? RegionA, string? RegionB, Language Language, int SuppressionThreshold, int TopN);

/// <summary>
/// Gathers from the store everything the chart report shows (measurements, the sensitivity runs, the
/// region comparison, the lineage) and writes it. The one path behind <c>monitor report</c>,
/// <c>monitor demo</c> and the scheduler's report step.
/// </summary>
public static class ReportAssembler
{
    /// <summary>The gap rules the sensitivity table shows, besides the one asked for.</summary>
    public static readonly int[] SensitivityGapDays = [0, 2, 7, 30];

    public static string Write(MonitorStore store, ReportRequest request, string folder, TimeProvider? clock = null)
    {
        if (request.AsOf < request.Baseline.To || request.AsOf < request.Followup.To)
            throw new InvalidRequestException($"the as-of date {request.AsOf:yyyy-MM-dd} is before the end of the follow-up period ({request.Followup.To:yyyy-MM-dd})");
        using var analysis = new Analysis(store);
        analysis.CheckRegion(request.Region);
        analysis.CheckRegion(request.RegionA);
        analysis.CheckRegion(request.RegionB);
        var mainRegion = request.RegionA ?? request.Region;

        Comparison Compare(int gapDays, string? first, string? second, Period a, Period b)
        {
            var episodes = analysis.BuildEpisodes(request.AsOf, gapDays, request.ResidentialSet);
            return Comparison.Of(analysis.Measure(episodes, a, first, request.TopN), analysis.Measure(episodes, b, second, request.TopN));
        }

        var main = Compare(request.GapDays, mainRegion, mainRegion, request.Baseline, request.Followup);
        var sensitivity = SensitivityGapDays.Union([request.GapDays]).Order()
            .Select(gap => gap == request.GapDays ? main : Compare(gap, mainRegion, mainRegion, request.Baseline, request.Followup))
            .Select(c => new SensitivityRow(c.Baseline.GapDays, c.Baseline, c.Followup)).ToList();
        var regions = request.RegionB is null
            ? []
            : new[] { request.Baseline, request.Followup }.Select(p => Compare(request.GapDays, request.RegionA, request.RegionB, p, p)).ToList();

        var lineage = store.Imports()
            .Select(r => new LineageFile(r.FileName, r.Format ?? "?", r.Status, r.StartedAt, r.RowsRead, r.RowsAccepted, r.RowsRejected, r.RowsDuplicate, r.Source))
            .ToList();
        var input = new ReportInput(main, sensitivity, regions,
            new ReportOptions(request.Language, request.SuppressionThreshold, request.RegionA, request.RegionB),
            lineage, store.CountSegmentsWithoutAmount(), analysis.Reference, (clock ?? TimeProvider.System).GetUtcNow());
        return ReportWriter.Write(input, folder);
    }
}

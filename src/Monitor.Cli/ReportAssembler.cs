using System.Reflection;
using Monitor.Core.Domain;
using Monitor.Core.Formatting;
using Monitor.Core.Measurements;
using Monitor.Core.Outcomes;
using Monitor.Core.Publication;
using Monitor.Core.Statistics;
using Monitor.Cli.Commands;
using Monitor.Reporting.Report;
using Monitor.Store;

namespace Monitor.Cli;

/// <summary>What a report is asked for.</summary>
/// <param name="AsOf">A window after each period (the default, <see cref="ReportAssembler.DefaultWindowDays"/>) or one as-of date.</param>
public sealed record ReportRequest(Period Baseline, Period Followup, AsOfChoice AsOf, int GapDays, IReadOnlyList<CareType> ResidentialSet,
    string? Region, string? RegionA, string? RegionB, Language Language, int SuppressionThreshold, int TopN)
{
    /// <summary>The colophon's contact line (settings: <c>report_contact</c>).</summary>
    public string? Contact { get; init; }

    /// <summary>Replicates of the bootstrap for the 95% intervals (<c>--bootstrap N</c>, as compare's); 0: no intervals.</summary>
    public int Replicates { get; init; } = PoissonBootstrap.DefaultReplicates;

    /// <summary>The bootstrap's seed (<c>--seed S</c>): the same seed, store and parameters give the same intervals.</summary>
    public ulong Seed { get; init; } = PoissonBootstrap.DefaultSeed;
}

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
        var population = analysis.OutcomeData.Population.GroupBy(p => (p.Municipality, p.Year)).ToDictionary(g => g.Key, g => (long)g.Last().Youths);
        AreaFigures.PopulationOf populationOf = (municipality, year) => population.TryGetValue((municipality, year), out var youths) ? youths : null;
        // The page's figures of the two measurements walk their cohorts (a million episodes each at ten million rows):
        // made on the thread pool while the analysis reads on (the bootstrap, the sensitivity table, the trend, most of
        // it on one core). They read only the measurements and the segments of their episode set, which the analysis
        // leaves as they are from here on: its later builds are of copies (Analysis.BuildEpisodes, EpisodesAround) and
        // the sort of a same-ordered array writes nothing (SegmentOrder.Sort). ReportTests checks it after every step.
        var (measured, reference) = (main, analysis.Reference);
        var measurementFigures = Task.Run(() => ReportFigures.OfMeasurements(measured, reference, populationOf));
        // The intervals exactly as monitor compare computes them with the same seed: each measurement's own episodes.
        if (request.Replicates > 0) main = analysis.WithStatistics(main, request.Replicates, request.Seed);
        // The table's five figures of each period under each gap rule, made for those alone; under the report's own
        // rule they are the main measurements' figures again, and adding both to one set checks that they agree.
        SensitivityRow Sensitivity(int gap)
        {
            IReadOnlyList<Figure> Of(string measurement, Period period, string periodName) => analysis.SensitivityFigures(
                SensitivityFigures.Prefix(gap, request.GapDays, measurement), period, request.AsOf, periodName, gap, request.ResidentialSet, mainRegion, request.TopN);
            return new SensitivityRow(gap, Of("baseline", request.Baseline, "the baseline"), Of("followup", request.Followup, "the follow-up"));
        }
        var sensitivity = SensitivityGapDays.Union([request.GapDays]).Order().Select(Sensitivity).ToList();
        var regions = request.RegionB is null
            ? []
            : new[] { request.Baseline, request.Followup }.Select(p => Compare(request.GapDays, request.RegionA, request.RegionB, p, p)).ToList();
        // Two regions: the difference in differences (A's change minus B's), with its intervals and the check of the
        // trends before the baseline as monitor did computes them.
        DifferenceInDifferences? did = null;
        if (regions.Count == 2)
        {
            did = new DifferenceInDifferences(request.RegionA!, request.RegionB!, regions[0].Baseline, regions[1].Baseline, regions[0].Followup, regions[1].Followup);
            if (request.Replicates > 0)
                did = did with
                {
                    Statistics = DidStatistics.Compute(did, PrePeriods.Measure(analysis, store, did, request.GapDays, request.ResidentialSet, request.TopN),
                        request.Replicates, request.Seed),
                };
        }

        // The trend: every calendar year the data cover, each read with the same window after its end (the report's
        // window, or the default one when a single as-of date was asked for: one date would make later years look
        // shorter by design). A year that is the baseline or follow-up measurement itself is that measurement.
        var trendWindow = request.AsOf.WindowDays ?? DefaultWindowDays;
        // Other years are kept beside the store from one report to the next while the rows they read stay the same.
        var trend = new List<TrendYear>();
        if (analysis.CoveredYears() is { } years)
        {
            var (first, last) = (Math.Min(years.First, request.Baseline.From.Year), Math.Max(years.Last, request.Followup.To.Year));
            for (var year = first; year <= last; year++)
            {
                var period = Period.Year(year);
                var window = AsOfChoice.OfWindow(trendWindow);
                trend.Add(main.Baseline.Period == period && main.Baseline.AsOf == period.To.AddDays(trendWindow) ? TrendFigures.Of("baseline", main.Baseline, analysis.Reference)
                    : main.Followup.Period == period && main.Followup.AsOf == period.To.AddDays(trendWindow) ? TrendFigures.Of("followup", main.Followup, analysis.Reference)
                    : analysis.TrendYear(period, window, request.GapDays, request.ResidentialSet, mainRegion, request.TopN));
            }
        }

        var lineage = store.Imports()
            .Select(r => new LineageFile(r.FileName, r.Format ?? "?", r.Status, r.StartedAt, r.RowsRead, r.RowsAccepted, r.RowsRejected, r.RowsDuplicate, r.Source,
                r.CoverageDate))
            .ToList();
        var version = typeof(ReportAssembler).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "?";
        var input = new ReportInput(main, sensitivity, regions,
            new ReportOptions(request.Language, request.SuppressionThreshold, request.RegionA, request.RegionB)
            {
                TrendWindowDays = trendWindow,
                Contact = request.Contact,
                ProductVersion = version,
            },
            lineage, analysis.SegmentsWithoutAmount(), analysis.Reference, (clock ?? TimeProvider.System).GetUtcNow())
        {
            Trend = trend,
            DifferenceInDifferences = did,
            Population = populationOf,
            MeasurementFigures = measurementFigures.GetAwaiter().GetResult(),
        };
        return ReportWriter.Write(input, folder);
    }
}

using Monitor.Core.Domain;
using Monitor.Core.Episodes;
using Monitor.Core.Measurements;
using Monitor.Core.Outcomes;
using Monitor.Core.Tests.Episodes;

namespace Monitor.Core.Tests.Outcomes;

/// <summary>Builds episodes from segments, measures a period and computes its outcome figures, in one call.</summary>
internal static class Outcome
{
    public static global::Monitor.Core.Outcomes.Outcomes Of(string period, string asOf, Segment[] segments, OutcomeData? data = null,
        string? region = null, ReferenceData? reference = null, int gap = 7) =>
        MeasurementOf(period, asOf, segments, data, region, reference, gap).Outcomes!;

    public static Measurement MeasurementOf(string period, string asOf, Segment[] segments, OutcomeData? data = null,
        string? region = null, ReferenceData? reference = null, int gap = 7)
    {
        Assert.True(Period.TryParse(period, out var p, out var error), error);
        var set = EpisodeBuilder.Build(segments, Seg.Rules(asOf, gap));
        reference ??= ReferenceData.Empty;
        var measurement = MeasurementCalculator.Measure(set, new MeasurementParameters(p, region), reference);
        return measurement with { Outcomes = OutcomeCalculator.Measure(set, measurement, reference, data ?? OutcomeData.Empty) };
    }

    public static OutcomeData Data(
        IReadOnlyList<PopulationRow>? population = null,
        IReadOnlyDictionary<string, EndCategory>? endReasons = null,
        IReadOnlyList<InstrumentRow>? instruments = null,
        IReadOnlyList<RomScore>? scores = null,
        IReadOnlyList<TrajectoryEnding>? endings = null,
        IReadOnlyList<CrisisStart>? cbsCrisisStarts = null) =>
        new(population ?? [], endReasons ?? new Dictionary<string, EndCategory>(), instruments ?? [], scores ?? [], endings ?? [], cbsCrisisStarts ?? []);

    /// <summary>Two regions of two municipalities each: IJsselland (0193 Zwolle, 0148 Dalfsen) and Twente
    /// (0153 Enschede, 0164 Hengelo).</summary>
    public static ReferenceData TwoRegions => new(
    [
        new RegionRow(193, "Zwolle", "IJsselland"),
        new RegionRow(148, "Dalfsen", "IJsselland"),
        new RegionRow(153, "Enschede", "Twente"),
        new RegionRow(164, "Hengelo", "Twente"),
    ], []);
}

using Monitor.Core;
using Monitor.Core.Domain;
using Monitor.Core.Episodes;
using Monitor.Core.Measurements;
using Monitor.Core.Outcomes;

namespace Monitor.Store;

/// <summary>
/// Episodes and measurements over what the store holds: reads the segments and reference data once,
/// then hands them to the pure core. One instance serves several measurements of the same store, all
/// read in one snapshot of it (one read transaction): whatever else the caller reads from the store
/// while the analysis is open (the import log, counts) describes the same imports. Dispose it to end
/// the snapshot.
/// </summary>
public sealed partial class Analysis : IDisposable
{
    private readonly MonitorStore _store;
    private readonly IDisposable _snapshot;
    private Segment[]? _segments;
    private (DateOnly AsOf, string Set)? _sortedFor;
    private TariffTable? _tariffs;
    private OutcomeData? _outcomeData;

    public Analysis(MonitorStore store)
    {
        _store = store;
        _snapshot = store.BeginSnapshot();
        Reference = store.LoadReferenceData();
    }

    public void Dispose() => _snapshot.Dispose();

    public ReferenceData Reference { get; }

    public EpisodeSet BuildEpisodes(DateOnly asOf, int gapDays, IReadOnlyList<CareType> residentialSet)
    {
        if (gapDays < 0) throw new InvalidRequestException($"gap days cannot be negative ({gapDays})");
        _segments ??= LoadSegments();
        if (_segments.Length == 0) throw new InvalidRequestException($"no segment stored yet in {_store.Path}: import a rijm or cbs extract first");
        _tariffs ??= _store.LoadTariffs();
        // The builder sorts the array in place, in an order set by the as-of date and the residential set,
        // and episode sets point into it: sets of other gap days share it, other orders get their own copy.
        var order = (asOf, string.Join(",", residentialSet.Order()));
        var segments = _sortedFor is null || _sortedFor == order ? _segments : (Segment[])_segments.Clone();
        _sortedFor ??= order;
        return Build(segments, new EpisodeRules(asOf, gapDays, residentialSet, _tariffs));
    }

    public Measurement Measure(EpisodeSet episodes, Period period, string? region, int topN = MeasurementParameters.DefaultTopN)
    {
        CheckRegion(region);
        if (topN < 1) throw new InvalidRequestException($"--top-n must be at least 1 ({topN})");
        var measurement = MeasurementCalculator.Measure(episodes, new MeasurementParameters(period, region, topN), Reference);
        _outcomeData ??= _store.LoadOutcomeData();
        return measurement with { Outcomes = OutcomeCalculator.Measure(episodes, measurement, Reference, _outcomeData) };
    }

    public void CheckRegion(string? region)
    {
        if (region is not null && !Reference.HasRegion(region))
        {
            var known = string.Join(", ", Reference.Regions);
            throw new InvalidRequestException($"unknown region '{region}' ({(known.Length == 0 ? "no regions file imported yet" : "known: " + known)})");
        }
    }
}

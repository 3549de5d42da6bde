using Monitor.Core;
using Monitor.Core.Domain;
using Monitor.Core.Episodes;
using Monitor.Core.Measurements;
using Monitor.Core.Outcomes;
using Monitor.Store.Caching;

namespace Monitor.Store;

/// <summary>
/// Episodes and measurements over what the store holds: reads the segments and reference data once,
/// then hands them to the pure core. One instance serves several measurements of the same store, all
/// read in one snapshot of it (one read transaction): whatever else the caller reads from the store
/// while the analysis is open (the import log, counts) describes the same imports. Dispose it to end
/// the snapshot. Segments and episodes come from the caches beside the store (<see cref="Caching"/>) when
/// those are of the snapshot's version, and are brought up to it otherwise.
/// </summary>
public sealed class Analysis : IDisposable
{
    private readonly MonitorStore _store;
    private readonly IDisposable _snapshot;
    private readonly bool _useCaches;
    private readonly StoreVersion _version;
    private LoadedSegments? _loaded;
    private Segment[]? _segments;
    private (DateOnly AsOf, string Set)? _sortedFor;
    private TariffTable? _tariffs;
    private byte[]? _tariffFingerprint;
    private OutcomeData? _outcomeData;

    /// <param name="store">The store to read.</param>
    /// <param name="useCaches">False reads everything from the store itself and leaves the caches as they are.</param>
    public Analysis(MonitorStore store, bool useCaches = true)
    {
        _store = store;
        _useCaches = useCaches;
        _snapshot = store.BeginSnapshot();
        _version = store.ReadVersion();
        Reference = store.LoadReferenceData();
    }

    public void Dispose() => _snapshot.Dispose();

    public ReferenceData Reference { get; }

    /// <summary>Reads the store's segments now (else the first <see cref="BuildEpisodes"/> does); returns how many.</summary>
    public int ReadSegments() => Segments().Length;

    /// <summary>How the segments were read: from the column file, the file and the rows added since, or the store.</summary>
    public string SegmentsReadFrom => (_loaded ??= SegmentSource.Load(_store, _version, _useCaches)).How;

    private Segment[] Segments() => _segments ??= (_loaded ??= SegmentSource.Load(_store, _version, _useCaches)).Segments;

    public EpisodeSet BuildEpisodes(DateOnly asOf, int gapDays, IReadOnlyList<CareType> residentialSet)
    {
        if (gapDays < 0) throw new InvalidRequestException($"gap days cannot be negative ({gapDays})");
        Segments();
        if (_segments!.Length == 0) throw new InvalidRequestException($"no segment stored yet in {_store.Path}: import a rijm or cbs extract first");
        _tariffs ??= _store.LoadTariffs();
        _tariffFingerprint ??= _store.TariffFingerprint();
        // The builder sorts the array in place, in an order set by the as-of date and the residential set,
        // and episode sets point into it: sets of other gap days share it, other orders get their own copy.
        var order = (asOf, string.Join(",", residentialSet.Order()));
        var segments = _sortedFor is null || _sortedFor == order ? _segments : (Segment[])_segments.Clone();
        _sortedFor ??= order;
        var rules = new EpisodeRules(asOf, gapDays, residentialSet, _tariffs);
        if (!_useCaches) return EpisodeBuilder.Build(segments, rules);
        // The column file is written in this order, so that the next run finds the segments sorted.
        SegmentOrder.Sort(segments, rules);
        if (segments == _segments) SegmentSource.WriteIfDue(_store, _loaded!, segments);
        return EpisodeSource.Build(_store, _loaded!, _version, segments, rules, _tariffFingerprint);
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

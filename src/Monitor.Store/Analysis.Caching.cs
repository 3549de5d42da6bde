using Monitor.Core.Domain;
using Monitor.Core.Episodes;
using Monitor.Store.Caching;

namespace Monitor.Store;

/// <summary>
/// Where an analysis's segments and episodes come from: the caches beside the store (<see cref="Caching"/>)
/// when they are of the snapshot's version, brought up to it when the store only gained rows since, the store
/// itself otherwise. The figures are the same either way (tests/Monitor.Integration.Tests/CacheTests.cs).
/// </summary>
public sealed partial class Analysis
{
    private readonly bool _useCaches = true;
    private StoreVersion? _version;
    private LoadedSegments? _loaded;
    private byte[]? _tariffFingerprint;

    /// <param name="store">The store to read.</param>
    /// <param name="useCaches">False reads everything from the store itself and leaves the caches as they are.</param>
    public Analysis(MonitorStore store, bool useCaches) : this(store) => _useCaches = useCaches;

    /// <summary>Reads the store's segments now (else the first <see cref="BuildEpisodes"/> does); returns how many.</summary>
    public int ReadSegments() => (_segments ??= LoadSegments()).Length;

    /// <summary>How many of the store's segments carry no amount (the report's lineage): counted in the segments this
    /// analysis reads anyway, not by another pass over the store (0.7 s at ten million rows).</summary>
    public int SegmentsWithoutAmount()
    {
        var count = 0;
        foreach (ref readonly var s in (_segments ??= LoadSegments()).AsSpan())
            if (s.AmountOrMinusOne < 0) count++;
        return count;
    }

    /// <summary>How the segments were read: from the column file, the file and the rows added since, or the store.</summary>
    public string SegmentsReadFrom => (_loaded ?? throw new InvalidOperationException("no segments read yet")).How;

    /// <summary>The version this analysis's snapshot sees: read inside the snapshot's transaction, like everything else.</summary>
    private StoreVersion Version => _version ??= _store.ReadVersion();

    private Segment[] LoadSegments() => (_loaded = SegmentSource.Load(_store, Version, _useCaches)).Segments;

    /// <summary>The episodes of <paramref name="segments"/> (this analysis's array or a copy in another order).</summary>
    private EpisodeSet Build(Segment[] segments, EpisodeRules rules)
    {
        if (!_useCaches || _loaded is null) return EpisodeBuilder.Build(segments, rules);
        _tariffFingerprint ??= _store.TariffFingerprint();
        var set = EpisodeSource.Build(_store, _loaded, Version, segments, rules, _tariffFingerprint);
        // The builder has sorted the segments in place: the column file is written in its order, so that the next
        // run finds them sorted (sorting them here first would check ten million rows' order twice).
        if (segments == _segments) SegmentSource.WriteIfDue(_store, _loaded, segments);
        return set;
    }
}

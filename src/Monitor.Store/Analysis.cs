using System.Diagnostics.CodeAnalysis;
using Monitor.Core;
using Monitor.Core.Domain;
using Monitor.Core.Episodes;
using Monitor.Core.Measurements;
using Monitor.Core.Outcomes;
using Monitor.Core.Publication;
using Monitor.Core.Statistics;

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
    // Copies of the segments sorted in another order than _segments, one per order: a report's follow-up under each
    // gap rule of its sensitivity table shares one (a copy per build cost 400 MB and a sort each at 10 million rows).
    private readonly Dictionary<(DateOnly AsOf, string Set), Segment[]> _sortedCopies = [];
    private TariffTable? _tariffs;
    private OutcomeData? _outcomeData;
    private LatestAsOf? _latest;
    private readonly Dictionary<DateOnly, IReadOnlyDictionary<long, ExtractCoverage>> _openSources = [];
    private readonly Dictionary<(DateOnly, int, string), EpisodeSet> _episodeSets = [];

    public Analysis(MonitorStore store)
    {
        _store = store;
        _snapshot = store.BeginSnapshot();
        Reference = store.LoadReferenceData();
    }

    public void Dispose() => _snapshot.Dispose();

    /// <summary>Lets the segments and episode sets read so far go (the snapshot stays open): for a caller that
    /// streams other rows of the same snapshot next and needs the memory.</summary>
    public void ReleaseSegments()
    {
        _segments = null;
        _loaded = null;
        _sortedFor = null;
        _sortedCopies.Clear();
        _episodeSets.Clear();
        _touchedSince.Clear();
    }

    public ReferenceData Reference { get; }

    /// <summary>The outcome data (population, end reasons, questionnaires) of this snapshot, read once.</summary>
    public OutcomeData OutcomeData => _outcomeData ??= _store.LoadOutcomeData();

    /// <summary>
    /// The calendar years the stored extracts cover, for a trend: from the year of the earliest segment end (before
    /// it an extract lists only stays still running then, so every count would be too low) to the last year whose
    /// 31 December an extract's coverage date reaches. Null when nothing is stored.
    /// </summary>
    public (int First, int Last)? CoveredYears()
    {
        // The earliest end among the segments read anyway: a min over ten million rows without an index took SQLite 0.8 s.
        var firstEnd = int.MaxValue;
        foreach (ref readonly var s in (_segments ??= LoadSegments()).AsSpan())
            firstEnd = Math.Min(firstEnd, s.EndDayOrMax);
        return firstEnd == int.MaxValue ? null : _store.CoveredYears(DateOnly.FromDayNumber(firstEnd));
    }

    public EpisodeSet BuildEpisodes(DateOnly asOf, int gapDays, IReadOnlyList<CareType> residentialSet)
    {
        LoadForBuilding(gapDays);
        // The builder sorts the array in place, in an order set by the as-of date and the residential set,
        // and episode sets point into it: sets of other gap days share it, other orders get a copy of their own.
        var order = (asOf, string.Join(",", residentialSet.Order()));
        _sortedFor ??= order;
        var segments = _segments;
        if (_sortedFor != order && !_sortedCopies.TryGetValue(order, out segments)) _sortedCopies[order] = segments = (Segment[])_segments.Clone();
        return Build(segments, new EpisodeRules(asOf, gapDays, residentialSet, _tariffs));
    }

    [MemberNotNull(nameof(_segments), nameof(_tariffs))]
    private void LoadForBuilding(int gapDays)
    {
        if (gapDays < 0) throw new InvalidRequestException($"gap days cannot be negative ({gapDays})");
        _segments ??= LoadSegments();
        if (_segments.Length == 0) throw new InvalidRequestException($"no segment stored yet in {_store.Path}: import a rijm or cbs extract first");
        _tariffs ??= _store.LoadTariffs();
    }

    /// <summary>The date <c>--as-of latest</c> stands for in this snapshot, and why (PROTOCOL.md 5).</summary>
    /// <exception cref="InvalidRequestException">No segment is stored yet.</exception>
    public LatestAsOf Latest => _latest ??= _store.LatestAsOf()
        ?? throw new InvalidRequestException($"no segment stored yet in {_store.Path}: import a rijm or cbs extract first");

    /// <summary>The as-of date of a measurement of <paramref name="period"/> under <paramref name="choice"/>.</summary>
    /// <exception cref="InvalidRequestException">A date before the period's end, or <c>latest</c> on an empty store.</exception>
    public DateOnly AsOfFor(AsOfChoice choice, Period period, string periodName = "the period") =>
        choice.For(period, () => Latest.Date, periodName);

    public Measurement Measure(EpisodeSet episodes, Period period, string? region, int topN = MeasurementParameters.DefaultTopN)
    {
        CheckRegion(region);
        CheckTopN(topN);
        return Measured(episodes, period, region, topN, OutcomeData, OpenSourcesAt(episodes.Rules.AsOf));
    }

    /// <summary>The measurement of a set with what it needs of the store read beforehand: pure, so two can run side by side.</summary>
    private Measurement Measured(EpisodeSet episodes, Period period, string? region, int topN, OutcomeData outcomeData,
        IReadOnlyDictionary<long, ExtractCoverage> openSources)
    {
        var measurement = OutcomeCalculator.MeasureWithOutcomes(episodes, new MeasurementParameters(period, region, topN), Reference, outcomeData);
        return measurement with { Warnings = CoverageWarning.Of(measurement, episodes, openSources) };
    }

    /// <summary>What the coverage warnings at <paramref name="asOf"/> need of the store (<see cref="CoverageWarning.Of(Measurement, EpisodeSet, IReadOnlyDictionary{long, ExtractCoverage})"/>), read once per date.</summary>
    private IReadOnlyDictionary<long, ExtractCoverage> OpenSourcesAt(DateOnly asOf)
    {
        if (!_openSources.TryGetValue(asOf, out var openSources)) _openSources[asOf] = openSources = _store.OpenSegmentsOfEarlyExtracts(asOf);
        return openSources;
    }

    /// <summary>One measurement: the episodes as of the date <paramref name="asOf"/> chooses for the period.</summary>
    public Measurement Measure(Period period, AsOfChoice asOf, int gapDays, IReadOnlyList<CareType> residentialSet, string? region,
        int topN = MeasurementParameters.DefaultTopN)
    {
        CheckRegion(region);
        return Measure(EpisodesAsOf(AsOfFor(asOf, period), gapDays, residentialSet), period, region, topN);
    }

    /// <summary>
    /// Two measurements and the tests between them (PROTOCOL.md 6): <paramref name="first"/> in
    /// <paramref name="firstRegion"/> as the baseline, <paramref name="second"/> in <paramref name="secondRegion"/>
    /// as the follow-up. With a window each is read at its own period's end plus the window.
    /// </summary>
    public Comparison Compare(Period first, Period second, string? firstRegion, string? secondRegion, AsOfChoice asOf, int gapDays,
        IReadOnlyList<CareType> residentialSet, int topN = MeasurementParameters.DefaultTopN)
    {
        CheckRegion(firstRegion);
        CheckRegion(secondRegion);
        CheckTopN(topN);
        var (firstAsOf, secondAsOf) = (AsOfFor(asOf, first, "the baseline"), AsOfFor(asOf, second, "the follow-up"));
        // Everything read from the store first, one after the other (the analysis is not shared between threads); then the
        // two measurements side by side, each of a set that nothing changes any more (a million episodes each at ten
        // million rows; one measurement keeps the two cores busy only part of the time).
        var (firstSet, secondSet) = (EpisodesAsOf(firstAsOf, gapDays, residentialSet), EpisodesAsOf(secondAsOf, gapDays, residentialSet));
        var (firstOpen, secondOpen, outcomeData) = (OpenSourcesAt(firstAsOf), OpenSourcesAt(secondAsOf), OutcomeData);
        Measurement? baseline = null, followup = null;
        try
        {
            Parallel.Invoke(
                () => baseline = Measured(firstSet, first, firstRegion, topN, outcomeData, firstOpen),
                () => followup = Measured(secondSet, second, secondRegion, topN, outcomeData, secondOpen));
        }
        catch (AggregateException e)
        {
            // As one measurement after the other would have thrown it (an invalid request stays one).
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(e.Flatten().InnerExceptions[0]);
        }
        return Comparison.Of(baseline!, followup!, asOf.WindowDays);
    }

    /// <summary>The comparison with its intervals for a researcher (<see cref="ComparisonStatistics"/>): the
    /// bootstrap resamples the youths of each measurement's own episode set (two sets with a window). Its sums are kept
    /// beside the store (<see cref="BootstrapSumsOf"/>).</summary>
    public Comparison WithStatistics(Comparison comparison, int replicates = PoissonBootstrap.DefaultReplicates, ulong seed = PoissonBootstrap.DefaultSeed)
    {
        var changes = ChangeIntervals.Compute(BootstrapSumsOf(comparison.Baseline, replicates, seed), BootstrapSumsOf(comparison.Followup, replicates, seed));
        return comparison with { Statistics = ComparisonStatistics.Of(changes, comparison) };
    }

    /// <summary>The episodes under these rules, built once per analysis.</summary>
    public EpisodeSet EpisodesAsOf(DateOnly asOf, int gapDays, IReadOnlyList<CareType> residentialSet)
    {
        var key = (asOf, gapDays, string.Join(",", residentialSet.Order()));
        if (!_episodeSets.TryGetValue(key, out var set)) _episodeSets[key] = set = BuildEpisodes(asOf, gapDays, residentialSet);
        return set;
    }

    private static void CheckTopN(int topN)
    {
        if (topN < 1) throw new InvalidRequestException($"--top-n must be at least 1 ({topN})");
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

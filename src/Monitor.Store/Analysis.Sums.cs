using Monitor.Core;
using Monitor.Core.Domain;
using Monitor.Core.Episodes;
using Monitor.Core.Measurements;
using Monitor.Core.Publication;
using Monitor.Store.Caching;

namespace Monitor.Store;

/// <summary>
/// The report's trend years and sensitivity rows, and the bootstrap of its comparison: sums over a period's cohort
/// (<see cref="CohortSums"/>, <see cref="BootstrapSums"/>), made once and then kept beside the store and brought up to
/// date, night after night, by the youths the new rows touch alone.
/// </summary>
public sealed partial class Analysis
{
    // The segments of the youths with a segment above an id (a kept file's version), by that id.
    private readonly Dictionary<long, Segment[]> _touchedSince = [];

    /// <summary>How many cohort sums this analysis made from the episodes, took from the files beside the store
    /// (<see cref="CohortSumsFile"/>) as they were, and took from them brought up to date: what the tests look at.</summary>
    public (int Made, int Kept, int Updated) Sums { get; private set; }

    /// <summary>The same for the bootstrap sums of comparisons (<see cref="WithStatistics"/>).</summary>
    public (int Made, int Kept, int Updated) Bootstraps { get; private set; }

    /// <summary>One year of a report's trend: the figures the trend shows of the year's cohort sums (<see cref="SumsOf"/>).</summary>
    public TrendYear TrendYear(Period period, AsOfChoice asOf, int gapDays, IReadOnlyList<CareType> residentialSet, string? region,
        int topN = MeasurementParameters.DefaultTopN)
    {
        CheckRegion(region);
        CheckTopN(topN);
        var parameters = new MeasurementParameters(period, region, topN);
        return TrendFigures.Of(TrendFigures.Prefix(period.From.Year), SumsOf(parameters, AsOfFor(asOf, period), gapDays, residentialSet), parameters,
            Reference, OutcomeData);
    }

    /// <summary>
    /// The figures a report's sensitivity table shows of <paramref name="period"/> under a gap rule, under
    /// <paramref name="prefix"/>: those of the period's cohort sums under that rule (<see cref="SumsOf"/>).
    /// </summary>
    public IReadOnlyList<Figure> SensitivityFigures(string prefix, Period period, AsOfChoice asOf, string periodName, int gapDays,
        IReadOnlyList<CareType> residentialSet, string? region, int topN = MeasurementParameters.DefaultTopN)
    {
        CheckRegion(region);
        var date = AsOfFor(asOf, period, periodName);
        return Core.Publication.SensitivityFigures.Of(prefix, SumsOf(new MeasurementParameters(period, region, topN), date, gapDays, residentialSet));
    }

    /// <summary>The sums of the cohort of <paramref name="parameters"/> read at <paramref name="date"/> (<see cref="Kept{TFile, T}"/>).</summary>
    private CohortSums SumsOf(MeasurementParameters parameters, DateOnly date, int gapDays, IReadOnlyList<CareType> residentialSet)
    {
        var period = parameters.Period;
        if (gapDays < 0) throw new InvalidRequestException($"gap days cannot be negative ({gapDays})");
        var path = CohortSumsFile.PathIn(_store.CacheFolder, period, date, gapDays, residentialSet, parameters.Region);
        var (sums, how) = Kept<CohortSumsFile, CohortSums>(path, period, date, gapDays, residentialSet,
            set => CohortSums.Of(set, parameters, Reference, OpenSourcesAt(date)), () => EpisodesAround(period, date, gapDays, residentialSet));
        Sums = Counted(Sums, how);
        return sums;
    }

    /// <summary>The bootstrap sums of <paramref name="m"/>'s cohort (<see cref="Kept{TFile, T}"/>), of its own episode set when made.</summary>
    private BootstrapSums BootstrapSumsOf(Measurement m, int replicates, ulong seed)
    {
        var parameters = new MeasurementParameters(m.Period, m.Region);
        var path = BootstrapSumsFile.PathIn(_store.CacheFolder, m.Period, m.AsOf, m.GapDays, m.ResidentialSet, m.Region, replicates, seed);
        var (sums, how) = Kept<BootstrapSumsFile, BootstrapSums>(path, m.Period, m.AsOf, m.GapDays, m.ResidentialSet,
            set => BootstrapSums.Of(set, parameters, Reference, replicates, seed), () => EpisodesAsOf(m.AsOf, m.GapDays, m.ResidentialSet));
        Bootstraps = Counted(Bootstraps, how);
        return sums;
    }

    private enum SumsFrom { Made, Kept, Updated }

    private static (int Made, int Kept, int Updated) Counted((int Made, int Kept, int Updated) counts, SumsFrom how) => how switch
    {
        SumsFrom.Made => counts with { Made = counts.Made + 1 },
        SumsFrom.Kept => counts with { Kept = counts.Kept + 1 },
        _ => counts with { Updated = counts.Updated + 1 },
    };

    /// <summary>
    /// Sums (<paramref name="of"/> a set of episodes) of <paramref name="period"/>'s cohort read at <paramref name="date"/>.
    /// Sums made before are taken from their file while the store only gained rows of extracts since
    /// (<see cref="MonitorStore.OnlyExtractRowsAddedSince"/>): as they were when all new rows start after
    /// <paramref name="date"/> (the measurement ignores them), else brought up to date by the youths with new rows alone:
    /// their part of the kept sums (their episodes of the rows they had then) taken away, their part now added. Otherwise
    /// made of the episodes <paramref name="episodes"/> gives. The same sums every way
    /// (tests/Monitor.Integration.Tests/TrendCacheTests.cs).
    /// </summary>
    private (T Sums, SumsFrom How) Kept<TFile, T>(string path, Period period, DateOnly date, int gapDays, IReadOnlyList<CareType> residentialSet,
        Func<EpisodeSet, T> of, Func<EpisodeSet> episodes)
        where TFile : IKeptSumsFile<T> where T : class, IYouthSums<T>
    {
        if (!_useCaches) return (of(episodes()), SumsFrom.Made);
        if (TFile.Read(path) is var (version, kept) && kept.Period == period && kept.AsOf == date
            && _store.OnlyExtractRowsAddedSince(version, Version))
        {
            if (version.SameAs(Version))
            {
                TFile.Touch(path);
                return (kept, SumsFrom.Kept);
            }
            var (sums, how) = ((T?)kept, SumsFrom.Kept);
            if (_store.FirstStartSince(version) is { } start && start <= date)
            {
                LoadForBuilding(gapDays);
                var rules = new EpisodeRules(date, gapDays, residentialSet, _tariffs);
                T Around(Segment[] segments) => of(EpisodeBuilder.Build(PeriodSegments.Of(segments, period, gapDays), rules));
                var touched = TouchedSince(version.MaxSegmentId);
                try
                {
                    (sums, how) = (kept.Replaced(Around(Array.FindAll(touched, s => s.Id <= version.MaxSegmentId)), Around(touched)), SumsFrom.Updated);
                }
                catch (InvalidOperationException)
                {
                    // The file does not hold the part of youths it should (edited or damaged by hand): made anew below.
                    sums = null;
                }
            }
            if (sums is not null)
            {
                // Written as of this version: the next night looks only at the rows added after it.
                TFile.Write(path, Version, sums);
                return (sums, how);
            }
        }
        var made = of(episodes());
        TFile.Write(path, Version, made);
        return (made, SumsFrom.Made);
    }

    /// <summary>Every segment of the youths with a segment above <paramref name="maxSegmentId"/> (rows added since a
    /// version), in the analysis's order; one pass over the segments per version asked for.</summary>
    private Segment[] TouchedSince(long maxSegmentId)
    {
        if (_touchedSince.TryGetValue(maxSegmentId, out var kept)) return kept;
        LoadForBuilding(0);
        var youths = new HashSet<int>();
        foreach (ref readonly var s in _segments.AsSpan())
            if (s.Id > maxSegmentId) youths.Add(s.YouthId);
        // A youth's segments lie together: looked up once per run of one youth, copied as a run.
        var touched = new List<Segment>(youths.Count * 8);
        var segments = _segments.AsSpan();
        for (var (first, end) = (0, 0); first < segments.Length; first = end)
        {
            for (end = first + 1; end < segments.Length && segments[end].YouthId == segments[first].YouthId;) end++;
            if (youths.Contains(segments[first].YouthId)) touched.AddRange(segments[first..end]);
        }
        return _touchedSince[maxSegmentId] = touched.ToArray();
    }

    /// <summary>
    /// The episodes of <paramref name="period"/> read at <paramref name="date"/> when they are needed once (a trend year, a
    /// row of the sensitivity table):
    /// built for the youths around the period alone (<see cref="PeriodSegments"/>, a small copy of their segments), not
    /// kept, and the episode files beside the store left as they are. A set this analysis keeps under the same rules
    /// is taken instead.
    /// </summary>
    private EpisodeSet EpisodesAround(Period period, DateOnly date, int gapDays, IReadOnlyList<CareType> residentialSet)
    {
        if (_episodeSets.TryGetValue((date, gapDays, string.Join(",", residentialSet.Order())), out var kept)) return kept;
        LoadForBuilding(gapDays);
        return EpisodeBuilder.Build(PeriodSegments.Of(_segments, period, gapDays), new EpisodeRules(date, gapDays, residentialSet, _tariffs));
    }
}

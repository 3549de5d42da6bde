using Monitor.Core.Domain;
using Monitor.Core.Measurements;
using Monitor.Core.Statistics;

namespace Monitor.Core.Outcomes;

/// <summary>The interval of one difference in differences.</summary>
public sealed record DidInterval(string Figure, double? DifferenceInDifferences, BootstrapInterval? Interval);

/// <summary>
/// The pre-period trend check of one figure: region A minus region B in each period before the programme
/// (oldest first, the baseline last), the least-squares slope of that difference per period, and the
/// slope's bootstrap interval. <see cref="Parallel"/> is true when the interval holds 0 ("de trends vóór de
/// periode liepen gelijk op"), false when it does not ("liepen niet gelijk op"), null without an interval.
/// </summary>
public sealed record TrendCheck(string Figure, IReadOnlyList<Period> Periods, IReadOnlyList<double?> Differences, double? Slope,
    BootstrapInterval? Interval)
{
    public bool? Parallel => Interval is { } i ? i.Lower <= 0 && 0 <= i.Upper : null;

    /// <summary>The sentence the report shows, in Dutch.</summary>
    public string? Dutch => Parallel switch
    {
        true => "De trends vóór de periode liepen gelijk op.",
        false => "De trends vóór de periode liepen niet gelijk op.",
        null => null,
    };

    /// <summary>The same in English.</summary>
    public string? English => Parallel switch
    {
        true => "The trends before the period ran parallel.",
        false => "The trends before the period did not run parallel.",
        null => null,
    };
}

/// <summary>What <c>monitor did</c> adds to the difference in differences: its intervals and, when the data
/// reach back far enough, the check of the trends before the programme.</summary>
public sealed record DidStatisticsResult(int Replicates, ulong Seed, IReadOnlyList<DidInterval> Intervals, IReadOnlyList<TrendCheck> Trends)
{
    /// <summary>The fewest distinct youths of any measurement the trend check rests on (both regions, the baseline
    /// and each earlier period): what the publication rules judge it by; 0 without a check.</summary>
    public int TrendYouths { get; init; }
}

/// <summary>
/// 95% intervals of the difference in differences (docs/outcomes.md 3) by the Poisson bootstrap over
/// youths of <see cref="PoissonBootstrap"/>, and the pre-period trend check.
/// </summary>
/// <remarks>
/// The difference in differences reads region B's change as what would have happened in A without its
/// programme. That needs the two regions to move alike before the programme (parallel trends). The check
/// measures A and B over the baseline and the periods of the same length before it, as far as the data
/// reach, takes A − B in each, and fits a straight line through those differences: a slope whose interval
/// holds 0 is no evidence against parallel trends (never proof of them: with few periods and small
/// regions the interval is wide). It needs at least two pre-programme periods, the baseline and one before.
/// Residential days per 1,000 youths use each period's population as measured, which the bootstrap keeps
/// fixed (it resamples youths in care, not the population).
/// </remarks>
public static class DidStatistics
{
    public static readonly IReadOnlyList<string> Figures = ["residential_days_per_1000", "mean_stay_days"];

    /// <param name="earlier">Measurements of A and B over periods before the baseline, oldest first (may be empty).</param>
    public static DidStatisticsResult Compute(DifferenceInDifferences did, IReadOnlyList<(Measurement A, Measurement B)> earlier,
        int replicates = PoissonBootstrap.DefaultReplicates, ulong seed = PoissonBootstrap.DefaultSeed)
    {
        var four = new[] { Sample.Of(did.ABaseline), Sample.Of(did.AFollowup), Sample.Of(did.BBaseline), Sample.Of(did.BFollowup) };
        var intervals = PoissonBootstrap.Intervals(Figures.Count, replicates, r =>
        {
            var v = four.Select(s => s.Figures(seed, r)).ToArray();
            return Enumerable.Range(0, Figures.Count).Select(f => (v[1][f] - v[0][f]) - (v[3][f] - v[2][f])).ToArray();
        });
        var point = new[] { did.ResidentialDaysPer1000.DifferenceInDifferences, did.MeanStayDays.DifferenceInDifferences };
        var didIntervals = Figures.Select((name, f) => new DidInterval(name, point[f], intervals[f])).ToList();

        var trends = new List<TrendCheck>();
        if (earlier.Count >= 1)
        {
            // A figure missing in the oldest periods (a population not given for those years) shortens its
            // series from the old end; the check needs two periods with values.
            var pre = earlier.Append((did.ABaseline, did.BBaseline)).Select(p => (A: Sample.Of(p.Item1), B: Sample.Of(p.Item2))).ToList();
            var periods = earlier.Select(p => p.A.Period).Append(did.ABaseline.Period).ToList();
            var slopes = PoissonBootstrap.Intervals(Figures.Count, replicates, r =>
            {
                var differences = pre.Select(p => Subtract(p.A.Figures(seed, r), p.B.Figures(seed, r))).ToList();
                return Enumerable.Range(0, Figures.Count).Select(f => Slope(differences.Select(d => d[f]).SkipWhile(v => v is null).ToList())).ToArray();
            });
            var pointDifferences = pre.Select(p => Subtract(p.A.Figures(null, 0), p.B.Figures(null, 0))).ToList();
            for (var f = 0; f < Figures.Count; f++)
            {
                var series = pointDifferences.Select(d => d[f]).ToList();
                var skip = 0;
                while (skip < series.Count && series[skip] is null) skip++;
                trends.Add(new TrendCheck(Figures[f], periods.Skip(skip).ToList(), series.Skip(skip).ToList(), Slope(series.Skip(skip).ToList()), slopes[f]));
            }
        }
        var trendYouths = trends.Count == 0 ? 0
            : earlier.Append((did.ABaseline, did.BBaseline)).Min(p => Math.Min(Youths(p.Item1), Youths(p.Item2)));
        return new DidStatisticsResult(replicates, seed, didIntervals, trends) { TrendYouths = trendYouths };
    }

    private static int Youths(Measurement m) => m.Cohort.Episodes.Select(e => e.YouthId).Distinct().Count();

    private static double?[] Subtract(double?[] a, double?[] b) => a.Zip(b, (x, y) => x - y).ToArray();

    /// <summary>Least-squares slope of the values against 0, 1, 2, …; null when any value is missing.</summary>
    internal static double? Slope(IReadOnlyList<double?> values)
    {
        if (values.Count < 2 || values.Any(v => v is null)) return null;
        var meanX = (values.Count - 1) / 2.0;
        var meanY = values.Average(v => v!.Value);
        double sxy = 0, sxx = 0;
        for (var i = 0; i < values.Count; i++)
        {
            sxy += (i - meanX) * (values[i]!.Value - meanY);
            sxx += (i - meanX) * (i - meanX);
        }
        return sxy / sxx;
    }

    /// <summary>One measurement's episodes as what the two figures need: the youth, residential days in the
    /// period, and the stay's duration.</summary>
    private sealed class Sample
    {
        private int[] _youths = [];
        private int[] _days = [];
        private int[] _durations = [];
        private long? _population;

        public static Sample Of(Measurement m) => new()
        {
            _youths = m.Cohort.Episodes.Select(e => e.YouthId).ToArray(),
            _days = m.Cohort.Episodes.Select(e => OutcomeCalculator.ResidentialDaysIn(e, m.Period, m.AsOf)).ToArray(),
            _durations = m.Cohort.Episodes.Select(e => e.DurationDays).ToArray(),
            _population = m.Outcomes?.Population,
        };

        /// <summary>Residential days per 1,000 and the mean stay, each youth weighted by its Poisson weight
        /// in replicate <paramref name="replicate"/> (a null seed: weight 1, the measured figures).</summary>
        public double?[] Figures(ulong? seed, int replicate)
        {
            double days = 0, durations = 0;
            long episodes = 0;
            // Weights are per youth; a youth's episodes are consecutive, so the weight is hashed once per youth.
            var (lastYouth, w) = (int.MinValue, 1);
            for (var e = 0; e < _youths.Length; e++)
            {
                if (_youths[e] != lastYouth)
                {
                    lastYouth = _youths[e];
                    w = seed is { } s ? PoissonBootstrap.Weight(s, replicate, lastYouth) : 1;
                }
                days += (double)w * _days[e];
                durations += (double)w * _durations[e];
                episodes += w;
            }
            return
            [
                _population is > 0 ? days * 1000 / _population.Value : null,
                episodes == 0 ? null : durations / episodes,
            ];
        }
    }
}

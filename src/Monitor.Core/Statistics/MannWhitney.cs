using MathNet.Numerics;

namespace Monitor.Core.Statistics;

/// <summary>
/// Result of a two-sided Mann–Whitney U test.
/// </summary>
/// <param name="U">U of the first sample: R1 − n1(n1 + 1)/2. The second sample's U is n1·n2 − U.</param>
/// <param name="Z">(U − n1·n2/2) / sd, negative when the first sample tends to be smaller.</param>
/// <param name="PValue">Two-sided p from the normal approximation.</param>
public readonly record struct MannWhitneyResult(double U, double Z, double PValue);

/// <summary>
/// Mann–Whitney U test on exit-cohort durations (protocol section 6). Ranks, not means, because stay
/// lengths are heavily skewed and a few very long stays would dominate a t-test.
/// </summary>
public static class MannWhitney
{
    /// <summary>
    /// Two-sided test, normal approximation with tie correction and without continuity correction (the
    /// protocol's choice; R's <c>wilcox.test(exact = FALSE, correct = FALSE)</c>). Durations in days tie
    /// a lot, so the tie correction matters; the samples are large enough that the normal approximation
    /// is the practical one.
    /// </summary>
    /// <returns>null when either sample is empty or all values tie (variance 0): there is nothing to test.</returns>
    /// <exception cref="ArgumentException">A value is NaN, which has no rank.</exception>
    public static MannWhitneyResult? Test(IReadOnlyList<double> first, IReadOnlyList<double> second) => Test(first, second, countPerValue: null);

    /// <param name="countPerValue">Null: values that are all whole days (up to a little more than the samples' size) are
    /// counted per value, others sorted; true or false: that way (what the tests compare; true needs whole days).</param>
    internal static MannWhitneyResult? Test(IReadOnlyList<double> first, IReadOnlyList<double> second, bool? countPerValue)
    {
        ArgumentNullException.ThrowIfNull(first);
        ArgumentNullException.ThrowIfNull(second);
        int n1 = first.Count, n2 = second.Count, n = n1 + n2;
        if (n1 == 0 || n2 == 0)
        {
            return null;
        }

        var limit = 4L * n + 1024; // counting per value when the values span little more than the samples
        var wholeDays = true;
        var max = 0.0;
        foreach (var sample in new[] { (first, nameof(first)), (second, nameof(second)) })
            for (var i = 0; i < sample.Item1.Count; i++)
            {
                var v = Require(sample.Item1[i], sample.Item2);
                wholeDays &= v >= 0 && v <= int.MaxValue - 1 && v == Math.Floor(v);
                max = Math.Max(max, v);
            }
        var ranks = new Ranks();
        if (countPerValue ?? (wholeDays && max <= limit))
        {
            // Stay lengths in days: counted per day and walked in order, instead of a million pairs sorted.
            if (!wholeDays) throw new ArgumentException("counting per value needs whole days", nameof(countPerValue));
            var (counts1, counts2) = (new int[(int)max + 1], new int[(int)max + 1]);
            for (var i = 0; i < n1; i++) counts1[(int)first[i]]++;
            for (var i = 0; i < n2; i++) counts2[(int)second[i]]++;
            for (var v = 0; v <= (int)max; v++)
                if (counts1[v] + counts2[v] > 0) ranks.Group(counts1[v], counts2[v]);
        }
        else
        {
            var pooled = new (double Value, bool First)[n];
            for (var i = 0; i < n1; i++) pooled[i] = (first[i], true);
            for (var i = 0; i < n2; i++) pooled[n1 + i] = (second[i], false);
            Array.Sort(pooled, (a, b) => a.Value.CompareTo(b.Value));
            for (var i = 0; i < n;)
            {
                var (j, fromFirst) = (i, 0);
                for (; j < n && pooled[j].Value == pooled[i].Value; j++)
                    if (pooled[j].First) fromFirst++;
                ranks.Group(fromFirst, j - i - fromFirst);
                i = j;
            }
        }
        return ranks.Result(n1, n2);
    }

    /// <summary>The rank sum of the first sample and the tie term, over the groups of equal values in ascending order.</summary>
    private sealed class Ranks
    {
        private double _rankSum, _tieSum;
        private int _position, _groups;

        public void Group(int fromFirst, int fromSecond)
        {
            var (i, j) = (_position, _position + fromFirst + fromSecond);
            // Positions i..j-1 hold ranks i+1..j: each gets their average.
            var averageRank = (i + 1 + j) / 2.0;
            double t = j - i;
            _tieSum += t * t * t - t;
            for (var k = 0; k < fromFirst; k++) _rankSum += averageRank;
            (_position, _groups) = (j, _groups + 1);
        }

        public MannWhitneyResult? Result(int n1, int n2)
        {
            var n = n1 + n2;
            if (_groups == 1)
            {
                // All values tie. Caught here as well as by the variance check below, because for large n the
                // tie term (n³ − n)/(n(n − 1)) may round to a hair off n + 1 and leave a tiny positive variance.
                return null;
            }
            var u = _rankSum - n1 * (n1 + 1.0) / 2;
            var mean = (double)n1 * n2 / 2;
            var variance = (double)n1 * n2 / 12 * ((n + 1) - _tieSum / ((double)n * (n - 1)));
            if (!(variance > 0))
            {
                return null;
            }
            var z = (u - mean) / Math.Sqrt(variance);
            // 2·(1 − Φ(|z|)) = erfc(|z|/√2), without the cancellation of 1 − Φ for large |z|.
            var p = Math.Min(1.0, SpecialFunctions.Erfc(Math.Abs(z) / Math.Sqrt(2)));
            return new MannWhitneyResult(u, z, p);
        }
    }

    private static double Require(double value, string parameter) =>
        double.IsNaN(value) ? throw new ArgumentException("A sample value is NaN.", parameter) : value;
}

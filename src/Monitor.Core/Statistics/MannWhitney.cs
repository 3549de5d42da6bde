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
    public static MannWhitneyResult? Test(IReadOnlyList<double> first, IReadOnlyList<double> second)
    {
        ArgumentNullException.ThrowIfNull(first);
        ArgumentNullException.ThrowIfNull(second);
        int n1 = first.Count, n2 = second.Count, n = n1 + n2;
        if (n1 == 0 || n2 == 0)
        {
            return null;
        }

        var pooled = new (double Value, bool First)[n];
        for (var i = 0; i < n1; i++) pooled[i] = (Require(first[i], nameof(first)), true);
        for (var i = 0; i < n2; i++) pooled[n1 + i] = (Require(second[i], nameof(second)), false);
        Array.Sort(pooled, (a, b) => a.Value.CompareTo(b.Value));
        if (pooled[0].Value == pooled[^1].Value)
        {
            // All values tie. Caught here as well as by the variance check below, because for large n the
            // tie term (n³ − n)/(n(n − 1)) may round to a hair off n + 1 and leave a tiny positive variance.
            return null;
        }

        double rankSum = 0, tieSum = 0;
        for (var i = 0; i < n;)
        {
            var j = i;
            while (j < n && pooled[j].Value == pooled[i].Value) j++;
            // Positions i..j-1 hold ranks i+1..j: each gets their average.
            var averageRank = (i + 1 + j) / 2.0;
            double t = j - i;
            tieSum += t * t * t - t;
            for (var k = i; k < j; k++)
            {
                if (pooled[k].First) rankSum += averageRank;
            }
            i = j;
        }

        var u = rankSum - n1 * (n1 + 1.0) / 2;
        var mean = (double)n1 * n2 / 2;
        var variance = (double)n1 * n2 / 12 * ((n + 1) - tieSum / ((double)n * (n - 1)));
        if (!(variance > 0))
        {
            return null;
        }
        var z = (u - mean) / Math.Sqrt(variance);
        // 2·(1 − Φ(|z|)) = erfc(|z|/√2), without the cancellation of 1 − Φ for large |z|.
        var p = Math.Min(1.0, SpecialFunctions.Erfc(Math.Abs(z) / Math.Sqrt(2)));
        return new MannWhitneyResult(u, z, p);
    }

    private static double Require(double value, string parameter) =>
        double.IsNaN(value) ? throw new ArgumentException("A sample value is NaN.", parameter) : value;
}

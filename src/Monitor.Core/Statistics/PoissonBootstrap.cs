using System.Numerics;
using System.Runtime.CompilerServices;

namespace Monitor.Core.Statistics;

/// <summary>
/// A seeded bootstrap over youths with Poisson(1) weights (Hanley &amp; MacGibbon 2006; Chamandy et al. 2012),
/// for 95% intervals of the changes in the key figures.
/// </summary>
/// <remarks>
/// Why Poisson weights rather than drawing n youths with replacement: each youth's weight in a replicate is
/// a function of (seed, replicate, youth) alone, so a youth who is in both the baseline and the follow-up
/// cohort carries the same weight in both (the two measurements are not independent samples, and the
/// interval of their difference must know it), the result does not depend on the order youths come in, and
/// replicates run side by side on any number of cores with the same answer. The number of youths varies
/// between replicates as it would between two years with the same underlying rates, so counts get an
/// interval too (the Poisson variance of a count), not a zero-width one. For large n the two bootstraps
/// agree. The interval is the percentile interval (2.5% and 97.5% quantiles of the replicates, type 7).
/// </remarks>
public static class PoissonBootstrap
{
    public const int DefaultReplicates = 1000;
    public const ulong DefaultSeed = 20261201;

    /// <summary>P(X &lt;= k) for X ~ Poisson(1), k = 0..11; beyond 11 the remaining mass is below 1e-9.</summary>
    private static readonly double[] Cumulative = BuildCumulative();

    private static double[] BuildCumulative()
    {
        var cumulative = new double[12];
        var term = Math.Exp(-1); // P(X = 0)
        var sum = 0.0;
        for (var k = 0; k < cumulative.Length; k++)
        {
            sum += term;
            cumulative[k] = sum;
            term /= k + 1;
        }
        return cumulative;
    }

    /// <summary>The weight of <paramref name="unit"/> (a youth's number) in replicate <paramref name="replicate"/>:
    /// a Poisson(1) draw by inversion of a uniform that SplitMix64 makes of the three numbers.</summary>
    public static int Weight(ulong seed, int replicate, long unit) => Weight(ReplicateKey(seed, replicate), UnitKey(unit));

    /// <summary>What <see cref="Weight(ulong, int, long)"/> takes of the seed and the replicate: the same for every
    /// unit, so a pass over many units works it out once.</summary>
    public static ulong ReplicateKey(ulong seed, int replicate) => seed ^ Mix((ulong)replicate * 0x9E3779B97F4A7C15UL + 0x632BE59BD9B4E019UL);

    /// <summary>What <see cref="Weight(ulong, int, long)"/> takes of the unit: the same in every replicate, so a
    /// bootstrap over many replicates works it out once per unit.</summary>
    public static ulong UnitKey(long unit) => Mix((ulong)unit + 0xD1B54A32D192ED03UL);

    /// <summary>The weight of a unit in a replicate from their keys: <c>Weight(ReplicateKey(s, r), UnitKey(u))</c> is
    /// <c>Weight(s, r, u)</c>.</summary>
    public static int Weight(ulong replicateKey, ulong unitKey)
    {
        // 53 random bits m make the uniform u = m / 2^53 in [0, 1); the weight is the number of cumulative
        // probabilities at or below u. u >= c exactly when m >= ceil(c * 2^53) (both sides scaled by a power of
        // two, so exactly), which spares the conversion; the first three comparisons (92% of draws stop there)
        // are counted without branches, whose outcome is a coin toss per unit.
        var m = Mix(replicateKey ^ unitKey) >> 11;
        var k = (m >= Threshold0 ? 1 : 0) + (m >= Threshold1 ? 1 : 0) + (m >= Threshold2 ? 1 : 0);
        if (k < 3) return k;
        while (k < Thresholds.Length && m >= Thresholds[k]) k++;
        return k;
    }

    private static readonly ulong[] Thresholds = Cumulative.Select(c => (ulong)Math.Ceiling(c * (1UL << 53))).ToArray();
    private static readonly ulong Threshold0 = Thresholds[0], Threshold1 = Thresholds[1], Threshold2 = Thresholds[2];
    private static readonly ulong Threshold3 = Thresholds[3], Threshold4 = Thresholds[4], Threshold5 = Thresholds[5];

    /// <summary>The weights of one unit in several replicates at once, one per lane: lane i is
    /// <c>Weight(replicateKeys[i], unitKey)</c>.</summary>
    /// <remarks>Inlined into the bootstrap's loop over youths, with the rare draws above 5 in a method of their own. As
    /// one method with a stack buffer it was compiled once, without tiering, and called for every youth with its
    /// vectors passed through memory: a third of a bootstrap's processor time (docs/benchmarks.md). The thresholds
    /// ascend, so counting every one a lane reaches is counting on until the first it does not.</remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector<long> Weights(Vector<ulong> replicateKeys, ulong unitKey)
    {
        var m = Vector.ShiftRightLogical(Mix(replicateKeys ^ new Vector<ulong>(unitKey)), 11);
        // Each comparison is all ones (-1) where true. Up to 5 without branches: a draw above 5 has probability
        // 0.0006, so with four lanes one pass in 400 takes the branch (one in four would above 2).
        var k = -Vector.AsVectorInt64(Vector.GreaterThanOrEqual(m, new Vector<ulong>(Threshold0))
                                      + Vector.GreaterThanOrEqual(m, new Vector<ulong>(Threshold1))
                                      + Vector.GreaterThanOrEqual(m, new Vector<ulong>(Threshold2))
                                      + Vector.GreaterThanOrEqual(m, new Vector<ulong>(Threshold3))
                                      + Vector.GreaterThanOrEqual(m, new Vector<ulong>(Threshold4))
                                      + Vector.GreaterThanOrEqual(m, new Vector<ulong>(Threshold5)));
        return Vector.EqualsAny(k, new Vector<long>(6)) ? BeyondFive(m, k) : k;
    }

    /// <summary>The weights when a lane's draw is 6 or more: the remaining thresholds counted on.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static Vector<long> BeyondFive(Vector<ulong> m, Vector<long> k)
    {
        for (var j = 6; j < Thresholds.Length; j++)
            k -= Vector.AsVectorInt64(Vector.GreaterThanOrEqual(m, new Vector<ulong>(Thresholds[j])));
        return k;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector<ulong> Mix(Vector<ulong> z)
    {
        z += new Vector<ulong>(0x9E3779B97F4A7C15UL);
        z = (z ^ Vector.ShiftRightLogical(z, 30)) * new Vector<ulong>(0xBF58476D1CE4E5B9UL);
        z = (z ^ Vector.ShiftRightLogical(z, 27)) * new Vector<ulong>(0x94D049BB133111EBUL);
        return z ^ Vector.ShiftRightLogical(z, 31);
    }

    /// <summary>SplitMix64's finaliser (Steele, Lea &amp; Flood 2014): a fast, well-mixed 64-bit hash.</summary>
    private static ulong Mix(ulong z)
    {
        z += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>
    /// Runs <paramref name="replicates"/> replicates of <paramref name="statistic"/>, which gets the replicate
    /// number and returns one value per figure (null where the replicate has no value, such as a mean over an
    /// empty set), and returns each figure's percentile interval at <paramref name="level"/>.
    /// </summary>
    /// <returns>One interval per figure; null when fewer than 90% of the replicates gave a value.</returns>
    public static BootstrapInterval?[] Intervals(int figures, int replicates, Func<int, double?[]> statistic, double level = 0.95)
    {
        ArgumentNullException.ThrowIfNull(statistic);
        return Intervals(figures, replicates, 1, (first, _) => [statistic(first)], level);
    }

    /// <summary>The same, with the replicates computed in blocks of up to <paramref name="block"/>: <paramref name="statistic"/>
    /// gets the first replicate's number and the block's size and returns a row of values per replicate.</summary>
    public static BootstrapInterval?[] Intervals(int figures, int replicates, int block, Func<int, int, double?[][]> statistic, double level = 0.95)
    {
        ArgumentNullException.ThrowIfNull(statistic);
        if (replicates < 1) throw new ArgumentOutOfRangeException(nameof(replicates), replicates, "At least one replicate.");
        if (block < 1) throw new ArgumentOutOfRangeException(nameof(block), block, "At least one replicate per block.");
        if (!(level > 0 && level < 1)) throw new ArgumentOutOfRangeException(nameof(level), level, "A level lies strictly between 0 and 1.");
        var values = new double?[replicates][];
        // Replicates are independent and their weights are hashed, not drawn from a shared generator: the
        // result is the same on one core or many, in blocks of any size.
        Parallel.For(0, (replicates + block - 1) / block, b =>
        {
            var (first, count) = (b * block, Math.Min(block, replicates - b * block));
            var rows = statistic(first, count);
            if (rows.Length != count) throw new InvalidOperationException($"a block of {count} replicates gave {rows.Length} rows");
            rows.CopyTo(values, first);
        });
        var intervals = new BootstrapInterval?[figures];
        for (var f = 0; f < figures; f++)
        {
            var sample = new List<double>(replicates);
            foreach (var replicate in values)
                if (replicate[f] is { } v && double.IsFinite(v)) sample.Add(v);
            if (sample.Count < 0.9 * replicates) continue;
            sample.Sort();
            var alpha = (1 - level) / 2;
            // Type 7 (R's default), so a researcher can check the bounds in R from the replicates.
            intervals[f] = new BootstrapInterval(Descriptive.QuantileType7(sample, alpha), Descriptive.QuantileType7(sample, 1 - alpha), sample.Count);
        }
        return intervals;
    }
}

/// <summary>A bootstrap percentile interval and how many replicates it rests on.</summary>
public readonly record struct BootstrapInterval(double Lower, double Upper, int Replicates);

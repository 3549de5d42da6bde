using Monitor.Core.Statistics;

namespace Monitor.Core.Tests.Statistics;

/// <summary>The seeded bootstrap over youths: reproducible with its seed, Poisson(1) weights, and intervals
/// that cover the truth at the stated rate on simulated data.</summary>
public class PoissonBootstrapTests
{
    [Fact]
    public void TheSameSeedReplicateAndYouthGiveTheSameWeight_AndOtherSeedsOthers()
    {
        var a = Enumerable.Range(0, 1000).Select(y => PoissonBootstrap.Weight(42, 3, y)).ToArray();
        var b = Enumerable.Range(0, 1000).Select(y => PoissonBootstrap.Weight(42, 3, y)).ToArray();
        var c = Enumerable.Range(0, 1000).Select(y => PoissonBootstrap.Weight(43, 3, y)).ToArray();
        var d = Enumerable.Range(0, 1000).Select(y => PoissonBootstrap.Weight(42, 4, y)).ToArray();
        Assert.Equal(a, b);
        Assert.NotEqual(a, c);
        Assert.NotEqual(a, d);
    }

    [Fact]
    public void TheWeightsOfTheDefaultSeedStayWhatTheyWere()
    {
        // Published intervals name their seed so that anyone can redo them: the weights of a seed may never change.
        // Expected values from an independent Python transcription of SplitMix64 and the Poisson(1) inversion.
        var weights = new[] { 0, 1, 999 }.SelectMany(r => new[] { 1, 2, 3, 1000, 123456 }.Select(u => PoissonBootstrap.Weight(PoissonBootstrap.DefaultSeed, r, u)));
        Assert.Equal([0, 1, 1, 2, 1, 3, 2, 0, 1, 1, 2, 1, 0, 2, 3], weights);
        // The keyed form is the same draw.
        Assert.Equal(PoissonBootstrap.Weight(5, 7, 11), PoissonBootstrap.Weight(PoissonBootstrap.ReplicateKey(5, 7), PoissonBootstrap.UnitKey(11)));
    }

    [Fact]
    public void TheWeightsOfSeveralReplicatesAtOnceAreTheWeightsOfEach()
    {
        // Property: every lane is the one-at-a-time draw, over enough units that weights up to 7 occur (above 5 the
        // vector form counts on in a branch of its own).
        var random = new Random(17);
        var lanes = System.Numerics.Vector<ulong>.Count;
        var seen = new HashSet<long>();
        for (var unit = 0; unit < 20_000; unit++)
        {
            var keys = Enumerable.Range(0, lanes).Select(_ => PoissonBootstrap.ReplicateKey((ulong)random.NextInt64(), random.Next())).ToArray();
            var unitKey = PoissonBootstrap.UnitKey(random.NextInt64());
            var weights = PoissonBootstrap.Weights(new System.Numerics.Vector<ulong>(keys), unitKey);
            for (var i = 0; i < lanes; i++)
            {
                Assert.Equal(PoissonBootstrap.Weight(keys[i], unitKey), weights[i]);
                seen.Add(weights[i]);
            }
        }
        Assert.Superset(Enumerable.Range(0, 8).Select(k => (long)k).ToHashSet(), seen);
    }

    [Fact]
    public void WeightsArePoissonWithMeanAndVarianceOne()
    {
        var weights = Enumerable.Range(0, 200_000).Select(y => (double)PoissonBootstrap.Weight(7, y % 100, y)).ToArray();
        var mean = weights.Average();
        var variance = weights.Sum(w => (w - mean) * (w - mean)) / (weights.Length - 1);
        Assert.InRange(mean, 0.99, 1.01);
        Assert.InRange(variance, 0.98, 1.02);
        // P(0) = e^-1 = 0.3679, P(1) = 0.3679, P(2) = 0.1839
        Assert.InRange(weights.Count(w => w == 0) / (double)weights.Length, 0.362, 0.374);
        Assert.InRange(weights.Count(w => w == 2) / (double)weights.Length, 0.179, 0.189);
    }

    [Fact]
    public void IntervalsAreReproducibleOnOneCoreOrMany()
    {
        var values = Enumerable.Range(0, 300).Select(i => (double)(i * 37 % 101)).ToArray();
        double?[] Statistic(int r) => [Enumerable.Range(0, values.Length).Sum(y => PoissonBootstrap.Weight(9, r, y) * values[y]) / values.Length];
        var first = PoissonBootstrap.Intervals(1, 500, Statistic);
        var second = PoissonBootstrap.Intervals(1, 500, Statistic);
        Assert.Equal(first, second);
        Assert.Equal(500, first[0]!.Value.Replicates);
    }

    [Fact]
    public void TooManyMissingReplicatesGiveNoInterval()
    {
        var intervals = PoissonBootstrap.Intervals(2, 100, r => [r < 85 ? 1.0 : null, r < 95 ? r : null]);
        Assert.Null(intervals[0]);
        Assert.Equal(95, intervals[1]!.Value.Replicates);
    }

    [Fact]
    public void TheIntervalOfAChangeInMeansCoversTheTruthAboutNinetyFivePercentOfTheTime()
    {
        // 300 simulated studies: two independent groups of youths, stays exponential with means 100 and 120
        // days (true change 20). Each gets a 95% interval from 400 replicates with its own seed. The share
        // that covers 20 must be near 0.95: binomial(300, 0.95) lies in [0.91, 0.98] with 99% probability.
        var random = new Random(2026);
        var covered = 0;
        const int studies = 300;
        for (var study = 0; study < studies; study++)
        {
            var a = Enumerable.Range(0, 150).Select(_ => -100 * Math.Log(1 - random.NextDouble())).ToArray();
            var b = Enumerable.Range(0, 170).Select(_ => -120 * Math.Log(1 - random.NextDouble())).ToArray();
            var seed = (ulong)study + 1;
            var interval = PoissonBootstrap.Intervals(1, 400, r => [WeightedMean(b, seed, r, 1000) - WeightedMean(a, seed, r, 0)])[0]!.Value;
            if (interval.Lower <= 20 && 20 <= interval.Upper) covered++;
        }
        Assert.InRange(covered / (double)studies, 0.91, 0.98);
    }

    /// <summary>A mean with each value weighted as youth <c>offset + i</c>: the two groups are other youths.</summary>
    private static double? WeightedMean(double[] values, ulong seed, int replicate, int offset)
    {
        double sum = 0, weight = 0;
        for (var i = 0; i < values.Length; i++)
        {
            var w = PoissonBootstrap.Weight(seed, replicate, offset + i);
            sum += w * values[i];
            weight += w;
        }
        return weight == 0 ? null : sum / weight;
    }
}

using System.Numerics;
using Monitor.Core.Statistics;

namespace Monitor.Core.Tests.Statistics;

public class KaplanMeierPropertyTests
{
    [Fact]
    public void Quantiles_and_survival_match_a_naive_exact_recomputation_on_random_data()
    {
        var random = new Random(20240601);
        for (var run = 0; run < 200; run++)
        {
            // Small days and many ties, so S often lands exactly on 3/4, 1/2 or 1/4.
            var times = Enumerable.Range(0, random.Next(1, 30))
                .Select(_ => new SurvivalTime(random.Next(1, 13), random.NextDouble() < 0.7))
                .ToArray();

            var curve = KaplanMeier.Estimate(times);
            var naive = NaiveCurve(times);

            Assert.Equal(naive.Select(p => p.Days), curve.Steps.Select(s => s.Days));
            for (var i = 0; i < naive.Count; i++)
            {
                Assert.Equal((double)naive[i].Numerator / (double)naive[i].Denominator, curve.Steps[i].Survival, 12);
            }
            Assert.Equal(NaiveQuantile(naive, 3, 4), curve.Quantile(0.25));
            Assert.Equal(NaiveQuantile(naive, 1, 2), curve.Median);
            Assert.Equal(NaiveQuantile(naive, 1, 4), curve.Quantile(0.75));
        }
    }

    [Fact]
    public void Counting_the_days_gives_the_curve_of_sorting_them_to_the_last_bit()
    {
        // Property: seeded random samples (empty, all censored, ties, day 0, a few days or thousands, shuffled):
        // every step (day, at risk, events, censorings, survival and band) and the totals are the same both ways.
        var random = new Random(5150);
        for (var run = 0; run < 300; run++)
        {
            var span = random.Next(3) switch { 0 => 5, 1 => 400, _ => 20_000 };
            var times = Enumerable.Range(0, random.Next(0, 400))
                .Select(_ => new SurvivalTime(random.Next(0, span), random.NextDouble() < (run % 5 == 0 ? 0 : 0.7)))
                .ToArray();
            var (counted, sorted) = (KaplanMeier.Estimate(times, countPerDay: true), KaplanMeier.Estimate(times, countPerDay: false));
            Assert.Equal(sorted.Steps, counted.Steps);
            Assert.Equal((sorted.Subjects, sorted.Events, sorted.LastTime), (counted.Subjects, counted.Events, counted.LastTime));
            Assert.Equal(sorted.Median, KaplanMeier.Estimate(times).Median);
        }
    }

    /// <summary>O(n²) Kaplan–Meier straight from the definition, in exact fractions.</summary>
    private static List<(int Days, BigInteger Numerator, BigInteger Denominator)> NaiveCurve(SurvivalTime[] times)
    {
        var result = new List<(int, BigInteger, BigInteger)>();
        BigInteger numerator = 1, denominator = 1;
        foreach (var t in times.Where(x => x.Event).Select(x => x.Days).Distinct().Order())
        {
            var atRisk = times.Count(x => x.Days >= t);
            var events = times.Count(x => x.Days == t && x.Event);
            numerator *= atRisk - events;
            denominator *= atRisk;
            result.Add((t, numerator, denominator));
        }
        return result;
    }

    /// <summary>First time with S &lt;= bound, compared as fractions: S.num * bound.den &lt;= bound.num * S.den.</summary>
    private static int? NaiveQuantile(
        List<(int Days, BigInteger Numerator, BigInteger Denominator)> curve, int boundNumerator, int boundDenominator)
    {
        foreach (var (days, numerator, denominator) in curve)
        {
            if (numerator * boundDenominator <= boundNumerator * denominator)
            {
                return days;
            }
        }
        return null;
    }
}

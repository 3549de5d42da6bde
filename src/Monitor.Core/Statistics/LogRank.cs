using MathNet.Numerics;

namespace Monitor.Core.Statistics;

/// <summary>
/// Result of a log-rank test of two groups.
/// </summary>
/// <param name="ChiSquare">(O1 − E1)² / V, one degree of freedom.</param>
/// <param name="PValue">P(χ²₁ &gt; ChiSquare).</param>
/// <param name="Observed1">Events observed in the first group.</param>
/// <param name="Expected1">Events expected in the first group if both groups had the same hazard.</param>
/// <param name="Variance">Hypergeometric variance of O1 − E1, summed over event times.</param>
public readonly record struct LogRankResult(
    double ChiSquare, double PValue, double Observed1, double Expected1, double Variance);

/// <summary>
/// Log-rank test of two entry cohorts' times to exit (protocol section 6). It uses the censored,
/// ongoing stays that an exit-cohort comparison has to drop, so it is the sounder of the two tests.
/// </summary>
public static class LogRank
{
    /// <summary>
    /// Mantel–Haenszel log-rank statistic with the hypergeometric variance, as R's
    /// <c>survdiff(rho = 0)</c>. At each distinct event time t of either group: n1, n2 at risk (time &gt;= t,
    /// so censorings at t are still at risk), d1, d2 events, n = n1 + n2, d = d1 + d2;
    /// E1 += d·n1/n; V += d·(n1/n)·(n2/n)·(n − d)/(n − 1), 0 when n = 1. Sorts each group once: O(n log n).
    /// </summary>
    /// <returns>null when there are no events at all, or V = 0 (e.g. one group empty): no test possible.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A time is negative.</exception>
    public static LogRankResult? Test(IEnumerable<SurvivalTime> first, IEnumerable<SurvivalTime> second)
    {
        var a = SortedByDays(first, nameof(first));
        var b = SortedByDays(second, nameof(second));

        int i = 0, j = 0;
        double observed1 = 0, expected1 = 0, variance = 0, events = 0;
        while (i < a.Length || j < b.Length)
        {
            var day = Math.Min(i < a.Length ? a[i].Days : int.MaxValue, j < b.Length ? b[j].Days : int.MaxValue);
            double atRisk1 = a.Length - i, atRisk2 = b.Length - j;
            var d1 = CountEventsAndSkip(a, ref i, day);
            var d2 = CountEventsAndSkip(b, ref j, day);
            double d = d1 + d2;
            if (d == 0)
            {
                continue;
            }
            var atRisk = atRisk1 + atRisk2;
            events += d;
            observed1 += d1;
            expected1 += d * atRisk1 / atRisk;
            if (atRisk > 1)
            {
                variance += d * (atRisk1 / atRisk) * (atRisk2 / atRisk) * (atRisk - d) / (atRisk - 1);
            }
        }
        if (events == 0 || !(variance > 0))
        {
            return null;
        }
        var chiSquare = (observed1 - expected1) * (observed1 - expected1) / variance;
        // For one degree of freedom, 1 − ChiSquaredCDF(1, x) = erfc(√(x/2)); erfc keeps tiny p-values
        // that the subtraction would round to 0.
        var p = SpecialFunctions.Erfc(Math.Sqrt(chiSquare / 2));
        return new LogRankResult(chiSquare, p, observed1, expected1, variance);
    }

    private static SurvivalTime[] SortedByDays(IEnumerable<SurvivalTime> times, string parameter)
    {
        ArgumentNullException.ThrowIfNull(times, parameter);
        var array = times.ToArray();
        var keys = new int[array.Length];
        for (var k = 0; k < array.Length; k++)
        {
            if (array[k].Days < 0)
            {
                throw new ArgumentOutOfRangeException(parameter, array[k].Days, "A survival time cannot be negative.");
            }
            keys[k] = array[k].Days;
        }
        Array.Sort(keys, array);
        return array;
    }

    /// <summary>Counts the events at <paramref name="day"/> and moves past every subject with that time.</summary>
    private static int CountEventsAndSkip(SurvivalTime[] sorted, ref int index, int day)
    {
        var events = 0;
        for (; index < sorted.Length && sorted[index].Days == day; index++)
        {
            if (sorted[index].Event) events++;
        }
        return events;
    }
}

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
    /// E1 += d·n1/n; V += d·(n1/n)·(n2/n)·(n − d)/(n − 1), 0 when n = 1. The times are counted per day when
    /// the days span little more than the samples (two cohorts' stays), else sorted.
    /// </summary>
    /// <returns>null when there are no events at all, or V = 0 (e.g. one group empty): no test possible.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A time is negative.</exception>
    public static LogRankResult? Test(IEnumerable<SurvivalTime> first, IEnumerable<SurvivalTime> second) => Test(first, second, countPerDay: null);

    /// <param name="countPerDay">Null: as the samples ask; true or false: that way (what the tests compare).</param>
    internal static LogRankResult? Test(IEnumerable<SurvivalTime> first, IEnumerable<SurvivalTime> second, bool? countPerDay)
    {
        var (a, maxA) = Checked(first, nameof(first));
        var (b, maxB) = Checked(second, nameof(second));
        var test = new Accumulator(a.Length, b.Length);
        var maxDay = Math.Max(maxA, maxB);
        if (countPerDay ?? maxDay <= 4L * (a.Length + b.Length) + 1024)
        {
            // Per day: each group's events and subjects, walked in order of the day.
            var (events1, all1) = Count(a, maxDay);
            var (events2, all2) = Count(b, maxDay);
            for (var day = 0; day <= maxDay; day++)
                if (all1[day] + all2[day] > 0) test.Day(events1[day], all1[day], events2[day], all2[day]);
        }
        else
        {
            var keysA = Array.ConvertAll(a, t => t.Days);
            var keysB = Array.ConvertAll(b, t => t.Days);
            Array.Sort(keysA, a);
            Array.Sort(keysB, b);
            int i = 0, j = 0;
            while (i < a.Length || j < b.Length)
            {
                var day = Math.Min(i < a.Length ? a[i].Days : int.MaxValue, j < b.Length ? b[j].Days : int.MaxValue);
                var (d1, n1) = CountEventsAndSkip(a, ref i, day);
                var (d2, n2) = CountEventsAndSkip(b, ref j, day);
                test.Day(d1, n1, d2, n2);
            }
        }
        return test.Result();
    }

    /// <summary>The sums over the distinct days in order: each day's events and subjects of both groups.</summary>
    private sealed class Accumulator(double atRisk1, double atRisk2)
    {
        private double _observed1, _expected1, _variance, _events;

        public void Day(int d1, int subjects1, int d2, int subjects2)
        {
            var (risk1, risk2) = (atRisk1, atRisk2);
            (atRisk1, atRisk2) = (atRisk1 - subjects1, atRisk2 - subjects2);
            double d = d1 + d2;
            if (d == 0)
            {
                return;
            }
            var atRisk = risk1 + risk2;
            _events += d;
            _observed1 += d1;
            _expected1 += d * risk1 / atRisk;
            if (atRisk > 1)
            {
                _variance += d * (risk1 / atRisk) * (risk2 / atRisk) * (atRisk - d) / (atRisk - 1);
            }
        }

        public LogRankResult? Result()
        {
            if (_events == 0 || !(_variance > 0))
            {
                return null;
            }
            var chiSquare = (_observed1 - _expected1) * (_observed1 - _expected1) / _variance;
            // For one degree of freedom, 1 − ChiSquaredCDF(1, x) = erfc(√(x/2)); erfc keeps tiny p-values
            // that the subtraction would round to 0.
            var p = SpecialFunctions.Erfc(Math.Sqrt(chiSquare / 2));
            return new LogRankResult(chiSquare, p, _observed1, _expected1, _variance);
        }
    }

    private static (SurvivalTime[] Times, int MaxDay) Checked(IEnumerable<SurvivalTime> times, string parameter)
    {
        ArgumentNullException.ThrowIfNull(times, parameter);
        var array = times.ToArray();
        var maxDay = 0;
        foreach (var t in array)
        {
            if (t.Days < 0)
            {
                throw new ArgumentOutOfRangeException(parameter, t.Days, "A survival time cannot be negative.");
            }
            maxDay = Math.Max(maxDay, t.Days);
        }
        return (array, maxDay);
    }

    private static (int[] Events, int[] Subjects) Count(SurvivalTime[] times, int maxDay)
    {
        var (events, subjects) = (new int[maxDay + 1], new int[maxDay + 1]);
        foreach (var t in times)
        {
            subjects[t.Days]++;
            if (t.Event) events[t.Days]++;
        }
        return (events, subjects);
    }

    /// <summary>Counts the events and subjects at <paramref name="day"/> and moves past them.</summary>
    private static (int Events, int Subjects) CountEventsAndSkip(SurvivalTime[] sorted, ref int index, int day)
    {
        var (events, first) = (0, index);
        for (; index < sorted.Length && sorted[index].Days == day; index++)
        {
            if (sorted[index].Event) events++;
        }
        return (events, index - first);
    }
}

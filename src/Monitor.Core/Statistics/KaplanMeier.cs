using MathNet.Numerics.Distributions;

namespace Monitor.Core.Statistics;

/// <summary>
/// Kaplan–Meier estimate of time to exit. The protocol (section 5) measures length of stay on entry
/// cohorts this way because ongoing stays are censored: dropping them or counting them as exits would
/// bias the median towards short stays.
/// </summary>
public static class KaplanMeier
{
    /// <summary>z for a two-sided 95% band, taken from the normal quantile rather than the rounded 1.96,
    /// so the bounds match R's survfit.</summary>
    private static readonly double Z95 = Normal.InvCDF(0, 1, 0.975);

    /// <summary>
    /// Estimates the curve. At one time, events happen before censorings: a subject censored at t was
    /// still at risk at t (R survival's convention, and the protocol's). Counts the times per day when the days span
    /// not much more than the sample (O(n + days)), else sorts them once (O(n log n)): the same curve either way.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">A time is negative.</exception>
    public static KaplanMeierCurve Estimate(IEnumerable<SurvivalTime> times) => Estimate(times, countPerDay: null);

    /// <param name="countPerDay">Null: as the sample asks; true or false: that way (what the tests compare).</param>
    internal static KaplanMeierCurve Estimate(IEnumerable<SurvivalTime> times, bool? countPerDay)
    {
        ArgumentNullException.ThrowIfNull(times);
        var all = times.ToArray();
        var maxDay = 0;
        foreach (var t in all)
        {
            if (t.Days < 0)
            {
                throw new ArgumentOutOfRangeException(
                    nameof(times), t.Days, "A survival time cannot be negative.");
            }
            if (t.Days > maxDay) maxDay = t.Days;
        }
        var curve = new CurveBuilder(all.Length);
        if (countPerDay ?? maxDay <= 4L * all.Length + 1024)
        {
            // Days are whole numbers over a range not much wider than the sample (a cohort's million stays last up to
            // a few thousand days): counted per day, then walked in order, instead of sorted.
            var died = new int[maxDay + 1];
            var censored = new int[maxDay + 1];
            foreach (var t in all)
            {
                if (t.Event) died[t.Days]++; else censored[t.Days]++;
            }
            for (var day = 0; day <= maxDay; day++)
                if (died[day] + censored[day] > 0) curve.Day(day, died[day], censored[day]);
        }
        else
        {
            var keys = new int[all.Length];
            for (var i = 0; i < all.Length; i++) keys[i] = all[i].Days;
            // Order within one day does not matter: a day's events and censorings are counted together.
            Array.Sort(keys, all);
            for (var i = 0; i < all.Length;)
            {
                var day = all[i].Days;
                int died = 0, censored = 0;
                for (; i < all.Length && all[i].Days == day; i++)
                {
                    if (all[i].Event) died++; else censored++;
                }
                curve.Day(day, died, censored);
            }
        }
        return new KaplanMeierCurve(curve.Steps, all.Length, curve.Events, all.Length == 0 ? 0 : maxDay);
    }

    /// <summary>The curve built day by day, in ascending order of days: the same steps whichever way the days were found.</summary>
    private sealed class CurveBuilder(int atRisk)
    {
        private int _atRisk = atRisk;
        private double _survival = 1.0;
        private double _greenwood; // sum of d / (n (n - d)): the Greenwood variance of log S

        public List<KaplanMeierStep> Steps { get; } = [];
        public int Events { get; private set; }

        public void Day(int day, int died, int censored)
        {
            if (died > 0)
            {
                // Multiply before dividing: when S * (n - d) is representable the result is the correctly
                // rounded quotient, one rounding per step instead of two. Quantiles do not rely on this;
                // they compare exactly (KaplanMeierCurve.Quantile).
                _survival = _survival * (_atRisk - died) / _atRisk;
                _greenwood += died == _atRisk
                    ? double.PositiveInfinity
                    : died / ((double)_atRisk * (_atRisk - died));
                var (lower, upper) = LogLogBand(_survival, _greenwood);
                Steps.Add(new KaplanMeierStep(day, _atRisk, died, censored, _survival, lower, upper));
                Events += died;
            }
            _atRisk -= died + censored;
        }
    }

    /// <summary>
    /// 95% band on the log(−log S) scale: se(log(−log S)) = se(log S) / |log S|, so the bounds are
    /// S^exp(±z·se/|log S|) (as R survival's <c>survfit_confint</c>, conf.type = "log-log").
    /// </summary>
    private static (double Lower, double Upper) LogLogBand(double survival, double greenwood)
    {
        if (survival <= 0 || survival >= 1)
        {
            return (survival, survival);
        }
        var width = Z95 * Math.Sqrt(greenwood) / -Math.Log(survival);
        return (Math.Pow(survival, Math.Exp(width)), Math.Pow(survival, Math.Exp(-width)));
    }
}

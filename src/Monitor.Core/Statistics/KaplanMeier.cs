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
    /// still at risk at t (R survival's convention, and the protocol's). Sorts once: O(n log n).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">A time is negative.</exception>
    public static KaplanMeierCurve Estimate(IEnumerable<SurvivalTime> times)
    {
        ArgumentNullException.ThrowIfNull(times);
        var sorted = times.ToArray();
        var keys = new int[sorted.Length];
        for (var i = 0; i < sorted.Length; i++)
        {
            if (sorted[i].Days < 0)
            {
                throw new ArgumentOutOfRangeException(
                    nameof(times), sorted[i].Days, "A survival time cannot be negative.");
            }
            keys[i] = sorted[i].Days;
        }
        // Order within one day does not matter: a day's events and censorings are counted together.
        Array.Sort(keys, sorted);

        var steps = new List<KaplanMeierStep>();
        var atRisk = sorted.Length;
        var events = 0;
        var survival = 1.0;
        var greenwood = 0.0; // sum of d / (n (n - d)): the Greenwood variance of log S
        for (var i = 0; i < sorted.Length;)
        {
            var day = sorted[i].Days;
            int died = 0, censored = 0;
            for (; i < sorted.Length && sorted[i].Days == day; i++)
            {
                if (sorted[i].Event) died++; else censored++;
            }
            if (died > 0)
            {
                // Multiply before dividing: when S * (n - d) is representable the result is the correctly
                // rounded quotient, one rounding per step instead of two. Quantiles do not rely on this;
                // they compare exactly (KaplanMeierCurve.Quantile).
                survival = survival * (atRisk - died) / atRisk;
                greenwood += died == atRisk
                    ? double.PositiveInfinity
                    : died / ((double)atRisk * (atRisk - died));
                var (lower, upper) = LogLogBand(survival, greenwood);
                steps.Add(new KaplanMeierStep(day, atRisk, died, censored, survival, lower, upper));
                events += died;
            }
            atRisk -= died + censored;
        }
        return new KaplanMeierCurve(steps, sorted.Length, events, sorted.Length == 0 ? 0 : sorted[^1].Days);
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

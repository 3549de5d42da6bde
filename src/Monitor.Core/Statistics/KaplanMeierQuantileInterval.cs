using MathNet.Numerics.Distributions;

namespace Monitor.Core.Statistics;

/// <summary>A confidence interval of a Kaplan–Meier quantile, in days; a bound is null where the confidence
/// curve never gets low enough (too few exits yet: the stay may be longer than anything seen).</summary>
public readonly record struct QuantileInterval(double? Lower, double? Upper);

/// <summary>
/// Brookmeyer–Crowley (1982) confidence interval of a Kaplan–Meier quantile, computed as R survival's
/// <c>quantile(survfit(...))</c> computes it with its default <c>conf.type = "log"</c>, so that a researcher
/// gets the same numbers in R: the lower bound of the median is the first time the pointwise lower
/// confidence curve is at or below 1/2, the upper bound the first time the upper curve is.
/// </summary>
/// <remarks>
/// The pointwise band is on the log scale with Greenwood's variance: S·exp(±z·se), se² = Σ d / (n (n − d)),
/// the upper curve capped at 1. Where S reaches 0 the band is undefined (R gives NA) and that step is not
/// used. When a curve sits on 1 − q within 1.5e-8 (R's tolerance, √machine-epsilon) over a stretch, the
/// bound is the middle of that stretch, as R's <c>findq</c> does, which is why bounds are doubles. This is
/// not the log-log band that <see cref="KaplanMeierStep"/> carries for the charts: the figures follow R's
/// default, the charts a band that never leaves [0, 1].
/// </remarks>
public static class KaplanMeierQuantileInterval
{
    private const double Tolerance = 1.4901161193847656e-08; // sqrt(.Machine$double.eps), as R

    /// <exception cref="ArgumentOutOfRangeException"><paramref name="q"/> or <paramref name="level"/> is not strictly between 0 and 1.</exception>
    public static QuantileInterval Of(KaplanMeierCurve curve, double q = 0.5, double level = 0.95)
    {
        ArgumentNullException.ThrowIfNull(curve);
        if (!(q > 0 && q < 1)) throw new ArgumentOutOfRangeException(nameof(q), q, "A quantile lies strictly between 0 and 1.");
        if (!(level > 0 && level < 1)) throw new ArgumentOutOfRangeException(nameof(level), level, "A level lies strictly between 0 and 1.");
        var z = Normal.InvCDF(0, 1, 1 - (1 - level) / 2);
        var steps = curve.Steps;
        var lower = new double[steps.Count];
        var upper = new double[steps.Count];
        var greenwood = 0.0;
        var usable = steps.Count;
        for (var k = 0; k < steps.Count; k++)
        {
            var s = steps[k];
            if (s.Events >= s.AtRisk)
            {
                usable = k; // S = 0 from here: no band (R: NA)
                break;
            }
            greenwood += s.Events / ((double)s.AtRisk * (s.AtRisk - s.Events));
            var se = Math.Sqrt(greenwood);
            lower[k] = s.Survival * Math.Exp(-z * se);
            upper[k] = Math.Min(1, s.Survival * Math.Exp(z * se));
        }
        var times = steps.Take(usable).Select(s => (double)s.Days).ToArray();
        return new QuantileInterval(
            FirstAtOrBelow(times, lower.AsSpan(0, usable), 1 - q, curve.LastTime),
            FirstAtOrBelow(times, upper.AsSpan(0, usable), 1 - q, curve.LastTime));
    }

    /// <summary>R's <c>findq</c> on one curve: the first time it is at or below <paramref name="target"/>;
    /// on a stretch that equals the target within the tolerance, the middle between its start and the next
    /// change (or the last observed time).</summary>
    private static double? FirstAtOrBelow(double[] times, ReadOnlySpan<double> curve, double target, int lastTime)
    {
        for (var k = 0; k < curve.Length; k++)
        {
            if (curve[k] > target + Tolerance) continue;
            if (curve[k] < target - Tolerance) return times[k];
            // On the target: up to the next time the curve moves off it.
            var next = k + 1;
            while (next < curve.Length && Math.Abs(curve[next] - curve[k]) == 0) next++;
            return (times[k] + (next < curve.Length ? times[next] : lastTime)) / 2;
        }
        return null;
    }
}

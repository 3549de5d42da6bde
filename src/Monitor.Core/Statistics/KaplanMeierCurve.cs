using System.Collections.ObjectModel;
using System.Numerics;

namespace Monitor.Core.Statistics;

/// <summary>
/// A Kaplan–Meier survival curve: a right-continuous step function that starts at 1 and drops at each
/// time with at least one event. Built by <see cref="KaplanMeier.Estimate"/>.
/// </summary>
public sealed class KaplanMeierCurve
{
    /// <summary>
    /// Half-width of the band around 1 − q inside which the double S is not trusted and the quantile is
    /// decided on the exact fraction. Each step rounds S at most twice (relative error ~2.2e-16), so even
    /// 200,000 steps stay below 1e-10: outside 1e-6 the double comparison is certainly right.
    /// </summary>
    private const double ExactWindow = 1e-6;

    internal KaplanMeierCurve(IList<KaplanMeierStep> steps, int subjects, int events, int lastTime = 0)
    {
        Steps = new ReadOnlyCollection<KaplanMeierStep>(steps);
        Subjects = subjects;
        Events = events;
        LastTime = lastTime;
    }

    /// <summary>The largest observed time, exit or censored (0 without subjects): where a flat curve ends.</summary>
    public int LastTime { get; }

    /// <summary>Steps at each distinct time where at least one event happened, in time order.</summary>
    public IReadOnlyList<KaplanMeierStep> Steps { get; }

    /// <summary>Subjects in the estimate, events and censored together.</summary>
    public int Subjects { get; }

    /// <summary>Observed events (exits).</summary>
    public int Events { get; }

    /// <summary>The median: the smallest time with S(t) &lt;= 1/2, or null when the curve stays above.</summary>
    public int? Median => Quantile(0.5);

    /// <summary>
    /// The quantile <paramref name="q"/> of time to event: the smallest time t with S(t) &lt;= 1 − q
    /// (protocol section 5), or null where the curve never gets that low (too few exits, or the last
    /// subjects censored).
    /// </summary>
    /// <remarks>
    /// S is a product of fractions (n − d) / n and often lands exactly on 1 − q (3/4 · 2/3 = 1/2), where a
    /// double product may come out a hair above and move the quantile one step later. So S is compared
    /// exactly: the double S is used where it is more than <see cref="ExactWindow"/> from 1 − q, and only
    /// the few steps inside that window are decided on the exact BigInteger fraction. That keeps the
    /// usual case O(steps) in doubles and multiplies out a fraction only when S is within 1e-6 of 1 − q.
    /// That fraction has one factor per step before it, and steps are distinct exit days (a few thousand
    /// at most for stays in days); even 100,000 steps take a fraction of a second (product tree below).
    /// 1 − q is taken as the decimal the caller wrote (0.1 is 1/10, not the binary double nearest it).
    /// </remarks>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="q"/> is not strictly between 0 and 1.</exception>
    public int? Quantile(double q)
    {
        if (!(q > 0 && q < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(q), q, "A quantile must lie strictly between 0 and 1.");
        }
        var target = 1 - q;
        ExactProduct? exact = null;
        for (var k = 0; k < Steps.Count; k++)
        {
            var survival = Steps[k].Survival;
            if (survival > target + ExactWindow)
            {
                continue;
            }
            if (survival < target - ExactWindow)
            {
                return Steps[k].Days;
            }
            exact ??= new ExactProduct(Steps, 1m - (decimal)q);
            if (exact.AtMost(k))
            {
                return Steps[k].Days;
            }
        }
        return null;
    }

    /// <summary>
    /// S at <paramref name="days"/>: right-continuous, so it includes events at that time; 1 before the
    /// first event.
    /// </summary>
    public double SurvivalAt(int days)
    {
        // Binary search for the last step at or before `days`.
        int lo = 0, hi = Steps.Count - 1, found = -1;
        while (lo <= hi)
        {
            var mid = lo + (hi - lo) / 2;
            if (Steps[mid].Days <= days)
            {
                found = mid;
                lo = mid + 1;
            }
            else
            {
                hi = mid - 1;
            }
        }
        return found < 0 ? 1.0 : Steps[found].Survival;
    }

    /// <summary>
    /// Exact S after step k as numerator/denominator. The first prefix is multiplied out as a balanced
    /// product tree (O(M(size) log k) instead of quadratic growth); later steps of the same quantile
    /// extend it one factor at a time.
    /// </summary>
    private sealed class ExactProduct(IReadOnlyList<KaplanMeierStep> steps, decimal bound)
    {
        private readonly (BigInteger Numerator, BigInteger Denominator) _bound = ToFraction(bound);
        private int _through = -1;
        private BigInteger _numerator = BigInteger.One;
        private BigInteger _denominator = BigInteger.One;

        /// <summary>Whether the exact S after step <paramref name="k"/> is at most the bound.</summary>
        public bool AtMost(int k)
        {
            if (_through < 0)
            {
                _numerator = Product(0, k + 1, s => s.AtRisk - s.Events);
                _denominator = Product(0, k + 1, s => s.AtRisk);
                _through = k;
            }
            for (; _through < k; _through++)
            {
                var step = steps[_through + 1];
                _numerator *= step.AtRisk - step.Events;
                _denominator *= step.AtRisk;
            }
            return _numerator * _bound.Denominator <= _bound.Numerator * _denominator;
        }

        private BigInteger Product(int from, int to, Func<KaplanMeierStep, int> factor)
        {
            if (to - from <= 16)
            {
                var product = BigInteger.One;
                for (var i = from; i < to; i++)
                {
                    product *= factor(steps[i]);
                }
                return product;
            }
            var middle = from + (to - from) / 2;
            return Product(from, middle, factor) * Product(middle, to, factor);
        }

        private static (BigInteger Numerator, BigInteger Denominator) ToFraction(decimal value)
        {
            var bits = decimal.GetBits(value);
            var mantissa = ((BigInteger)(uint)bits[2] << 64) | ((BigInteger)(uint)bits[1] << 32) | (uint)bits[0];
            var scale = (bits[3] >> 16) & 0xFF;
            return (value < 0 ? -mantissa : mantissa, BigInteger.Pow(10, scale));
        }
    }
}

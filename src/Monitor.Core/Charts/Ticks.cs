namespace Monitor.Core.Charts;

/// <summary>"Nice" axis ticks: multiples of 1, 2 or 5 × 10ⁿ that cover the data.</summary>
/// <remarks>
/// The 1-2-5 steps follow Heckbert, "Nice numbers for graph labels" (Graphics Gems, 1990), without
/// its 2.5 step, which needs an extra decimal ("0,25") for little gain. Each tick is built as an
/// integer multiple of the step via <see cref="ExactMath"/>, so labels read "0,3", never
/// "0,30000000000000004".
/// </remarks>
public static class Ticks
{
    private const int MaxTarget = 100;

    /// <summary>
    /// Ticks covering <paramref name="min"/>..<paramref name="max"/>: the first tick is at or below
    /// min, the last at or above max. The step is the smallest 1-2-5 step whose ticks cover the
    /// range in at most <paramref name="target"/> intervals (0..7 with target 5 → 0, 2, 4, 6, 8;
    /// with target 7 → 0, 1, …, 7). A zero-width range is widened so there are always two ticks.
    /// </summary>
    public static TickSet Nice(double min, double max, int target = 5, bool integerOnly = false)
    {
        if (!double.IsFinite(min) || !double.IsFinite(max) || !double.IsFinite(max - min) || min > max)
        {
            throw new ArgumentOutOfRangeException(nameof(min), $"Need finite min <= max, got {min}..{max}.");
        }
        target = Math.Clamp(target, 1, MaxTarget);
        if (min == max)
        {
            (min, max) = Widen(min, integerOnly);
        }

        var (step, exponent) = NiceStep((max - min) / target, integerOnly);
        var (first, last) = (ExactMath.FloorDiv(min, step), ExactMath.CeilingDiv(max, step));
        // Rounding the ends outwards to whole steps can add an interval (-37..12 by 10 is -40..20,
        // six intervals); then take the next larger step, so the target is an upper bound.
        while (last - first > target)
        {
            (step, exponent) = NiceStep(step * 1.000001, integerOnly);
            (first, last) = (ExactMath.FloorDiv(min, step), ExactMath.CeilingDiv(max, step));
        }
        var values = new List<double>((int)Math.Min(last - first + 1, MaxTarget + 2));
        for (var k = first; k <= last; k++)
        {
            values.Add(ExactMath.Multiple(0, k, step));
        }
        return new TickSet(values, step, Math.Max(0, -exponent));
    }

    /// <summary>The smallest 1, 2 or 5 × 10^exponent at least <paramref name="raw"/>.</summary>
    private static (double Step, int Exponent) NiceStep(double raw, bool integerOnly)
    {
        var exponent = (int)Math.Floor(Math.Log10(raw));
        var fraction = raw / Math.Pow(10, exponent);
        // The tolerance absorbs log/pow rounding, e.g. 0.2 / 0.1 = 2.0000000000000004 must still pick 2.
        const double Slack = 1 + 1e-9;
        int mantissa;
        if (fraction <= 1 * Slack) mantissa = 1;
        else if (fraction <= 2 * Slack) mantissa = 2;
        else if (fraction <= 5 * Slack) mantissa = 5;
        else (mantissa, exponent) = (1, exponent + 1);

        if (integerOnly && exponent < 0)
        {
            (mantissa, exponent) = (1, 0);
        }
        // Build the step in decimal so 10^-1 is exactly "0.1" before becoming the nearest double.
        var step = exponent is >= -20 and <= 20
            ? (double)(mantissa * Pow10(exponent))
            : mantissa * Math.Pow(10, exponent);
        return (step, exponent);
    }

    private static decimal Pow10(int exponent)
    {
        var result = 1m;
        for (var i = 0; i < Math.Abs(exponent); i++)
        {
            result = exponent > 0 ? result * 10m : result / 10m;
        }
        return result;
    }

    /// <summary>A single value (one bar, one point) still needs an axis around it.</summary>
    private static (double Min, double Max) Widen(double value, bool integerOnly)
    {
        if (value == 0)
        {
            return (0, 1);
        }
        var pad = Math.Abs(value) * 0.1;
        if (integerOnly)
        {
            pad = Math.Max(1, Math.Ceiling(pad));
        }
        return (value - pad, value + pad);
    }
}

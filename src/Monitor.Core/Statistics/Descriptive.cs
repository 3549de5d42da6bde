namespace Monitor.Core.Statistics;

/// <summary>
/// Plain descriptive figures. Empty input gives null, not NaN or 0, because the protocol (section 5)
/// reports a mean over an empty set as <c>null</c>.
/// </summary>
public static class Descriptive
{
    /// <summary>Arithmetic mean; null for an empty list.</summary>
    /// <exception cref="ArgumentException">A value is NaN.</exception>
    public static double? Mean(IReadOnlyList<double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.Count == 0)
        {
            return null;
        }
        var sum = 0.0;
        for (var i = 0; i < values.Count; i++)
        {
            sum += Require(values[i], nameof(values));
        }
        return sum / values.Count;
    }

    /// <summary>Median: the middle value, or the mean of the middle two for an even count (protocol
    /// <c>duration_days.median_all</c>); null when empty. Sorts a copy, so the input is left as it was.</summary>
    /// <exception cref="ArgumentException">A value is NaN.</exception>
    public static double? Median(IReadOnlyList<double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        return values.Count == 0 ? null : MedianOfSorted(SortedCopy(values));
    }

    /// <summary>
    /// The median of whole numbers given as how many times each occurs (<paramref name="counts"/>[v]: how many
    /// values are v): the same value as <see cref="Median"/> of them, by counting rather than sorting (a measurement's
    /// million durations are a few thousand distinct days). null when there are none.
    /// </summary>
    public static double? MedianOfCounts(ReadOnlySpan<int> counts)
    {
        long n = 0;
        foreach (var c in counts) n += c;
        if (n == 0) return null;
        // The values at 0-based places n/2 - 1 and n/2 of the sorted list (one place when n is odd).
        var (low, high) = (n % 2 == 1 ? n / 2 : n / 2 - 1, n / 2);
        double? lowValue = null;
        long seen = 0;
        for (var v = 0; v < counts.Length; v++)
        {
            seen += counts[v];
            if (lowValue is null && seen > low) lowValue = v;
            if (seen > high) return n % 2 == 1 ? v : (lowValue!.Value + v) / 2;
        }
        throw new InvalidOperationException("unreachable: the counts add up to n");
    }

    /// <summary>
    /// Tukey box-plot summary for charts: quartiles by linear interpolation (type 7, R's default and
    /// Excel's QUARTILE.INC, so an analyst can reproduce them), whiskers at the most extreme values within
    /// 1.5·IQR of the box, and the outliers beyond. null when empty.
    /// </summary>
    /// <exception cref="ArgumentException">A value is NaN.</exception>
    public static BoxSummary? Box(IReadOnlyList<double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.Count == 0)
        {
            return null;
        }
        var sorted = SortedCopy(values);
        var q1 = QuantileType7(sorted, 0.25);
        var q3 = QuantileType7(sorted, 0.75);
        var reach = 1.5 * (q3 - q1);
        double lowFence = q1 - reach, highFence = q3 + reach;
        // First/Last always find a value: the maximum is >= Q3 >= Q1 >= the low fence, and the minimum is
        // <= Q1 <= Q3 <= the high fence.
        var lowerWhisker = sorted.First(v => v >= lowFence);
        var upperWhisker = sorted.Last(v => v <= highFence);
        var outliers = sorted.Where(v => v < lowFence || v > highFence).ToArray();
        return new BoxSummary(
            sorted[0], q1, MedianOfSorted(sorted), q3, sorted[^1],
            lowerWhisker, upperWhisker, Array.AsReadOnly(outliers), sorted.Length);
    }

    private static double[] SortedCopy(IReadOnlyList<double> values)
    {
        var copy = new double[values.Count];
        for (var i = 0; i < copy.Length; i++)
        {
            copy[i] = Require(values[i], nameof(values));
        }
        Array.Sort(copy);
        return copy;
    }

    /// <summary>Shared by Median and Box so the two never disagree in the last bit.</summary>
    private static double MedianOfSorted(double[] sorted)
    {
        var middle = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    /// <summary>Hyndman–Fan type 7: h = (n − 1)p, interpolate between the values at floor(h) and the next
    /// (also the bootstrap's percentiles, <see cref="PoissonBootstrap"/>).</summary>
    internal static double QuantileType7(IReadOnlyList<double> sorted, double p)
    {
        var h = (sorted.Count - 1) * p;
        var lower = (int)Math.Floor(h);
        if (lower >= sorted.Count - 1)
        {
            return sorted[^1];
        }
        return sorted[lower] + (h - lower) * (sorted[lower + 1] - sorted[lower]);
    }

    private static double Require(double value, string parameter) =>
        double.IsNaN(value) ? throw new ArgumentException("A value is NaN.", parameter) : value;
}

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
        // Only a few places of the sorted list matter: those the quartiles and the median are read at. They are put in
        // place by selection rather than by sorting all values (a cohort's million costs, twice per report); the rest
        // needs one pass. The same arithmetic on the same values as on a sorted copy, so the same bits.
        var n = values.Count;
        var a = new double[n];
        for (var i = 0; i < n; i++) a[i] = Require(values[i], nameof(values));
        // The places QuantileType7 reads at 1/4 and 3/4, and MedianOfSorted's.
        var (l1, l3) = ((int)Math.Floor((n - 1) * 0.25), (int)Math.Floor((n - 1) * 0.75));
        int[] places = [l1, Math.Min(l1 + 1, n - 1), (n - 1) / 2, n / 2, l3, Math.Min(l3 + 1, n - 1)];
        Array.Sort(places);
        SelectPlaces(a, 0, places, 2 * (int)Math.Log2(n + 1) + 4);
        var (q1, median, q3) = (QuantileType7(a, 0.25), MedianOfSorted(a), QuantileType7(a, 0.75));
        var reach = 1.5 * (q3 - q1);
        double lowFence = q1 - reach, highFence = q3 + reach;
        // The whiskers always find a value: the maximum is >= Q3 >= Q1 >= the low fence, and the minimum is
        // <= Q1 <= Q3 <= the high fence.
        double min = double.PositiveInfinity, max = double.NegativeInfinity;
        double lowerWhisker = double.PositiveInfinity, upperWhisker = double.NegativeInfinity;
        var outliers = new List<double>();
        foreach (var v in a)
        {
            (min, max) = (Math.Min(min, v), Math.Max(max, v));
            if (v >= lowFence) lowerWhisker = Math.Min(lowerWhisker, v);
            if (v <= highFence) upperWhisker = Math.Max(upperWhisker, v);
            if (v < lowFence || v > highFence) outliers.Add(v);
        }
        outliers.Sort();
        return new BoxSummary(min, q1, median, q3, max, lowerWhisker, upperWhisker, outliers.AsReadOnly(), n);
    }

    /// <summary>
    /// Rearranges <paramref name="values"/> (the part of a list from <paramref name="offset"/> on) so that the value at each
    /// of <paramref name="places"/> (ascending, in the whole list) is the one a sorted list has there: quickselect over
    /// every place at once, splitting in three around the pivot (costs repeat a lot), and sorting the part left when it
    /// is small or the splits go badly (<paramref name="depth"/>).
    /// </summary>
    private static void SelectPlaces(Span<double> values, int offset, ReadOnlySpan<int> places, int depth)
    {
        while (!places.IsEmpty)
        {
            if (values.Length <= 32 || depth-- == 0)
            {
                values.Sort();
                return;
            }
            var (x, y, z) = (values[0], values[values.Length / 2], values[^1]);
            var pivot = Math.Max(Math.Min(x, y), Math.Min(Math.Max(x, y), z));
            // [0, less) < pivot, [less, more) == pivot, [more, length) > pivot.
            var (less, i, more) = (0, 0, values.Length);
            while (i < more)
            {
                if (values[i] < pivot) (values[less], values[i]) = (values[i++], values[less++]);
                else if (values[i] > pivot) (values[i], values[more - 1]) = (values[--more], values[i]);
                else i++;
            }
            var (below, above) = (0, places.Length);
            while (below < places.Length && places[below] - offset < less) below++;
            while (above > below && places[above - 1] - offset >= more) above--;
            // The places among the equal values are in place; the lower part is done by recursion, the upper one here.
            SelectPlaces(values[..less], offset, places[..below], depth);
            values = values[more..];
            offset += more;
            places = places[above..];
        }
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

    /// <summary>Shared by Median and Box so the two never disagree in the last bit (Box passes a list sorted at the
    /// middle places alone).</summary>
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

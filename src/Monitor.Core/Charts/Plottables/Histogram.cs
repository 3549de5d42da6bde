using Monitor.Core.Formatting;

namespace Monitor.Core.Charts;

/// <summary>Adjacent bars over a numeric axis, one per bin: the distribution of e.g. length of stay in days.</summary>
public sealed class Histogram : IPlottable
{
    /// <summary>Guards against a bin width far too small for the data, which would build millions of bins.</summary>
    public const int MaxBins = 10_000;

    public Histogram(string label, IReadOnlyList<Bin> bins)
    {
        foreach (var bin in bins)
        {
            if (!double.IsFinite(bin.Start) || !double.IsFinite(bin.End) || !(bin.Start < bin.End) || !double.IsFinite(bin.Count) || bin.Count < 0)
            {
                throw new ArgumentException($"Bin {bin} needs finite Start < End and a finite, non-negative count.", nameof(bins));
            }
        }
        (Label, Bins) = (label, bins);
    }

    public string Label { get; }

    public IReadOnlyList<Bin> Bins { get; }

    /// <summary>
    /// Counts finite values in bins of <paramref name="binWidth"/> whose edges are
    /// <paramref name="origin"/> + k × width. Bins are closed on the left and open on the right,
    /// so with width 7 a stay of 7 days falls in [7, 14), not [0, 7). Empty bins between the
    /// lowest and highest value are kept, so gaps in the distribution show as gaps.
    /// </summary>
    public static Histogram FromValues(string label, IEnumerable<double> values, double binWidth, double origin = 0)
    {
        if (!double.IsFinite(binWidth) || binWidth <= 0 || !double.IsFinite(origin))
        {
            throw new ArgumentOutOfRangeException(nameof(binWidth), "Bin width must be positive and origin finite.");
        }
        var indices = values.Where(double.IsFinite).Select(v => ExactMath.FloorDiv(v - origin, binWidth)).ToList();
        if (indices.Count == 0)
        {
            return new Histogram(label, []);
        }
        var (low, high) = (indices.Min(), indices.Max());
        if (high - low >= MaxBins)
        {
            throw new ArgumentOutOfRangeException(nameof(binWidth), $"Bin width {binWidth} gives more than {MaxBins} bins.");
        }
        var counts = new int[high - low + 1];
        foreach (var index in indices)
        {
            counts[index - low]++;
        }
        var bins = counts.Select((count, i) => new Bin(
            ExactMath.Multiple(origin, low + i, binWidth),
            ExactMath.Multiple(origin, low + i + 1, binWidth),
            count)).ToList();
        return new Histogram(label, bins);
    }

    public IReadOnlyList<string>? Categories => null;

    public AxisLimits Limits
    {
        get
        {
            if (Bins.Count == 0)
            {
                return AxisLimits.Empty;
            }
            var x = DataRange.Of(Bins.Select(b => b.Start)).Union(DataRange.Of(Bins.Select(b => b.End)));
            return new(x, DataRange.Of(Bins.Select(b => b.Count)).Include(0));
        }
    }

    public int StyleCount => 1;

    public IEnumerable<LegendItem> LegendItems(Language language) => [new(Label, LegendSwatch.Box, 0)];

    public void Render(RenderContext context)
    {
        foreach (var bin in Bins.Where(b => b.Count > 0))
        {
            Bars.Rect(context, bin.Start, bin.End, 0, bin.Count, 0, "bin");
        }
    }
}

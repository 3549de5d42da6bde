using Monitor.Core.Formatting;

namespace Monitor.Core.Charts;

public sealed partial class Plot
{
    private const double TickFontSize = 12;
    private const double AxisLabelFontSize = 13;
    private const double TickLength = 5;
    private const int MaxCategoryLabel = 30;

    /// <summary>Category labels are slanted by this many degrees when they do not fit side by side.</summary>
    private const double SlantDegrees = 40;

    /// <summary>An axis as drawn: its data range and its ticks with their text.</summary>
    private sealed record Scale(DataRange Range, IReadOnlyList<(double Value, string Text)> Ticks, bool Categorical);

    /// <summary>Everything decided before drawing starts.</summary>
    private sealed record Frame(Layout Layout, Scale X, Scale Y, bool SlantX, int StyleCount, IReadOnlyList<PlacedLegendItem> Legend);

    /// <summary>The geometry the chart is drawn with, or null when there is no data to draw.</summary>
    internal Layout? ComputeLayout() => ComputeFrame()?.Layout;

    private Frame? ComputeFrame()
    {
        var categories = SharedCategories();
        var limits = plottables.Select(p => p.Limits).ToList();
        // Guide lines widen an axis but are not data: a chart needs something with extent on both axes.
        if (!limits.Any(l => !l.X.IsEmpty && !l.Y.IsEmpty))
        {
            return null;
        }
        var dataX = limits.Aggregate(DataRange.Empty, (r, l) => r.Union(l.X));
        var dataY = limits.Aggregate(DataRange.Empty, (r, l) => r.Union(l.Y));

        var x = categories is null ? NumericScale(XAxis, dataX) : CategoryScale(categories);
        var y = NumericScale(YAxis, dataY);

        var yTickWidth = y.Ticks.Select(t => ChartText.Width(t.Text, TickFontSize)).DefaultIfEmpty(0).Max();
        var left = 10 + (YAxis.Label.Length > 0 ? 20 : 0) + yTickWidth + TickLength + 4;
        // The last x tick label is centred on the right edge of the plot area and must not be cut off.
        var right = x.Categorical || x.Ticks.Count == 0 ? 16 : Math.Max(16, ChartText.Width(x.Ticks[^1].Text, TickFontSize) / 2 + 4);

        var styleCount = plottables.Sum(p => p.StyleCount);
        var legend = ShowLegend ? PlaceLegend(left, Width - right, TitleHeight + 10) : [];
        var legendRows = legend.Count == 0 ? 0 : legend.Select(item => item.Row).Max() + 1;
        var top = Math.Max(14, TitleHeight + 10 + legendRows * LegendRowHeight + (legendRows > 0 ? 6 : 0));

        var xTickWidth = x.Ticks.Select(t => ChartText.Width(t.Text, TickFontSize)).DefaultIfEmpty(0).Max();
        var band = (Width - left - right) / Math.Max(1, x.Ticks.Count);
        var slant = x.Categorical && xTickWidth > band - 6;
        var tickText = slant
            ? xTickWidth * Math.Sin(SlantDegrees * Math.PI / 180) + TickFontSize * Math.Cos(SlantDegrees * Math.PI / 180) + 4
            : TickFontSize + 4;
        var bottom = TickLength + 4 + tickText + (XAxis.Label.Length > 0 ? 22 : 0) + 4;

        var layout = new Layout(Width, Height, new Margins(left, top, right, bottom), x.Range, y.Range);
        return new Frame(layout, x, y, slant, styleCount, legend);
    }

    private double TitleHeight => ShowTitle ? 24 : 0;

    /// <summary>The categories of the x axis, or null for a numeric x axis; plottables may not disagree.</summary>
    private IReadOnlyList<string>? SharedCategories()
    {
        var categorical = plottables.Where(p => p.Categories is not null).ToList();
        if (categorical.Count == 0)
        {
            return null;
        }
        var categories = categorical[0].Categories!;
        if (categorical.Any(p => !p.Categories!.SequenceEqual(categories)))
        {
            throw new InvalidOperationException($"Chart '{Id}': all categorical plottables must have the same categories in the same order.");
        }
        if (plottables.Any(p => p.Categories is null && !p.Limits.X.IsEmpty))
        {
            throw new InvalidOperationException($"Chart '{Id}': numeric and categorical x values cannot share an axis.");
        }
        return categories;
    }

    private static Scale CategoryScale(IReadOnlyList<string> categories)
    {
        var ticks = categories.Select((name, i) => ((double)i, name.Length > MaxCategoryLabel ? name[..(MaxCategoryLabel - 1)] + "…" : name)).ToList();
        return new Scale(Bars.CategoryRange(categories.Count), ticks, Categorical: true);
    }

    /// <summary>
    /// Ticks cover the data, and the axis runs from the first tick to the last, so the plot area
    /// ends on a labelled value. A fixed limit replaces the tick at that end.
    /// </summary>
    private Scale NumericScale(Axis axis, DataRange data)
    {
        if (axis.Min is { } fixedMin && axis.Max is { } fixedMax && !(fixedMin < fixedMax))
        {
            throw new InvalidOperationException($"Chart '{Id}': axis minimum {fixedMin} must be below its maximum {fixedMax}.");
        }
        var (low, high) = (axis.Min ?? data.Min, axis.Max ?? data.Max);
        if (data.IsEmpty)
        {
            (low, high) = (axis.Min ?? 0, axis.Max ?? 1);
        }
        if (low > high)
        {
            // All data lies beyond a fixed limit: build ticks from that limit alone.
            (low, high) = axis.Min is not null ? (low, low) : (high, high);
        }
        var ticks = Ticks.Nice(low, high, axis.TickTarget, axis.IntegerTicks);
        var range = new DataRange(axis.Min ?? ticks.First, axis.Max ?? ticks.Last);
        var slack = ticks.Step * 1e-9;
        var format = axis.TickFormatter ?? (v => NumberText.Number(v, ticks.Decimals, Language));
        var shown = ticks.Values.Where(v => v >= range.Min - slack && v <= range.Max + slack).Select(v => (v, format(v))).ToList();
        return new Scale(range, shown, Categorical: false);
    }
}

namespace Monitor.Core.Charts;

/// <summary>
/// The geometry of one chart: its size, the plot area inside the margins, and the mapping from
/// data to pixels. SVG's y axis points down, so larger data values get smaller pixel y.
/// </summary>
public sealed class Layout
{
    public Layout(double width, double height, Margins margins, DataRange x, DataRange y)
    {
        if (!(width > 0) || !(height > 0) || !double.IsFinite(width) || !double.IsFinite(height))
        {
            throw new ArgumentOutOfRangeException(nameof(width), "Chart size must be positive and finite.");
        }
        if (x.IsEmpty || y.IsEmpty)
        {
            throw new ArgumentException("Axis ranges must not be empty.", x.IsEmpty ? nameof(x) : nameof(y));
        }
        (Width, Height, Margins, X, Y) = (width, height, margins, x, y);
    }

    public double Width { get; }
    public double Height { get; }
    public Margins Margins { get; }

    /// <summary>The data range shown on the horizontal axis.</summary>
    public DataRange X { get; }

    /// <summary>The data range shown on the vertical axis.</summary>
    public DataRange Y { get; }

    public double PlotLeft => Margins.Left;
    public double PlotTop => Margins.Top;
    public double PlotRight => Math.Max(PlotLeft, Width - Margins.Right);
    public double PlotBottom => Math.Max(PlotTop, Height - Margins.Bottom);
    public double PlotWidth => PlotRight - PlotLeft;
    public double PlotHeight => PlotBottom - PlotTop;

    /// <summary>Pixel x of a data value; a zero-width range maps everything to the middle rather than to NaN.</summary>
    public double DataToPixelX(double x) =>
        X.Span > 0 ? PlotLeft + (x - X.Min) / X.Span * PlotWidth : PlotLeft + PlotWidth / 2;

    /// <summary>Pixel y of a data value; a zero-width range maps everything to the middle rather than to NaN.</summary>
    public double DataToPixelY(double y) =>
        Y.Span > 0 ? PlotBottom - (y - Y.Min) / Y.Span * PlotHeight : PlotTop + PlotHeight / 2;
}

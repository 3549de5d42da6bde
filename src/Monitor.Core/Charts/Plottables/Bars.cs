namespace Monitor.Core.Charts;

/// <summary>The drawing shared by every bar-like plottable, so bars look the same in each.</summary>
internal static class Bars
{
    public const double LabelFontSize = 11;

    /// <summary>Fraction of the y span added above the tallest bar, so value labels stay inside the plot area.</summary>
    public const double LabelHeadroom = 0.08;

    /// <summary>A bar between two data x positions and two data y values, filled with a series' paint.</summary>
    public static void Rect(RenderContext context, double left, double right, double from, double to, int series, string cssClass)
    {
        var layout = context.Layout;
        double x0 = layout.DataToPixelX(left), x1 = layout.DataToPixelX(right);
        double y0 = layout.DataToPixelY(from), y1 = layout.DataToPixelY(to);
        // A thin dark outline separates neighbouring bars whose colours print as similar greys.
        context.Svg.Element("rect", ("class", cssClass),
            ("x", Math.Min(x0, x1)), ("y", Math.Min(y0, y1)),
            ("width", Math.Abs(x1 - x0)), ("height", Math.Abs(y1 - y0)),
            ("fill", context.Fill(series)), ("stroke", Palette.Ink), ("stroke-width", 0.75));
    }

    /// <summary>A value written just beyond the end of a bar: above a positive bar, below a negative one.</summary>
    public static void Label(RenderContext context, double x, double value, string text)
    {
        var layout = context.Layout;
        var y = layout.DataToPixelY(value) + (value >= 0 ? -4 : LabelFontSize + 2);
        context.Svg.Text("text", text, ("class", "value"), ("x", layout.DataToPixelX(x)), ("y", y),
            ("text-anchor", "middle"), ("font-size", LabelFontSize), ("fill", Palette.Ink));
    }

    /// <summary>The y extent of bars from zero, with headroom for labels when they are shown.</summary>
    public static DataRange YRange(DataRange values, bool withLabels)
    {
        if (values.IsEmpty)
        {
            return DataRange.Empty;
        }
        var range = values.Include(0);
        return withLabels
            ? range.Include(range.Max + (range.Max > 0 ? range.Span * LabelHeadroom : 0))
                   .Include(range.Min - (range.Min < 0 ? range.Span * LabelHeadroom : 0))
            : range;
    }

    public static DataRange CategoryRange(int count) => count == 0 ? DataRange.Empty : new(-0.5, count - 0.5);
}

namespace Monitor.Core.Charts;

public sealed partial class Plot
{
    private const double LegendRowHeight = 18;
    private const double LegendGap = 16;

    /// <summary>A legend entry with its series style and its place: x of the swatch, y of the row's centre.</summary>
    private sealed record PlacedLegendItem(LegendItem Item, int Style, int Row, double X, double Y);

    /// <summary>
    /// Lays the legend out in rows above the plot area, where it never hides data, wrapping
    /// entries to the next row when the line is full.
    /// </summary>
    private List<PlacedLegendItem> PlaceLegend(double left, double right, double top)
    {
        var placed = new List<PlacedLegendItem>();
        var (x, row, style) = (left, 0, 0);
        foreach (var plottable in plottables)
        {
            foreach (var item in plottable.LegendItems(Language).Where(i => i.Label.Length > 0))
            {
                var width = SwatchWidth(item.Swatch) + 5 + ChartText.Width(item.Label, TickFontSize);
                if (x > left && x + width > right)
                {
                    (x, row) = (left, row + 1);
                }
                placed.Add(new(item, style + item.Series, row, x, top + row * LegendRowHeight + LegendRowHeight / 2));
                x += width + LegendGap;
            }
            style += plottable.StyleCount;
        }
        return placed;
    }

    private void DrawLegend(SvgWriter svg, Frame frame)
    {
        if (frame.Legend.Count == 0)
        {
            return;
        }
        svg.Open("g", ("class", "legend"));
        foreach (var (item, styleIndex, _, x, y) in frame.Legend)
        {
            var style = SeriesStyle.For(styleIndex);
            switch (item.Swatch)
            {
                case LegendSwatch.Box:
                    svg.Element("rect", ("x", x), ("y", y - 6), ("width", 12), ("height", 12),
                        ("fill", Hatching.Paint(Id, styleIndex)), ("stroke", Palette.Ink), ("stroke-width", 0.75));
                    break;
                case LegendSwatch.Band:
                    svg.Element("rect", ("x", x), ("y", y - 6), ("width", 12), ("height", 12),
                        ("fill", style.Color), ("fill-opacity", 0.2), ("stroke", style.Color), ("stroke-width", 0.75));
                    break;
                case LegendSwatch.Line or LegendSwatch.LineAndMarker:
                    svg.Element("line", ("x1", x), ("y1", y), ("x2", x + 22), ("y2", y),
                        ("stroke", style.Color), ("stroke-width", 2), ("stroke-dasharray", style.Dash));
                    if (item.Swatch == LegendSwatch.LineAndMarker)
                    {
                        Markers.Draw(svg, style.Marker, x + 11, y, 7, style.Color);
                    }
                    break;
                case LegendSwatch.Plus:
                    Markers.Draw(svg, MarkerShape.Plus, x + 6, y, 8, style.Color);
                    break;
            }
            svg.Text("text", item.Label, ("x", x + SwatchWidth(item.Swatch) + 5), ("y", y + 4), ("fill", Palette.Ink));
        }
        svg.Close();
    }

    private static double SwatchWidth(LegendSwatch swatch) =>
        swatch is LegendSwatch.Line or LegendSwatch.LineAndMarker ? 22 : 12;
}

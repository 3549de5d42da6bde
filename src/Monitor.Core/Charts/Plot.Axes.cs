namespace Monitor.Core.Charts;

public sealed partial class Plot
{
    /// <summary>Horizontal gridlines at the y ticks, drawn under the data; the zero line is darker when the axis spans it.</summary>
    private static void DrawGrid(SvgWriter svg, Frame frame)
    {
        var layout = frame.Layout;
        svg.Open("g", ("class", "grid"), ("stroke-width", 1));
        foreach (var (value, _) in frame.Y.Ticks)
        {
            var y = layout.DataToPixelY(value);
            var zero = value == 0 && layout.Y.Min < 0;
            svg.Element("line", ("x1", layout.PlotLeft), ("y1", y), ("x2", layout.PlotRight), ("y2", y),
                ("stroke", zero ? Palette.Axis : Palette.Grid));
        }
        svg.Close();
    }

    private void DrawAxes(SvgWriter svg, Frame frame)
    {
        var layout = frame.Layout;
        svg.Open("g", ("class", "axes"), ("fill", Palette.Ink));

        var axisLines = new PathData()
            .MoveTo(layout.PlotLeft, layout.PlotTop).LineTo(layout.PlotLeft, layout.PlotBottom).LineTo(layout.PlotRight, layout.PlotBottom);
        var marks = new PathData();
        foreach (var (value, _) in frame.Y.Ticks)
        {
            marks.MoveTo(layout.PlotLeft - TickLength, layout.DataToPixelY(value)).LineTo(layout.PlotLeft, layout.DataToPixelY(value));
        }
        foreach (var (value, _) in frame.X.Ticks)
        {
            marks.MoveTo(layout.DataToPixelX(value), layout.PlotBottom).LineTo(layout.DataToPixelX(value), layout.PlotBottom + TickLength);
        }
        svg.Element("path", ("d", axisLines.ToString() + " " + marks), ("fill", "none"), ("stroke", Palette.Axis), ("stroke-width", 1));

        foreach (var (value, text) in frame.Y.Ticks)
        {
            // +4 moves the baseline down by about a third of the font size, centring digits on the tick.
            svg.Text("text", text, ("x", layout.PlotLeft - TickLength - 3), ("y", layout.DataToPixelY(value) + 4), ("text-anchor", "end"));
        }
        var labelY = layout.PlotBottom + TickLength + 3 + TickFontSize;
        foreach (var (value, text) in frame.X.Ticks)
        {
            var x = layout.DataToPixelX(value);
            if (frame.SlantX)
            {
                var (sx, sy) = (x + 3, layout.PlotBottom + TickLength + 6);
                svg.Text("text", text, ("x", sx), ("y", sy), ("text-anchor", "end"),
                    ("transform", $"rotate(-{SlantDegrees} {SvgWriter.Number(sx)} {SvgWriter.Number(sy)})"));
            }
            else
            {
                svg.Text("text", text, ("x", x), ("y", labelY), ("text-anchor", "middle"));
            }
        }

        if (XAxis.Label.Length > 0)
        {
            svg.Text("text", XAxis.Label, ("class", "axis-label"), ("x", layout.PlotLeft + layout.PlotWidth / 2), ("y", Height - 8),
                ("text-anchor", "middle"), ("font-size", AxisLabelFontSize));
        }
        if (YAxis.Label.Length > 0)
        {
            var (x, y) = (16.0, layout.PlotTop + layout.PlotHeight / 2);
            svg.Text("text", YAxis.Label, ("class", "axis-label"), ("x", x), ("y", y), ("text-anchor", "middle"),
                ("font-size", AxisLabelFontSize), ("transform", $"rotate(-90 {SvgWriter.Number(x)} {SvgWriter.Number(y)})"));
        }
        svg.Close();
    }
}

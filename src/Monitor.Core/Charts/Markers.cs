namespace Monitor.Core.Charts;

/// <summary>Draws one marker; shared by line series, censoring marks and legend swatches.</summary>
internal static class Markers
{
    public static void Draw(SvgWriter svg, MarkerShape shape, double x, double y, double size, string color, string? cssClass = null)
    {
        var r = size / 2;
        // Filled shapes get a thin dark outline so light colours (yellow) stay visible on white.
        switch (shape)
        {
            case MarkerShape.Circle:
                svg.Element("circle", ("class", cssClass), ("cx", x), ("cy", y), ("r", r), ("fill", color), ("stroke", Palette.Ink), ("stroke-width", 0.75));
                break;
            case MarkerShape.Square:
                svg.Element("rect", ("class", cssClass), ("x", x - r), ("y", y - r), ("width", size), ("height", size), ("fill", color), ("stroke", Palette.Ink), ("stroke-width", 0.75));
                break;
            case MarkerShape.Triangle:
                Shape(svg, cssClass, color, new PathData().MoveTo(x, y - r * 1.15).LineTo(x + r * 1.1, y + r * 0.85).LineTo(x - r * 1.1, y + r * 0.85).ClosePath());
                break;
            case MarkerShape.Diamond:
                Shape(svg, cssClass, color, new PathData().MoveTo(x, y - r * 1.3).LineTo(x + r * 1.3, y).LineTo(x, y + r * 1.3).LineTo(x - r * 1.3, y).ClosePath());
                break;
            case MarkerShape.Plus:
                var plus = new PathData().MoveTo(x - r, y).LineTo(x + r, y).MoveTo(x, y - r).LineTo(x, y + r);
                svg.Element("path", ("class", cssClass), ("d", plus.ToString()), ("fill", "none"), ("stroke", color), ("stroke-width", 1.5));
                break;
        }
    }

    private static void Shape(SvgWriter svg, string? cssClass, string color, PathData path) =>
        svg.Element("path", ("class", cssClass), ("d", path.ToString()), ("fill", color), ("stroke", Palette.Ink), ("stroke-width", 0.75));
}

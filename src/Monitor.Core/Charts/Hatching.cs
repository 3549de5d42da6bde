namespace Monitor.Core.Charts;

/// <summary>The SVG &lt;pattern&gt; fills that give series a texture besides their colour.</summary>
internal static class Hatching
{
    private const int Size = 6;

    /// <summary>The paint for a style: the plain colour, or a reference to its pattern.</summary>
    public static string Paint(string idPrefix, int styleIndex)
    {
        var style = SeriesStyle.For(styleIndex);
        return style.Pattern == FillPattern.Solid ? style.Color : $"url(#{Id(idPrefix, styleIndex)})";
    }

    /// <summary>Writes the patterns for styles 0..count-1 into an open &lt;defs&gt;.</summary>
    public static void WriteDefinitions(SvgWriter svg, string idPrefix, int count)
    {
        for (var i = 0; i < count; i++)
        {
            var style = SeriesStyle.For(i);
            if (style.Pattern == FillPattern.Solid)
            {
                continue;
            }
            // Dark strokes over the series colour: the texture survives greyscale and photocopying.
            svg.Open("pattern", ("id", Id(idPrefix, i)), ("patternUnits", "userSpaceOnUse"),
                ("width", Size), ("height", Size),
                ("patternTransform", style.Pattern == FillPattern.Dots ? null : "rotate(45)"));
            svg.Element("rect", ("width", Size), ("height", Size), ("fill", style.Color));
            switch (style.Pattern)
            {
                case FillPattern.DiagonalHatch:
                    svg.Element("line", ("x1", 0), ("y1", 0), ("x2", 0), ("y2", Size), ("stroke", Palette.Ink), ("stroke-width", 1.5));
                    break;
                case FillPattern.CrossHatch:
                    svg.Element("path", ("d", $"M 0 0 L 0 {Size} M 0 0 L {Size} 0"), ("stroke", Palette.Ink), ("stroke-width", 1.2));
                    break;
                case FillPattern.Dots:
                    svg.Element("circle", ("cx", Size / 2.0), ("cy", Size / 2.0), ("r", 1.3), ("fill", Palette.Ink));
                    break;
            }
            svg.Close();
        }
    }

    private static string Id(string idPrefix, int styleIndex) => $"{idPrefix}-fill-{styleIndex}";
}

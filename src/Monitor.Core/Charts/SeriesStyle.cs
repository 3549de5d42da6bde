namespace Monitor.Core.Charts;

/// <summary>How the n-th series of a chart is drawn: colour, fill pattern, line dash and marker.</summary>
/// <remarks>
/// Each cue cycles independently, so series 0 is solid blue with solid lines and circles, series 1
/// hatched orange with dashed lines and squares, and so on: two series never differ by colour only.
/// </remarks>
public sealed record SeriesStyle(string Color, FillPattern Pattern, string? Dash, MarkerShape Marker)
{
    private static readonly FillPattern[] Patterns =
        [FillPattern.Solid, FillPattern.DiagonalHatch, FillPattern.CrossHatch, FillPattern.Dots];

    // SVG stroke-dasharray values; null is a solid line.
    private static readonly string?[] Dashes = [null, "7 4", "2 3", "9 3 2 3"];

    private static readonly MarkerShape[] Markers =
        [MarkerShape.Circle, MarkerShape.Square, MarkerShape.Triangle, MarkerShape.Diamond];

    public static SeriesStyle For(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        return new(
            Palette.Series[index % Palette.Series.Count],
            Patterns[index % Patterns.Length],
            Dashes[index % Dashes.Length],
            Markers[index % Markers.Length]);
    }
}

using Monitor.Core.Formatting;

namespace Monitor.Core.Charts;

/// <summary>A dashed reference line across the plot area, e.g. a target value or the 0.5 survival level.</summary>
public sealed class GuideLine : IPlottable
{
    private GuideLine(bool horizontal, double position, string label)
    {
        if (!double.IsFinite(position))
        {
            throw new ArgumentOutOfRangeException(nameof(position), "A guide line needs a finite position.");
        }
        (IsHorizontal, Position, Label) = (horizontal, position, label);
    }

    /// <summary>A line at y = <paramref name="y"/> across the whole width.</summary>
    public static GuideLine Horizontal(double y, string label = "") => new(true, y, label);

    /// <summary>A line at x = <paramref name="x"/> across the whole height.</summary>
    public static GuideLine Vertical(double x, string label = "") => new(false, x, label);

    public bool IsHorizontal { get; }
    public double Position { get; }

    /// <summary>Written next to the line rather than in the legend, where it is read.</summary>
    public string Label { get; }

    public IReadOnlyList<string>? Categories => null;

    // A guide widens the axis it sits on so it is always visible, but is not data by itself.
    public AxisLimits Limits => IsHorizontal
        ? new(DataRange.Empty, DataRange.Empty.Include(Position))
        : new(DataRange.Empty.Include(Position), DataRange.Empty);

    public int StyleCount => 0;

    public IEnumerable<LegendItem> LegendItems(Language language) => [];

    public void Render(RenderContext context)
    {
        var layout = context.Layout;
        var (path, x, y, anchor) = IsHorizontal
            ? (new PathData().MoveTo(layout.PlotLeft, layout.DataToPixelY(Position)).LineTo(layout.PlotRight, layout.DataToPixelY(Position)),
               layout.PlotRight - 4, layout.DataToPixelY(Position) - 5, "end")
            : (new PathData().MoveTo(layout.DataToPixelX(Position), layout.PlotTop).LineTo(layout.DataToPixelX(Position), layout.PlotBottom),
               layout.DataToPixelX(Position) + 4, layout.PlotTop + 12, "start");
        context.Svg.Element("path", ("class", "guide"), ("d", path.ToString()), ("fill", "none"), ("stroke", Palette.Axis),
            ("stroke-width", 1.25), ("stroke-dasharray", "5 4"));
        if (Label.Length > 0)
        {
            context.Svg.Text("text", Label, ("class", "guide-label"), ("x", x), ("y", y), ("text-anchor", anchor),
                ("font-size", 11), ("fill", Palette.Ink));
        }
    }
}

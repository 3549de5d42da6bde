using Monitor.Core.Formatting;

namespace Monitor.Core.Charts;

/// <summary>Points joined by straight lines, e.g. a figure per year. A NaN breaks the line into pieces.</summary>
public sealed class LineSeries : IPlottable
{
    public LineSeries(string label, IReadOnlyList<double> xs, IReadOnlyList<double> ys)
    {
        if (xs.Count != ys.Count)
        {
            throw new ArgumentException($"{xs.Count} x values for {ys.Count} y values.", nameof(ys));
        }
        (Label, Xs, Ys) = (label, xs, ys);
    }

    public string Label { get; }
    public IReadOnlyList<double> Xs { get; }
    public IReadOnlyList<double> Ys { get; }

    /// <summary>Draw a marker at each point; the marker shape differs per series, another cue besides colour.</summary>
    public bool ShowMarkers { get; set; } = true;

    public double LineWidth { get; set; } = 2;

    public IReadOnlyList<string>? Categories => null;

    public AxisLimits Limits
    {
        get
        {
            var (x, y) = (DataRange.Empty, DataRange.Empty);
            foreach (var i in Points())
            {
                (x, y) = (x.Include(Xs[i]), y.Include(Ys[i]));
            }
            return new(x, y);
        }
    }

    public int StyleCount => 1;

    public IEnumerable<LegendItem> LegendItems(Language language) =>
        [new(Label, ShowMarkers ? LegendSwatch.LineAndMarker : LegendSwatch.Line, 0)];

    public void Render(RenderContext context)
    {
        var (svg, layout, style) = (context.Svg, context.Layout, context.Style(0));
        var path = new PathData();
        var lonely = new List<int>();
        int? previous = null;
        for (var i = 0; i < Xs.Count; i++)
        {
            if (!Finite(i))
            {
                previous = null;
                continue;
            }
            var (px, py) = (layout.DataToPixelX(Xs[i]), layout.DataToPixelY(Ys[i]));
            if (previous is null)
            {
                path.MoveTo(px, py);
                // A point with no finite neighbour draws no line, so it always gets a marker.
                if (i + 1 >= Xs.Count || !Finite(i + 1))
                {
                    lonely.Add(i);
                }
            }
            else
            {
                path.LineTo(px, py);
            }
            previous = i;
        }
        if (!path.IsEmpty)
        {
            svg.Element("path", ("class", "line"), ("d", path.ToString()), ("fill", "none"),
                ("stroke", style.Color), ("stroke-width", LineWidth), ("stroke-dasharray", style.Dash),
                ("stroke-linejoin", "round"));
        }
        foreach (var i in ShowMarkers ? Points() : lonely)
        {
            Markers.Draw(svg, style.Marker, layout.DataToPixelX(Xs[i]), layout.DataToPixelY(Ys[i]), 7, style.Color, "marker");
        }
    }

    private bool Finite(int i) => double.IsFinite(Xs[i]) && double.IsFinite(Ys[i]);

    private IEnumerable<int> Points() => Enumerable.Range(0, Xs.Count).Where(Finite);
}

using Monitor.Core.Formatting;

namespace Monitor.Core.Charts;

/// <summary>
/// A chart: plottables over two axes, written as one self-contained, accessible SVG.
/// The drawing is split by concern: <c>Plot.Frame.cs</c> chooses scales and margins,
/// <c>Plot.Axes.cs</c> draws grid and axes, <c>Plot.Legend.cs</c> the legend.
/// </summary>
/// <remarks>
/// Every chart has a title and a description: they become the SVG's &lt;title&gt; and &lt;desc&gt;,
/// which screen readers announce, since a chart is only an image to them. The visible heading
/// normally belongs to the HTML figure around the chart, so <see cref="ShowTitle"/> is off.
/// </remarks>
public sealed partial class Plot
{
    private readonly List<IPlottable> plottables = [];

    /// <param name="id">Prefix for every id in the SVG, unique per page so several charts can be inlined (letters, digits, '-', '_').</param>
    /// <param name="title">Short name of the chart, read first by screen readers.</param>
    /// <param name="description">What the chart shows and its main finding, in words.</param>
    public Plot(string id, string title, string description, Language language = Language.Dutch)
    {
        if (!IsValidId(id))
        {
            throw new ArgumentException($"Chart id '{id}' must start with a letter and hold only letters, digits, '-' and '_'.", nameof(id));
        }
        (Id, Title, Description, Language) = (id, title, description, language);
    }

    public string Id { get; }
    public string Title { get; set; }
    public string Description { get; set; }
    public Language Language { get; set; }

    /// <summary>Size in pixels; the SVG scales with its viewBox, so this sets proportions and text size.</summary>
    public int Width { get; set; } = 640;

    public int Height { get; set; } = 360;

    public Axis XAxis { get; } = new();
    public Axis YAxis { get; } = new();

    /// <summary>Show a legend above the plot area when some entry has a label.</summary>
    public bool ShowLegend { get; set; } = true;

    /// <summary>Also draw the title inside the chart, for a chart saved as a file on its own.</summary>
    public bool ShowTitle { get; set; }

    public IReadOnlyList<IPlottable> Plottables => plottables;

    /// <summary>Adds a plottable; later ones are drawn on top and take the next series styles.</summary>
    public T Add<T>(T plottable) where T : IPlottable
    {
        plottables.Add(plottable);
        return plottable;
    }

    /// <summary>Writes the chart. The same plot always gives the same bytes.</summary>
    public string ToSvg()
    {
        if (string.IsNullOrWhiteSpace(Title) || string.IsNullOrWhiteSpace(Description))
        {
            throw new InvalidOperationException($"Chart '{Id}' needs a title and a description for screen readers.");
        }
        if (Width < 100 || Height < 100)
        {
            throw new InvalidOperationException($"Chart '{Id}' is {Width}×{Height} px; below 100 px there is no room for axes and labels.");
        }
        var frame = ComputeFrame();
        var svg = new SvgWriter();
        svg.Open("svg", ("xmlns", "http://www.w3.org/2000/svg"), ("viewBox", $"0 0 {Width} {Height}"),
            ("width", Width), ("height", Height), ("role", "img"), ("aria-labelledby", $"{Id}-title {Id}-desc"),
            ("font-family", "system-ui, sans-serif"), ("font-size", TickFontSize));
        svg.Text("title", Title, ("id", $"{Id}-title"));
        svg.Text("desc", Description, ("id", $"{Id}-desc"));
        if (frame is null)
        {
            svg.Element("rect", ("width", Width), ("height", Height), ("fill", Palette.Background));
            DrawTitle(svg);
            svg.Text("text", ChartText.NoData(Language), ("class", "no-data"), ("x", Width / 2.0), ("y", Height / 2.0),
                ("text-anchor", "middle"), ("font-size", 14), ("fill", Palette.Axis));
            return svg.Close().ToString();
        }

        var layout = frame.Layout;
        svg.Open("defs");
        Hatching.WriteDefinitions(svg, Id, frame.StyleCount);
        svg.Open("clipPath", ("id", $"{Id}-clip"));
        svg.Element("rect", ("x", layout.PlotLeft), ("y", layout.PlotTop), ("width", layout.PlotWidth), ("height", layout.PlotHeight));
        svg.Close().Close();
        svg.Element("rect", ("width", Width), ("height", Height), ("fill", Palette.Background));
        DrawTitle(svg);
        DrawGrid(svg, frame);

        svg.Open("g", ("class", "data"), ("clip-path", $"url(#{Id}-clip)"));
        var style = 0;
        foreach (var plottable in plottables)
        {
            plottable.Render(new RenderContext(svg, layout, Language, Id, style));
            style += plottable.StyleCount;
        }
        svg.Close();

        DrawAxes(svg, frame);
        DrawLegend(svg, frame);
        return svg.Close().ToString();
    }

    private void DrawTitle(SvgWriter svg)
    {
        if (ShowTitle)
        {
            svg.Text("text", Title, ("class", "title"), ("x", 10), ("y", 22), ("font-size", 15), ("font-weight", "600"), ("fill", Palette.Ink));
        }
    }

    private static bool IsValidId(string id) =>
        id.Length > 0 && char.IsAsciiLetter(id[0]) && id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');
}

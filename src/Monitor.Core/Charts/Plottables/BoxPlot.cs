using Monitor.Core.Formatting;

namespace Monitor.Core.Charts;

/// <summary>One box per category (e.g. length of stay per municipality), from summaries computed elsewhere.</summary>
public sealed class BoxPlot : IPlottable
{
    /// <param name="boxes">One summary per category; null for a category without data, which stays empty.</param>
    public BoxPlot(string label, IReadOnlyList<string> categories, IReadOnlyList<BoxSummary?> boxes)
    {
        if (boxes.Count != categories.Count)
        {
            throw new ArgumentException($"{boxes.Count} boxes for {categories.Count} categories.", nameof(boxes));
        }
        var invalid = boxes.FirstOrDefault(b => b is not null && !b.IsValid);
        if (invalid is not null)
        {
            throw new ArgumentException($"Box {invalid} is not ordered whisker ≤ Q1 ≤ median ≤ Q3 ≤ whisker.", nameof(boxes));
        }
        (Label, Categories, Boxes) = (label, categories, boxes);
    }

    public string Label { get; }

    public IReadOnlyList<string> Categories { get; }

    public IReadOnlyList<BoxSummary?> Boxes { get; }

    /// <summary>Share of a category's width taken by its box.</summary>
    public double BoxWidth { get; set; } = 0.5;

    public AxisLimits Limits
    {
        get
        {
            var y = DataRange.Empty;
            foreach (var box in Boxes.OfType<BoxSummary>())
            {
                y = y.Include(box.Min).Include(box.Max);
            }
            return y.IsEmpty ? AxisLimits.Empty : new(Bars.CategoryRange(Categories.Count), y);
        }
    }

    public int StyleCount => 1;

    public IEnumerable<LegendItem> LegendItems(Language language) => [new(Label, LegendSwatch.Box, 0)];

    public void Render(RenderContext context)
    {
        var (svg, layout) = (context.Svg, context.Layout);
        var half = BoxWidth / 2;
        for (var c = 0; c < Boxes.Count; c++)
        {
            if (Boxes[c] is not { } box)
            {
                continue;
            }
            var x = layout.DataToPixelX(c);
            var capHalf = (layout.DataToPixelX(c + half) - x) / 2;
            svg.Open("g", ("class", "box"));
            var whiskers = new PathData()
                .MoveTo(x, layout.DataToPixelY(box.WhiskerLow)).LineTo(x, layout.DataToPixelY(box.Q1))
                .MoveTo(x, layout.DataToPixelY(box.Q3)).LineTo(x, layout.DataToPixelY(box.WhiskerHigh))
                .MoveTo(x - capHalf, layout.DataToPixelY(box.WhiskerLow)).LineTo(x + capHalf, layout.DataToPixelY(box.WhiskerLow))
                .MoveTo(x - capHalf, layout.DataToPixelY(box.WhiskerHigh)).LineTo(x + capHalf, layout.DataToPixelY(box.WhiskerHigh));
            svg.Element("path", ("d", whiskers.ToString()), ("fill", "none"), ("stroke", Palette.Ink), ("stroke-width", 1.25));
            Bars.Rect(context, c - half, c + half, box.Q1, box.Q3, 0, "iqr");
            // The median is the point of a box plot: a thick white-backed line stays visible on any fill.
            var median = new PathData()
                .MoveTo(layout.DataToPixelX(c - half), layout.DataToPixelY(box.Median))
                .LineTo(layout.DataToPixelX(c + half), layout.DataToPixelY(box.Median)).ToString();
            svg.Element("path", ("d", median), ("stroke", Palette.Background), ("stroke-width", 5));
            svg.Element("path", ("class", "median"), ("d", median), ("stroke", Palette.Ink), ("stroke-width", 2.5));
            foreach (var outlier in box.Outliers)
            {
                svg.Element("circle", ("class", "outlier"), ("cx", x), ("cy", layout.DataToPixelY(outlier)), ("r", 3),
                    ("fill", "none"), ("stroke", Palette.Ink), ("stroke-width", 1));
            }
            svg.Close();
        }
    }
}

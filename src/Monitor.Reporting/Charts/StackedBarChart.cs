using ScottPlot;

namespace Monitor.Reporting.Charts;

/// <summary>
/// One bar per category, made of the layers' values stacked from zero (ScottPlot stacks nothing itself:
/// each segment's <c>ValueBase</c> is the sum of the drawn segments below it).
/// </summary>
/// <remarks>
/// A hidden or missing segment is not drawn, and the segments above it close the gap: a gap of the hidden
/// segment's height would show its value as plainly as a bar. So a bar with a left-out segment is only as
/// tall as its drawn parts, its total is not written, and the caption names what is missing. That a drawn
/// total cannot be subtracted from a published total to recover the segment is the publication rules'
/// work (PROTOCOL.md 8: a second part is hidden too).
/// </remarks>
public sealed class StackedBarChart : IChart
{
    public StackedBarChart(string name, ChartText text, IReadOnlyList<string> categories, IReadOnlyList<ChartSeries> layers)
    {
        if (layers.Count == 0) throw new ArgumentException("give at least one layer", nameof(layers));
        foreach (var l in layers)
        {
            if (l.Values.Count != categories.Count)
                throw new ArgumentException($"layer '{l.Label}' has {l.Values.Count} values for {categories.Count} categories", nameof(layers));
            if (l.Values.Any(v => v.Number < 0))
                throw new ArgumentException($"layer '{l.Label}' has a negative value: stacks are of counts or shares", nameof(layers));
        }
        (Name, Text, Categories, Layers) = (name, text, categories, layers);
    }

    public string Name { get; }
    public ChartText Text { get; }
    public IReadOnlyList<string> Categories { get; }

    /// <summary>The parts of each bar, bottom first.</summary>
    public IReadOnlyList<ChartSeries> Layers { get; }

    public string ValueLabel { get; init; } = "";
    public ValueFormat Format { get; init; } = ValueFormat.Count;

    /// <summary>Write each segment's value inside it, where it fits.</summary>
    public bool ShowValues { get; init; } = true;

    /// <summary>Write each bar's total above it (only where no segment of the bar is left out).</summary>
    public bool ShowTotals { get; init; }

    /// <summary>A fixed top of the value axis, e.g. 1 for shares that add up to 100%.</summary>
    public double? ValueMax { get; init; }

    public IReadOnlyList<Color> Colors { get; init; } = ChartPalette.Sequential;

    public bool Horizontal => !ChartStyle.FitsUnderBars(Categories);

    public PixelSize Size => Horizontal
        ? new(ChartStyle.Width, 130 + Categories.Count * 44)
        : new(ChartStyle.Width, 340);

    public IEnumerable<LeftOut> LeftOut => ChartSeries.LeftOut(Layers, Categories);

    /// <summary>The drawn total of category <paramref name="index"/>, or null when a segment of it is left out.</summary>
    public double? Total(int index) =>
        Layers.All(l => l.Values[index].Number is not null) ? Layers.Sum(l => l.Values[index].Number!.Value) : null;

    public void Draw(Plot plot, ChartStyle style)
    {
        var horizontal = Horizontal;
        double Position(int category) => ChartStyle.CategoryPosition(category, Categories.Count, horizontal);
        var heights = Enumerable.Range(0, Categories.Count).Select(c => Layers.Sum(l => l.Values[c].Number ?? 0)).ToList();
        var top = ValueMax ?? BarChart.ValueAxisTop(heights, ShowTotals, horizontal);
        // A segment gets its value written inside when it is at least a text line high (or wide).
        var plotLength = horizontal ? ChartStyle.Width - 200.0 : Size.Height - 140.0;
        var layers = Layers.Select(_ => new List<Bar>()).ToList();
        for (var c = 0; c < Categories.Count; c++)
        {
            var baseValue = 0.0;
            for (var l = 0; l < Layers.Count; l++)
            {
                if (Layers[l].Values[c].Number is not { } value || value == 0) continue;
                var text = style.Format(value, Format);
                var room = value / top * plotLength;
                var fits = horizontal ? room >= ChartFonts.Width(text, ChartStyle.TextSize) + 6 : room >= ChartStyle.TextSize + 4;
                layers[l].Add(new Bar
                {
                    Position = Position(c),
                    ValueBase = baseValue,
                    Value = baseValue + value,
                    Size = 0.6,
                    FillColor = ChartPalette.Pick(Colors, l),
                    LineColor = ChartPalette.Ink,
                    LineWidth = 1,
                    Label = ShowValues && fits ? text : "",
                    CenterLabel = true,
                    Orientation = horizontal ? Orientation.Horizontal : Orientation.Vertical,
                });
                baseValue += value;
            }
        }
        // One bar plot per layer, so each layer's labels get the text colour that reads on its fill.
        for (var l = 0; l < Layers.Count; l++)
        {
            if (layers[l].Count == 0) continue;
            var barPlot = plot.Add.Bars(layers[l]);
            barPlot.Horizontal = horizontal;
            barPlot.ValueLabelStyle.FontSize = ChartStyle.TextSize;
            barPlot.ValueLabelStyle.ForeColor = ChartPalette.TextOn(ChartPalette.Pick(Colors, l));
        }

        if (ShowTotals)
        {
            for (var c = 0; c < Categories.Count; c++)
            {
                if (Total(c) is not { } total) continue;
                var label = plot.Add.Text(style.Format(total, Format), horizontal ? total : Position(c), horizontal ? Position(c) : total);
                label.LabelFontSize = ChartStyle.TextSize;
                label.LabelFontColor = ChartPalette.Ink;
                label.LabelAlignment = horizontal ? Alignment.MiddleLeft : Alignment.LowerCenter;
                label.OffsetX = horizontal ? 4 : 0;
                label.OffsetY = horizontal ? 0 : -4;
            }
        }

        style.BarAxes(plot, Categories, horizontal, Format, ValueLabel, top);
        style.Legend(plot, Layers.Select((l, i) => ChartStyle.BoxItem(l.Label, ChartPalette.Pick(Colors, i))));
    }
}

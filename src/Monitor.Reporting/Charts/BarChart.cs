using ScottPlot;

namespace Monitor.Reporting.Charts;

/// <summary>
/// Bars over categories; with several series the bars of a category stand side by side (baseline beside
/// follow-up). Bars start at zero. When the category names do not fit side by side under the bars, the
/// bars lie down, with the names to their left and the first category on top.
/// </summary>
public sealed class BarChart : IChart
{
    public BarChart(string name, ChartText text, IReadOnlyList<string> categories, IReadOnlyList<ChartSeries> series)
    {
        if (series.Count == 0) throw new ArgumentException("give at least one series", nameof(series));
        foreach (var s in series)
        {
            if (s.Values.Count != categories.Count)
                throw new ArgumentException($"series '{s.Label}' has {s.Values.Count} values for {categories.Count} categories", nameof(series));
        }
        (Name, Text, Categories, Series) = (name, text, categories, series);
    }

    public string Name { get; }
    public ChartText Text { get; }
    public IReadOnlyList<string> Categories { get; }
    public IReadOnlyList<ChartSeries> Series { get; }

    /// <summary>The name of the value axis ("Aantal", "Dagen").</summary>
    public string ValueLabel { get; init; } = "";

    /// <summary>The name of the category axis, if it needs one ("Aanbieders van verblijf").</summary>
    public string CategoryLabel { get; init; } = "";

    public ValueFormat Format { get; init; } = ValueFormat.Count;

    /// <summary>Decimals of the value labels.</summary>
    public int Decimals { get; init; }

    /// <summary>Write each drawn value at the end of its bar: exact numbers, and a cue that survives greyscale.</summary>
    public bool ShowValues { get; init; }

    /// <summary>Colours per series; baseline and follow-up by default.</summary>
    public IReadOnlyList<Color> Colors { get; init; } = ChartPalette.Measurements;

    public bool Horizontal => !ChartStyle.FitsUnderBars(Categories);

    public PixelSize Size => Horizontal
        ? new(ChartStyle.Width, 110 + Categories.Count * (Series.Count * 22 + 14))
        : new(ChartStyle.Width, 330);

    public IEnumerable<LeftOut> LeftOut => ChartSeries.LeftOut(Series, Categories);

    public void Draw(Plot plot, ChartStyle style)
    {
        var horizontal = Horizontal;
        const double groupWidth = 0.8;
        var width = groupWidth / Series.Count;
        var bars = new List<Bar>();
        double Position(int category) => ChartStyle.CategoryPosition(category, Categories.Count, horizontal);
        for (var s = 0; s < Series.Count; s++)
        {
            for (var c = 0; c < Categories.Count; c++)
            {
                if (Series[s].Values[c].Number is not { } value) continue; // hidden or missing: no bar, no label
                var offset = -groupWidth / 2 + width * (s + 0.5);
                bars.Add(new Bar
                {
                    Position = Position(c) + (horizontal ? -offset : offset),
                    Value = value,
                    ValueBase = 0,
                    Size = width,
                    FillColor = ChartPalette.Pick(Colors, s),
                    LineColor = ChartPalette.Ink,
                    LineWidth = 1,
                    ValueLabel = ShowValues ? style.Format(value, Format, Decimals) : "",
                    Orientation = horizontal ? Orientation.Horizontal : Orientation.Vertical,
                });
            }
        }
        var barPlot = plot.Add.Bars(bars);
        barPlot.Horizontal = horizontal;
        barPlot.ValueLabelStyle.FontSize = ChartStyle.TextSize;
        barPlot.ValueLabelStyle.ForeColor = ChartPalette.Ink;

        style.BarAxes(plot, Categories, horizontal, Format, ValueLabel, ValueAxisTop(bars.Select(b => b.Value), ShowValues, horizontal)).Label.Text = CategoryLabel;
        style.Legend(plot, Series.Count > 1 ? Series.Select((s, i) => ChartStyle.BoxItem(s.Label, ChartPalette.Pick(Colors, i))) : []);
    }

    /// <summary>The value axis runs from zero to above the tallest drawn bar, with room for its label.</summary>
    internal static double ValueAxisTop(IEnumerable<double> values, bool labels, bool horizontal)
    {
        var max = values.DefaultIfEmpty(0).Max();
        if (max <= 0) return 1;
        // A label beside a lying bar needs more room than one above a standing bar.
        return max * (labels ? (horizontal ? 1.22 : 1.12) : 1.05);
    }
}

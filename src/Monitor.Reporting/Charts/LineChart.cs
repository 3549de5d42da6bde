using ScottPlot;

namespace Monitor.Reporting.Charts;

/// <summary>
/// Lines over x values (years, gap days), one per series, each point marked. A left-out point breaks the
/// line: the neighbours are not joined across it, since the joining line would show where it lies.
/// </summary>
/// <remarks>
/// The value axis starts at zero unless <see cref="StartAtZero"/> is off; then the chart says so in the
/// axis name ("as begint bij 400"), because a line that fills the height overstates a small change.
/// Series differ in colour, dash and marker, so they stay apart in greyscale.
/// </remarks>
public sealed class LineChart : IChart
{
    private static readonly Dash[] Patterns = [Dash.Dashed, Dash.Solid, Dash.Dotted, Dash.DenselyDashed];
    private static readonly MarkerShape[] Markers = [MarkerShape.OpenCircle, MarkerShape.FilledSquare, MarkerShape.FilledTriangleUp, MarkerShape.FilledDiamond];

    /// <param name="x">The x value of each point; <paramref name="xLabels"/> says how each is written.</param>
    public LineChart(string name, ChartText text, IReadOnlyList<double> x, IReadOnlyList<string> xLabels, IReadOnlyList<ChartSeries> series)
    {
        if (series.Count == 0) throw new ArgumentException("give at least one series", nameof(series));
        if (xLabels.Count != x.Count) throw new ArgumentException($"{xLabels.Count} labels for {x.Count} x values", nameof(xLabels));
        foreach (var s in series)
        {
            if (s.Values.Count != x.Count)
                throw new ArgumentException($"series '{s.Label}' has {s.Values.Count} values for {x.Count} x values", nameof(series));
        }
        (Name, Text, X, XLabels, Series) = (name, text, x, xLabels, series);
    }

    public string Name { get; }
    public ChartText Text { get; }
    public IReadOnlyList<double> X { get; }
    public IReadOnlyList<string> XLabels { get; }
    public IReadOnlyList<ChartSeries> Series { get; }

    public string XLabel { get; init; } = "";
    public string ValueLabel { get; init; } = "";
    public ValueFormat Format { get; init; } = ValueFormat.Count;

    /// <summary>Start the value axis at zero; when off, it starts near the lowest value and the chart says so.</summary>
    public bool StartAtZero { get; init; } = true;

    /// <summary>Colours per series; the first is the baseline's dashed black line, the second the follow-up's blue one.</summary>
    public IReadOnlyList<Color> Colors { get; init; } = ChartPalette.MeasurementLines;

    public PixelSize Size => new(ChartStyle.Width, 330);

    public IEnumerable<LeftOut> LeftOut => ChartSeries.LeftOut(Series, XLabels);

    /// <summary>Where the value axis starts: zero, or a round number just below the lowest drawn value.</summary>
    public double AxisStart
    {
        get
        {
            var drawn = Series.SelectMany(s => s.Values).Select(v => v.Number).OfType<double>().ToList();
            if (StartAtZero || drawn.Count == 0 || drawn.Min() <= 0) return 0;
            var (min, max) = (drawn.Min(), drawn.Max());
            var step = Math.Pow(10, Math.Floor(Math.Log10(Math.Max(max - min, max / 100))));
            return Math.Max(0, Math.Floor((min - (max - min) * 0.1) / step) * step);
        }
    }

    public void Draw(Plot plot, ChartStyle style)
    {
        for (var s = 0; s < Series.Count; s++)
        {
            var color = ChartPalette.Pick(Colors, s);
            foreach (var run in Runs(Series[s].Values))
            {
                var line = plot.Add.Scatter(run.Select(i => X[i]).ToArray(), run.Select(i => Series[s].Values[i].Number!.Value).ToArray(), color);
                line.LineWidth = ChartStyle.LineWidth;
                style.Pattern(p => line.LinePattern = p, Patterns[s % Patterns.Length], color, ChartStyle.LineWidth);
                line.MarkerShape = Markers[s % Markers.Length];
                line.MarkerSize = 9;
                line.MarkerLineWidth = 2;
            }
        }
        ChartStyle.Categories(plot.Axes.Bottom, XLabels, X);
        plot.Axes.Bottom.Label.Text = XLabel;
        var start = AxisStart;
        var label = start == 0 ? ValueLabel
            : style.Words.F("chart.axis_starts", ("label", ValueLabel), ("start", style.Format(start, Format)));
        style.Values(plot.Axes.Left, Format, label);

        var drawn = Series.SelectMany(s => s.Values).Select(v => v.Number).OfType<double>().ToList();
        var max = drawn.Count == 0 ? 1 : drawn.Max();
        var pad = X.Count > 1 ? (X.Max() - X.Min()) * 0.06 : 0.5;
        plot.Axes.SetLimits(X.DefaultIfEmpty(0).Min() - pad, X.DefaultIfEmpty(0).Max() + pad, start, max + (max - start) * 0.08);
        style.Legend(plot, Series.Select((s, i) => style.LineItem(s.Label, ChartPalette.Pick(Colors, i), Patterns[i % Patterns.Length], Markers[i % Markers.Length])));
    }

    /// <summary>The indices of consecutive drawn values: each run is one unbroken line.</summary>
    internal static IEnumerable<List<int>> Runs(IReadOnlyList<ChartValue> values)
    {
        var run = new List<int>();
        for (var i = 0; i < values.Count; i++)
        {
            if (values[i].Number is not null)
            {
                run.Add(i);
                continue;
            }
            if (run.Count > 0) yield return run;
            run = [];
        }
        if (run.Count > 0) yield return run;
    }
}

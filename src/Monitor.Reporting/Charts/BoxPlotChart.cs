using ScottPlot;

namespace Monitor.Reporting.Charts;

/// <summary>The five numbers a box is drawn from; the statistics module computes them
/// (<c>Descriptive.Box</c>). Unlike its <c>BoxSummary</c> this has no minimum, maximum or outliers:
/// each would be one child's stay, so a box chart cannot even be given them.</summary>
public sealed record BoxValues(double WhiskerLow, double Q1, double Median, double Q3, double WhiskerHigh);

/// <summary>One box of a box plot, or a box that is left out (hidden: over too few youths; missing: no values).</summary>
public sealed record ChartBox(string Label, BoxValues? Values, bool Hidden = false);

/// <summary>
/// Box plots side by side: the box from the first to the third quartile, the median across it, whiskers
/// to the data within 1.5 × IQR. No outlier points are drawn: a single point is one child's stay.
/// </summary>
public sealed class BoxPlotChart(string name, ChartText text, IReadOnlyList<ChartBox> boxes) : IChart
{
    public string Name { get; } = name;
    public ChartText Text { get; } = text;
    public IReadOnlyList<ChartBox> Boxes { get; } = boxes;

    public string ValueLabel { get; init; } = "";
    public ValueFormat Format { get; init; } = ValueFormat.Number;
    public IReadOnlyList<Color> Colors { get; init; } = ChartPalette.Measurements;

    public PixelSize Size => new(ChartStyle.Width, 330);

    public IEnumerable<LeftOut> LeftOut => Boxes.Where(b => b.Values is null).Select(b => new LeftOut(b.Label, "", b.Hidden));

    public void Draw(Plot plot, ChartStyle style)
    {
        var drawn = new List<Box>();
        for (var i = 0; i < Boxes.Count; i++)
        {
            if (Boxes[i].Values is not { } v) continue;
            drawn.Add(new Box
            {
                Position = i,
                BoxMin = v.Q1,
                BoxMax = v.Q3,
                BoxMiddle = v.Median,
                WhiskerMin = v.WhiskerLow,
                WhiskerMax = v.WhiskerHigh,
                Width = 0.5,
            });
        }
        plot.Add.Boxes(drawn);
        // Add.Boxes gives every box the next palette colour: the meaning's colours go on afterwards.
        for (var i = 0; i < drawn.Count; i++)
        {
            drawn[i].FillColor = ChartPalette.Pick(Colors, (int)drawn[i].Position);
            drawn[i].LineColor = ChartPalette.Ink;
            drawn[i].LineWidth = 1.5f;
        }
        ChartStyle.Categories(plot.Axes.Bottom, Boxes.Select(b => b.Label).ToList(), Enumerable.Range(0, Boxes.Count).Select(i => (double)i).ToList());
        style.Values(plot.Axes.Left, Format, ValueLabel);
        var max = Boxes.Select(b => b.Values?.WhiskerHigh).OfType<double>().DefaultIfEmpty(1).Max();
        // From zero: the amounts are never negative, and a box floating above a cut axis looks bigger than it is.
        plot.Axes.SetLimits(-0.5, Boxes.Count - 0.5, 0, max * 1.08);
        plot.Grid.XAxisStyle.IsVisible = false;
    }
}

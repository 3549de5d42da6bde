using Monitor.Core.Formatting;

namespace Monitor.Core.Charts;

/// <summary>
/// A step curve, made for Kaplan–Meier survival curves: S(t) starts at 1 and drops at each event
/// time. The curve is right-continuous, as the estimator is: at an event time it already has the
/// new value, so the drop is drawn as a vertical line at that time.
/// </summary>
/// <remarks>
/// For residential stays an "event" is the end of a stay and a censored observation is a stay still
/// running on the reference date (peildatum); <see cref="CensoredLabel"/> can say so in plain words.
/// </remarks>
public sealed class StepSeries : IPlottable
{
    /// <param name="times">Event times, in increasing order.</param>
    /// <param name="values">The curve's value from each event time on.</param>
    /// <param name="lower">Optional lower bound of a confidence band, per event time.</param>
    /// <param name="upper">Optional upper bound of a confidence band, per event time.</param>
    public StepSeries(string label, IReadOnlyList<double> times, IReadOnlyList<double> values,
        IReadOnlyList<double>? lower = null, IReadOnlyList<double>? upper = null)
    {
        if (values.Count != times.Count || (lower ?? values).Count != times.Count || (upper ?? values).Count != times.Count)
        {
            throw new ArgumentException("Times, values and band bounds must have the same length.", nameof(values));
        }
        if ((lower is null) != (upper is null))
        {
            throw new ArgumentException("Give both band bounds or neither.", nameof(lower));
        }
        for (var i = 0; i < times.Count; i++)
        {
            if (!double.IsFinite(times[i]) || !double.IsFinite(values[i]) || (i > 0 && times[i] < times[i - 1]))
            {
                throw new ArgumentException($"Step {i} ({times[i]}, {values[i]}) must be finite and not before the previous step.", nameof(times));
            }
        }
        (Label, Times, Values, Lower, Upper) = (label, times, values, lower, upper);
    }

    public string Label { get; }
    public IReadOnlyList<double> Times { get; }
    public IReadOnlyList<double> Values { get; }
    public IReadOnlyList<double>? Lower { get; }
    public IReadOnlyList<double>? Upper { get; }

    /// <summary>Where the curve starts: time 0, survival 1.</summary>
    public double StartTime { get; init; }

    public double StartValue { get; init; } = 1;

    /// <summary>Times of censored observations, marked with a "+" on the curve.</summary>
    public IReadOnlyList<double> Censored { get; init; } = [];

    /// <summary>Where the curve ends; by default the last event or censored time (the end of follow-up).</summary>
    public double? EndTime { get; init; }

    /// <summary>Draw a dashed guide at 0.5 to where the curve crosses it, and down from there to the median.</summary>
    public bool MarkMedian { get; set; }

    /// <summary>Which line above the 0.5 guide the median label goes on, so that the labels of several
    /// curves in one chart do not overlap (0 = just above the guide, 1 = the line above that, ...).</summary>
    public int MedianLabelRow { get; set; }

    /// <summary>Decimals of the median label.</summary>
    public int MedianDecimals { get; set; }

    /// <summary>Legend text of the band; default "betrouwbaarheidsinterval" (the chart cannot know its level).</summary>
    public string? BandLabel { get; set; }

    /// <summary>Legend text of the censoring marks; default "gecensureerd". For stays, "verblijf loopt nog" may read better.</summary>
    public string? CensoredLabel { get; set; }

    /// <summary>The first time at which the curve is at or below 0.5, the usual definition of the median survival time; null if never.</summary>
    public double? MedianTime
    {
        get
        {
            if (StartValue <= 0.5)
            {
                return StartTime;
            }
            for (var i = 0; i < Times.Count; i++)
            {
                if (Values[i] <= 0.5)
                {
                    return Times[i];
                }
            }
            return null;
        }
    }

    /// <summary>The curve's value at time t: the value of the last step at or before t.</summary>
    public double ValueAt(double t)
    {
        var value = StartValue;
        for (var i = 0; i < Times.Count && Times[i] <= t; i++)
        {
            value = Values[i];
        }
        return value;
    }

    public IReadOnlyList<string>? Categories => null;

    public AxisLimits Limits
    {
        get
        {
            if (Times.Count == 0 && Censored.Count == 0 && EndTime is null)
            {
                return AxisLimits.Empty;
            }
            var x = DataRange.Of(Times).Union(DataRange.Of(Censored)).Include(StartTime).Include(End);
            // Survival is read against the full 0..1 scale; a curve starting above 1 (counts) still fits.
            var y = DataRange.Of(Values).Union(DataRange.Of(Lower ?? [])).Union(DataRange.Of(Upper ?? [])).Include(StartValue).Include(0);
            return new(x, y);
        }
    }

    public int StyleCount => 1;

    public IEnumerable<LegendItem> LegendItems(Language language)
    {
        yield return new(Label, LegendSwatch.Line, 0);
        if (Lower is not null)
        {
            yield return new(BandLabel ?? ChartText.ConfidenceBand(language), LegendSwatch.Band, 0);
        }
        if (Censored.Count > 0)
        {
            yield return new(CensoredLabel ?? ChartText.Censored(language), LegendSwatch.Plus, 0);
        }
    }

    public void Render(RenderContext context)
    {
        if (Limits.X.IsEmpty)
        {
            return;
        }
        var (svg, style) = (context.Svg, context.Style(0));
        if (Lower is not null && Upper is not null)
        {
            // The band is the upper step curve forward and the lower one back; a non-finite bound
            // (the variance is undefined where S reaches 0) collapses onto the curve there.
            var upper = Points(context.Layout, Bound(Upper), StartValue);
            var lower = Points(context.Layout, Bound(Lower), StartValue);
            var band = new PathData();
            foreach (var (x, y) in upper)
            {
                if (band.IsEmpty) band.MoveTo(x, y); else band.LineTo(x, y);
            }
            for (var i = lower.Count - 1; i >= 0; i--)
            {
                band.LineTo(lower[i].X, lower[i].Y);
            }
            svg.Element("path", ("class", "band"), ("d", band.ClosePath().ToString()), ("fill", style.Color), ("fill-opacity", 0.2), ("stroke", "none"));
        }

        var curve = new PathData();
        foreach (var (x, y) in Points(context.Layout, Values, StartValue))
        {
            if (curve.IsEmpty) curve.MoveTo(x, y); else curve.LineTo(x, y);
        }
        svg.Element("path", ("class", "step"), ("d", curve.ToString()), ("fill", "none"), ("stroke", style.Color),
            ("stroke-width", 2), ("stroke-dasharray", style.Dash), ("stroke-linejoin", "miter"));

        foreach (var t in Censored.Where(double.IsFinite))
        {
            Markers.Draw(svg, MarkerShape.Plus, context.Layout.DataToPixelX(t), context.Layout.DataToPixelY(ValueAt(t)), 8, style.Color, "censor");
        }
        if (MarkMedian)
        {
            DrawMedian(context);
        }
    }

    private double End => Math.Max(EndTime ?? double.NegativeInfinity,
        Math.Max(Times.Count > 0 ? Times[^1] : StartTime, Censored.Where(double.IsFinite).DefaultIfEmpty(StartTime).Max()));

    private IReadOnlyList<double> Bound(IReadOnlyList<double> bound) =>
        bound.Select((b, i) => double.IsFinite(b) ? b : Values[i]).ToList();

    /// <summary>The corner points of the step curve in pixels: across at the old value, then down to the new one.</summary>
    private List<(double X, double Y)> Points(Layout layout, IReadOnlyList<double> values, double start)
    {
        var points = new List<(double X, double Y)> { (layout.DataToPixelX(StartTime), layout.DataToPixelY(start)) };
        var previous = start;
        for (var i = 0; i < Times.Count; i++)
        {
            var x = layout.DataToPixelX(Times[i]);
            points.Add((x, layout.DataToPixelY(previous)));
            points.Add((x, layout.DataToPixelY(values[i])));
            previous = values[i];
        }
        points.Add((layout.DataToPixelX(End), layout.DataToPixelY(previous)));
        return points;
    }

    private void DrawMedian(RenderContext context)
    {
        var (svg, layout) = (context.Svg, context.Layout);
        var half = layout.DataToPixelY(0.5);
        var median = MedianTime;
        var guide = new PathData().MoveTo(layout.PlotLeft, half);
        string text;
        double labelX;
        if (median is { } m)
        {
            var x = layout.DataToPixelX(m);
            guide.LineTo(x, half).LineTo(x, layout.PlotBottom);
            text = ChartText.Median(context.Language) + " " + NumberText.Number(m, MedianDecimals, context.Language);
            labelX = x + 4;
        }
        else
        {
            guide.LineTo(layout.PlotRight, half);
            text = ChartText.MedianNotReached(context.Language);
            labelX = layout.PlotRight - 4;
        }
        // Keep the label inside the plot area: flip it to the left of the line near the right edge.
        var anchorEnd = labelX > layout.PlotLeft + layout.PlotWidth * 0.7;
        labelX = anchorEnd && median is not null ? labelX - 8 : labelX;
        svg.Element("path", ("class", "median"), ("d", guide.ToString()), ("fill", "none"), ("stroke", Palette.Axis),
            ("stroke-width", 1.25), ("stroke-dasharray", "5 4"));
        svg.Text("text", text, ("class", "median-label"), ("x", labelX), ("y", half - 5 - 14 * MedianLabelRow),
            ("text-anchor", anchorEnd ? "end" : "start"), ("font-size", 11), ("fill", Palette.Ink));
    }
}

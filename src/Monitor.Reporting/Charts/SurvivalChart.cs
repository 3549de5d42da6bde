using ScottPlot;

namespace Monitor.Reporting.Charts;

/// <summary>One step of a Kaplan–Meier curve: from <paramref name="Days"/> on, the share still staying and its 95% band.</summary>
public sealed record SurvivalStep(double Days, double Survival, double Lower, double Upper);

/// <summary>A Kaplan–Meier curve of one cohort, or a cohort left out (<see cref="Hidden"/>: too few youths).</summary>
/// <param name="End">The end of follow-up: the curve runs flat to here after its last step.</param>
/// <param name="Median">The first day the curve is at or below 50%, or null when it never gets there.</param>
public sealed record SurvivalCurve(string Label, IReadOnlyList<SurvivalStep> Steps, double End, double? Median, bool Hidden = false)
{
    public static SurvivalCurve LeftOut(string label) => new(label, [], 0, null, Hidden: true);
}

/// <summary>
/// Kaplan–Meier step curves with their 95% confidence bands: the share of stays still running after a
/// number of days. The curve is right-continuous as the estimator is, so each drop is a vertical line at
/// its day. A dashed line marks 50%; each curve's median is marked where it crosses it and named in the
/// legend. No censoring marks: each would be one child's stay still running.
/// </summary>
public sealed class SurvivalChart(string name, ChartText text, IReadOnlyList<SurvivalCurve> curves) : IChart
{
    public string Name { get; } = name;
    public ChartText Text { get; } = text;
    public IReadOnlyList<SurvivalCurve> Curves { get; } = curves;

    public string XLabel { get; init; } = "";
    public string ValueLabel { get; init; } = "";
    public IReadOnlyList<Color> Colors { get; init; } = ChartPalette.MeasurementLines;

    public PixelSize Size => new(ChartStyle.Width, 360);

    public IEnumerable<LeftOut> LeftOut => Curves.Where(c => c.Hidden).Select(c => new LeftOut(c.Label, "", true));

    public void Draw(Plot plot, ChartStyle style)
    {
        var legend = new List<LegendItem>();
        var end = Curves.Where(c => !c.Hidden).Select(c => c.End).DefaultIfEmpty(1).Max();
        var guide = plot.Add.HorizontalLine(0.5, 1.5f, ChartPalette.Ink);
        guide.ExcludeFromLegend = true;
        style.Pattern(p => guide.LinePattern = p, Dash.Dotted, ChartPalette.Ink, 1.5f);
        for (var i = 0; i < Curves.Count; i++)
        {
            var curve = Curves[i];
            if (curve.Hidden) continue;
            var color = ChartPalette.Pick(Colors, i);
            var pattern = i % 2 == 0 ? Dash.Dashed : Dash.Solid;

            // FillY has no step mode: the band's corners are written out, two points per step.
            var (xs, lower, upper) = (new List<double> { 0 }, new List<double> { 1 }, new List<double> { 1 });
            foreach (var step in curve.Steps)
            {
                xs.Add(step.Days); lower.Add(lower[^1]); upper.Add(upper[^1]);
                xs.Add(step.Days); lower.Add(Finite(step.Lower, step.Survival)); upper.Add(Finite(step.Upper, step.Survival));
            }
            xs.Add(Math.Max(curve.End, xs[^1])); lower.Add(lower[^1]); upper.Add(upper[^1]);
            var band = plot.Add.FillY(xs.ToArray(), lower.ToArray(), upper.ToArray());
            band.FillColor = color.WithAlpha(0.18);
            band.LineWidth = 0;

            var times = new List<double> { 0 };
            var values = new List<double> { 1 };
            foreach (var step in curve.Steps) { times.Add(step.Days); values.Add(step.Survival); }
            times.Add(Math.Max(curve.End, times[^1])); values.Add(values[^1]);
            var line = plot.Add.Scatter(times.ToArray(), values.ToArray(), color);
            line.ConnectStyle = ConnectStyle.StepHorizontal;
            line.LineWidth = ChartStyle.LineWidth;
            style.Pattern(p => line.LinePattern = p, pattern, color, ChartStyle.LineWidth);
            line.MarkerSize = 0;

            var name = curve.Label;
            if (curve.Median is { } median)
            {
                var mark = plot.Add.Line(median, 0.5, median, 0);
                mark.LineColor = color;
                mark.LineWidth = 1.5f;
                style.Pattern(p => mark.LinePattern = p, Dash.Dotted, color, 1.5f);
                plot.Add.Marker(median, 0.5, MarkerShape.FilledCircle, 10, color);
                name = style.Words.F("chart.survival_median", ("label", name), ("days", style.Format(median, ValueFormat.Count)));
            }
            else
            {
                name = style.Words.F("chart.survival_median_not_reached", ("label", name));
            }
            legend.Add(style.LineItem(name, color, pattern));
        }
        style.Values(plot.Axes.Bottom, ValueFormat.Count, XLabel);
        style.Values(plot.Axes.Left, ValueFormat.Percent, ValueLabel);
        plot.Axes.SetLimits(0, end * 1.02, 0, 1.02);
        style.Legend(plot, legend);
        // Two long legend entries do not fit in one row at this width.
        plot.Legend.Orientation = Orientation.Vertical;
    }

    // The band is undefined where the curve reaches 0 (Greenwood's variance): it collapses onto the curve there.
    private static double Finite(double bound, double survival) => double.IsFinite(bound) ? bound : survival;
}

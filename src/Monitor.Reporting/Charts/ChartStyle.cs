using Monitor.Core.Formatting;
using Monitor.Reporting.Report;
using ScottPlot;
using ScottPlot.TickGenerators;

namespace Monitor.Reporting.Charts;

/// <summary>
/// What every chart shares: the language its numbers are written in, text sizes, the frame, the axes and
/// the legend. The chart kinds call it, so all charts of a report look alike.
/// </summary>
public sealed class ChartStyle(Language language)
{
    private readonly List<(Action<LinePattern> Set, Dash Dash, Color Color, float Width)> _patterned = [];

    /// <summary>The width the page shows a chart at, in CSS pixels, when there is room.</summary>
    public const int Width = 480;

    /// <summary>
    /// Every text of a chart, in chart pixels. On a 390 px phone the report's padding leaves about 342 px
    /// for a chart, so a 480 px chart is drawn at 0.71 × its size: 16 px text is then 11.4 px, above the
    /// 11 px floor (issue 12). On a wider screen the chart stays 480 px and its text 16 px.
    /// </summary>
    public const float TextSize = 16;

    /// <summary>Room from the chart's edge to its data area, used to decide whether category labels fit under bars.</summary>
    public const float AxisRoom = 70;

    public Language Language { get; } = language;

    /// <summary>The words of the chart's language (Report/Text): a chart's own texts come from there too.</summary>
    public Words Words { get; } = Words.For(language);

    /// <summary>A number as the report's tables write it: "1.234", "€ 1.234", "12%".</summary>
    public string Format(double value, ValueFormat format, int decimals = 0) => format switch
    {
        ValueFormat.Count => NumberText.Number(value, 0, Language),
        ValueFormat.Number => NumberText.Number(value, decimals, Language),
        ValueFormat.Euro => NumberText.Euro(value, decimals, Language),
        ValueFormat.Percent => NumberText.Percent(value, decimals, Language),
        _ => throw new ArgumentOutOfRangeException(nameof(format)),
    };

    /// <summary>White background, dark text, light grid, no frame on top and right, no title (the page's figure has it).</summary>
    public void Frame(Plot plot)
    {
        plot.FigureBackground.Color = ChartPalette.Background;
        plot.DataBackground.Color = ChartPalette.Background;
        // No title drawn (the page's figure has it), but its empty panel keeps the legend off the top edge.
        plot.Axes.Title.Label.Text = "";
        plot.Axes.Title.MinimumSize = 10;
        plot.Axes.Color(ChartPalette.Ink);
        plot.Axes.Right.FrameLineStyle.Width = 0;
        plot.Axes.Top.FrameLineStyle.Width = 0;
        // Room on the right for the last tick label of a horizontal value axis ("100%").
        plot.Axes.Right.MinimumSize = 24;
        plot.Grid.MajorLineColor = ChartPalette.Grid;
        foreach (var axis in new IAxis[] { plot.Axes.Left, plot.Axes.Bottom })
        {
            axis.TickLabelStyle.FontSize = TextSize;
            axis.TickLabelStyle.ForeColor = ChartPalette.Ink;
            axis.Label.FontSize = TextSize;
            axis.Label.ForeColor = ChartPalette.Ink;
            axis.Label.Bold = false;
            axis.MinorTickStyle.Length = 0;
        }
    }

    /// <summary>Categories at positions 0, 1, 2 … with their names as tick labels (lines split at '\n').</summary>
    public static void Categories(IAxis axis, IReadOnlyList<string> names, IReadOnlyList<double> positions)
    {
        axis.TickGenerator = new NumericManual(positions.ToArray(), names.ToArray());
        axis.MajorTickStyle.Length = 0;
    }

    /// <summary>Where category <paramref name="index"/> sits: i from the left, or from the top when the bars lie down.</summary>
    public static double CategoryPosition(int index, int count, bool horizontal) => horizontal ? count - 1 - index : index;

    /// <summary>The axes of bars of either orientation: the categories on one, the values from zero to
    /// <paramref name="top"/> on the other, gridlines only across the values.</summary>
    /// <returns>The category axis, for its name.</returns>
    public IAxis BarAxes(Plot plot, IReadOnlyList<string> categories, bool horizontal, ValueFormat format, string valueLabel, double top)
    {
        var (categoryAxis, valueAxis) = horizontal ? ((IAxis)plot.Axes.Left, (IAxis)plot.Axes.Bottom) : (plot.Axes.Bottom, plot.Axes.Left);
        Categories(categoryAxis, categories, Enumerable.Range(0, categories.Count).Select(c => CategoryPosition(c, categories.Count, horizontal)).ToList());
        Values(valueAxis, format, valueLabel);
        if (horizontal)
        {
            plot.Axes.SetLimits(0, top, -0.5, categories.Count - 0.5);
            plot.Grid.YAxisStyle.IsVisible = false;
        }
        else
        {
            plot.Axes.SetLimits(-0.5, categories.Count - 0.5, 0, top);
            plot.Grid.XAxisStyle.IsVisible = false;
        }
        return categoryAxis;
    }

    /// <summary>A value axis whose tick labels are written as the tables write numbers.</summary>
    public void Values(IAxis axis, ValueFormat format, string label, int decimals = 0)
    {
        axis.TickGenerator = new NumericAutomatic
        {
            IntegerTicksOnly = format == ValueFormat.Count,
            LabelFormatter = v => Format(v, format, TickDecimals(format == ValueFormat.Percent ? v * 100 : v, decimals)),
            MinorTickGenerator = new EvenlySpacedMinorTickGenerator(0),
        };
        axis.Label.Text = label;
    }

    /// <summary>The legend above the data area, in one row when it fits, with the chart's text size.</summary>
    public void Legend(Plot plot, IEnumerable<LegendItem> items)
    {
        var list = items.ToList();
        if (list.Count == 0) return;
        plot.Legend.ManualItems.Clear();
        plot.Legend.ManualItems.AddRange(list);
        plot.Legend.DisplayPlottableLegendItems = false;
        plot.Legend.FontSize = TextSize;
        plot.Legend.FontName = ChartFonts.Family;
        plot.Legend.FontColor = ChartPalette.Ink;
        plot.Legend.Orientation = Orientation.Horizontal;
        plot.Legend.OutlineWidth = 0;
        plot.Legend.ShadowColor = Colors.Transparent;
        plot.Legend.BackgroundColor = ChartPalette.Background;
        // Items as wide as their text, and little padding: ScottPlot wraps the legend at the data area's
        // width, which is narrow beside long category names, and every wrapped row costs height.
        plot.Legend.TightHorizontalWrapping = true;
        plot.Legend.Margin = new PixelPadding(0);
        plot.Legend.Padding = new PixelPadding(2);
        plot.Legend.InterItemPadding = new PixelPadding(4, 14, 2, 2);
        var panel = plot.ShowLegend(Edge.Top);
        panel.Padding = new PixelPadding(0, 0, 4, 10);
        panel.Alignment = Alignment.UpperLeft;
    }

    /// <summary>
    /// Gives a line its dash through <paramref name="set"/>, and remembers it for the SVG: Skia's SVG
    /// export cannot write a dashed line ("Unsupported path effect") and leaves it out altogether, so the
    /// SVG is drawn with solid lines and <see cref="SvgFinisher"/> puts the dashes back as
    /// <c>stroke-dasharray</c> on the paths of this colour and width.
    /// </summary>
    public void Pattern(Action<LinePattern> set, Dash dash, Color color, float width)
    {
        set(Line(dash));
        if (dash != Dash.Solid) _patterned.Add((set, dash, color, width));
    }

    /// <summary>The dashes to write into the SVG: stroke colour (#RRGGBB), stroke width, dash array.</summary>
    internal IReadOnlyList<SvgDash> SvgDashes =>
        _patterned.Select(p => new SvgDash(p.Color.ToHex()[..7].ToUpperInvariant(), p.Width, DashArray(p.Dash))).Distinct().ToList();

    /// <summary>Solid lines while the SVG is drawn (<paramref name="solid"/>), the real dashes for the PNG.</summary>
    internal void SolidLines(bool solid)
    {
        foreach (var (set, dash, _, _) in _patterned) set(Line(solid ? Dash.Solid : dash));
    }

    private static LinePattern Line(Dash dash) => dash switch
    {
        Dash.Dashed => LinePattern.Dashed,
        Dash.Dotted => LinePattern.Dotted,
        Dash.DenselyDashed => LinePattern.DenselyDashed,
        _ => LinePattern.Solid,
    };

    // In SVG user units (CSS pixels), close to ScottPlot's own dashes in the PNG.
    private static string DashArray(Dash dash) => dash switch
    {
        Dash.Dotted => "2 4",
        Dash.DenselyDashed => "5 3",
        _ => "9 5",
    };

    public static LegendItem BoxItem(string label, Color fill) => new()
    {
        LabelText = label,
        FillColor = fill,
        OutlineColor = ChartPalette.Ink,
        OutlineWidth = 1,
    };

    public LegendItem LineItem(string label, Color color, Dash dash, MarkerShape marker = MarkerShape.None)
    {
        var item = new LegendItem
        {
            LabelText = label,
            LineColor = color,
            LineWidth = LineWidth,
            MarkerShape = marker,
            MarkerFillColor = color,
            MarkerLineColor = color,
            MarkerSize = marker == MarkerShape.None ? 0 : 9,
        };
        Pattern(p => item.LinePattern = p, dash, color, LineWidth);
        return item;
    }

    /// <summary>The width of a data line: thick enough to tell dashes apart in print.</summary>
    public const float LineWidth = 3;

    /// <summary>Whether category labels fit side by side under vertical bars; if not, the bars lie down.</summary>
    public static bool FitsUnderBars(IReadOnlyList<string> categories)
    {
        if (categories.Count == 0) return true;
        var room = (Width - AxisRoom) / categories.Count - 6;
        return categories.All(c => c.Split('\n').All(line => ChartFonts.Width(line, TextSize) <= room));
    }

    /// <summary>As few decimals as the tick needs (ticks fall on 0,5 or 2,5), but never fewer than asked for.</summary>
    private static int TickDecimals(double value, int decimals)
    {
        for (var d = 0; d < 4; d++)
        {
            if (d >= decimals && Math.Abs(Math.Round(value, d) - value) < 1e-9) return d;
        }
        return Math.Max(decimals, 3);
    }
}

/// <summary>How a line is drawn, so that lines differ in more than colour.</summary>
public enum Dash { Solid, Dashed, Dotted, DenselyDashed }

using Monitor.Core.Formatting;

namespace Monitor.Core.Charts;

/// <summary>Something a <see cref="Plot"/> can draw: one class per chart kind, after ScottPlot 5's IPlottable.</summary>
public interface IPlottable
{
    /// <summary>The category names of a categorical x axis (category i sits at x = i), or null for a numeric x axis.</summary>
    IReadOnlyList<string>? Categories { get; }

    /// <summary>The data extent; an axis with nothing to show is <see cref="DataRange.Empty"/>.</summary>
    AxisLimits Limits { get; }

    /// <summary>How many series styles (colour, pattern, dash) this plottable uses, so the next one gets fresh ones.</summary>
    int StyleCount { get; }

    /// <summary>The legend entries; those with an empty label are not shown.</summary>
    IEnumerable<LegendItem> LegendItems(Language language);

    /// <summary>Draws the plottable inside the plot area.</summary>
    void Render(RenderContext context);
}

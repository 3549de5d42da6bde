using Monitor.Core.Formatting;
using ScottPlot;

namespace Monitor.Reporting.Charts;

/// <summary>
/// A chart of the report: its data (series, values, labels, what is hidden) and how it is drawn with
/// ScottPlot. One class per chart kind; <see cref="ChartRenderer"/> turns any of them into SVG and PNG.
/// </summary>
public interface IChart
{
    /// <summary>The file name without extension (<c>charts/NAME.svg</c>, <c>.png</c>) and the prefix of every id in its SVG.</summary>
    string Name { get; }

    ChartText Text { get; }

    /// <summary>The size the page shows the chart at, in CSS pixels; the PNG has twice as many.</summary>
    PixelSize Size { get; }

    /// <summary>Every value the chart does not draw: hidden ones and missing ones, in reading order.</summary>
    IEnumerable<LeftOut> LeftOut { get; }

    /// <summary>Draws the chart's data onto a plot the renderer has styled already.</summary>
    void Draw(Plot plot, ChartStyle style);
}

/// <param name="Title">Short name: the SVG's &lt;title&gt;, read first by screen readers.</param>
/// <param name="Description">What the chart shows, in words: the SVG's &lt;desc&gt;.</param>
/// <param name="Caption">What the reader sees under the chart; the renderer adds what is not drawn.</param>
public sealed record ChartText(string Title, string Description, string Caption);

/// <summary>How the chart's numbers read: ticks and value labels go through <see cref="NumberText"/> in the report's language.</summary>
public enum ValueFormat { Count, Number, Euro, Percent }

using Monitor.Core.Formatting;
using ScottPlot;

namespace Monitor.Reporting.Charts;

/// <summary>A chart as the report writes it: inline SVG, <c>charts/NAME.svg</c>, <c>charts/NAME.png</c>, and its caption.</summary>
/// <param name="Svg">The finished SVG element (no XML declaration), the same inline and in the file.</param>
/// <param name="Png">The PNG at twice the page's size, for slides and memos.</param>
/// <param name="Caption">The chart's caption with what it leaves out.</param>
public sealed record RenderedChart(IChart Chart, string Svg, byte[] Png, string Caption)
{
    public string Name => Chart.Name;
}

/// <summary>Draws any <see cref="IChart"/> with ScottPlot, in the report's font, language and culture.</summary>
public static class ChartRenderer
{
    /// <summary>PNG pixels per page pixel: twice, so the image stays sharp on a high-density screen or a slide.</summary>
    public const int PngScale = 2;

    /// <param name="hiddenReason">How the caption says why hidden values are left out ("minder dan 10").</param>
    public static RenderedChart Render(IChart chart, Language language, string hiddenReason)
    {
        ChartFonts.Register();
        if (string.IsNullOrWhiteSpace(chart.Text.Title) || string.IsNullOrWhiteSpace(chart.Text.Description))
        {
            throw new InvalidOperationException($"chart {chart.Name} needs a title and a description for screen readers");
        }
        var (width, height) = ((int)chart.Size.Width, (int)chart.Size.Height);
        var (svg, png) = ChartCulture.With(language, () =>
        {
            using var plot = new Plot();
            var style = new ChartStyle(language);
            style.Frame(plot);
            chart.Draw(plot, style);
            plot.ScaleFactor = 1;
            style.SolidLines(true);
            var xml = plot.GetSvgXml(width, height);
            style.SolidLines(false);
            plot.ScaleFactor = PngScale;
            return (SvgFinisher.Finish(xml, "chart-" + chart.Name, chart.Text, width, height, style.SvgDashes),
                plot.GetImageBytes(width * PngScale, height * PngScale, ImageFormat.Png));
        });
        var note = ChartCaption.LeftOutNote(chart, language, hiddenReason);
        var caption = note.Length == 0 ? chart.Text.Caption : $"{chart.Text.Caption} {note}";
        return new RenderedChart(chart, svg, png, caption);
    }
}

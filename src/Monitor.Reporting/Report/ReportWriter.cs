using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Monitor.Core.Publication;
using Monitor.Reporting.Charts;
using Monitor.Reporting.Report.Components;
using Monitor.Reporting.Report.Files;

namespace Monitor.Reporting.Report;

/// <summary>The report's files: <c>index.html</c> (one file, inline SVG and CSS, no scripts, nothing fetched),
/// every chart as <c>charts/NAME.svg</c> and <c>.png</c>, every table as <c>tables/NAME.csv</c> and as a sheet of
/// <c>tabellen.xlsx</c>, and <c>published.json</c>.</summary>
/// <param name="Charts">Each chart with its data, so a test can read what it shows.</param>
public sealed record ReportOutput(string Html, IReadOnlyList<RenderedChart> Charts, IReadOnlyList<ReportTable> Tables, Published Published, ReportModel Model);

/// <summary>
/// Writes the report for policy staff (Dutch by default): the one <see cref="Published"/> is made first
/// (<see cref="ReportFigures.Build"/>), and every output reads it.
/// </summary>
public static class ReportWriter
{
    public const string Workbook = "tabellen.xlsx";
    public const string PublishedFile = "published.json";

    /// <summary>Renders the report. Pure: the same input gives the same bytes.</summary>
    public static ReportOutput Render(ReportInput input)
    {
        var published = ReportFigures.Build(input);
        var builder = new ReportBuilder(input, published);
        var model = builder.Build();
        var html = "<!DOCTYPE html>\n" + RenderHtml(model, builder.V);
        return new ReportOutput(html, builder.Charts, builder.Tables, published, model);
    }

    private static string RenderHtml(ReportModel model, View view)
    {
        // Text is encoded as HTML needs it (<, >, &, quotes), not every letter outside ASCII: "beëindigd" stays
        // readable in the file, as it was before the components.
        using var services = new ServiceCollection().AddSingleton(HtmlEncoder.Create(UnicodeRanges.All)).BuildServiceProvider();
        using var renderer = new HtmlRenderer(services, NullLoggerFactory.Instance);
        return renderer.Dispatcher.InvokeAsync(async () =>
        {
            var parameters = ParameterView.FromDictionary(new Dictionary<string, object?> { ["Model"] = model, ["View"] = view });
            var root = await renderer.RenderComponentAsync<ReportPage>(parameters);
            return root.ToHtmlString();
        }).GetAwaiter().GetResult();
    }

    /// <summary>Writes the report into <paramref name="folder"/>.</summary>
    /// <returns>The path of index.html.</returns>
    public static string Write(ReportInput input, string folder)
    {
        var output = Render(input);
        var charts = Path.Combine(folder, "charts");
        var tables = Path.Combine(folder, "tables");
        // An earlier report's chart or table that this one leaves out must not linger.
        foreach (var (dir, pattern) in new[] { (charts, "*.svg"), (charts, "*.png"), (tables, "*.csv") })
        {
            Directory.CreateDirectory(dir);
            foreach (var stale in Directory.GetFiles(dir, pattern)) File.Delete(stale);
        }
        var utf8 = new UTF8Encoding(false);
        foreach (var chart in output.Charts)
        {
            File.WriteAllText(Path.Combine(charts, chart.Name + ".svg"), "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + chart.Svg, utf8);
            File.WriteAllBytes(Path.Combine(charts, chart.Name + ".png"), chart.Png);
        }
        var view = new View(output.Published, Words.For(input.Options.Language));
        foreach (var table in output.Tables)
            File.WriteAllText(Path.Combine(tables, table.File + ".csv"), TableCsv.Write(table, view), new UTF8Encoding(true));
        File.WriteAllBytes(Path.Combine(folder, Workbook), TableWorkbook.Write(output.Tables, view, output.Model));
        File.WriteAllText(Path.Combine(folder, PublishedFile), PublishedJson.Write(output.Published, input), utf8);
        var index = Path.Combine(folder, "index.html");
        File.WriteAllText(index, output.Html, utf8);
        return index;
    }
}

using System.Text;
using Monitor.Core.Formatting;
using Monitor.Reporting.Charts;

namespace Monitor.Reporting.Report;

/// <summary>The report's files: <c>index.html</c> (one file, inline SVG and CSS, no scripts, nothing
/// fetched), every chart as <c>charts/NAME.svg</c> and <c>charts/NAME.png</c>, every table as <c>tables/NAME.csv</c>.</summary>
/// <param name="Charts">Each chart with its data, so a test can read what it shows.</param>
public sealed record ReportOutput(string Html, IReadOnlyList<RenderedChart> Charts, IReadOnlyList<(string Name, string Csv)> Tables);

/// <summary>
/// Writes the chart report for policy staff and researchers (Dutch by default): key figures, length of
/// stay, how the figures depend on the episode rule, providers, costs, another region, and the method.
/// </summary>
public static class ReportWriter
{
    /// <summary>Renders the report. Pure: the same input gives the same bytes.</summary>
    public static ReportOutput Render(ReportInput input)
    {
        var context = new ReportContext(input);
        var main = input.Main;
        var title = context.L("Verblijfsmonitor jeugdhulp", "Youth residential care monitor");
        var scope = main.Baseline.Region ?? input.Options.RegionA ?? context.L("Alle regio's", "All regions");
        context.Line("<!DOCTYPE html>");
        context.Line($"<html lang=\"{(context.Dutch ? "nl" : "en")}\">");
        context.Line("<head>");
        context.Line("<meta charset=\"utf-8\">");
        context.Line("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">");
        context.Line($"<title>{ReportContext.Encode($"{title} — {scope}, {main.Baseline.Period} / {main.Followup.Period}")}</title>");
        context.Line($"<style>{Style}</style>");
        context.Line("</head>");
        context.Line("<body>");
        context.Line("<header>");
        context.Line($"<h1>{ReportContext.Encode(title)}</h1>");
        context.Paragraph(context.L(
            $"{scope}: nulmeting {main.Baseline.Period} en vervolgmeting {main.Followup.Period}, {context.AsOfText(main)}. " +
            $"Gemaakt op {DateText.Long(DateOnly.FromDateTime(input.GeneratedAt.UtcDateTime), context.Language)}.",
            $"{scope}: baseline {main.Baseline.Period} and follow-up {main.Followup.Period}, {context.AsOfText(main)}. " +
            $"Made on {DateText.Long(DateOnly.FromDateTime(input.GeneratedAt.UtcDateTime), context.Language)}."), "meta");
        context.Paragraph(context.L(
            $"Aantallen van 1 tot en met {context.Suppression.Threshold - 1} staan als \"<{context.Suppression.Threshold}\", en gemiddelden en grafieken over minder dan {context.Suppression.Threshold} jeugdigen zijn weggelaten, zodat geen cijfer naar één kind te herleiden is.",
            $"Counts of 1 to {context.Suppression.Threshold - 1} show as \"<{context.Suppression.Threshold}\", and means and charts over fewer than {context.Suppression.Threshold} youths are left out, so that no figure points to a single child."), "note");
        context.Line("</header>");
        context.Line("<nav><ol>");
        foreach (var (id, dutch, english) in Contents(input))
            context.Line($"<li><a href=\"#{id}\">{ReportContext.Encode(context.L(dutch, english))}</a></li>");
        context.Line("</ol></nav>");
        context.Line("<main>");
        foreach (var write in new Action<ReportContext>[]
                 {
                     KeyFiguresSection.Write, StaySection.Write, SensitivitySection.Write, ProviderSection.Write,
                     CostSection.Write, OutcomesSection.Write, RegionSection.Write, MethodSection.Write,
                 })
        {
            context.Line("<section>");
            write(context);
            context.Line("</section>");
        }
        context.Line("</main>");
        context.Line($"<footer><p>{ReportContext.Encode(context.L("Verblijfsmonitor, protocolversie 2. De grafieken en tabellen staan ook als losse bestanden in charts/ en tables/.",
            "Verblijfsmonitor, protocol version 2. The charts and tables are also separate files in charts/ and tables/."))}</p></footer>");
        context.Line("</body>");
        context.Line("</html>");
        return new ReportOutput(context.Html.ToString(), context.Charts, context.Tables);
    }

    /// <summary>Writes the report into <paramref name="folder"/>: index.html, charts/, tables/.</summary>
    /// <returns>The path of index.html.</returns>
    public static string Write(ReportInput input, string folder)
    {
        var output = Render(input);
        var charts = Path.Combine(folder, "charts");
        var tables = Path.Combine(folder, "tables");
        // An earlier report's chart or table that this one leaves out (suppressed now) must not linger.
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
        foreach (var (name, csv) in output.Tables)
            File.WriteAllText(Path.Combine(tables, name + ".csv"), csv, utf8);
        var index = Path.Combine(folder, "index.html");
        File.WriteAllText(index, output.Html, utf8);
        return index;
    }

    private static IEnumerable<(string Id, string Dutch, string English)> Contents(ReportInput input)
    {
        yield return ("kerncijfers", "Kerncijfers", "Key figures");
        yield return ("verblijfsduur", "Verblijfsduur", "Length of stay");
        if (input.Sensitivity.Count > 0) yield return ("gevoeligheid", "Gevoeligheid voor de episoderegel", "Dependence on the episode rule");
        yield return ("aanbieders", "Aanbieders", "Providers");
        yield return ("kosten", "Kosten", "Costs");
        if (input.Main.Baseline.Outcomes is not null) yield return ("uitkomsten", "Uitkomsten", "Outcomes");
        if (input.Regions.Count > 0) yield return ("regios", "Vergelijking van regio's", "Comparing regions");
        yield return ("methode", "Methode en verantwoording", "Method");
    }

    /// <summary>Readable on screen and on paper, in colour and in grey: dark text, no colour-only meaning.</summary>
    private const string Style = """
        :root { color-scheme: light; }
        body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1a1a1a; background: #fff; margin: 0 auto; max-width: 60rem; padding: 1.5rem; line-height: 1.5; }
        h1 { font-size: 1.8rem; margin-bottom: .25rem; } h2 { margin-top: 2.5rem; border-bottom: 2px solid #1a1a1a; padding-bottom: .2rem; } h3 { margin-top: 1.5rem; }
        .meta { color: #333; } .note { font-size: .9rem; color: #333; border-left: 4px solid #0072B2; padding-left: .75rem; }
        .warning { font-size: .9rem; color: #1a1a1a; border-left: 4px solid #E69F00; background: #fff7e6; padding: .3rem .75rem; }
        .disclaimer { font-style: italic; border-left: 4px solid #D55E00; padding-left: .75rem; }
        nav ol { columns: 2; }
        table { border-collapse: collapse; margin: 1rem 0; width: 100%; font-variant-numeric: tabular-nums; }
        caption { text-align: left; font-weight: 600; padding-bottom: .3rem; } caption a { font-weight: normal; font-size: .85rem; margin-left: .5rem; }
        th, td { border-bottom: 1px solid #bbb; padding: .3rem .5rem; text-align: left; vertical-align: top; } th[scope=row] { font-weight: normal; }
        th[scope=col] { vertical-align: bottom; } .num { text-align: right; } td.num { white-space: nowrap; }
        figure { margin: 1rem 0; } figure svg { max-width: 100%; height: auto; } figcaption { font-size: .9rem; color: #333; }
        dt { font-weight: 600; margin-top: .5rem; } dd { margin-left: 1.5rem; }
        footer { margin-top: 3rem; font-size: .85rem; color: #333; }
        @media print { body { max-width: none; padding: 0; } nav { display: none; } h2 { break-before: page; } figure, table { break-inside: avoid; } a { color: inherit; text-decoration: none; } }
        """;
}

using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Monitor.Core.Episodes;
using Monitor.Core.Formatting;
using Monitor.Core.Measurements;
using Monitor.Core.Privacy;
using Monitor.Reporting.Charts;
using Monitor.Reporting.Csv;

namespace Monitor.Reporting.Report;

/// <summary>
/// What the sections write into: the HTML, the chart files and the tables, with the report's language
/// and its small-number suppression applied in one place, so no section can forget it.
/// </summary>
internal sealed class ReportContext(ReportInput input)
{
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    public ReportInput Input { get; } = input;
    public Language Language { get; } = input.Options.Language;
    public Suppression Suppression { get; } = new(input.Options.SuppressionThreshold);
    public StringBuilder Html { get; } = new();
    public List<RenderedChart> Charts { get; } = [];
    public List<(string Name, string Csv)> Tables { get; } = [];

    public bool Dutch => Language == Language.Dutch;

    /// <summary>The Dutch or the English text.</summary>
    public string L(string dutch, string english) => Dutch ? dutch : english;

    public static string Encode(string text) => Encoder.Encode(text);

    public void Line(string html) => Html.Append(html).Append('\n');

    public void Paragraph(string text, string? cssClass = null) =>
        Line($"<p{(cssClass is null ? "" : $" class=\"{cssClass}\"")}>{Encode(text)}</p>");

    public void Heading(string id, string text) => Line($"<h2 id=\"{id}\">{Encode(text)}</h2>");

    public void SubHeading(string text) => Line($"<h3>{Encode(text)}</h3>");

    // --- numbers as the report shows them

    public string Count(long count) => Suppression.Count(count, Language);

    /// <summary>A statistic, or "–" when it is missing or rests on too few youths.</summary>
    public string Value(double? value, int youths, int decimals) =>
        value is { } v && Suppression.AllowsStatisticOver(youths) ? NumberText.Number(v, decimals, Language) : "–";

    public string Euro(decimal? value, int youths) =>
        value is { } v && Suppression.AllowsStatisticOver(youths) ? NumberText.Euro(Math.Round(v), 0, Language) : "–";

    public string Percent(double fraction, int decimals = 0) => NumberText.Percent(fraction, decimals, Language);

    public string Date(DateOnly date) => DateText.Long(date, Language);

    public static int Youths(IEnumerable<Episode> episodes) => episodes.Select(e => e.YouthId).Distinct().Count();

    /// <summary>Whether two different periods were read at one as-of date: then the later one has had less
    /// time to end its stays, and the figures that depend on the as-of date are marked (PROTOCOL.md 6).</summary>
    public bool OneAsOfForTwoPeriods(Measurement baseline, Measurement followup) =>
        baseline.AsOf == followup.AsOf && baseline.Period != followup.Period;

    /// <summary>The as-of dates of two measurements, in words.</summary>
    public string AsOfText(Comparison comparison)
    {
        var (a, b) = (comparison.Baseline, comparison.Followup);
        if (comparison.WindowDays is { } days && a.AsOf != b.AsOf)
            return L($"peildatum {Date(a.AsOf)} voor de nulmeting en {Date(b.AsOf)} voor de vervolgmeting: elke periode {days} dagen na haar einde, zodat beide even lang gevolgd zijn",
                $"as-of date {Date(a.AsOf)} for the baseline and {Date(b.AsOf)} for the follow-up: each period {days} days after its end, so both were followed equally long");
        return L($"peildatum {Date(a.AsOf)}", $"as-of date {Date(a.AsOf)}");
    }

    /// <summary>The coverage warnings of a measurement (PROTOCOL.md 3.4), in the report's words.</summary>
    public void Warnings(Measurement m, string label)
    {
        foreach (var w in m.Warnings)
            Paragraph(L($"Let op ({label}): het bestand {w.File} loopt tot {Date(w.CoverageDate)}, vóór de peildatum {Date(w.AsOf)}. " +
                        $"{Count(w.OpenSegments)} lopende verblijfsregels daaruit tellen mee als nog in verblijf tot de peildatum, hoewel niet bekend is wat er na {Date(w.CoverageDate)} gebeurde.",
                $"Note ({label}): the file {w.File} covers up to {Date(w.CoverageDate)}, before the as-of date {Date(w.AsOf)}. " +
                $"{Count(w.OpenSegments)} running segments from it count as still in care up to the as-of date, although nothing is known of them after {Date(w.CoverageDate)}."), "warning");
    }

    /// <summary>Counts as a chart may draw them: a count the tables hide (1 to threshold−1) is hidden in
    /// the chart too, since a bar's height would show it.</summary>
    public IReadOnlyList<ChartValue> Counts(IEnumerable<long> counts) =>
        counts.Select(c => Suppression.HidesCount(c) ? ChartValue.Hidden : ChartValue.Shown(c)).ToList();

    /// <summary>A statistic as a chart may draw it: hidden over too few youths, as the tables show "–".</summary>
    public ChartValue Statistic(double? value, int youths) =>
        !Suppression.AllowsStatisticOver(youths) ? ChartValue.Hidden : ChartValue.Of(value);

    // --- charts and tables

    /// <summary>Adds a chart inline and as its own files (SVG and PNG), or, over too few youths, a note instead.
    /// The caption gets a sentence naming every value the chart does not draw.</summary>
    public void Chart(IChart chart, int youths)
    {
        if (!Suppression.AllowsStatisticOver(youths))
        {
            Paragraph(L($"Grafiek weggelaten: minder dan {Suppression.Threshold} jeugdigen.",
                $"Chart left out: fewer than {Suppression.Threshold} youths."), "note");
            return;
        }
        var rendered = ChartRenderer.Render(chart, Language, L($"minder dan {Suppression.Threshold}", $"fewer than {Suppression.Threshold}"));
        Charts.Add(rendered);
        var name = chart.Name;
        Line($"<figure id=\"fig-{name}\">");
        Line(rendered.Svg);
        Line($"<figcaption>{Encode(rendered.Caption)} <a href=\"charts/{name}.svg\">{Encode(L("Grafiek als los bestand", "Chart as a separate file"))}</a> " +
            $"(<a href=\"charts/{name}.png\">PNG</a>)</figcaption>");
        Line("</figure>");
    }

    /// <summary>Adds a table to the page and as <c>tables/NAME.csv</c>, with the same (suppressed) values.</summary>
    /// <param name="figureKeys">Per row, the protocol key of the figure (for readers and tests), or null.</param>
    /// <param name="textColumns">Columns of words rather than numbers: left-aligned, and free to wrap.</param>
    public void Table(string name, string caption, IReadOnlyList<string> header, IReadOnlyList<IReadOnlyList<string>> rows,
        IReadOnlyList<string?>? figureKeys = null, IReadOnlyList<string>? columnKeys = null, IReadOnlySet<int>? textColumns = null)
    {
        if (figureKeys is not null && figureKeys.Count != rows.Count)
            throw new ArgumentException($"table {name}: {figureKeys.Count} figure keys for {rows.Count} rows", nameof(figureKeys));
        string Class(int column) => column > 0 && textColumns?.Contains(column) != true ? " class=\"num\"" : "";
        Line($"<table id=\"table-{name}\">");
        Line($"<caption>{Encode(caption)} <a href=\"tables/{name}.csv\">CSV</a></caption>");
        Line("<thead><tr>" + string.Concat(header.Select((h, i) => $"<th scope=\"col\"{Class(i)}>{Encode(h)}</th>")) + "</tr></thead>");
        Line("<tbody>");
        for (var r = 0; r < rows.Count; r++)
        {
            var key = figureKeys?[r];
            var cells = rows[r].Select((cell, c) =>
            {
                if (c == 0) return $"<th scope=\"row\">{Encode(cell)}</th>";
                var data = key is not null && columnKeys is not null && c - 1 < columnKeys.Count
                    ? $" data-figure=\"{key}\" data-column=\"{columnKeys[c - 1]}\"" : "";
                return $"<td{Class(c)}{data}>{Encode(cell)}</td>";
            });
            Line("<tr>" + string.Concat(cells) + "</tr>");
        }
        Line("</tbody></table>");

        using var csv = new StringWriter();
        var writer = new CsvText(csv, Dutch ? ';' : ',');
        writer.Row(header);
        foreach (var row in rows) writer.Row(row);
        Tables.Add((name, csv.ToString()));
    }
}

using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using CsvHelper;

namespace Monitor.Integration.Tests.Support;

/// <summary>
/// A written report folder read back as its readers would: the page, <c>published.json</c> (flattened to
/// figure keys), and every <c>tables/*.csv</c> read with CsvHelper under the invariant culture. Which figure a
/// CSV cell holds is read from the page's table (each figure cell names its key in <c>data-key</c>).
/// </summary>
public sealed partial class ReportFolder
{
    /// <summary>A figure as published.json has it: its value (null: no value), or hidden.</summary>
    public sealed record Figure(double? Value, bool Hidden);

    public ReportFolder(string folder)
    {
        Folder = folder;
        Html = File.ReadAllText(Path.Combine(folder, "index.html"));
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "published.json")));
        Json = json.RootElement.Clone();
        foreach (var property in Json.EnumerateObject())
        {
            if (property.Name is "protocol_version" or "threshold" or "parameters") continue;
            Flatten(property.Value, property.Name);
        }
        Threshold = Json.GetProperty("threshold").GetInt32();
    }

    public string Folder { get; }
    public string Html { get; }
    public JsonElement Json { get; }
    public int Threshold { get; }
    public Dictionary<string, Figure> Published { get; } = new(StringComparer.Ordinal);

    private void Flatten(JsonElement e, string key)
    {
        switch (e.ValueKind)
        {
            case JsonValueKind.Object when e.TryGetProperty("suppressed", out var s) && s.ValueKind == JsonValueKind.True:
                Published[key] = new Figure(null, true);
                break;
            case JsonValueKind.Object:
                foreach (var p in e.EnumerateObject()) Flatten(p.Value, key + "." + p.Name);
                break;
            case JsonValueKind.Number:
                Published[key] = new Figure(e.GetDouble(), false);
                break;
            case JsonValueKind.Null:
                Published[key] = new Figure(null, false);
                break;
            default:
                throw new InvalidDataException($"{key}: {e.ValueKind} in published.json");
        }
    }

    public IEnumerable<string> TableFiles => Directory.GetFiles(Path.Combine(Folder, "tables"), "*.csv").Order(StringComparer.Ordinal);

    /// <summary>The figure keys of a page table, row by row: for each row the key of each cell after the label (null: words).</summary>
    public IReadOnlyList<(string Label, string[] Classes, IReadOnlyList<string?> Keys, IReadOnlyList<string> Texts)> PageTable(string name)
    {
        var table = Regex.Match(Html, $"<table id=\"table-{Regex.Escape(name)}\">(.*?)</table>", RegexOptions.Singleline);
        Assert.True(table.Success, $"no table {name} on the page");
        var body = Regex.Match(table.Groups[1].Value, "<tbody>(.*?)</tbody>", RegexOptions.Singleline).Groups[1].Value;
        var rows = new List<(string, string[], IReadOnlyList<string?>, IReadOnlyList<string>)>();
        foreach (Match row in Regex.Matches(body, "<tr(?<attrs>[^>]*)>(?<cells>.*?)</tr>", RegexOptions.Singleline))
        {
            var classes = Regex.Match(row.Groups["attrs"].Value, "class=\"([^\"]*)\"").Groups[1].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var label = WebUtility.HtmlDecode(Regex.Replace(Regex.Match(row.Groups["cells"].Value, "<th[^>]*>(.*?)</th>", RegexOptions.Singleline).Groups[1].Value, "<[^>]+>", "")).Trim();
            var cells = Regex.Matches(row.Groups["cells"].Value, "<td(?<attrs>[^>]*)>(?<text>.*?)</td>", RegexOptions.Singleline);
            rows.Add((label, classes,
                cells.Select(c => Regex.Match(c.Groups["attrs"].Value, "data-key=\"([^\"]*)\"") is { Success: true } m ? m.Groups[1].Value : null).ToList(),
                cells.Select(c => WebUtility.HtmlDecode(c.Groups["text"].Value)).ToList()));
        }
        return rows;
    }

    /// <summary>A CSV file as CsvHelper reads it: the header and the rows of cells.</summary>
    public static (string[] Header, List<string[]> Rows) ReadCsv(string path)
    {
        var bytes = File.ReadAllBytes(path);
        Assert.True(bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF, $"{Path.GetFileName(path)} has no UTF-8 BOM");
        // CsvHelper as a script would read the file; numbers are then parsed with the invariant culture.
        using var csv = CsvReader.FromFile(path, CsvReaderOptions.Default with { Separator = ',', HasHeader = true, Mode = CsvMode.Rfc4180 });
        var header = csv.Headers.ToArray();
        Assert.False(header[0].StartsWith('\uFEFF'), "the BOM is read as part of the first header");
        var rows = new List<string[]>();
        while (csv.Read()) rows.Add(Enumerable.Range(0, csv.FieldCount).Select(i => csv.GetString(i) ?? "").ToArray());
        return (header, rows);
    }

    /// <summary>
    /// Every figure cell of every CSV table with its key (from the page) and the number the file holds (null: empty cell).
    /// The cells after the label (and the unit column, when the file has one) are the page's cells in order.
    /// </summary>
    public IEnumerable<(string File, string Key, double? Number)> CsvFigures()
    {
        foreach (var path in TableFiles)
        {
            var name = Path.GetFileNameWithoutExtension(path);
            var (header, rows) = ReadCsv(path);
            var page = PageTable(name);
            Assert.Equal(page.Count, rows.Count);
            for (var r = 0; r < rows.Count; r++)
            {
                var keys = page[r].Keys;
                var offset = header.Length - keys.Count;
                Assert.InRange(offset, 1, 2);
                for (var c = 0; c < keys.Count; c++)
                {
                    if (keys[c] is not { } key) continue;
                    var cell = rows[r][offset + c];
                    yield return (name, key, cell.Length == 0 ? null : double.Parse(cell, NumberStyles.Float, CultureInfo.InvariantCulture));
                }
            }
        }
    }
}

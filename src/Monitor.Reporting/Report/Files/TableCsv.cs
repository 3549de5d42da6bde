using System.Globalization;
using Monitor.Reporting.Csv;

namespace Monitor.Reporting.Report.Files;

/// <summary>
/// A report table as data: <c>tables/FILE.csv</c>, comma-separated, UTF-8 with a BOM (so Excel reads "€" and "ë"),
/// plain invariant numbers with every digit (units and the sign convention are in the header, never in a cell),
/// and an empty cell where the page shows a marker: a hidden figure never appears as a number.
/// </summary>
public static class TableCsv
{
    public static string Write(ReportTable table, View view)
    {
        using var text = new StringWriter(CultureInfo.InvariantCulture) { NewLine = "\n" };
        var csv = new CsvText(text);
        var header = new List<object?> { table.LabelHeader.Length > 0 ? table.LabelHeader : view.W["file.column.label"] };
        if (table.HasUnits) header.Add(view.W["file.column.unit"]);
        header.AddRange(table.Columns.Select(c => c.FileHeader));
        csv.Row(header);
        foreach (var row in table.Rows)
        {
            var cells = new List<object?> { row.Label };
            if (table.HasUnits) cells.Add(row.UnitText ?? "");
            // A cell with no figure behind it (an area without stays in one period) is empty, as a hidden one is.
            cells.AddRange(row.Cells.Select(c => c.Key is null ? c.Text == View.NoValueMark ? "" : c.Text : Number(view, c.Key)));
            csv.Row(cells);
        }
        return text.ToString();
    }

    /// <summary>The figure as a file holds it: its full value when published, else nothing.</summary>
    public static string Number(View view, string key) =>
        view.Marker(key) is null ? view.Value(key)!.Value.ToString("R", CultureInfo.InvariantCulture) : "";
}
